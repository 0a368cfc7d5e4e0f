/**
 * Sveltia CMS's Vietnamese strings, adapted for this site:
 * - its word for collections, "Chuyên mục", is the site's word for categories: a form showing
 *   both would say "Chuyên mục" for two different things. The editor's own word becomes
 *   "nhóm nội dung"; the site's categories keep "Chuyên mục".
 * - strings its `vi` locale lacks (0.221.1 falls back to English) that an editor meets while
 *   writing, saving or signing in are added; configuration errors and folder tools stay English.
 */
export const MISSING_STRINGS: Readonly<Record<string, string>> = {
  show_errors: 'Xem lỗi',
  list_item_options: 'Tùy chọn của mục',
  select_item: 'Chọn {$name}',
  replace_file: 'Thay tệp',
  replace_image: 'Thay ảnh',
  remove_file: 'Gỡ tệp',
  remove_image: 'Gỡ ảnh',
  file_unavailable: 'Không có tệp',
  file_unavailable_description: 'Không tải được tệp này. Có thể tệp đã bị chuyển đi hoặc bị xoá.',
  sign_in_using_access_token_workflow_note:
    'Vì trang quản trị có bước duyệt bài, mã này cũng cần quyền đọc và ghi yêu cầu hợp nhất (pull request).',
  'entry_sidebar.slug.title': 'Đường dẫn',
  'entry_sidebar.slug.generated_on_save':
    'Đường dẫn được tạo từ nội dung bài khi lưu. Ngày giờ trong đó lấy theo lúc lưu.',
  'entry_sidebar.slug.unavailable': 'Bài này không có đường dẫn.',
  'save_conflict.title': 'Người khác đã sửa bài này',
  'save_conflict.modified_by': '{$name} đã sửa bài này lúc {$date}, sau khi bạn mở bài.',
  'save_conflict.modified': 'Bài này đã được sửa trong kho sau khi bạn mở bài.',
  'save_conflict.deleted': 'Bài này đã bị xoá khỏi kho sau khi bạn mở bài.',
  'save_conflict.overwrite_warning': 'Nếu lưu bây giờ, những chỗ họ sửa sẽ mất.',
  'save_conflict.recreate_warning': 'Nếu lưu bây giờ, bài sẽ được tạo lại.',
  'save_conflict.save_anyway': 'Vẫn lưu',
  'save_conflict.branch_moved': 'Kho vừa được người khác cập nhật trong lúc lưu. Mời bạn thử lại.',
  'remote_change.reload_entry': 'Tải lại bài',
  'remote_change.confirm_reloading_entry': 'Bạn có chắc muốn tải lại bài? Những chỗ chưa lưu sẽ mất.',
};

/** The `vi` locale file of Sveltia CMS (JSON text), adapted as described above. */
export function adaptLocale(json: string): string {
  const strings = JSON.parse(json) as Record<string, unknown>;
  const adapt = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replaceAll('Chuyên mục', 'Nhóm nội dung').replaceAll('chuyên mục', 'nhóm nội dung');
    }
    if (Array.isArray(value)) return value.map(adapt);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, adapt(inner)]));
    }
    return value;
  };
  const adapted = adapt(strings) as Record<string, unknown>;
  for (const [path, text] of Object.entries(MISSING_STRINGS)) {
    const keys = path.split('.');
    let target = adapted;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = keys.at(-1) as string;
    if (!(last in target)) target[last] = text;
  }
  return JSON.stringify(adapted);
}
