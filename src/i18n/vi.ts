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
  // Messages for editors (`npm run check`, the build, the preview's notice): what is wrong, then
  // "(cần …; ví dụ …)" with what to write instead.
  'problem.line': '{file}: {field}: {message}',
  'problem.warning': 'cảnh báo: {message}',
  'problem.hint': 'gợi ý: {message}',
  'problem.dateForms':
    "DD/MM/YYYY, YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm (giờ Việt Nam, có thể thêm múi giờ như +07:00); ví dụ date: '15/02/2024'",
  'problem.file.tooLarge':
    'tệp nặng {size}, quá giới hạn {limit} của một bài (cần tách thành nhiều bài, hoặc bỏ bớt phần chép thừa)',
  'problem.file.name':
    'tên tệp có ký tự "{char}", máy chủ web không phục vụ được (cần tên chỉ gồm chữ, số và dấu -, ví dụ 2024-02-15-le-khai-giang.md)',
  'problem.file.outside':
    'tệp là liên kết tới {target}, nằm ngoài thư mục nội dung (cần chép bài vào trong thư mục {root})',
  'problem.file.unicodeForm':
    'tên tệp chỉ khác {other} ở cách mã hóa dấu tiếng Việt (NFC/NFD), nên là cùng một địa chỉ (cần đổi tên hoặc xóa một trong hai tệp)',
  'problem.file.unreadable': 'không đọc được tệp ({reason})',
  'problem.articles.missing': 'không có thư mục bài viết (cần thư mục nội dung có thư mục con articles/)',
  'problem.frontmatter.missingStart':
    'tệp không bắt đầu bằng dòng --- (cần phần đầu bài: một dòng ---, các dòng "trường: giá trị" như title: và date:, rồi một dòng ---)',
  'problem.frontmatter.missingEnd':
    'thiếu dòng --- đóng phần đầu bài (cần một dòng chỉ có --- sau dòng "trường: giá trị" cuối cùng, trước nội dung bài)',
  'problem.frontmatter.tooLarge':
    'phần đầu bài nặng {size}, quá giới hạn {limit} (cần chỉ các trường title, date, …; nội dung đặt sau dòng --- thứ hai)',
  'problem.frontmatter.yaml':
    'phần đầu bài sai cú pháp ở dòng {line}: {reason} (cần các dòng "trường: giá trị"; chữ có dấu : # [ ] { } thì đặt trong dấu nháy đơn, ví dụ title: \'Hội nghị: tổng kết năm 2023\')',
  'problem.frontmatter.aliases':
    'phần đầu bài dùng quá nhiều tham chiếu YAML (*…), quá giới hạn {limit} (cần viết thẳng giá trị của từng trường)',
  'problem.frontmatter.notMapping':
    'phần đầu bài không phải các dòng "trường: giá trị" (cần ví dụ title: Tiêu đề bài viết)',
  'problem.required': 'chưa có (cần {expected})',
  'problem.text': 'cần chữ, không phải {given} (ví dụ {example})',
  'problem.empty': 'đang để trống (cần {expected})',
  'problem.title.expected': "tiêu đề bài viết, ví dụ title: 'Lễ khai giảng năm học mới'",
  'problem.credit.expected': 'tên người hoặc đơn vị, ví dụ author: Thanh Tiên',
  'problem.summary.expected': 'một, hai câu tóm tắt bài, hoặc bỏ hẳn dòng summary để trang tự lấy đoạn đầu',
  'problem.date.expected': 'ngày dạng {forms}',
  'problem.date.unreadable': 'không đọc được "{value}" thành ngày (cần {forms})',
  'problem.date.year': 'năm "{year}" trong "{value}" phải có đúng 4 chữ số (cần {forms})',
  'problem.date.tooEarly': 'ngày {date} sớm hơn năm {year}: có gõ nhầm năm không? (cần ngày thật của bài)',
  'problem.date.tooLate':
    'ngày {date} muộn hơn hôm nay ({today}) quá {days} ngày: có gõ nhầm năm không? (cần ngày thật của bài)',
  'problem.updated.beforeDate': 'sớm hơn ngày đăng (cần ngày sửa bài, không sớm hơn date)',
  'problem.category.unknown': '"{value}" không phải chuyên mục của trang (cần một trong: {choices})',
  'problem.category.type': 'cần tên một chuyên mục (một trong: {choices})',
  'problem.list': 'cần một danh sách trong ngoặc vuông, ví dụ {example}',
  'problem.tags.example': 'tags: [Đào tạo, Hội nghị]',
  'problem.tags.noSlug':
    'từ khóa "{tag}" không có chữ cái hay chữ số nào để làm địa chỉ trang (cần từ khóa bằng chữ, ví dụ Đào tạo)',
  'problem.tags.commaList':
    'từ khóa viết thành một dòng có dấu phẩy đã được hiểu là {count} từ khóa; nên viết trong ngoặc vuông: {example}',
  'problem.cover.shape': 'cần dạng cover: { src: ./anh-bia.jpg, alt: Mô tả ảnh, caption: Chú thích }',
  'problem.cover.unknownKey': 'trường "{key}" không thuộc ảnh bìa (cần src, alt và caption)',
  'problem.cover.src': 'tên tệp ảnh đặt cạnh bài, ví dụ src: ./anh-bia.jpg',
  'problem.cover.alt': 'mô tả ngắn của ảnh cho người không xem được ảnh, ví dụ alt: Quang cảnh hội nghị',
  'problem.cover.caption': 'chú thích dưới ảnh, ví dụ caption: Quang cảnh buổi lễ.',
  'problem.image.missing':
    'không thấy tệp ảnh "{src}" (cần một tệp ảnh đặt cạnh bài, trong thư mục của bài, ví dụ ./anh-1.jpg)',
  'problem.image.outside':
    'ảnh "{src}" nằm ngoài thư mục nội dung (cần chép ảnh vào thư mục của bài và viết ./ten-anh.jpg)',
  'problem.image.type': 'tệp "{src}" không phải ảnh dùng được (cần ảnh {types})',
  'problem.image.svg':
    'ảnh "{src}" là SVG, có thể chứa mã chạy trên trang (cần ảnh {types}; xuất lại biểu đồ thành PNG)',
  'problem.image.broken': 'tệp ảnh "{src}" hỏng hoặc không phải ảnh thật (cần mở ảnh trên máy, lưu lại thành {types})',
  'problem.draft': 'cần true (bản nháp, chưa đăng) hoặc false (đăng), không phải "{value}"',
  'problem.slug':
    '"{value}" không dùng được làm địa chỉ (cần chữ thường a-z không dấu, số và dấu - đơn, tối đa {max} ký tự; ví dụ slug: le-khai-giang-2024)',
  'problem.slug.fromName': 'tên tệp không cho ra địa chỉ nào (cần tên có chữ hoặc số, hoặc thêm trường slug)',
  'problem.slug.taken':
    '"{slug}" đã là địa chỉ của {other} (cần một địa chỉ chưa bài nào dùng: đổi tên tệp hoặc thêm trường slug)',
  'problem.alias.example':
    'cần một địa chỉ cũ của trang trước, như /tin-tuc/1234.html, /tin-tuc/cu/ hoặc /Default.aspx?tabid=1',
  'problem.alias.start': '"{alias}" không bắt đầu bằng một dấu "/" ({example})',
  'problem.alias.chars': '"{alias}" có {what}, không thể là đường dẫn trên máy chủ ({example})',
  'problem.alias.escape': '"{alias}" có mã %-thoát hỏng hoặc mã hai lần ({example})',
  'problem.alias.dots': '"{alias}" đi ra ngoài thư mục bằng "." hoặc ".." ({example})',
  'problem.alias.long': '"{alias}" quá dài: {what} ({example})',
  'problem.alias.special':
    '"{alias}" trùng tệp đặc biệt của máy chủ ({name}); viết vào đó sẽ làm hỏng trang (cần địa chỉ một trang cũ)',
  'problem.alias.page':
    '"{alias}" là một trang của chính trang web ({page}) (cần một địa chỉ cũ không phải trang nào của trang web)',
  'problem.alias.taken': '"{alias}" đã là địa chỉ của {other} (cần một địa chỉ cũ chưa bài nào dùng)',
  'problem.alias.fileAndFolder':
    '"{alias}" vừa là tệp vừa là thư mục với "{other}" của {owner} (máy chủ không thể có cả hai; cần bỏ một trong hai)',
  'problem.body.nesting':
    'nội dung lồng nhau quá sâu (trích dẫn hoặc danh sách lồng quá {limit} tầng; cần bớt dấu > hoặc thụt lề)',
  'problem.body.render': 'không dựng được nội dung bài: {reason}',
  'problem.unknownField': 'trường lạ, trang không dùng (cần một trong: {fields})',
  'problem.unknownFieldNear': 'trường lạ, trang không dùng (có phải ý bạn là "{near}"?)',
  'problem.titleLong': 'tiêu đề dài {count} ký tự (nên ngắn hơn {max})',
  'problem.summaryLong': 'tóm tắt dài {count} ký tự, bạn đọc sẽ thấy bị cắt (nên tối đa {max})',
  'problem.futureDate': '{date} là ngày trong tương lai (hôm nay ở Việt Nam là {today})',
  'problem.coverAlt': 'ảnh bìa chưa có mô tả (nên viết alt: mô tả ngắn của ảnh cho người không xem được ảnh)',
  'problem.imageAlt': 'ảnh "{src}" chưa có mô tả (nên viết ![mô tả ảnh]({src}))',
  'problem.tagSpellings': 'từ khóa "{names}" chung một trang /the/{slug}/ ({files}); nên thống nhất một cách viết',
  'check.summary': 'Đã kiểm tra {articles} bài: {errors} lỗi, {warnings} cảnh báo.',
  'check.scheduled': '{count} bài lên lịch đăng.',
  'check.failed': 'Có lỗi: sửa các dòng trên rồi chạy lại.',
  'build.failed': '{count} lỗi trong bài viết, trang chưa được dựng:',
  'build.cannotStart': 'không chạy được astro build: {reason}',
  'build.kept': 'trang đang có trong {dir}/ được giữ nguyên',
  'build.noneWritten': 'chưa có gì được ghi vào {dir}/',
  'build.interrupted': 'Đã dừng dựng trang ({signal}): {kept}.',
  'build.failedRun': 'Dựng trang không thành ({how}): {kept}.',
  'build.stoppedBy': 'bị dừng bởi {signal}',
  'build.exitStatus': 'mã thoát {code}',
  'build.more': 'và {count} tệp nữa',
  'build.leaked': 'Không đăng bản dựng này: thư mục mới chứa mã máy chủ của Astro (có cả bản nháp), nên {kept}:',
  'build.swapFailed': 'Không thay được trang mới vào chỗ ({reason}): {kept}.',
  'build.published': 'Đã dựng xong, trang ở {dir}/',
  'build.crashed': 'Dựng trang không thành: {reason}',
  'dev.noticeTitle': 'Có {count} lỗi trong bài viết: các bài lỗi tạm không hiện trên bản xem thử.',
  'dev.noticeHint': 'Sửa tệp rồi lưu lại, thông báo sẽ tự mất.',
  'dev.draft': 'Bản nháp: chưa đăng',
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
