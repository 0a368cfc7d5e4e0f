import { describe, expect, it } from 'vitest';
import { locationOf } from '../../src/lib/discovery/redirects';
import { reservedPage } from '../../src/lib/discovery/routes';
import { groupByMonth } from '../../src/lib/content/archive';
import { findCollisions } from '../../src/lib/content/collisions';
import { compareNewestFirst, neighboursBySlug, sortNewestFirst, type Dated } from '../../src/lib/content/order';
import { paginate } from '../../src/lib/content/pagination';
import { isPublished, isScheduled, publicationNow } from '../../src/lib/content/publication';
import { relatedFinder, type Relatable } from '../../src/lib/content/related';
import { bodySummary, givenSummary, htmlToText } from '../../src/lib/content/summary';
import { tagsOf, type Tag } from '../../src/lib/content/tags';

/** Every ordering of `items`, to prove a result does not depend on input order. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

function dated(slug: string, iso: string): Dated {
  return { slug, date: new Date(iso) };
}

function slugs(list: readonly Dated[] | undefined): string[] {
  return (list ?? []).map((article) => article.slug);
}

describe('compareNewestFirst', () => {
  it('puts the later instant first', () => {
    const khaiGiang = dated('khai-giang-lop-boi-duong', '2023-09-05T01:00:00Z');
    const bangKhen = dated('hoc-vien-can-bo-bang-khen-2022', '2023-01-11T17:00:00Z');
    expect(compareNewestFirst(khaiGiang, bangKhen)).toBeLessThan(0);
    expect(compareNewestFirst(bangKhen, khaiGiang)).toBeGreaterThan(0);
  });

  it('orders equal instants by slug ascending', () => {
    const a = dated('dai-hoi-doan-the', '2023-01-11T17:00:00Z');
    const b = dated('hoi-thao-chuyen-doi-so', '2023-01-11T17:00:00Z');
    expect(compareNewestFirst(a, b)).toBeLessThan(0);
    expect(compareNewestFirst(b, a)).toBeGreaterThan(0);
  });

  it('compares instants, not the way the date was written', () => {
    // 20:00 on 31 Dec in New York is 08:00 on 1 Jan in Vietnam: later than 07:00 in Vietnam.
    const newYork = dated('chuc-mung-nam-moi', '2022-12-31T20:00:00-05:00');
    const vietnam = dated('le-chao-co', '2023-01-01T07:00:00+07:00');
    expect(compareNewestFirst(newYork, vietnam)).toBeLessThan(0);
  });

  it('treats an article as equal to itself', () => {
    const a = dated('thong-bao-lich-hoc', '2023-03-01T00:00:00Z');
    expect(compareNewestFirst(a, a)).toBe(0);
  });
});

describe('sortNewestFirst', () => {
  const articles = [
    dated('hoi-thao-chuyen-doi-so', '2023-03-16T02:00:00Z'),
    dated('dai-hoi-doan-the', '2023-01-11T17:00:00Z'),
    dated('hoc-vien-can-bo-bang-khen-2022', '2023-01-11T17:00:00Z'),
    dated('ban-tin-cuoi-nam', '2022-12-31T16:59:59Z'),
    dated('chao-nam-moi', '2022-12-31T17:00:00Z'),
  ];
  const expected = [
    'hoi-thao-chuyen-doi-so',
    'dai-hoi-doan-the',
    'hoc-vien-can-bo-bang-khen-2022',
    'chao-nam-moi',
    'ban-tin-cuoi-nam',
  ];

  it('orders newest first, equal instants by slug', () => {
    expect(slugs(sortNewestFirst(articles))).toEqual(expected);
  });

  it('gives the same order whatever the input order', () => {
    for (const shuffled of permutations(articles)) {
      expect(slugs(sortNewestFirst(shuffled))).toEqual(expected);
    }
  });

  it('leaves the input array as it was', () => {
    const input = [...articles].reverse();
    const before = slugs(input);
    sortNewestFirst(input);
    expect(slugs(input)).toEqual(before);
  });

  it('returns an empty list for no articles', () => {
    expect(sortNewestFirst([])).toEqual([]);
  });
});

describe('isPublished', () => {
  const now = new Date('2026-12-01T01:00:00Z'); // 08:00 on 1 December 2026 in Vietnam
  const past = new Date('2026-11-30T17:00:00Z'); // 00:00 on 1 December in Vietnam
  const at = now;
  const later = new Date('2026-12-01T01:00:01Z');

  it('publishes an article that is not a draft and whose date has come', () => {
    expect(isPublished({ draft: false, date: past }, { includeDrafts: false, now })).toBe(true);
    expect(isPublished({ draft: false, date: past }, { includeDrafts: true, now })).toBe(true);
  });

  it('publishes a scheduled story from the very instant of its date', () => {
    expect(isPublished({ draft: false, date: at }, { includeDrafts: false, now })).toBe(true);
  });

  it('holds back a story dated even a second after now', () => {
    expect(isPublished({ draft: false, date: later }, { includeDrafts: false, now })).toBe(false);
  });

  it('hides a draft from the production build, whatever its date', () => {
    expect(isPublished({ draft: true, date: past }, { includeDrafts: false, now })).toBe(false);
  });

  it('shows drafts and scheduled stories in a preview that includes drafts', () => {
    expect(isPublished({ draft: true, date: past }, { includeDrafts: true, now })).toBe(true);
    expect(isPublished({ draft: false, date: later }, { includeDrafts: true, now })).toBe(true);
  });
});

describe('isScheduled', () => {
  const now = new Date('2026-12-01T01:00:00Z');

  it('is true for a story that is not a draft and dated after now', () => {
    expect(isScheduled({ draft: false, date: new Date('2026-12-02T01:00:00Z') }, now)).toBe(true);
  });

  it('is false for a story whose date has come, and for a draft', () => {
    expect(isScheduled({ draft: false, date: now }, now)).toBe(false);
    expect(isScheduled({ draft: true, date: new Date('2026-12-02T01:00:00Z') }, now)).toBe(false);
  });
});

describe('publicationNow', () => {
  const clock = new Date('2030-01-01T00:00:00Z');

  it('is the clock when BANTIN_NOW is not set', () => {
    expect(publicationNow({}, clock)).toBe(clock);
    expect(publicationNow({ BANTIN_NOW: ' ' }, clock)).toBe(clock);
  });

  it('reads BANTIN_NOW with an offset, or in Vietnam time without one', () => {
    expect(publicationNow({ BANTIN_NOW: '2026-12-01T08:00+07:00' }, clock).toISOString()).toBe(
      '2026-12-01T01:00:00.000Z',
    );
    expect(publicationNow({ BANTIN_NOW: '2026-12-01T08:00' }, clock).toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('refuses a BANTIN_NOW it cannot read, in Vietnamese, naming the value', () => {
    expect(() => publicationNow({ BANTIN_NOW: 'ngày mai' }, clock)).toThrow(/BANTIN_NOW: không đọc được "ngày mai"/);
  });
});

describe('neighboursBySlug', () => {
  const sorted = [
    dated('hoi-thao-chuyen-doi-so', '2023-03-16T02:00:00Z'),
    dated('dai-hoi-doan-the', '2023-02-02T02:00:00Z'),
    dated('hoc-vien-can-bo-bang-khen-2022', '2023-01-11T17:00:00Z'),
  ];
  const neighbours = neighboursBySlug(sorted);

  it('gives the newest article only an older neighbour', () => {
    expect(neighbours.get('hoi-thao-chuyen-doi-so')?.newer).toBeUndefined();
    expect(neighbours.get('hoi-thao-chuyen-doi-so')?.older?.slug).toBe('dai-hoi-doan-the');
  });

  it('gives a middle article both neighbours', () => {
    expect(neighbours.get('dai-hoi-doan-the')?.newer?.slug).toBe('hoi-thao-chuyen-doi-so');
    expect(neighbours.get('dai-hoi-doan-the')?.older?.slug).toBe('hoc-vien-can-bo-bang-khen-2022');
  });

  it('gives the oldest article only a newer neighbour', () => {
    expect(neighbours.get('hoc-vien-can-bo-bang-khen-2022')?.newer?.slug).toBe('dai-hoi-doan-the');
    expect(neighbours.get('hoc-vien-can-bo-bang-khen-2022')?.older).toBeUndefined();
  });

  it('has an entry for every article', () => {
    expect([...neighbours.keys()].sort()).toEqual([
      'dai-hoi-doan-the',
      'hoc-vien-can-bo-bang-khen-2022',
      'hoi-thao-chuyen-doi-so',
    ]);
  });

  it('gives a lone article no neighbours', () => {
    const alone = neighboursBySlug([dated('thong-bao-tuyen-sinh', '2023-05-01T00:00:00Z')]);
    expect(alone.get('thong-bao-tuyen-sinh')).toEqual({ newer: undefined, older: undefined });
  });
});

describe('paginate', () => {
  const titles = Array.from({ length: 45 }, (_, index) => `Bản tin số ${index + 1}`);

  it('splits a list into full pages and a last partial page', () => {
    const pages = paginate(titles, 20);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
    expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(pages.every((page) => page.pages === 3)).toBe(true);
  });

  it('keeps the order of the items across pages', () => {
    const pages = paginate(titles, 20);
    expect(pages[0]?.items[0]).toBe('Bản tin số 1');
    expect(pages[1]?.items[0]).toBe('Bản tin số 21');
    expect(pages[2]?.items).toEqual([
      'Bản tin số 41',
      'Bản tin số 42',
      'Bản tin số 43',
      'Bản tin số 44',
      'Bản tin số 45',
    ]);
  });

  it('makes no empty last page when the list fills its pages exactly', () => {
    const pages = paginate(titles.slice(0, 40), 20);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20]);
    expect(pages[1]?.pages).toBe(2);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 20)).toEqual([{ items: [], page: 1, pages: 1 }]);
  });
});

describe('groupByMonth', () => {
  const sorted = [
    dated('hoi-thao-chuyen-doi-so', '2023-03-16T02:00:00Z'),
    dated('hop-mat-dau-xuan', '2023-01-31T18:00:00Z'),
    dated('tong-ket-hoc-ky', '2023-01-31T16:59:59Z'),
    dated('hoc-vien-can-bo-bang-khen-2022', '2023-01-11T17:00:00Z'),
    dated('chao-nam-moi', '2022-12-31T17:00:00Z'),
    dated('ban-tin-cuoi-nam', '2022-12-31T16:00:00Z'),
    dated('khai-giang-lop-boi-duong', '2022-09-05T01:00:00Z'),
  ];
  const years = groupByMonth(sorted);

  it('groups by year and month in Vietnam time, newest first', () => {
    expect(years.map((year) => year.year)).toEqual([2023, 2022]);
    expect(years[0]?.months.map((month) => month.month)).toEqual([3, 2, 1]);
    expect(years[1]?.months.map((month) => month.month)).toEqual([12, 9]);
  });

  it('files 18:00 UTC on 31 January under February, as it is in Vietnam', () => {
    const february = years[0]?.months.find((month) => month.month === 2);
    expect(slugs(february?.articles)).toEqual(['hop-mat-dau-xuan']);
  });

  it('files midnight of 1 January in Vietnam under the new year', () => {
    const january = years[0]?.months.find((month) => month.month === 1);
    expect(slugs(january?.articles)).toEqual(['tong-ket-hoc-ky', 'hoc-vien-can-bo-bang-khen-2022', 'chao-nam-moi']);
  });

  it('counts the articles of each year', () => {
    expect(years.map((year) => year.count)).toEqual([5, 2]);
  });

  it('labels every month with its year', () => {
    for (const year of years) {
      for (const month of year.months) expect(month.year).toBe(year.year);
    }
  });

  it('keeps the input order inside a month rather than re-sorting', () => {
    const given = [
      dated('thong-bao-lich-thi', '2023-05-10T03:00:00Z'),
      dated('hoi-thao-chuyen-doi-so', '2023-05-10T03:00:00Z'),
      dated('dai-hoi-doan-the', '2023-05-02T03:00:00Z'),
    ];
    expect(slugs(groupByMonth(given)[0]?.months[0]?.articles)).toEqual([
      'thong-bao-lich-thi',
      'hoi-thao-chuyen-doi-so',
      'dai-hoi-doan-the',
    ]);
  });

  it('gives no years for no articles', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});

describe('htmlToText', () => {
  it('drops tags and squeezes the spaces between blocks', () => {
    expect(htmlToText('<h2>Hội nghị</h2>\n<p>Tổng kết   công tác\nnăm 2022</p>')).toBe(
      'Hội nghị Tổng kết công tác năm 2022',
    );
  });

  it('decodes entities, a no-break space included', () => {
    expect(htmlToText('<p>Nghiên cứu &amp; Đào tạo&nbsp;&#8211; Học&#x20;viện &quot;Cán bộ&quot;</p>')).toBe(
      'Nghiên cứu & Đào tạo – Học viện "Cán bộ"',
    );
  });

  it('separates the lines of a line break', () => {
    expect(htmlToText('Tin: Thanh Tiên<br>Ảnh: HVCTQGHCM')).toBe('Tin: Thanh Tiên Ảnh: HVCTQGHCM');
  });

  it('keeps punctuation attached to a word that ends an inline element', () => {
    expect(
      htmlToText('<p>Theo <a href="/bai-viet/x/">Học viện Cán bộ</a>, hội nghị <strong>thành công</strong>.</p>'),
    ).toBe('Theo Học viện Cán bộ, hội nghị thành công.');
  });

  it('gives empty text for markup without text', () => {
    expect(htmlToText('<p><img src="./anh-1.jpg" alt="Ảnh"></p>')).toBe('');
  });
});

describe('givenSummary and bodySummary', () => {
  const firstParagraph =
    'Sáng 11/01/2023, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội nghị toàn quốc tổng kết công tác trường chính trị, trường bộ, ngành năm 2022, triển khai nhiệm vụ năm 2023. GS.TS. Nguyễn Xuân Thắng - Ủy viên Bộ Chính trị, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh, Chủ tịch Hội đồng Lý luận Trung ương dự và chỉ đạo Hội nghị.';
  const body = `<p>${firstParagraph}</p>\n<p>Tham dự Hội nghị có đại diện lãnh đạo các ban, bộ, ngành Trung ương.</p>`;

  it('uses the given summary when there is one', () => {
    expect(givenSummary('Học viện Cán bộ nhận Bằng khen năm 2022.', 200)).toBe(
      'Học viện Cán bộ nhận Bằng khen năm 2022.',
    );
  });

  it('squeezes the spaces of a given summary', () => {
    expect(givenSummary('  Học viện   Cán bộ\nnhận Bằng khen ', 200)).toBe('Học viện Cán bộ nhận Bằng khen');
  });

  it('cuts a long first paragraph to at most 200 characters on a word, the "…" included', () => {
    const summary = bodySummary(body, 200);
    expect(summary).toBe(
      'Sáng 11/01/2023, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội nghị toàn quốc tổng kết công tác trường chính trị, trường bộ, ngành năm 2022, triển khai nhiệm vụ năm 2023. GS.TS. Nguyễn Xuân…',
    );
    expect(summary.length).toBeLessThanOrEqual(200);
  });

  it('cuts a long given summary the same way', () => {
    expect(givenSummary(firstParagraph, 200)).toBe(
      'Sáng 11/01/2023, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội nghị toàn quốc tổng kết công tác trường chính trị, trường bộ, ngành năm 2022, triển khai nhiệm vụ năm 2023. GS.TS. Nguyễn Xuân…',
    );
  });

  it('skips paragraphs without text, such as a lone image', () => {
    const withImage =
      '<p><img src="./anh-1.jpg" alt="Lễ trao bằng khen"></p>\n<p>Học viện Cán bộ được trao tặng <em>Bằng khen</em> năm 2022</p>';
    expect(bodySummary(withImage, 200)).toBe('Học viện Cán bộ được trao tặng Bằng khen năm 2022');
  });

  it('reads paragraphs that carry attributes and ignores headings', () => {
    const html = '<h2 id="hoi-nghi">Hội nghị</h2><p class="lead">Khai giảng lớp bồi dưỡng cán bộ.</p>';
    expect(bodySummary(html, 200)).toBe('Khai giảng lớp bồi dưỡng cán bộ.');
  });

  it('gives an empty summary when the body has no paragraph', () => {
    expect(bodySummary('<h2>Thông báo</h2><ul><li>Lịch học</li></ul>', 200)).toBe('');
  });
});

describe('tagsOf', () => {
  it('pairs each tag with its slug, in the given order', () => {
    expect(tagsOf(['Chuyển đổi số', 'Đoàn Thanh niên'])).toEqual([
      { name: 'Chuyển đổi số', slug: 'chuyen-doi-so' },
      { name: 'Đoàn Thanh niên', slug: 'doan-thanh-nien' },
    ]);
  });

  it('collapses tags that differ only by case or Unicode form into the first spelling', () => {
    expect(tagsOf(['Chuyển đổi số', 'chuyển đổi số', 'Chuyển đổi số'.normalize('NFD')])).toEqual([
      { name: 'Chuyển đổi số', slug: 'chuyen-doi-so' },
    ]);
  });

  it('stores names in NFC with their spaces squeezed', () => {
    const [tag] = tagsOf(['  Hội   thảo\nkhoa học '.normalize('NFD')]);
    expect(tag).toEqual({ name: 'Hội thảo khoa học', slug: 'hoi-thao-khoa-hoc' });
    expect(tag?.name).toBe('Hội thảo khoa học'.normalize('NFC'));
  });

  it('drops tags that have no slug', () => {
    expect(tagsOf(['!!!', '', 'Thi đua'])).toEqual([{ name: 'Thi đua', slug: 'thi-dua' }]);
  });
});

describe('relatedFinder', () => {
  function tags(...names: string[]): Tag[] {
    return tagsOf(names);
  }

  function article(slug: string, iso: string, category: string, tagList: Tag[]): Relatable {
    return { slug, date: new Date(iso), category, tags: tagList };
  }

  // Newest first.
  const sorted = [
    article('hoi-thao-chuyen-doi-so', '2023-06-01T02:00:00Z', 'tin-tuc-su-kien', tags('Chuyển đổi số', 'Hội thảo')),
    article('ung-dung-chuyen-doi-so', '2023-05-01T02:00:00Z', 'tin-tuc-su-kien', tags('Chuyển đổi số')),
    article('tap-huan-chuyen-doi-so', '2023-04-01T02:00:00Z', 'dao-tao-boi-duong', tags('Hội thảo', 'Chuyển đổi số')),
    article('le-chao-co', '2023-03-01T02:00:00Z', 'tin-tuc-su-kien', []),
    article('thong-bao-lich-hoc', '2023-02-01T02:00:00Z', 'thong-bao', []),
    article('hoi-thao-khoa-hoc', '2023-01-01T02:00:00Z', 'nghien-cuu-khoa-hoc', tags('Hội thảo')),
  ];

  it('ranks by shared tags, then same category, then nearest in time', () => {
    expect(slugs(relatedFinder(sorted, 5)('hoi-thao-chuyen-doi-so'))).toEqual([
      'tap-huan-chuyen-doi-so',
      'ung-dung-chuyen-doi-so',
      'hoi-thao-khoa-hoc',
      'le-chao-co',
    ]);
  });

  it('never lists an article as related to itself', () => {
    const related = relatedFinder(sorted, 5);
    for (const { slug } of sorted) expect(slugs(related(slug))).not.toContain(slug);
  });

  it('leaves out articles sharing neither a tag nor the category', () => {
    expect(slugs(relatedFinder(sorted, 5)('thong-bao-lich-hoc'))).toEqual([]);
  });

  it('lists at most the requested number', () => {
    expect(slugs(relatedFinder(sorted, 2)('hoi-thao-chuyen-doi-so'))).toEqual([
      'tap-huan-chuyen-doi-so',
      'ung-dung-chuyen-doi-so',
    ]);
  });

  it('prefers the nearest in time among same-category articles, even when both are newer', () => {
    const notices = [
      article('thong-bao-lich-thi', '2023-03-03T00:00:00Z', 'thong-bao', []),
      article('thong-bao-lich-hoc', '2023-03-02T00:00:00Z', 'thong-bao', []),
      article('thong-bao-tuyen-sinh', '2023-03-01T00:00:00Z', 'thong-bao', []),
      article('thong-bao-nghi-tet', '2022-12-01T00:00:00Z', 'thong-bao', []),
    ];
    expect(slugs(relatedFinder(notices, 2)('thong-bao-tuyen-sinh'))).toEqual([
      'thong-bao-lich-hoc',
      'thong-bao-lich-thi',
    ]);
  });

  it('breaks a tie in time distance by slug', () => {
    const union = [
      article('hoi-trai-thanh-nien', '2023-06-20T00:00:00Z', 'doan-the', []),
      article('dai-hoi-cong-doan', '2023-06-15T00:00:00Z', 'doan-the', []),
      article('giai-bong-da-cong-doan', '2023-06-10T00:00:00Z', 'doan-the', []),
    ];
    expect(slugs(relatedFinder(union, 5)('dai-hoi-cong-doan'))).toEqual([
      'giai-bong-da-cong-doan',
      'hoi-trai-thanh-nien',
    ]);
  });

  it('gives the same answer asked twice, and none for a slug it does not know', () => {
    const related = relatedFinder(sorted, 5);
    const first = slugs(related('hoi-thao-chuyen-doi-so'));
    expect(first.length).toBeGreaterThan(0);
    expect(slugs(related('hoi-thao-chuyen-doi-so'))).toEqual(first);
    expect(related('khong-co-bai-nay')).toEqual([]);
  });

  it('breaks a tie in distance on either side by slug, even at the last place', () => {
    const union = [
      article('hoi-trai-thanh-nien', '2023-06-20T00:00:00Z', 'doan-the', []),
      article('dai-hoi-cong-doan', '2023-06-15T00:00:00Z', 'doan-the', []),
      article('giai-bong-da-cong-doan', '2023-06-10T00:00:00Z', 'doan-the', []),
    ];
    expect(slugs(relatedFinder(union, 1)('dai-hoi-cong-doan'))).toEqual(['giai-bong-da-cong-doan']);
  });

  it('ranks a distant article sharing two tags above near ones sharing one, even under a tag every article carries', () => {
    const days = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();
    const many = Array.from({ length: 400 }, (_, n) =>
      article(
        `tin-${String(n).padStart(3, '0')}`,
        days(400 - n),
        'tin-tuc-su-kien',
        tags('Học viện', ...(n === 0 || n === 399 ? ['Bằng khen'] : [])),
      ),
    );
    expect(slugs(relatedFinder(many, 3)('tin-000'))).toEqual(['tin-399', 'tin-001', 'tin-002']);
    expect(slugs(relatedFinder(many, 2)('tin-200'))).toEqual(['tin-199', 'tin-201']);
  });

  it('agrees with ranking every pair, on many small random archives', () => {
    let seed = 20240215;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = ['Đào tạo', 'Hội thảo', 'Cán bộ', 'Công đoàn', 'Chuyển đổi số'];
    const categories = ['tin-tuc-su-kien', 'thong-bao', 'doan-the'];
    for (let round = 0; round < 150; round += 1) {
      const archive = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, n) =>
        article(
          `bai-${Math.floor(random() * 100)}-${n}`,
          // Whole days only: many equal distances.
          new Date(Date.UTC(2022, 0, 1 + Math.floor(random() * 15))).toISOString(),
          categories[Math.floor(random() * categories.length)] ?? 'thong-bao',
          tags(
            ...Array.from({ length: Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)] ?? ''),
          ),
        ),
      );
      const newestFirst = sortNewestFirst(archive);
      for (const count of [1, 3, 5]) {
        const related = relatedFinder(newestFirst, count);
        // Asked in an order of their own: one article's ranking may not depend on which came before.
        for (const { one } of newestFirst.map((one) => ({ one, key: random() })).sort((a, b) => a.key - b.key)) {
          const own = new Set(one.tags.map((tag) => tag.slug));
          const expected = newestFirst
            .filter((other) => other !== one)
            .map((other) => ({
              slug: other.slug,
              shared: other.tags.filter((tag) => own.has(tag.slug)).length,
              same: other.category === one.category ? 1 : 0,
              distance: Math.abs(other.date.getTime() - one.date.getTime()),
            }))
            .filter((other) => other.shared > 0 || other.same > 0)
            .sort(
              (a, b) => b.shared - a.shared || b.same - a.same || a.distance - b.distance || (a.slug < b.slug ? -1 : 1),
            )
            .slice(0, count)
            .map((other) => other.slug);
          expect(slugs(related(one.slug)), `${one.slug} in round ${round}`).toEqual(expected);
        }
      }
    }
  });
});

describe('findCollisions', () => {
  const articlePath = (slug: string) => `/bai-viet/${slug}/`;

  it('finds nothing when every slug and alias is unique', () => {
    expect(
      findCollisions(
        [
          {
            slug: 'hoc-vien-can-bo-bang-khen-2022',
            aliases: ['/tin-tuc/1234.html'],
            filePath: 'content/articles/2023/2023-01-12-hoc-vien-can-bo-bang-khen-2022.md',
          },
          {
            slug: 'dai-hoi-doan-the',
            aliases: ['/Default.aspx?tabid=1'],
            filePath: 'content/articles/2021/2021-04-02-Đại-hội-Đoàn-thể.md',
          },
        ],
        articlePath,
      ),
    ).toEqual([]);
  });

  it('reports a slug used by two files, naming both files', () => {
    const problems = findCollisions(
      [
        { slug: 'dai-hoi-doan-the', aliases: [], filePath: 'content/articles/2021/2021-04-02-Đại-hội-Đoàn-thể.md' },
        { slug: 'dai-hoi-doan-the', aliases: [], filePath: 'content/articles/2022/2022-04-02-dai-hoi-doan-the.md' },
      ],
      articlePath,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/articles/2021/2021-04-02-Đại-hội-Đoàn-thể.md');
    expect(problems[0]).toContain('content/articles/2022/2022-04-02-dai-hoi-doan-the.md');
    expect(problems[0]).toContain('slug');
    expect(problems[0]).toContain('dai-hoi-doan-the');
    expect(problems[0]).toContain('cần');
  });

  it('reports an alias claimed by two files, naming both files', () => {
    const problems = findCollisions(
      [
        {
          slug: 'khai-giang',
          aliases: ['/tin-tuc/1234.html'],
          filePath: 'content/articles/2023/2023-09-05-khai-giang.md',
        },
        { slug: 'be-giang', aliases: ['/tin-tuc/1234.html'], filePath: 'content/articles/2023/2023-12-20-be-giang.md' },
      ],
      articlePath,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/articles/2023/2023-09-05-khai-giang.md');
    expect(problems[0]).toContain('content/articles/2023/2023-12-20-be-giang.md');
    expect(problems[0]).toContain('aliases');
    expect(problems[0]).toContain('/tin-tuc/1234.html');
  });

  it('reports an alias that is another article’s own page', () => {
    const problems = findCollisions(
      [
        { slug: 'khai-giang', aliases: [], filePath: 'content/articles/2023/2023-09-05-khai-giang.md' },
        {
          slug: 'be-giang',
          aliases: ['/bai-viet/khai-giang/'],
          filePath: 'content/articles/2023/2023-12-20-be-giang.md',
        },
      ],
      articlePath,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/articles/2023/2023-09-05-khai-giang.md');
    expect(problems[0]).toContain('content/articles/2023/2023-12-20-be-giang.md');
  });

  it('reports every collision, not only the first', () => {
    const problems = findCollisions(
      [
        { slug: 'thong-bao', aliases: ['/cu/1.html'], filePath: 'a/2023-01-01-thong-bao.md' },
        { slug: 'thong-bao', aliases: ['/cu/2.html'], filePath: 'b/2023-01-02-thong-bao.md' },
        { slug: 'thong-bao-moi', aliases: ['/cu/1.html', '/cu/2.html'], filePath: 'c/2023-01-03-thong-bao-moi.md' },
      ],
      articlePath,
    );
    expect(problems).toHaveLength(3);
  });

  const site = { locationOf, reservedPage };
  const pagesOf = (slug: string) => [`/bai-viet/${slug}/`, `/bai-viet/${slug}/ban-in/`];

  it('reports an alias that is another article’s print view', () => {
    const problems = findCollisions(
      [
        { slug: 'khai-giang', aliases: [], filePath: 'content/articles/2023/2023-09-05-khai-giang.md' },
        {
          slug: 'be-giang',
          aliases: ['/bai-viet/khai-giang/ban-in/'],
          filePath: 'content/articles/2023/2023-12-20-be-giang.md',
        },
      ],
      pagesOf,
      site,
    );
    expect(problems).toEqual([
      'content/articles/2023/2023-12-20-be-giang.md: aliases: "/bai-viet/khai-giang/ban-in/" đã là địa chỉ của content/articles/2023/2023-09-05-khai-giang.md (cần một địa chỉ cũ chưa bài nào dùng)',
    ]);
  });

  it('reports an alias that is one of the site’s own pages, naming the page', () => {
    const problems = findCollisions(
      [{ slug: 'be-giang', aliases: ['/luu-tru/2023/'], filePath: 'content/articles/2023/2023-12-20-be-giang.md' }],
      pagesOf,
      site,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/articles/2023/2023-12-20-be-giang.md: aliases: "/luu-tru/2023/"');
    expect(problems[0]).toContain('/luu-tru/');
    expect(problems[0]).toContain('cần');
  });

  it('reports two aliases answered by the same file, however they are written', () => {
    const problems = findCollisions(
      [
        { slug: 'khai-giang', aliases: ['/tin-tuc/cu/'], filePath: 'a/2023-09-05-khai-giang.md' },
        { slug: 'be-giang', aliases: ['/Tin-Tuc/cu/index.html'], filePath: 'b/2023-12-20-be-giang.md' },
        { slug: 'hoi-nghi', aliases: ['/default.aspx?ItemID=2&tabid=1'], filePath: 'c/2023-12-21-hoi-nghi.md' },
        { slug: 'hoi-thao', aliases: ['/Default.aspx?tabid=1&itemid=2'], filePath: 'd/2023-12-22-hoi-thao.md' },
      ],
      pagesOf,
      site,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('b/2023-12-20-be-giang.md');
    expect(problems[0]).toContain('a/2023-09-05-khai-giang.md');
    expect(problems[1]).toContain('d/2023-12-22-hoi-thao.md');
    expect(problems[1]).toContain('c/2023-12-21-hoi-nghi.md');
  });

  it('accepts an old slug of a renamed article as an alias', () => {
    expect(
      findCollisions(
        [{ slug: 'le-khai-giang-2024', aliases: ['/bai-viet/le-khai-giang/'], filePath: 'a.md' }],
        pagesOf,
        site,
      ),
    ).toEqual([]);
  });
});
