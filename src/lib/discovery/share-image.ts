import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';

/**
 * The picture a shared story shows (Open Graph `og:image`) when it has no cover
 * photo: 1200×630, the title, category and date in Vietnamese over the
 * institute's colours, drawn by satori (SVG) and sharp (PNG) at build time.
 * Drawn images are kept in a cache folder under their content's hash, so a
 * rebuild draws only stories whose image changed.
 */

/** Open Graph's recommended size. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What a share image shows. */
export interface ShareImageInput {
  title: string;
  category: string;
  /** The date line, already formatted for readers. */
  date: string;
  siteName: string;
  /** The letters in the emblem (`site.emblem`). */
  emblem: string;
  colours: { red: string; redDark: string; gold: string; paper: string };
}

/** Bump when the drawing changes, so cached images are drawn again. */
const DESIGN_VERSION = 3;

/**
 * sharp's PNG settings, part of the cache key (other settings give other bytes). zlib level 3:
 * a third of the size of level 1 and twenty times faster than level 9, which made encoding most
 * of an image's cost (measured: 6 ms against 140–185 ms at 1200×630).
 */
const PNG_OPTIONS = { compressionLevel: 3, palette: false } as const;

const FAMILY_LATIN = 'Be Vietnam Pro Latin';
const FAMILY_VIETNAMESE = 'Be Vietnam Pro Vietnamese';

/**
 * Be Vietnam Pro as @fontsource ships it: one WOFF file per subset. Each subset
 * is registered under its own family name, Latin first and Vietnamese as its
 * fallback: registered under one name, satori takes the first file for every
 * glyph and the Vietnamese letters (ư, ơ, đ, ệ …) come out blank.
 */
function loadFonts() {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const file = (subset: string, weight: number) =>
    readFileSync(require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff`));
  const version = (
    JSON.parse(readFileSync(require.resolve('@fontsource/be-vietnam-pro/package.json'), 'utf8')) as { version: string }
  ).version;
  const fonts = [400, 700].flatMap((weight) => [
    { name: FAMILY_LATIN, data: file('latin', weight), weight: weight as 400 | 700, style: 'normal' as const },
    {
      name: FAMILY_VIETNAMESE,
      data: file('vietnamese', weight),
      weight: weight as 400 | 700,
      style: 'normal' as const,
    },
  ]);
  return { fonts, version };
}

let fontCache: ReturnType<typeof loadFonts> | undefined;

/** The content hash an image is cached under: what it shows, the design, the encoding and the fonts' version. */
export function shareImageKey(input: ShareImageInput): string {
  fontCache ??= loadFonts();
  return createHash('sha256')
    .update(JSON.stringify({ DESIGN_VERSION, PNG_OPTIONS, font: fontCache.version, input }))
    .digest('hex')
    .slice(0, 32);
}

/** The title's size: long headlines (the institute's run past 200 characters) get smaller type. */
function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 60) return 66;
  if (length <= 100) return 56;
  if (length <= 150) return 46;
  return 40;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };

const box = (style: Record<string, unknown>, children: (Node | string)[] | string): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** The picture as satori's element tree. */
function design(input: ShareImageInput): Node {
  const { colours } = input;
  const size = titleSize(input.title);
  return box(
    {
      width: SHARE_IMAGE_SIZE.width,
      height: SHARE_IMAGE_SIZE.height,
      flexDirection: 'column',
      background: colours.red,
      fontFamily: `"${FAMILY_LATIN}", "${FAMILY_VIETNAMESE}"`,
    },
    [
      box({ alignItems: 'center', height: 110, padding: '0 56px', gap: 24 }, [
        box(
          {
            width: 64,
            height: 64,
            borderRadius: 32,
            background: colours.gold,
            color: colours.redDark,
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 17,
            fontWeight: 700,
          },
          input.emblem,
        ),
        box({ color: colours.paper, fontSize: 32, fontWeight: 700 }, input.siteName),
      ]),
      // The card's gold bottom edge is a gold card under a paper one, not a border: satori draws a
      // border on rounded corners with nested clip paths, which took a third of the rasterising.
      box({ flexGrow: 1, margin: '0 40px 40px', paddingBottom: 10, borderRadius: 16, background: colours.gold }, [
        box(
          {
            flexGrow: 1,
            flexDirection: 'column',
            justifyContent: 'space-between',
            padding: '40px 48px',
            borderTopLeftRadius: 16,
            borderTopRightRadius: 16,
            // What a 10 px bottom border leaves of a 16 px corner inside it.
            borderBottomLeftRadius: '16px 6px',
            borderBottomRightRadius: '16px 6px',
            background: colours.paper,
          },
          [
            {
              type: 'div',
              props: {
                style: {
                  display: 'block',
                  color: '#1c1917',
                  fontSize: size,
                  fontWeight: 700,
                  lineHeight: 1.22,
                  lineClamp: 5,
                },
                children: input.title,
              },
            },
            box({ justifyContent: 'space-between', color: colours.red, fontSize: 30, fontWeight: 700 }, [
              box({}, input.category),
              box({ color: '#57534e' }, input.date),
            ]),
          ],
        ),
      ]),
    ],
  );
}

/** Draws a share image: a PNG, byte-identical for the same input. */
export async function drawShareImage(input: ShareImageInput): Promise<Buffer> {
  fontCache ??= loadFonts();
  const svg = await satori(design(input) as Parameters<typeof satori>[0], {
    ...SHARE_IMAGE_SIZE,
    fonts: fontCache.fonts,
  });
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}

/** How much drawing a build did, for its log. */
export interface ShareImageStats {
  drawn: number;
  cached: number;
}

/** Draws an image elsewhere (on a worker thread), or here when not given. */
export type ShareImageDrawer = (input: ShareImageInput) => Promise<Uint8Array>;

/**
 * The file of a share image in `cacheDir`: one drawn earlier for the same content, else drawn now
 * by `draw` (a worker thread in builds, so that images are drawn on every core) and kept there;
 * counted in `stats`.
 */
export async function cachedShareImageFile(
  input: ShareImageInput,
  cacheDir: string,
  draw: ShareImageDrawer = drawShareImage,
  stats: ShareImageStats = { drawn: 0, cached: 0 },
): Promise<string> {
  const file = join(cacheDir, `${shareImageKey(input)}.png`);
  if (existsSync(file)) {
    stats.cached += 1;
    return file;
  }
  const png = await draw(input);
  stats.drawn += 1;
  mkdirSync(cacheDir, { recursive: true });
  // Written beside, then renamed: a build stopped half-way never leaves half a picture in the cache.
  const partial = `${file}.${process.pid}.${stats.drawn}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return file;
}
