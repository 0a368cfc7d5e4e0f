/** Site facts: the one place that names the institute, its address and its house rules. */
export const site = {
  /** The institute's name, shown in the header, print view and metadata. */
  name: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
  /** Short name for tight spaces (browser tab suffix, mobile header). */
  shortName: 'Học viện Cán bộ TP.HCM',
  /** The letters in the emblem beside the name (header, share images). */
  emblem: 'HVCB',
  /** The site's icon, a file in public/. */
  favicon: '/favicon.svg',
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
  /**
   * The agency behind the site, shown in the footer of every page and on "Liên hệ"
   * (Decree 42/2022/NĐ-CP: owning agency, address, phone, e-mail, who answers for the content).
   */
  agency: {
    /** The owning agency ("Cơ quan chủ quản"). */
    owner: 'Thành ủy - Ủy ban nhân dân Thành phố Hồ Chí Minh',
    /** Postal address. */
    address: '324 Chu Văn An, Phường 12, Quận Bình Thạnh, Thành phố Hồ Chí Minh',
    /** Phone as shown, and as dialled (E.164) for the `tel:` link. */
    phone: { written: '(028) 3841 2384', dial: '+842838412384' },
    /** Fax as shown, when there is one. */
    fax: '(028) 3841 2385',
    /** E-mail for readers. */
    email: 'hocviencanbo@tphcm.gov.vn',
    /** The person responsible for the content ("Chịu trách nhiệm nội dung"). */
    responsible: 'Giám đốc Học viện Cán bộ Thành phố Hồ Chí Minh',
    /** Licence line of the portal; empty when it has none. */
    licence: '',
    /** The institute's name in English, for the English page and share images. */
    englishName: 'Ho Chi Minh City Cadre Academy',
  },
  /** The standing page (its file name in content/pages/) that shows the agency's details under its text. */
  contactPage: 'lien-he',
  /** Related agencies' sites, listed in the footer of every page. */
  relatedLinks: [
    { name: 'Cổng thông tin điện tử Thành phố Hồ Chí Minh', url: 'https://www.hochiminhcity.gov.vn' },
    { name: 'Báo Sài Gòn Giải Phóng', url: 'https://www.sggp.org.vn' },
    { name: 'Học viện Chính trị quốc gia Hồ Chí Minh', url: 'https://hcma.vn' },
    { name: 'Báo điện tử Đảng Cộng sản Việt Nam', url: 'https://dangcongsan.vn' },
  ],
  /** The institute's colours, for share images (the header's red and the emblem's gold). */
  colours: { red: '#9b1c1c', redDark: '#7a1414', gold: '#fcd34d', paper: '#ffffff' },
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
