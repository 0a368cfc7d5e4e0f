import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { sections } from '../../discovery/paths';
import { COMPRESSIBLE } from './rules';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Sizes of what was compressed, in bytes. */
export interface CompressionTotals {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

/** True for a file the servers may answer with a `.br` or `.gz` copy. */
export function isCompressible(file: string): boolean {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return file.includes('.') && (COMPRESSIBLE as readonly string[]).includes(extension);
}

/**
 * Brotli's quality for a file. Assets (few, long cached, read by every visitor)
 * get the best; pages, of which a large site has tens of thousands, get a
 * quality that compresses them in about a tenth of the time, still smaller than gzip.
 */
function brotliQuality(path: string): number {
  const top = path.split('/')[0];
  return top === sections.assets || top === sections.searchBundle ? 11 : 5;
}

/** A gzip stream that is the same on every machine: no time stamp, no name, "Unix" as the system. */
async function gzipOf(data: Buffer): Promise<Buffer> {
  const out = await gzipAsync(data, { level: 9 });
  out[9] = 3;
  return out;
}

/** One file's copies, each written only when smaller than the file. */
export async function compressFile(root: string, path: string): Promise<{ raw: number; gzip: number; brotli: number }> {
  const file = join(root, path);
  const data = await readFile(file);
  const [gz, br] = await Promise.all([
    gzipOf(data),
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
  if (br.length < data.length) await writeFile(`${file}.br`, br);
  return {
    raw: data.length,
    gzip: Math.min(gz.length, data.length),
    brotli: Math.min(br.length, data.length),
  };
}

/** Every compressible file below a folder, as `/`-separated paths relative to it, sorted. */
export async function compressibleFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => {
      // `parentPath` from Node 20.12; `path` before.
      const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
      return relative(root, join(parent, entry.name)).split(sep).join('/');
    })
    .sort();
}

/**
 * Writes `file.br` and `file.gz` beside every text file of a built site (HTML,
 * CSS, JavaScript, JSON, XML, SVG, text), a few files at a time on zlib's thread
 * pool. The output depends only on the files: two builds give the same bytes.
 */
export async function precompress(root: string, concurrency = 8): Promise<CompressionTotals> {
  const files = await compressibleFiles(root);
  const totals: CompressionTotals = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const sizes = await compressFile(root, path);
      totals.raw += sizes.raw;
      totals.gzip += sizes.gzip;
      totals.brotli += sizes.brotli;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return totals;
}
