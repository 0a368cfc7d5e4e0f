import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { slugify } from '../src/lib/content/slug';
import { categorySlugs } from '../src/site.config';

/** A deterministic pseudo-random sequence (mulberry32), so every run writes the same articles. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'học viện cán bộ thành phố hồ chí minh hội nghị tổng kết công tác đào tạo bồi dưỡng nghiên cứu khoa học ' +
  'giảng viên học viên chương trình kế hoạch triển khai nhiệm vụ năm nay đồng chí lãnh đạo ban giám đốc ' +
  'đảng ủy chi bộ đoàn thanh niên công đoàn phong trào thi đua xuất sắc bằng khen được trao tặng đạt chuẩn ' +
  'chính trị lý luận quản lý nhà nước chuyển đổi số hợp tác quốc tế đối tác hội thảo tọa đàm báo cáo ' +
  'kết quả nổi bật tồn tại khó khăn kinh nghiệm đề án lộ trình thực hiện nâng cao chất lượng hiệu quả ' +
  'địa phương cơ sở trung ương tỉnh ủy thành ủy quy định nghị quyết kế hoạch số tham dự phát biểu chỉ đạo'
).split(' ');

const HEADINGS = ['Kết quả nổi bật', 'Nhiệm vụ trọng tâm', 'Ý kiến đóng góp', 'Phương hướng năm tới', 'Những khó khăn'];

export const TAGS = [
  'Đào tạo',
  'Bồi dưỡng',
  'Hội nghị',
  'Hội thảo',
  'Chuyển đổi số',
  'Thi đua',
  'Khen thưởng',
  'Đảng ủy',
  'Công đoàn',
  'Đoàn thanh niên',
  'Hợp tác quốc tế',
  'Nghiên cứu khoa học',
  'Lý luận chính trị',
  'Giảng viên',
  'Học viên',
  'Khai giảng',
  'Bế giảng',
  'Tọa đàm',
  'Quản lý nhà nước',
  'Cải cách hành chính',
  'Văn hóa',
  'Thể thao',
  'Tình nguyện',
  'Kỷ niệm',
  'Tổng kết',
  'Sơ kết',
  'Tuyển sinh',
  'Thông báo',
  'Lịch học',
  'Thư viện',
];

/** A tiny JPEG for the folder-form articles (a 4×4 grey picture). */
const PIXEL_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAEAAQBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);

/** What the generator wrote, for the benchmark's own bookkeeping. */
export interface GeneratedArticle {
  /** Path of the Markdown file relative to the content root. */
  file: string;
  slug: string;
  title: string;
  /** ISO instant with the Vietnam offset. */
  date: string;
  year: number;
  category: string;
  tags: string[];
  /** Body paragraphs and headings as Markdown. */
  body: string;
  /** True for the folder form with an image beside index.md. */
  folder: boolean;
}

/** The photo line a folder-form article carries, beside its index.md. */
export const FOLDER_PHOTO = '![Ảnh minh họa](./anh-1.jpg "Quang cảnh sự kiện")';

/** One article to write: its date as `YYYY-MM-DD` and as an instant, and its text. */
export interface ArticleToWrite {
  ymd: string;
  date: string;
  slug: string;
  title: string;
  category: string;
  tags: string[];
  body: string;
  folder: boolean;
}

/** YAML single-quoted scalar. */
export const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Writes one article as `npm run new` lays it out (folder form with its photo when `folder`). */
export function writeArticle(root: string, article: ArticleToWrite): GeneratedArticle {
  const { ymd, date, slug, title, category, tags, body, folder } = article;
  const year = Number(ymd.slice(0, 4));
  const name = `${ymd}-${slug}`;
  const file = folder ? `articles/${year}/${name}/index.md` : `articles/${year}/${name}.md`;
  const frontmatter = [
    '---',
    `title: ${quoted(title)}`,
    `date: '${date}'`,
    `category: ${category}`,
    `tags: [${tags.map(quoted).join(', ')}]`,
    `author: Phòng Truyền thông`,
    '---',
  ].join('\n');
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${frontmatter}\n\n${body}\n`);
  if (folder) writeFileSync(join(dirname(path), 'anh-1.jpg'), PIXEL_JPEG);
  return { file, slug, title, date, year, category, tags, body, folder };
}

/** An instant between 2011 and 2025 as `YYYY-MM-DD` and as an ISO string with the Vietnam offset. */
export function vietnamDate(next: () => number): { ymd: string; date: string } {
  const start = Date.UTC(2011, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const instant = new Date(start + Math.floor((next() * span) / 60000) * 60000);
  const local = new Date(instant.getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const ymd = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return { ymd, date: `${ymd}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+07:00` };
}

/**
 * Writes `count` synthetic Vietnamese articles (600–900 words, headings, 2–4 tags,
 * every category, dates over 15 years, one in twenty in folder form with an image)
 * under `<root>/articles/`. The same count always gives the same files.
 */
export function generateArticles(root: string, count: number): GeneratedArticle[] {
  const next = random(20230112);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = () => {
    const length = 12 + Math.floor(next() * 14);
    const words = Array.from({ length }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index += 1) {
    const { ymd, date } = vietnamDate(next);
    const titleWords = Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' ');
    const title = `${titleWords.charAt(0).toUpperCase()}${titleWords.slice(1)} (bài ${index + 1})`;
    const slug = slugify(title);
    const tagCount = 2 + Math.floor(next() * 3);
    const tagSet = new Set<string>();
    while (tagSet.size < tagCount) tagSet.add(pick(TAGS));
    const tags = [...tagSet];
    const category = pick(categorySlugs);
    const target = 600 + Math.floor(next() * 300);
    const blocks: string[] = [];
    let words = 0;
    let paragraphs = 0;
    while (words < target) {
      if (paragraphs > 0 && paragraphs % 4 === 0) blocks.push(`## ${pick(HEADINGS)}`);
      const paragraph = Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join(' ');
      words += paragraph.split(' ').length;
      blocks.push(paragraph);
      paragraphs += 1;
    }
    const folder = index % 20 === 7;
    if (folder) blocks.splice(1, 0, FOLDER_PHOTO);
    articles.push(writeArticle(root, { ymd, date, slug, title, category, tags, body: blocks.join('\n\n'), folder }));
  }
  return articles;
}
