import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cleanControlCharacters,
  convertLegacy,
  decodeStoryBytes,
  hasControlCharacters,
  type LegacyEncoding,
} from '../../src/lib/text/encoding';

/** The 200 Dân trí stories of the shared corpus: real Vietnamese as newsrooms write it. */
interface Story {
  title: string;
  paragraphs: string[];
}
const stories: Story[] = readFileSync(new URL('../../../shared/corpus/dantri-200.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Story);

const utf8 = (text: string) => new TextEncoder().encode(text);

// Encoders written independently of the module's decoders, to make legacy files from real text.

/** A Windows-1252 or Windows-1258 byte for each character the code page has (from the platform's decoder). */
function codePage(label: string): Map<string, number> {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return table;
}
const CP1252 = codePage('windows-1252');
const CP1258 = codePage('windows-1258');

/** TCVN3 (ABC) codes of the small letters, as the ABC keyboard tables list them. */
const TCVN3_SMALL: Record<string, number> = Object.fromEntries(
  [
    ['ă', 0xa8],
    ['â', 0xa9],
    ['ê', 0xaa],
    ['ô', 0xab],
    ['ơ', 0xac],
    ['ư', 0xad],
    ['đ', 0xae],
    ['à', 0xb5],
    ['ả', 0xb6],
    ['ã', 0xb7],
    ['á', 0xb8],
    ['ạ', 0xb9],
    ['ằ', 0xbb],
    ['ẳ', 0xbc],
    ['ẵ', 0xbd],
    ['ắ', 0xbe],
    ['ặ', 0xc6],
    ['ầ', 0xc7],
    ['ẩ', 0xc8],
    ['ẫ', 0xc9],
    ['ấ', 0xca],
    ['ậ', 0xcb],
    ['è', 0xcc],
    ['ẻ', 0xce],
    ['ẽ', 0xcf],
    ['é', 0xd0],
    ['ẹ', 0xd1],
    ['ề', 0xd2],
    ['ể', 0xd3],
    ['ễ', 0xd4],
    ['ế', 0xd5],
    ['ệ', 0xd6],
    ['ì', 0xd7],
    ['ỉ', 0xd8],
    ['ĩ', 0xdc],
    ['í', 0xdd],
    ['ị', 0xde],
    ['ò', 0xdf],
    ['ỏ', 0xe1],
    ['õ', 0xe2],
    ['ó', 0xe3],
    ['ọ', 0xe4],
    ['ồ', 0xe5],
    ['ổ', 0xe6],
    ['ỗ', 0xe7],
    ['ố', 0xe8],
    ['ộ', 0xe9],
    ['ờ', 0xea],
    ['ở', 0xeb],
    ['ỡ', 0xec],
    ['ớ', 0xed],
    ['ợ', 0xee],
    ['ù', 0xef],
    ['ủ', 0xf1],
    ['ũ', 0xf2],
    ['ú', 0xf3],
    ['ụ', 0xf4],
    ['ừ', 0xf5],
    ['ử', 0xf6],
    ['ữ', 0xf7],
    ['ứ', 0xf8],
    ['ự', 0xf9],
    ['ỳ', 0xfa],
    ['ỷ', 0xfb],
    ['ỹ', 0xfc],
    ['ý', 0xfd],
    ['ỵ', 0xfe],
  ].map(([letter, code]) => [letter, code]),
) as Record<string, number>;
/** TCVN3's capitals without a tone, and its combining tone marks (for the toned capitals of the ABC "H" fonts). */
const TCVN3_CAPITALS: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };
const TCVN3_TONES: Record<string, number> = {
  '\u0300': 0xb0,
  '\u0309': 0xb1,
  '\u0303': 0xb2,
  '\u0301': 0xb3,
  '\u0323': 0xb4,
};

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** A letter split into its letter without tone (NFC) and its tone mark. */
function splitTone(letter: string): [string, string] {
  const nfd = letter.normalize('NFD');
  const tone = TONE.exec(nfd)?.[0] ?? '';
  return [nfd.replace(tone, '').normalize('NFC'), tone];
}

function encodeTcvn3(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = TCVN3_SMALL[char] ?? TCVN3_CAPITALS[char];
    if (code !== undefined) bytes.push(code);
    else if (char < '\x80') bytes.push(char.charCodeAt(0));
    else {
      const [base, tone] = splitTone(char);
      const baseCode = base < '\x80' ? base.charCodeAt(0) : TCVN3_CAPITALS[base];
      if (baseCode === undefined || TCVN3_TONES[tone] === undefined) throw new Error(`no TCVN3 code for ${char}`);
      bytes.push(baseCode, TCVN3_TONES[tone]);
    }
  }
  return new Uint8Array(bytes);
}

/** VNI for Windows: base letter, then mark characters of a Western font. */
function encodeVni(text: string): Uint8Array {
  const marks = { '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï', '': '' };
  const circumflex = { '\u0300': 'à', '\u0301': 'á', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä', '': 'â' };
  const breve = { '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë', '': 'ê' };
  const iWithTone = { '\u0300': 'ì', '\u0301': 'í', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò', '': 'i' };
  let western = '';
  for (const char of text.normalize('NFC')) {
    const small = char.toLowerCase();
    const upper = char !== small;
    const case_ = (s: string) => (upper ? s.toUpperCase() : s);
    const [base, tone] = splitTone(small) as [string, keyof typeof marks];
    let spelling: string;
    if (small === 'đ') spelling = 'ñ';
    else if (base === 'â' || base === 'ê' || base === 'ô') spelling = base.normalize('NFD')[0] + circumflex[tone];
    else if (base === 'ă') spelling = 'a' + breve[tone];
    else if (base === 'ơ') spelling = 'ô' + marks[tone];
    else if (base === 'ư') spelling = 'ö' + marks[tone];
    else if (base === 'i' && tone !== '') spelling = iWithTone[tone];
    else if (base === 'y' && tone === '\u0323') spelling = 'î';
    else if (tone !== '' && /[aeouy]/.test(base)) spelling = base + marks[tone];
    else spelling = small;
    western += case_(spelling);
  }
  return new Uint8Array(
    [...western].map((char) => {
      const byte = CP1252.get(char);
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${char}`);
      return byte;
    }),
  );
}

/** Windows-1258: a precomposed character where the code page has one, else the letter and a combining tone. */
function encode1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const byte = CP1258.get(char);
    if (byte !== undefined) {
      bytes.push(byte);
      continue;
    }
    const [base, tone] = splitTone(char);
    const pair = [CP1258.get(base), CP1258.get(tone)];
    if (pair.includes(undefined)) throw new Error(`no Windows-1258 bytes for ${char}`);
    bytes.push(...(pair as number[]));
  }
  return new Uint8Array(bytes);
}

const ENCODERS: Record<LegacyEncoding, (text: string) => Uint8Array> = {
  tcvn3: encodeTcvn3,
  vni: encodeVni,
  'windows-1258': encode1258,
};

/** Bytes read as Windows-1252 and saved again as UTF-8: what an editor that guessed "Western" does. */
function readAsWestern(bytes: Uint8Array): Uint8Array {
  return utf8(new TextDecoder('windows-1252').decode(bytes));
}

/** A story's text with what the legacy code pages lack (curly quotes, dashes, ellipses…) made plain. */
function plain(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\p{L}\p{N}\s.,;:!?'"()%/+-]/gu, ' ');
}

/** The first stories, each as title and paragraphs in the export's layout. */
const samples = stories.slice(0, 40).map((story) => plain([story.title, ...story.paragraphs.slice(0, 3)].join('\n')));

const PARAGRAPH =
  'Học viện Cán bộ Thành phố Hồ Chí Minh tổ chức hội nghị tổng kết công tác đào tạo, bồi dưỡng năm 2022 và triển khai nhiệm vụ năm 2023. Đồng chí Nguyễn Tấn Phát phát biểu khai mạc; các đại biểu thảo luận sôi nổi về chuyển đổi số, nghiên cứu khoa học và hợp tác quốc tế.';

describe('decodeStoryBytes', () => {
  it('reads UTF-8 with or without a BOM, removing the BOM', () => {
    expect(decodeStoryBytes(utf8('Học viện'))).toEqual({ text: 'Học viện', lineEnds: 'none' });
    expect(decodeStoryBytes(utf8('\uFEFFHọc viện\n'))).toEqual({ text: 'Học viện\n', lineEnds: 'lf' });
  });

  it('turns CRLF and CR-only line ends into LF and says which the file had', () => {
    expect(decodeStoryBytes(utf8('Tiêu đề\r\nCập nhật ngày: 12/01/2023\r\n'))).toEqual({
      text: 'Tiêu đề\nCập nhật ngày: 12/01/2023\n',
      lineEnds: 'crlf',
    });
    expect(decodeStoryBytes(utf8('Tiêu đề\rCập nhật ngày: 12/01/2023\r'))).toEqual({
      text: 'Tiêu đề\nCập nhật ngày: 12/01/2023\n',
      lineEnds: 'cr',
    });
    expect(decodeStoryBytes(utf8('Một\r\nHai\nBa'))).toMatchObject({ text: 'Một\nHai\nBa', lineEnds: 'mixed' });
  });

  it('never flags ordinary Vietnamese UTF-8: all 200 corpus stories, whole and paragraph by paragraph', () => {
    const flagged: string[] = [];
    for (const story of stories) {
      for (const text of [[story.title, ...story.paragraphs].join('\n'), story.title, ...story.paragraphs]) {
        const result = decodeStoryBytes(utf8(text));
        if (!('text' in result)) flagged.push(`${result.problem}: ${text.slice(0, 60)}`);
      }
    }
    expect(flagged).toEqual([]);
  });

  it('never flags plain ASCII, English, French or German text', () => {
    for (const text of [
      'Annual report 2023: training and research.',
      'Le café de la Mairie, à côté de l’hôtel, était fermé.',
      'Grüße aus München: Übung macht den Meister.',
    ]) {
      expect(decodeStoryBytes(utf8(text))).toHaveProperty('text', text);
    }
  });

  it('reports UTF-16, by its byte order mark or by its NUL bytes', () => {
    const le = new Uint8Array(Buffer.from('Học viện cán bộ', 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] as number, le[i] as number];
    expect(decodeStoryBytes(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ problem: 'utf16' });
    expect(decodeStoryBytes(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ problem: 'utf16' });
    expect(decodeStoryBytes(le)).toEqual({ problem: 'utf16' });
    expect(decodeStoryBytes(be)).toEqual({ problem: 'utf16' });
  });

  it('reports binary files: NUL bytes, or many control bytes', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(decodeStoryBytes(zip)).toEqual({ problem: 'binary' });
    const controls = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61)));
    expect(decodeStoryBytes(controls)).toEqual({ problem: 'binary' });
  });

  it('keeps text with a few control characters (Word line breaks) for cleaning, not as binary', () => {
    expect(decodeStoryBytes(utf8('Dòng một\vdòng hai\fđoạn mới\x1b[0m'))).toHaveProperty(
      'text',
      'Dòng một\vdòng hai\fđoạn mới\x1b[0m',
    );
  });

  it.each(['tcvn3', 'vni', 'windows-1258'] as const)(
    'recognises %s bytes (not UTF-8) made from 40 real stories',
    (encoding) => {
      for (const text of samples) {
        expect(decodeStoryBytes(ENCODERS[encoding](text)), text.slice(0, 60)).toEqual({
          problem: 'legacy-vietnamese',
          encoding,
        });
      }
    },
  );

  it.each(['tcvn3', 'vni', 'windows-1258'] as const)(
    'recognises %s bytes read as Western text and saved as UTF-8 ("Häc viÖn")',
    (encoding) => {
      for (const text of samples) {
        expect(decodeStoryBytes(readAsWestern(ENCODERS[encoding](text))), text.slice(0, 60)).toEqual({
          problem: 'legacy-in-utf8',
          encoding,
        });
      }
    },
  );

  it('recognises the short TCVN3 title of the issue', () => {
    expect(decodeStoryBytes(utf8('Häc viÖn C¸n bé'))).toEqual({ problem: 'legacy-in-utf8', encoding: 'tcvn3' });
  });

  it('recognises UTF-8 encoded twice ("Há»c viá»‡n"), with or without the lost third bytes', () => {
    for (const text of samples.slice(0, 10)) {
      expect(decodeStoryBytes(readAsWestern(utf8(text))), text.slice(0, 60)).toEqual({ problem: 'mojibake' });
    }
    expect(decodeStoryBytes(utf8('Há»c viá»‡n Cán bá»™'))).toEqual({ problem: 'mojibake' });
  });

  it('says "not UTF-8" for bytes no Vietnamese encoding makes sense of', () => {
    // Windows-1252 French, and Shift-JIS.
    expect(
      decodeStoryBytes(new Uint8Array([...Buffer.from('Le caf', 'latin1'), 0xe9, 0x20, 0x65, 0x73, 0x74])),
    ).toEqual({ problem: 'not-utf8' });
    expect(decodeStoryBytes(new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]))).toEqual({ problem: 'not-utf8' });
  });
});

describe('convertLegacy', () => {
  it.each(['tcvn3', 'vni', 'windows-1258'] as const)(
    'gives back the NFC text of 40 real stories from %s bytes, and from those bytes read as Western text',
    (encoding) => {
      for (const text of samples) {
        const bytes = ENCODERS[encoding](text);
        expect(convertLegacy(bytes, encoding)).toBe(text);
        expect(convertLegacy(readAsWestern(bytes), encoding)).toBe(text);
        expect(convertLegacy(new TextDecoder('windows-1252').decode(bytes), encoding)).toBe(text);
      }
    },
  );

  it('converts every Vietnamese letter, small and capital, in each encoding', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    const all = `${letters} ${letters.toUpperCase()}`;
    for (const encoding of ['tcvn3', 'vni', 'windows-1258'] as const) {
      expect(convertLegacy(ENCODERS[encoding](all), encoding), encoding).toBe(all);
    }
  });

  it('reads the TCVN3 and VNI spellings everyone who used them knows', () => {
    expect(convertLegacy(new Uint8Array(Buffer.from('H\xe4c vi\xd6n C\xb8n b\xe9', 'latin1')), 'tcvn3')).toBe(
      'Học viện Cán bộ',
    );
    expect(convertLegacy('Xin chaøo caùc baïn, Hoïc vieän Caùn boä', 'vni')).toBe('Xin chào các bạn, Học viện Cán bộ');
  });

  it('composes Windows-1258 combining tone marks into NFC', () => {
    const converted = convertLegacy(new Uint8Array([0x48, 0x6f, 0xf2, 0x63]), 'windows-1258');
    expect(converted).toBe('Học');
    expect(converted.normalize('NFC')).toBe(converted);
  });

  it('turns a long real paragraph into the same paragraph from each encoding', () => {
    for (const encoding of ['tcvn3', 'vni', 'windows-1258'] as const) {
      expect(convertLegacy(ENCODERS[encoding](PARAGRAPH), encoding)).toBe(PARAGRAPH);
    }
  });
});

describe('cleanControlCharacters', () => {
  it('leaves ordinary text, tabs and line ends alone', () => {
    expect(cleanControlCharacters('Học viện\tCán bộ\nDòng hai', 'body')).toBe('Học viện\tCán bộ\nDòng hai');
  });

  it("turns Word's manual line break (VT) and page break (FF) into a line end in a body", () => {
    expect(cleanControlCharacters('Dòng một\vDòng hai\fTrang mới', 'body')).toBe('Dòng một\nDòng hai\nTrang mới');
  });

  it('turns them, and every line end and tab, into a space in a one-line field', () => {
    expect(cleanControlCharacters('Hội nghị\vtổng kết\r\nnăm\t2023\f', 'line')).toBe('Hội nghị tổng kết năm 2023 ');
  });

  it('turns CRLF and CR into LF in a body', () => {
    expect(cleanControlCharacters('Một\r\nHai\rBa', 'body')).toBe('Một\nHai\nBa');
  });

  it('removes escape sequences whole, with their parameters', () => {
    expect(cleanControlCharacters('\x1b[1;31mĐỏ\x1b[0m và \x1b]0;tiêu đề\x07xanh\x1bM', 'body')).toBe('Đỏ và xanh');
    expect(cleanControlCharacters('a\x9b2Jb', 'line')).toBe('ab');
  });

  it('removes NUL, BEL, backspace, DEL and C1 controls', () => {
    expect(cleanControlCharacters('Ti\0ê\x07u\x08 đ\x7fề\x85\x9f', 'line')).toBe('Tiêu đề');
  });

  it('turns the Unicode line and paragraph separators into line ends', () => {
    expect(cleanControlCharacters('Một\u2028Hai\u2029Ba', 'body')).toBe('Một\nHai\nBa');
  });
});

describe('hasControlCharacters', () => {
  it('is true for VT, ESC, NUL and C1 controls, false for tab and line ends', () => {
    expect(['a\vb', 'a\x1bb', 'a\0b', 'a\x85b'].map(hasControlCharacters)).toEqual([true, true, true, true]);
    expect(hasControlCharacters('Học viện\tCán bộ\r\n')).toBe(false);
  });
});
