/** Site facts: the one place that names the institute, its address and its house rules. */
export const site = {
  /** The institute's name, shown in the header, print view and metadata. */
  name: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
  /** Short name for tight spaces (browser tab suffix, mobile header). */
  shortName: 'Học viện Cán bộ TP.HCM',
  /** One line about the site, used as the home page description. */
  description: 'Tin tức, sự kiện và hoạt động của Học viện Cán bộ Thành phố Hồ Chí Minh.',
  /** Absolute base URL of the published site (no trailing slash). */
  url: 'https://hocviencanbo.hochiminhcity.gov.vn',
  /** Language of every page, as in `<html lang>`. */
  lang: 'vi',
  /** Open Graph locale. */
  locale: 'vi_VN',
  /** Every date is shown and grouped in this zone, whatever the build machine's TZ. */
  timeZone: 'Asia/Ho_Chi_Minh',
  /** Articles per listing page (home, categories). */
  pageSize: 20,
  /** How many related articles an article page lists. */
  relatedCount: 5,
  /** Length limit of a summary, the ellipsis included. */
  summaryLength: 200,
  /** How many of the newest articles the RSS feed carries. */
  feedSize: 50,
  /** The institute's logo (a file in public/), for structured data. */
  logo: { path: '/logo.png', width: 512, height: 512 },
  /** What a story may hold: beyond these it is refused with a message naming the limit. */
  limits: {
    /** Largest story file (Markdown with frontmatter), in bytes. */
    storyBytes: 4 * 1024 * 1024,
    /** Largest frontmatter, in bytes. */
    frontmatterBytes: 64 * 1024,
    /** YAML aliases (`*name`) a frontmatter may use: anchors that expand exponentially are refused. */
    yamlAliases: 100,
    /** Deepest nesting of quotes and lists in a body. */
    nesting: 50,
    /** The earliest year a story may be dated (the institute's archive starts after it). */
    earliestYear: 1945,
    /** How far ahead of today a story may be dated (scheduled stories), in days. */
    daysAhead: 366,
  },
  /** Category used when an article names none. */
  defaultCategory: 'tin-tuc-su-kien',
  /** Categories in navigation order: slug → Vietnamese name. */
  categories: {
    'tin-tuc-su-kien': 'Tin tức - Sự kiện',
    'dao-tao-boi-duong': 'Đào tạo - Bồi dưỡng',
    'nghien-cuu-khoa-hoc': 'Nghiên cứu khoa học',
    'hop-tac-quoc-te': 'Hợp tác quốc tế',
    'thong-bao': 'Thông báo',
    'doan-the': 'Hoạt động đoàn thể',
  },
} as const;

/** A category slug defined in the site config. */
export type CategorySlug = keyof typeof site.categories;

/** The category slugs, in navigation order. */
export const categorySlugs = Object.keys(site.categories) as CategorySlug[];
