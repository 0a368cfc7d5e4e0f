import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { vi, type UiKey } from '../../src/i18n/vi';
import { articleTemplate } from '../../src/lib/editing/article-file';

/** The editors' guide, with every run of white space made one space (paragraphs wrap anywhere). */
const guide = flat(readFileSync(fileURLToPath(new URL('../../docs/huong-dan-bien-tap.md', import.meta.url)), 'utf8'));

/** A new folder story, as `npm run new` writes it. */
const template = articleTemplate({
  title: 'Hội nghị tổng kết công tác đào tạo năm 2026',
  date: new Date('2026-11-20T02:00:00Z'),
  category: 'dao-tao-boi-duong',
  folder: true,
});

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * What of a message an editor can look up in the guide: the fixed text before its first
 * `{placeholder}`, trimmed; and, when the message starts with a placeholder or that opening is
 * shorter than 12 characters, also the longest fixed run between placeholders.
 */
function fixedTexts(message: string): string[] {
  const runs = message.split(/\{\w+\}/).map((run) => run.trim());
  const opening = runs[0] ?? '';
  const longest = [...runs].sort((a, b) => b.length - a.length)[0] ?? '';
  const wanted = opening === '' ? [] : [opening];
  if (opening.length < 12 && longest !== opening && longest !== '') wanted.push(longest);
  return wanted.map(flat);
}

/** Parts of other messages, never printed on their own. */
const PARTS = new Set<string>(['problem.line', 'problem.warning', 'problem.hint', 'problem.dateForms']);
const isPart = (key: string) => PARTS.has(key) || /\.(?:expected|example)$/.test(key);

/** Every message of `npm run check`, the build and the preview about a story or its file. */
const storyMessages = (Object.keys(vi) as UiKey[]).filter(
  (key) =>
    (key.startsWith('problem.') && !isPart(key)) || (key.startsWith('encoding.') && !key.startsWith('encoding.name.')),
);

/** What the commands print besides story problems; usage lines and progress lines left out. */
const NOT_LOOKED_UP = new Set<string>([
  'new.usage',
  'import.usage',
  'import.wouldImport',
  'import.dryRun',
  'build.more',
]);
const commandMessages = (Object.keys(vi) as UiKey[]).filter(
  (key) => /^(?:check|build|dev|new|import)\./.test(key) && !NOT_LOOKED_UP.has(key),
);

describe('fixedTexts', () => {
  it('takes the words before the first placeholder of a message', () => {
    expect(fixedTexts('không đọc được "{value}" thành ngày (cần {forms})')).toEqual(['không đọc được "']);
  });

  it('takes the longest fixed run of a message that starts with a placeholder', () => {
    expect(fixedTexts('{date} là ngày trong tương lai (hôm nay ở Việt Nam là {today})')).toEqual([
      'là ngày trong tương lai (hôm nay ở Việt Nam là',
    ]);
  });

  it('adds the longest fixed run when the opening is too short to tell messages apart', () => {
    expect(fixedTexts('"{alias}" đã là địa chỉ của {other} (cần một địa chỉ cũ chưa bài nào dùng)')).toEqual([
      '"',
      '(cần một địa chỉ cũ chưa bài nào dùng)',
    ]);
    expect(fixedTexts('tiêu đề dài {count} ký tự (nên ngắn hơn {max})')).toEqual([
      'tiêu đề dài',
      'ký tự (nên ngắn hơn',
    ]);
  });

  it('takes the whole of a message without placeholders', () => {
    expect(fixedTexts('sớm hơn ngày đăng (cần ngày sửa bài, không sớm hơn date)')).toEqual([
      'sớm hơn ngày đăng (cần ngày sửa bài, không sớm hơn date)',
    ]);
  });
});

describe("the editors' guide (docs/huong-dan-bien-tap.md)", () => {
  it('is checked against the messages about stories and their encodings', () => {
    expect(storyMessages).toContain('problem.date.unreadable');
    expect(storyMessages).toContain('problem.alias.special');
    expect(storyMessages).toContain('encoding.utf16');
    expect(storyMessages).not.toContain('problem.line');
    expect(storyMessages).not.toContain('problem.title.expected');
    expect(storyMessages).not.toContain('encoding.name.tcvn3');
  });

  it.each(storyMessages)('quotes how the message %s begins, so that an editor can look it up', (key) => {
    for (const text of fixedTexts(vi[key])) expect(guide, `${key}: ${vi[key]}`).toContain(text);
  });

  it.each(commandMessages)('quotes how the command message %s begins', (key) => {
    for (const text of fixedTexts(vi[key])) expect(guide, `${key}: ${vi[key]}`).toContain(text);
  });

  it('shows the check lines in Vietnamese, with no English message left from older versions', () => {
    for (const english of [
      'is required',
      'expected',
      'malformed YAML',
      'must not be empty',
      'warning',
      'did you mean',
      'articles checked',
      'not found',
    ]) {
      expect(guide, english).not.toContain(english);
    }
    expect(guide).toContain(
      'content/articles/2026/2026-11-20-hoi-nghi.md: summary: cảnh báo: tóm tắt dài 245 ký tự, bạn đọc sẽ thấy bị cắt (nên tối đa 200)',
    );
    expect(guide).toContain('Đã kiểm tra 12 bài: 1 lỗi, 2 cảnh báo. 1 bài lên lịch đăng.');
  });

  it('never tells an editor to set BANTIN_SHOW_DRAFTS for the preview', () => {
    expect(guide).not.toContain('BANTIN_SHOW_DRAFTS');
  });

  it('gives the same tag hint, word for word, as the template of npm run new', () => {
    const line = template.split('\n').find((text) => text.startsWith('# tags:'));
    expect(line).toBeDefined();
    const hint = /#\s+([^#]+)$/.exec(line as string)?.[1]?.trim() ?? '';
    expect(hint).toBe('từ khóa trong ngoặc vuông, cách nhau bằng dấu phẩy');
    expect(guide).toContain(hint);
    expect(guide).toContain(flat(line as string));
  });

  it('says, as the template does, to remove the # and the space at the start of an optional line', () => {
    const line = template.split('\n').find((text) => text.startsWith('# Các dòng bắt đầu bằng #'));
    expect(line).toBeDefined();
    const sentence = (line as string).replace(/^# /, '');
    expect(sentence).toContain('xoá dấu # và dấu cách ở đầu dòng');
    expect(guide).toContain(sentence);
  });
});
