import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { slugify } from '../src/lib/content/slug';
import { categorySlugs } from '../src/site.config';
import { FOLDER_PHOTO, random, TAGS, vietnamDate, writeArticle, type GeneratedArticle } from './generate';

/**
 * Benchmark articles made of real Vietnamese writing: the news stories and Wikipedia
 * articles of the shared corpus (see its README), repeated with distinct titles, dates,
 * categories and tags, with a few headings, links and photos, to reach any count.
 * Real text has tens of thousands of distinct words, long paragraphs, numbers and
 * quotes: what the search index and the Markdown pipeline really cost.
 */

/** One source text: a title and its paragraphs (headings already as Markdown). */
interface Source {
  title: string;
  blocks: string[];
  /** The news section, for a tag; Wikipedia articles have none. */
  section?: string | undefined;
}

/** Dân trí's sections in Vietnamese, as a newsroom would tag them. */
const SECTIONS: Record<string, string> = {
  business: 'Kinh doanh',
  education: 'Giáo dục',
  entertainment: 'Giải trí',
  health: 'Sức khỏe',
  science: 'Khoa học',
  society: 'Xã hội',
  sport: 'Thể thao',
  tech: 'Công nghệ',
  travel: 'Du lịch',
  world: 'Thế giới',
};

const HEADINGS = ['Diễn biến chính', 'Ý kiến chuyên gia', 'Bối cảnh', 'Những con số', 'Phản hồi của cơ quan chức năng'];

/** Longest Wikipedia text kept, cut at a paragraph: news-length stories, as a news site has. */
const WIKI_BYTES = 5000;

/** The shared corpus's folder, beside the project (`../shared/corpus`). */
export const defaultCorpusDir = (projectRoot: string) => join(projectRoot, '..', 'shared', 'corpus');

function readNews(dir: string): Source[] {
  return readFileSync(join(dir, 'dantri-200.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const story = JSON.parse(line) as { title: string; category: string; paragraphs: string[] };
      const paragraphs = story.paragraphs.map((text) => text.trim()).filter(Boolean);
      // A subheading every five paragraphs, as a newsroom's long stories have.
      const blocks = paragraphs.flatMap((text, index) =>
        index > 0 && index % 5 === 0 ? [`## ${HEADINGS[(index / 5) % HEADINGS.length]}`, text] : [text],
      );
      return { title: story.title.trim(), blocks, section: SECTIONS[story.category] };
    });
}

function readWikipedia(dir: string): Source[] {
  return gunzipSync(readFileSync(join(dir, 'viwiki-5000.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const page = JSON.parse(line) as { title: string; text: string };
      const blocks: string[] = [];
      let bytes = 0;
      for (const raw of page.text.replaceAll('\r', '').split(/\n+/)) {
        const text = raw.trim();
        if (!text) continue;
        // MediaWiki's `== Heading ==` and `=== Heading ===` become Markdown headings.
        const heading = /^(={2,4})\s*(.+?)\s*=+$/.exec(text);
        const block = heading ? `${'#'.repeat(Math.min(heading[1]!.length, 3))} ${heading[2]}` : text;
        bytes += Buffer.byteLength(block);
        if (bytes > WIKI_BYTES && blocks.length > 0) break;
        blocks.push(block);
      }
      // Titles are page names in lower case: a headline starts with a capital.
      const title = page.title.charAt(0).toUpperCase() + page.title.slice(1);
      return { title, blocks: blocks.filter((block, index) => index > 0 || !block.startsWith('#')) };
    })
    .filter((source) => source.blocks.length > 0);
}

/** Every source text of the corpus: news stories three times in four, Wikipedia articles the fourth. */
function sources(dir: string): { news: Source[]; wiki: Source[] } {
  for (const file of ['dantri-200.jsonl', 'viwiki-5000.jsonl.gz']) {
    if (!existsSync(join(dir, file))) {
      throw new Error(`The corpus file ${join(dir, file)} is missing: pass --corpus DIR (see bench/README.md)`);
    }
  }
  return { news: readNews(dir), wiki: readWikipedia(dir) };
}

/**
 * Writes `count` articles of real text under `<root>/articles/`: each a corpus text with its own
 * title (the source's, with its issue number when the source repeats), date over 15 years,
 * category, 2–4 tags, a link to an earlier article in one of ten, and one in twenty in folder form
 * with a photo. The same count always gives the same files.
 */
export function generateRealArticles(root: string, count: number, corpusDir: string): GeneratedArticle[] {
  const { news, wiki } = sources(corpusDir);
  const next = random(20240215);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const slugs = new Set<string>();
  const articles: GeneratedArticle[] = [];
  let newsUsed = 0;
  let wikiUsed = 0;
  for (let index = 0; index < count; index += 1) {
    const fromWiki = index % 4 === 3;
    const serial = fromWiki ? wikiUsed++ : newsUsed++;
    const pool = fromWiki ? wiki : news;
    const source = pool[serial % pool.length]!;
    const round = Math.floor(serial / pool.length);
    const title = round === 0 ? source.title : `${source.title} (kỳ ${round + 1})`;
    // Slugs are cut at 80 characters: a long title's issue number may fall off, so it leads then.
    let slug = slugify(title);
    if (slugs.has(slug)) slug = slugify(`${round + 1} ${source.title}`);
    if (slugs.has(slug)) slug = slugify(`${index + 1} ${source.title}`);
    slugs.add(slug);
    const { ymd, date } = vietnamDate(next);
    const tags = new Set<string>(source.section ? [source.section] : []);
    const tagCount = 2 + Math.floor(next() * 3);
    while (tags.size < tagCount) tags.add(pick(TAGS));
    const blocks = [...source.blocks];
    const earlier = articles.length > 0 && index % 10 === 5 ? pick(articles) : undefined;
    if (earlier) blocks.push(`Xem thêm: [${earlier.title}](/bai-viet/${earlier.slug}/).`);
    const folder = index % 20 === 7;
    if (folder) blocks.splice(1, 0, FOLDER_PHOTO);
    articles.push(
      writeArticle(root, {
        ymd,
        date,
        slug,
        title,
        category: pick(categorySlugs),
        tags: [...tags],
        body: blocks.join('\n\n'),
        folder,
      }),
    );
  }
  return articles;
}
