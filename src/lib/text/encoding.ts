/* eslint-disable no-control-regex -- finding control characters is what this module is for */
// What a story file's bytes hold, and the old Vietnamese encodings turned into Unicode.
//
// Office files of the 1990s and 2000s were typed in TCVN3 (ABC fonts such as .VnTime), VNI
// (VNI-Times) or Windows-1258; opened as Western text and saved again, they become UTF-8 that
// reads "Häc viÖn"; UTF-8 read as Western text and saved again becomes "Há»c viá»‡n". Each is
// recognised here from the words it makes: a Vietnamese syllable has one of a few dozen shapes and
// at most one tone mark, so the right decoding gives real syllables and every wrong one gives
// mostly impossible ones. Callers turn the returned codes into messages.

/** A legacy Vietnamese encoding this module can read. */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258';

/** How the lines of a file ended before they were turned into `\n`. */
export type LineEnds = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** Why bytes cannot be used as UTF-8 text as they are. */
export type EncodingProblem =
  /** UTF-16 (by its byte order mark or its NUL bytes). */
  | 'utf16'
  /** Not text at all: NUL bytes or many control bytes (a picture, a .docx, a PDF…). */
  | 'binary'
  /** Not UTF-8, and no Vietnamese encoding this module knows gives readable text. */
  | 'not-utf8'
  /** Not UTF-8: TCVN3, VNI or Windows-1258 bytes (see `encoding`). */
  | 'legacy-vietnamese'
  /** UTF-8, but of TCVN3, VNI or Windows-1258 bytes read as Western text (see `encoding`). */
  | 'legacy-in-utf8'
  /** UTF-8 text encoded twice ("Há»c viá»‡n"). */
  | 'mojibake';

/** The text of a file, or why it has none. */
export type DecodedStory =
  { text: string; lineEnds: LineEnds } | { problem: EncodingProblem; encoding?: LegacyEncoding };

// ---------------------------------------------------------------------------------------------
// Tables

/** Windows-1252 (what "Western" means in Windows and in browsers): byte → character. */
const CP1252: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  new TextDecoder('windows-1252').decode(new Uint8Array([byte])),
);

/** Characters back to Windows-1252 bytes; C1 controls too, as a Latin-1 reading leaves them. */
const CP1252_BYTE = new Map<string, number>([
  ...CP1252.map((char, byte) => [char, byte] as [string, number]),
  ...Array.from({ length: 32 }, (_, i) => [String.fromCharCode(0x80 + i), 0x80 + i] as [string, number]),
]);

// TCVN 5712:1993 (VN1), the superset of the ABC fonts' TCVN3 (VN3): bytes 0x80–0xFF, then the
// capitals VN1 keeps in C0. Checked against GNU libc's TCVN5712-1 converter, one byte at a time.
const TCVN3_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' +
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò' +
  'ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';
const TCVN3_LOW: Readonly<Record<number, string>> = {
  0x01: 'Ú',
  0x02: 'Ụ',
  0x04: 'Ừ',
  0x05: 'Ử',
  0x06: 'Ữ',
  0x11: 'Ứ',
  0x12: 'Ự',
  0x13: 'Ỳ',
  0x14: 'Ỷ',
  0x15: 'Ỹ',
  0x16: 'Ý',
  0x17: 'Ỵ',
};

/** TCVN3 byte → character. */
const TCVN3: readonly string[] = [
  ...Array.from({ length: 128 }, (_, byte) => TCVN3_LOW[byte] ?? String.fromCharCode(byte)),
  ...TCVN3_HIGH,
];

const TONE_MARKS = '\u0300\u0301\u0309\u0303\u0323';
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

// VNI for Windows writes a letter as its base letter followed by mark characters of a Western
// font, e.g. "ấ" = "a" + "á", "ơ" = "ô", "đ" = "ñ". Marks for small letters, then for capitals.
const VNI_TONE = { '\u0300': 'øØ', '\u0301': 'ùÙ', '\u0309': 'ûÛ', '\u0303': 'õÕ', '\u0323': 'ïÏ' };
const VNI_CIRCUMFLEX = { '': 'âÂ', '\u0300': 'àÀ', '\u0301': 'áÁ', '\u0309': 'åÅ', '\u0303': 'ãÃ', '\u0323': 'äÄ' };
const VNI_BREVE = { '': 'êÊ', '\u0300': 'èÈ', '\u0301': 'éÉ', '\u0309': 'úÚ', '\u0303': 'üÜ', '\u0323': 'ëË' };
const VNI_I = { '\u0300': 'ìÌ', '\u0301': 'íÍ', '\u0309': 'æÆ', '\u0303': 'óÓ', '\u0323': 'òÒ' };
type Tone = keyof typeof VNI_TONE;

/** Every Vietnamese letter with a diacritic, small and capital, in NFC. */
const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const letters = new Set(['đ', 'Đ']);
  for (const base of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of ['', ...TONE_MARKS]) {
      const letter = (base + tone).normalize('NFC');
      if (letter !== base || base > '\x7f') letters.add(letter).add(letter.toUpperCase());
    }
  }
  return [...letters];
})();

/** A Vietnamese letter's VNI spelling. */
function vniSpelling(letter: string): string {
  if (letter === 'đ') return 'ñ';
  if (letter === 'Đ') return 'Ñ';
  const capital = letter !== letter.toLowerCase() ? 1 : 0;
  const nfd = letter.normalize('NFD');
  const tone = (nfd.match(TONES)?.[0] ?? '') as Tone | '';
  const base = nfd.replace(TONES, '');
  const plain = base[0] as string;
  const mark = base.slice(1);
  const pick = (pair: string) => pair[capital] as string;
  if (mark === '\u0302') return plain + pick(VNI_CIRCUMFLEX[tone]);
  if (mark === '\u0306') return plain + pick(VNI_BREVE[tone]);
  if (mark === '\u031b') {
    const horned = plain === 'o' || plain === 'O' ? pick('ôÔ') : pick('öÖ');
    return tone === '' ? horned : horned + pick(VNI_TONE[tone]);
  }
  if (tone === '') return letter;
  if (plain === 'i' || plain === 'I') return pick(VNI_I[tone]);
  if ((plain === 'y' || plain === 'Y') && tone === '\u0323') return pick('îÎ');
  return plain + pick(VNI_TONE[tone]);
}

/** VNI spelling → letter, and one pattern finding the longest spelling first. */
const VNI_LETTERS = new Map(VIETNAMESE_LETTERS.map((letter) => [vniSpelling(letter), letter]));
const VNI_PATTERN = new RegExp(
  [...VNI_LETTERS.keys()]
    .filter((spelling) => spelling.length > 0)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

// ---------------------------------------------------------------------------------------------
// Decoding

function decodeTable(bytes: Uint8Array, table: readonly string[]): string {
  let text = '';
  // In chunks: string concatenation of single characters is slow on large files.
  for (let start = 0; start < bytes.length; start += 65536) {
    const part: string[] = [];
    for (const byte of bytes.subarray(start, start + 65536)) part.push(table[byte] as string);
    text += part.join('');
  }
  return text;
}

/** Text whose characters are bytes read as Windows-1252 (or Latin-1), back to those bytes; undefined if one is not. */
function westernBytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : CP1252_BYTE.get(text[i] as string);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}

function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  switch (encoding) {
    case 'tcvn3':
      return decodeTable(bytes, TCVN3).normalize('NFC');
    case 'vni':
      return decodeTable(bytes, CP1252)
        .replace(VNI_PATTERN, (spelling) => VNI_LETTERS.get(spelling) ?? spelling)
        .normalize('NFC');
    case 'windows-1258':
      // Windows-1258 writes most tones as combining marks after the letter: NFC composes them.
      return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}

/**
 * A file in TCVN3, VNI or Windows-1258 as NFC Unicode. Bytes that are valid UTF-8 holding
 * non-ASCII text, and strings, are taken as the legacy bytes read as Western text ("Häc viÖn").
 */
export function convertLegacy(input: Uint8Array | string, encoding: LegacyEncoding): string {
  let bytes: Uint8Array | undefined = typeof input === 'string' ? undefined : input;
  const text = typeof input === 'string' ? input : utf8(input);
  if (text !== undefined && /[^\0-\x7f]/.test(text)) bytes = westernBytes(text.replace(/^\uFEFF/, '')) ?? bytes;
  return decodeLegacy(bytes ?? new TextEncoder().encode(text), encoding);
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Recognising Vietnamese

const ONSET = 'ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x';
const NUCLEUS = [
  'iêu|yêu|uyê|uôi|ươi|ươu|oai|oay|oao|oeo|uây|uya|uyu',
  'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ôô|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê',
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y',
].join('|');
const CODA = 'ch|nh|ng|c|m|n|p|t';
const SYLLABLE = new RegExp(`^(?:${ONSET})?(?:${NUCLEUS})(?:${CODA})?$`);
const WORD = /[\p{L}\p{M}]+/gu;

/** Whether a word (NFC) is a possible Vietnamese syllable: one of its shapes, at most one tone. */
function isSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES);
  if (tones !== null && tones.length > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

/** Words holding a non-ASCII letter: how many are Vietnamese syllables, how many cannot be. */
function syllableScore(text: string): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (const [word] of text.matchAll(WORD)) {
    // One letter is no evidence either way ("ý", "ở" are words, but so is any accented vowel).
    if (word.length < 2 || !/[^\0-\x7f]/.test(word)) continue;
    if (isSyllable(word)) good += 1;
    else bad += 1;
  }
  return { good, bad };
}

/** The legacy encoding that makes real Vietnamese of these bytes, if one clearly does. */
function guessLegacy(bytes: Uint8Array): LegacyEncoding | undefined {
  let best: { encoding: LegacyEncoding; good: number; bad: number } | undefined;
  for (const encoding of ['tcvn3', 'vni', 'windows-1258'] as const) {
    const { good, bad } = syllableScore(decodeLegacy(bytes, encoding));
    if (best === undefined || good - bad > best.good - best.bad) best = { encoding, good, bad };
  }
  // Most words with a mark must come out as syllables (names and foreign words may not).
  return best !== undefined && best.good >= 2 && best.good >= 3 * best.bad ? best.encoding : undefined;
}

// UTF-8 of one character, read as Windows-1252: a lead byte, then continuation bytes 0x80–0xBF.
const CONTINUATION = `[\\u0080-\\u00bf${CP1252.slice(0x80, 0xa0).join('')}]`;
const DOUBLE_ENCODED = new RegExp(`[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{1,2}`, 'g');

/** Whether most of the text's non-ASCII characters are UTF-8 sequences read as Western text. */
function isMojibake(text: string): boolean {
  const nonAscii = text.match(/[^\0-\x7f]/g)?.length ?? 0;
  let inSequences = 0;
  let sequences = 0;
  for (const [sequence] of text.matchAll(DOUBLE_ENCODED)) {
    const bytes = westernBytes(sequence);
    if (bytes === undefined) continue;
    // A lost third byte (0x81, 0x8D, 0x8F, 0x90 and 0x9D have no Windows-1252 character) in "á»c".
    const lostByte = sequence.length === 2 && (sequence === 'áº' || sequence === 'á»');
    if (utf8(bytes) === undefined && !lostByte) continue;
    sequences += 1;
    inSequences += sequence.length;
  }
  return sequences >= 2 && inSequences * 2 >= nonAscii;
}

/** The legacy encoding of UTF-8 text made of legacy bytes read as Western text, if it is that. */
function legacyReadAsWestern(text: string): LegacyEncoding | undefined {
  // Real Vietnamese needs letters beyond Latin-1 (ư, ơ, đ, ạ…); legacy bytes read as Western
  // text give none, and nothing outside Windows-1252 (no CJK, no emoji).
  if (!/[\u00c0-\u00ff]/.test(text)) return undefined;
  const bytes = westernBytes(text);
  if (bytes === undefined) return undefined;
  const encoding = guessLegacy(bytes);
  if (encoding === undefined) return undefined;
  // Only when the text as it stands has impossible words, and the converted text fewer.
  const asIs = syllableScore(text);
  const converted = syllableScore(decodeLegacy(bytes, encoding));
  return asIs.bad > 0 && converted.good - converted.bad > asIs.good - asIs.bad ? encoding : undefined;
}

// Text heuristics look at the start of a file: enough for any story, cheap for a 20 MB one.
const SAMPLE = 1 << 20;

function lineEndsOf(text: string): LineEnds {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x0a) crlf += 1;
    else cr += 1;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf += 1;
  lf -= crlf;
  if ([lf, crlf, cr].filter((count) => count > 0).length > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : lf > 0 ? 'lf' : 'none';
}

/** Whether the bytes look like UTF-16 without a byte order mark: a NUL in every other byte. */
function looksUtf16(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = length / 2;
  return (evenNul > 0.3 * pairs && oddNul < 0.05 * pairs) || (oddNul > 0.3 * pairs && evenNul < 0.05 * pairs);
}

/** Whether the bytes are not text: a NUL, or more than 1 in 10 control bytes other than tab, line ends, VT, FF, ESC. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0b && byte !== 0x0c) {
      if (byte !== 0x1b) controls += 1;
    }
  }
  return controls * 10 > sample.length;
}

/**
 * A story file's bytes as text: UTF-8 with or without a BOM (removed), line ends turned into
 * `\n` (what they were is in `lineEnds`); otherwise the problem, with the legacy encoding found.
 */
export function decodeStoryBytes(bytes: Uint8Array): DecodedStory {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: 'utf16' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksUtf16(body)) return { problem: 'utf16' };
  if (looksBinary(body)) return { problem: 'binary' };

  const text = utf8(body);
  if (text === undefined) {
    const encoding = guessLegacy(body.subarray(0, SAMPLE));
    return encoding === undefined ? { problem: 'not-utf8' } : { problem: 'legacy-vietnamese', encoding };
  }
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (/[^\0-\x7f]/.test(sample)) {
    if (isMojibake(sample)) return { problem: 'mojibake' };
    const encoding = legacyReadAsWestern(sample);
    if (encoding !== undefined) return { problem: 'legacy-in-utf8', encoding };
  }
  return { text: text.replace(/\r\n?/g, '\n'), lineEnds: lineEndsOf(text) };
}

// ---------------------------------------------------------------------------------------------
// Control characters

// ESC sequences whole (CSI with its parameters, OSC up to its end, two-character ones), a CSI
// written as one C1 character, then every other C0/C1 control but tab and line ends.
const ESCAPE_SEQUENCE =
  /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[\x20-\x2f]*[\x30-\x7e]|\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1b/g;
const CONTROL = /[\0-\x08\x0e-\x1f\x7f-\x9f]/g;
const BREAKS = /\r\n?|[\x0b\x0c\u2028\u2029]/g;

/** Whether text holds a C0/C1 control character other than tab, LF and CR. */
export function hasControlCharacters(text: string): boolean {
  return /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/.test(text);
}

/**
 * Text without C0/C1 control characters: ESC sequences removed whole; VT and FF (Word's manual
 * line and page breaks), CR and the Unicode line/paragraph separators become `\n` in a `body`,
 * and in a `line` (a title, a name) every line end and tab becomes a space; others are removed.
 */
export function cleanControlCharacters(text: string, mode: 'body' | 'line'): string {
  const cleaned = text.replace(ESCAPE_SEQUENCE, '').replace(BREAKS, '\n').replace(CONTROL, '');
  return mode === 'body' ? cleaned : cleaned.replace(/[\n\t]/g, ' ');
}
