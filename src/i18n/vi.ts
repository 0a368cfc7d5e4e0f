/** Every string a reader or an editor sees, keyed by where it appears. */
export const vi = {
  'site.skipLink': 'Bỏ qua, đến nội dung chính',
  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.categories': 'Chuyên mục',
  'nav.archive': 'Lưu trữ',
  'nav.search': 'Tìm kiếm',
  'footer.rights': 'Bản quyền thuộc {name}.',
  'footer.archive': 'Xem toàn bộ bài viết theo năm, tháng',
  'home.title': 'Tin mới',
  'list.empty': 'Chưa có bài viết nào.',
  'pagination.label': 'Phân trang',
  'pagination.previous': 'Trang trước',
  'pagination.next': 'Trang sau',
  'pagination.page': 'Trang {page}',
  'pagination.status': 'Trang {page}/{pages}',
  'breadcrumb.label': 'Vị trí trang',
  'article.updated': 'Cập nhật ngày:',
  'article.revised': 'sửa lần cuối',
  'article.author': 'Tin: {author}',
  'article.source': '(thêm nguồn từ {source})',
  'article.photo': 'Ảnh: {photoCredit}',
  'article.tags': 'Từ khóa:',
  'article.print': 'Bản in',
  'article.printLabel': 'Bản in của bài viết',
  'article.neighbours': 'Bài khác',
  'article.newer': 'Bài mới hơn',
  'article.older': 'Bài cũ hơn',
  'article.related': 'Bài liên quan',
  'embed.video': 'Video',
  'footnote.label': 'Chú thích',
  'footnote.back': 'Quay lại chỗ dẫn chú thích {n}',
  'print.button': 'In bài viết',
  'print.back': 'Quay lại bài viết',
  'print.url': 'Địa chỉ bài viết:',
  'archive.title': 'Lưu trữ',
  'archive.intro': 'Toàn bộ bài viết, xếp theo năm và tháng.',
  'archive.year': 'Năm {year}',
  'archive.month': 'Tháng {month}/{year}',
  'archive.count': '{count} bài',
  'archive.monthName': 'Tháng {month}',
  'category.title': 'Chuyên mục: {name}',
  'tag.title': 'Từ khóa: {name}',
  'tags.title': 'Từ khóa',
  'tags.intro': 'Mọi từ khóa của các bài viết, xếp theo vần, kèm số bài.',
  'search.title': 'Tìm kiếm',
  'search.intro': 'Tìm bài viết theo từ trong tiêu đề và nội dung. Gõ có dấu hay không dấu đều được.',
  'search.label': 'Từ khóa tìm kiếm',
  'search.formLabel': 'Tìm bài viết',
  'search.placeholder': 'Ví dụ: hoc vien can bo',
  'search.submit': 'Tìm',
  'search.loading': 'Đang tìm…',
  'search.results': 'Tìm thấy {count} bài viết cho “{query}”.',
  'search.none': 'Không tìm thấy bài viết nào cho “{query}”. Mời bạn thử từ khóa khác, hoặc bớt từ.',
  'search.more': 'Xem thêm kết quả',
  'search.unavailable': 'Chưa tải được bộ tìm kiếm. Mời bạn thử lại sau, hoặc xem lưu trữ bài viết.',
  'search.noscript': 'Tìm kiếm cần JavaScript. Bạn vẫn có thể xem bài viết theo chuyên mục hoặc trong lưu trữ.',
  'search.resultsLabel': 'Kết quả tìm kiếm',
  'feed.title': 'Tin mới — {name}',
  'redirect.heading': 'Bài viết đã chuyển sang địa chỉ mới',
  'redirect.lead': 'Mời bạn đọc bài tại địa chỉ mới:',
  'notFound.moved': 'Địa chỉ cũ này nay là bài viết ở địa chỉ mới. Đang chuyển bạn đến:',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc xem lưu trữ bài viết.',
  // What a story file's bytes hold (src/lib/text/encoding.ts), one key per problem code.
  'encoding.name.tcvn3': 'TCVN3 (ABC, phông .VnTime)',
  'encoding.name.vni': 'VNI (phông VNI-Times)',
  'encoding.name.windows-1258': 'Windows-1258',
  'encoding.utf16':
    'tệp được lưu bằng mã UTF-16, không phải UTF-8. Cách sửa: mở tệp bằng Notepad, chọn Tệp → Lưu thành… → Mã hóa: UTF-8, rồi lưu.',
  'encoding.binary':
    'tệp không phải văn bản thuần (có thể là ảnh, tệp Word .docx hay PDF bị đổi tên). Cách sửa: mở tệp gốc bằng Word, chọn Lưu thành… → Văn bản thuần (*.txt) → Unicode (UTF-8).',
  'encoding.not-utf8':
    'tệp không được lưu bằng mã UTF-8, và không phải bảng mã tiếng Việt cũ nào nhận ra được (TCVN3, VNI, Windows-1258). Cách sửa: mở tệp bằng Notepad, chọn Tệp → Lưu thành… → Mã hóa: UTF-8; trong Word: Lưu thành… → Văn bản thuần, Unicode (UTF-8).',
  'encoding.legacy-vietnamese':
    'tệp được gõ bằng bảng mã cũ {encoding}, không phải Unicode. Cách sửa: chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn {encoding}, đích Unicode) hoặc nhập tệp bằng npm run import, rồi lưu với Mã hóa: UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8; Word: Văn bản thuần, Unicode (UTF-8)).',
  'encoding.legacy-in-utf8':
    'chữ trong tệp là bảng mã cũ {encoding} bị lưu nhầm thành UTF-8 (chữ hiện thành kiểu “Häc viÖn”). Cách sửa: lấy lại tệp gốc rồi chuyển sang Unicode bằng Unikey (nguồn {encoding}, đích Unicode) hoặc nhập bằng npm run import, và lưu với Mã hóa: UTF-8.',
  'encoding.mojibake':
    'chữ trong tệp đã bị mã hóa UTF-8 hai lần (hiện thành kiểu “Há»c viá»‡n”). Cách sửa: lấy lại bản gốc, mở bằng Notepad, chọn Tệp → Lưu thành… → Mã hóa: UTF-8, rồi lưu; đừng mở tệp UTF-8 bằng chế độ “Western” hay “ANSI”.',
  'encoding.cr':
    'tệp dùng kiểu xuống dòng CR của máy Mac đời cũ. Cách sửa: mở tệp bằng Notepad hoặc trình soạn thảo, lưu lại với kiểu xuống dòng Windows (CRLF) hoặc Unix (LF).',
  // npm run import
  'import.usage': 'Cách dùng: npm run import -- ĐƯỜNG_DẪN... [--out THƯ_MỤC_NỘI_DUNG] [--dry-run]',
  'import.badArguments': 'tham số không hợp lệ: {error}',
  'import.noPath': 'ĐƯỜNG_DẪN: hãy chỉ ra ít nhất một tệp xuất .txt hoặc một thư mục chứa các tệp đó',
  'import.skipped': 'Bỏ qua {file}: {reason}',
  'import.notFound': 'không tìm thấy (cần một tệp xuất .txt hoặc một thư mục chứa các tệp đó)',
  'import.emptyFolder': '{path}: thư mục này không có tệp .txt nào',
  'import.unreadable': 'không đọc được tệp ({error})',
  'import.failed': 'lỗi khi nhập tệp ({error})',
  'import.converted': '{file}: đã chuyển từ bảng mã {encoding} sang Unicode (NFC)',
  'import.controlCharacters':
    '{file}: đã bỏ các ký tự điều khiển (dấu ngắt dòng, ngắt trang của Word thành xuống dòng trong đoạn)',
  'import.imported': 'Đã nhập {file} → {target}',
  'import.wouldImport': 'Sẽ nhập {file} → {target}',
  'import.exists': '{target} đã có, giữ nguyên, không ghi đè',
  'import.slugTaken':
    'đường dẫn "{slug}" đã thuộc về {owner} (cần tệp xuất có tên tệp hoặc tiêu đề cho một đường dẫn mới)',
  'import.dryRun': 'Chạy thử (--dry-run): chưa ghi tệp nào',
  'import.summary': 'Đã nhập {imported} bài, bỏ qua {skipped} tệp',
  'import.empty': 'tệp trống (cần tiêu đề bài ở dòng đầu)',
  'import.noTitle': 'không có tiêu đề (cần tiêu đề bài ở dòng đầu, trên dòng "Cập nhật ngày: DD/MM/YYYY")',
  'import.noDateLine': 'không có dòng ngày (cần dòng "Cập nhật ngày: DD/MM/YYYY" dưới tiêu đề)',
  'import.badDate': 'không đọc được ngày trong dòng "{line}" (cần "Cập nhật ngày: DD/MM/YYYY")',
  'import.badYear':
    'năm "{year}" trong dòng "{line}" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ "Cập nhật ngày: 15/02/2023")',
  'import.noText': 'không có nội dung (cần các đoạn văn của bài dưới dòng "Cập nhật ngày")',
  // npm run new
  'new.usage': 'Cách dùng: npm run new -- "Tiêu đề bài viết" [--category CHUYÊN_MỤC] [--date DD/MM/YYYY] [--folder]',
  'new.badArguments': 'tham số không hợp lệ: {error}',
  'new.oneTitle': 'title: hãy ghi đúng một tiêu đề, trong dấu ngoặc kép (ví dụ: npm run new -- "Tiêu đề bài viết")',
  'new.noWords':
    'title: "{title}" không có chữ hay số nào để làm đường dẫn của bài (cần tiêu đề có chữ, ví dụ "Hội nghị tổng kết năm 2026")',
  'new.controlCharacters': 'title: đã bỏ các ký tự điều khiển trong tiêu đề (ví dụ dấu ngắt dòng của Word): "{title}"',
  'new.unknownCategory': '--category: không có chuyên mục "{category}" (chọn một trong: {categories})',
  'new.badDate': '--date: không đọc được "{date}" là một ngày (cần DD/MM/YYYY, ví dụ 15/02/2026)',
  'new.badYear': '--date: năm "{year}" trong "{date}" không hợp lệ (năm phải có đúng bốn chữ số, ví dụ 15/02/2026)',
  'new.exists': '{file}: tệp đã có, không ghi gì (hãy chọn tiêu đề khác, hoặc mở tệp đó để sửa)',
  'new.slugTaken':
    'slug: đường dẫn "{slug}" đã thuộc về {owner}, không ghi gì (hai bài không thể chung một đường dẫn; hãy chọn tiêu đề khác)',
  'new.created': 'Đã tạo {file}',
  'new.address': 'Địa chỉ khi đăng: {url}',
} as const;

/** A key of the UI dictionary. */
export type UiKey = keyof typeof vi;

/** Looks up a UI string and fills its `{placeholders}`. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
