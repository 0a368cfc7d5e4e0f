import { t, vi, type UiKey } from '../i18n/vi';
import { MAX_SLUG_LENGTH } from '../lib/content/slug';
import { site } from '../site.config';

/** The Git hosts the web editor can save through. */
export type GitBackend = 'github' | 'gitlab' | 'gitea';

/** The `cms` block of the site config. */
export interface CmsSettings {
  backend: GitBackend;
  repo: string;
  branch: string;
  apiRoot: string;
  authUrl: string;
  appId: string;
  editorialWorkflow: boolean;
}

/** The site facts the editor's form is made from. */
export interface CmsSite {
  name: string;
  timeZone: string;
  summaryLength: number;
  defaultCategory: string;
  categories: Readonly<Record<string, string>>;
  cms: CmsSettings;
}

/** A form field in Sveltia CMS's configuration (the subset this site uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  [option: string]: unknown;
}

/** Where stories live, from the repository's root (the folder an editor opens in local mode). */
export const ARTICLE_FOLDER = 'content/articles';

/** The name of the custom file format: frontmatter written the way `npm run new` writes it. */
export const ARTICLE_FORMAT = 'ban-tin-md';

/** The collection of stories in folder form, in the editor's addresses (`#/collections/bai-viet`). */
export const ARTICLE_COLLECTION = 'bai-viet';

/** Stories written as one `.md` file (no folder): listed and edited, never created. */
export const SINGLE_FILE_COLLECTION = 'bai-viet-mot-tep';

/** `<YYYY>/<YYYY-MM-DD>-<slug>` below the articles folder, from the story's date (see articleFilePath). */
const DAY_PATH = "{{fields.date | date('YYYY')}}/{{fields.date | date('YYYY-MM-DD')}}-{{slug}}";

const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
// One leading "/", then no space, "#" or backslash: what src/lib/discovery/redirects.ts accepts, in short.
const ALIAS_PATTERN = '^/[^/\\s#\\\\][^\\s#\\\\]*$|^/$';

/**
 * Every frontmatter field of an article as a form field, in the order the file is
 * written (the seed story's order), each named after its frontmatter key in
 * `src/lib/content/article-schema.ts`. Labels and hints are what editors read.
 */
export function articleFields(settings: CmsSite = site): CmsField[] {
  const labelled = (name: string, widget: string, required: boolean, options: Record<string, unknown> = {}) =>
    ({
      name: name.split('.').pop() as string,
      label: t(`admin.field.${name}` as UiKey),
      widget,
      required,
      ...(`admin.hint.${name}` in vi ? { hint: t(`admin.hint.${name}` as UiKey) } : {}),
      ...options,
    }) satisfies CmsField;
  // Typed and stored in Vietnam time, with its offset (`2026-02-15T08:30:00+07:00`), so every build
  // machine reads the same instant. No custom `format`: with `input_timezone`, Sveltia CMS 0.221.1
  // stops responding when a `format` is also given.
  const date = { input_timezone: settings.timeZone };
  return [
    labelled('title', 'string', true),
    labelled('date', 'datetime', true, { ...date, default: '{{now}}' }),
    labelled('category', 'select', true, {
      default: settings.defaultCategory,
      options: Object.entries(settings.categories).map(([value, label]) => ({ label, value })),
    }),
    labelled('author', 'string', false),
    labelled('source', 'string', false),
    labelled('photoCredit', 'string', false),
    labelled('summary', 'text', false, {
      maxlength: settings.summaryLength,
      hint: t('admin.hint.summary', { max: settings.summaryLength }),
    }),
    labelled('tags', 'list', false, { allow_add: true, field: labelled('tag', 'string', true) }),
    labelled('cover', 'object', false, {
      collapsed: false,
      fields: [
        labelled('cover.src', 'image', true),
        labelled('cover.alt', 'string', true),
        labelled('cover.caption', 'string', false),
      ],
    }),
    labelled('attachments', 'list', false, {
      allow_add: true,
      fields: [labelled('attachments.src', 'file', true), labelled('attachments.title', 'string', false)],
    }),
    labelled('updated', 'datetime', false, date),
    labelled('aliases', 'list', false, {
      allow_add: true,
      field: labelled('alias', 'string', true, { pattern: [ALIAS_PATTERN, t('admin.error.alias')] }),
    }),
    labelled('slug', 'string', false, {
      maxlength: MAX_SLUG_LENGTH,
      pattern: [SLUG_PATTERN, t('admin.error.slug', { max: MAX_SLUG_LENGTH })],
    }),
    labelled('draft', 'boolean', false, { default: false }),
    labelled('body', 'markdown', false),
  ];
}

/** The frontmatter keys the form writes, in file order (the body is not frontmatter). */
export function frontmatterOrder(settings: CmsSite = site): string[] {
  return articleFields(settings)
    .map((field) => field.name)
    .filter((name) => name !== 'body');
}

function backendConfig(cms: CmsSettings): Record<string, unknown> {
  const backend: Record<string, unknown> = { name: cms.backend, repo: cms.repo, branch: cms.branch };
  if (cms.apiRoot) backend.api_root = cms.apiRoot;
  if (cms.authUrl) backend.base_url = cms.authUrl;
  if (cms.appId) {
    backend.app_id = cms.appId;
    if (cms.backend === 'gitlab') backend.auth_type = 'pkce';
  }
  backend.commit_messages = {
    create: t('admin.commit.create'),
    update: t('admin.commit.update'),
    delete: t('admin.commit.delete'),
    uploadMedia: t('admin.commit.uploadMedia'),
    deleteMedia: t('admin.commit.deleteMedia'),
  };
  return backend;
}

/** Editorial workflow (draft → review → publish) runs on pull/merge requests: GitHub and GitLab. */
export function supportsEditorialWorkflow(backend: GitBackend): boolean {
  return backend === 'github' || backend === 'gitlab';
}

/** What both article collections share: the folder, the file format, the form, media beside the story. */
function articleCollection(settings: CmsSite) {
  return {
    folder: ARTICLE_FOLDER,
    slug: '{{title}}',
    format: ARTICLE_FORMAT,
    media_folder: '',
    public_folder: '',
    delete: true,
    identifier_field: 'title',
    summary: "{{title}} — {{fields.date | date('DD/MM/YYYY')}}",
    sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
    fields: articleFields(settings),
  };
}

/**
 * Sveltia CMS's configuration for this site, built from the site config and the
 * article form above. New stories take the folder form `npm run new -- --folder` makes
 * (`articles/<YYYY>/<YYYY-MM-DD>-<slug>/index.md`, photos beside it), slugs in ASCII;
 * stories kept as one file (`<YYYY>/<YYYY-MM-DD>-<slug>.md`) are listed apart and edited in place.
 */
export function cmsConfig(settings: CmsSite = site): Record<string, unknown> {
  const workflow = settings.cms.editorialWorkflow && supportsEditorialWorkflow(settings.cms.backend);
  return {
    app_title: t('admin.title', { name: settings.name }),
    backend: backendConfig(settings.cms),
    publish_mode: workflow ? 'editorial_workflow' : 'simple',
    media_folder: '',
    public_folder: '',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', trim: true, lowercase: true },
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        ...articleCollection(settings),
        name: ARTICLE_COLLECTION,
        label: t('admin.collection'),
        label_singular: t('admin.collectionSingular'),
        description: t('admin.collectionDescription'),
        path: `${DAY_PATH}/index`,
        create: true,
      },
      {
        ...articleCollection(settings),
        name: SINGLE_FILE_COLLECTION,
        label: t('admin.singleFileCollection'),
        label_singular: t('admin.collectionSingular'),
        description: t('admin.singleFileCollectionDescription'),
        path: DAY_PATH,
        create: false,
      },
    ],
  };
}
