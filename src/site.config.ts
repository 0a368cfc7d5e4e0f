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
  /**
   * The web editor at /quan-tri/ (Sveltia CMS). On the editor's own computer (`npm run preview`,
   * address http://localhost:…/quan-tri/) it can always work on the project folder itself
   * ("local repository", Chrome or Edge). Online it saves through this Git host:
   * `github`, `gitlab` or `gitea` (Gitea and Forgejo); see docs/huong-dan-bien-tap.md.
   */
  cms: {
    /** `github`, `gitlab` or `gitea`. */
    backend: 'github',
    /** The repository on that host, `owner/name`. */
    repo: 'hocviencanbo/ban-tin',
    /** The branch the site is built from. */
    branch: 'main',
    /** The host's API; empty for the public github.com / gitlab.com / gitea.com. */
    apiRoot: '',
    /** Where editors sign in (OAuth); empty for the host's own. */
    authUrl: '',
    /** OAuth application id (GitLab PKCE, Gitea/Forgejo); empty to sign in with a token only. */
    appId: '',
    /** Draft → review → publish as pull/merge requests (GitHub and GitLab only). */
    editorialWorkflow: true,
  },
} as const;

/** A category slug defined in the site config. */
export type CategorySlug = keyof typeof site.categories;

/** The category slugs, in navigation order. */
export const categorySlugs = Object.keys(site.categories) as CategorySlug[];
