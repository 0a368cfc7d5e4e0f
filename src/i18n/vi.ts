/** Every string a reader sees, keyed by where it appears. */
export const vi = {
  'site.skipLink': 'Bỏ qua, đến nội dung chính',
  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.categories': 'Chuyên mục',
  'nav.archive': 'Lưu trữ',
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
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body':
    'Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc xem lưu trữ bài viết.',
} as const;

/** A key of the UI dictionary. */
export type UiKey = keyof typeof vi;

/** Looks up a UI string and fills its `{placeholders}`. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
