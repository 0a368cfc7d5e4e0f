import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { channelData, feedItem } from '../../src/lib/discovery/feed';

describe('feedItem', () => {
  const item = feedItem({
    slug: 'le-khai-giang',
    title: 'Lễ khai giảng năm học mới',
    summary: 'Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.',
    date: new Date('2024-02-15T08:30:00+07:00'),
    author: 'Thanh Tiên </dc:creator><evil/>',
    photoCredit: 'Minh Anh',
    source: 'HVCTQGHCM',
    category: 'Đào tạo - Bồi dưỡng',
    tags: ['Đào tạo', 'Khai giảng'],
  });

  it('links the story by its absolute URL and dates it by its instant', () => {
    expect(item.link).toBe('https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/le-khai-giang/');
    expect(item.pubDate.toISOString()).toBe('2024-02-15T01:30:00.000Z');
    expect(item.description).toBe('Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.');
  });

  it('lists the category, then the tags', () => {
    expect(item.categories).toEqual(['Đào tạo - Bồi dưỡng', 'Đào tạo', 'Khai giảng']);
  });

  it('carries the credits as Dublin Core elements that parse back to the same text', () => {
    const parsed = new XMLParser().parse(`<item>${item.customData ?? ''}</item>`) as { item: Record<string, string> };
    expect(parsed.item['dc:creator']).toBe('Thanh Tiên </dc:creator><evil/>');
    expect(parsed.item['dc:contributor']).toBe('Minh Anh');
    expect(parsed.item['dc:source']).toBe('HVCTQGHCM');
    expect(Object.keys(parsed.item)).toEqual(['dc:creator', 'dc:contributor', 'dc:source']);
  });

  it('has no credits element for a story without credits', () => {
    const plain = feedItem({ slug: 'a', title: 'A', summary: '', date: new Date(0), category: 'Thông báo', tags: [] });
    expect(plain.customData).toBeUndefined();
  });
});

describe('channelData', () => {
  it('gives the language, the date of the latest change and the feed’s own address', () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(
      `<channel>${channelData('vi', new Date('2024-02-15T08:30:00+07:00'))}</channel>`,
    ) as { channel: Record<string, unknown> };
    expect(parsed.channel.language).toBe('vi');
    expect(parsed.channel.lastBuildDate).toBe('Thu, 15 Feb 2024 01:30:00 GMT');
    expect(parsed.channel['atom:link']).toMatchObject({
      '@_href': 'https://hocviencanbo.hochiminhcity.gov.vn/rss.xml',
      '@_rel': 'self',
    });
  });
});
