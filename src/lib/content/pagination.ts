/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pages: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): [Page<T>, ...Page<T>[]] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = (index: number) => ({ items: items.slice(index * size, (index + 1) * size), page: index + 1, pages });
  return [page(0), ...Array.from({ length: pages - 1 }, (_, index) => page(index + 1))];
}
