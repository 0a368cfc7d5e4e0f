/**
 * Sveltia CMS's Vietnamese strings call its collections "Chuyên mục", the site's word for
 * categories: a form showing both would say "Chuyên mục" for two different things. The
 * editor's own word becomes "nhóm nội dung"; the site's categories keep "Chuyên mục".
 */
export function adaptLocale(json: string): string {
  const strings = JSON.parse(json) as unknown;
  const adapt = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replaceAll('Chuyên mục', 'Nhóm nội dung').replaceAll('chuyên mục', 'nhóm nội dung');
    if (Array.isArray(value)) return value.map(adapt);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, adapt(inner)]));
    }
    return value;
  };
  return JSON.stringify(adapt(strings));
}
