import { site } from '../../site.config';
import { formatDate, isoDateTime } from '../content/dates';
import { cleanControlCharacters } from '../text/encoding';

// Plain YAML only for text that cannot be read as anything else: it starts with a letter
// (never a number, date or indicator) and holds no character YAML gives a meaning to.
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} .,()/-]*$/u;
const KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * A frontmatter value as YAML: plain when that reads back as the same text,
 * otherwise single-quoted. `quoted` always quotes (dates, which YAML may read as timestamps).
 * Control characters, which YAML refuses, are cleaned out; line ends become spaces.
 */
export function yamlString(value: string, quoted = false): string {
  const text = cleanControlCharacters(value, 'line').replace(/\s*[\r\n]+\s*/g, ' ');
  if (!quoted && PLAIN.test(text) && !text.endsWith(' ') && !KEYWORD.test(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Where an article dated `date` (its day in Vietnam) with `slug` lives below
 * `articles/`: `YYYY/YYYY-MM-DD-<slug>.md`, or `YYYY/YYYY-MM-DD-<slug>/index.md` as a folder.
 */
export function articleFilePath(date: Date, slug: string, folder = false): string {
  const day = isoDateTime(date).slice(0, 10);
  const name = `${day}-${slug}`;
  return `${day.slice(0, 4)}/${folder ? `${name}/index.md` : `${name}.md`}`;
}

/** One frontmatter line, or nothing for an absent value. */
export type FrontmatterLine = readonly [key: string, value: string | undefined, quoted?: boolean];

/** An article file: the frontmatter lines (absent values left out) and the Markdown body. */
export function articleMarkdown(fields: readonly FrontmatterLine[], body: string): string {
  const lines = fields
    .filter(([, value]) => value !== undefined)
    .map(([key, value, quoted]) => `${key}: ${yamlString(value as string, quoted)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

/** What `npm run new` needs to start a story. */
export interface NewArticle {
  title: string;
  date: Date;
  category: string;
  /** A folder article (`…/index.md`), which gets a hint for photos in the body. */
  folder: boolean;
}

/**
 * A new story's file: the required fields filled in, every optional field
 * present as a commented hint in Vietnamese, and a first paragraph to replace.
 */
export function articleTemplate({ title, date, category, folder }: NewArticle): string {
  const categories = Object.keys(site.categories).join(', ');
  // Hints as `# field: example   # meaning`, the meanings lined up.
  const hint = (example: string, meaning?: string) =>
    meaning === undefined ? `# ${example}` : `# ${example}`.padEnd(38) + `# ${meaning}`;
  const frontmatter = [
    `title: ${yamlString(title)}`,
    `date: ${yamlString(formatDate(date), true)}`,
    `category: ${yamlString(category)}`,
    '# Các dòng bắt đầu bằng # là gợi ý, trang web bỏ qua. Muốn dùng dòng nào thì xoá dấu # và dấu cách ở đầu dòng đó.',
    `# Chuyên mục (category) là một trong: ${categories}`,
    hint('author: Tên người viết', 'hiện dưới bài: "Tin: …"'),
    hint('photoCredit: Tên người chụp ảnh', 'hiện dưới bài: "Ảnh: …"'),
    hint('source: Tên nguồn tin', 'hiện dưới bài: "(thêm nguồn từ …)"'),
    hint('tags: [Đào tạo, Hội nghị]', 'từ khóa trong ngoặc vuông, cách nhau bằng dấu phẩy'),
    hint('summary: Một hai câu giới thiệu bài', `tối đa ${site.summaryLength} ký tự`),
    hint('cover:', 'ảnh đầu bài, đặt cạnh tệp bài viết'),
    hint('  src: ./anh-bia.jpg'),
    hint('  alt: Mô tả ảnh cho người không xem được ảnh'),
    hint('  caption: Chú thích dưới ảnh'),
    hint(`updated: '${formatDate(date)}'`, 'ngày sửa bài, dạng DD/MM/YYYY'),
    hint('draft: true', 'chưa đăng: bài không xuất hiện trên trang'),
    hint('slug: duong-dan-khac', 'đổi đường dẫn của bài (chữ thường không dấu, số, dấu -)'),
    hint('aliases: [/tin-tuc/1234.html]', 'địa chỉ cũ của bài, vẫn dẫn tới bài này'),
    hint('attachments: [./ke-hoach.pdf]', 'tệp đính kèm đặt cạnh bài (bài dạng thư mục)'),
  ];
  // An HTML comment: the hint stays in the file but never reaches readers.
  const photoHint = folder
    ? '\n\n<!-- Ảnh trong bài: chép ảnh vào thư mục này, rồi viết trên một dòng riêng, ngoài khối ghi chú này:\n![Mô tả ảnh](./anh-1.jpg "Chú thích dưới ảnh")\n-->'
    : '';
  return `---\n${frontmatter.join('\n')}\n---\n\nViết nội dung bài ở đây. Mỗi đoạn văn cách nhau một dòng trống.${photoHint}\n`;
}
