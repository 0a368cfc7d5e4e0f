import { describe, expect, it } from 'vitest';
import {
  articleOpenGraph,
  breadcrumbLd,
  newsArticleLd,
  serializeJsonLd,
  type NewsArticleInput,
} from '../../src/lib/discovery/seo';

const publisher = {
  name: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
  url: 'https://hocviencanbo.hochiminhcity.gov.vn/',
  logo: { url: 'https://hocviencanbo.hochiminhcity.gov.vn/logo.png', width: 512, height: 512 },
};

const story: NewsArticleInput = {
  url: 'https://hocviencanbo.hochiminhcity.gov.vn/bai-viet/le-khai-giang/',
  headline: 'Lễ khai giảng năm học mới',
  description: 'Sáng 15/02/2024, Học viện tổ chức lễ khai giảng.',
  datePublished: '2024-02-15T08:30:00+07:00',
  dateModified: '2024-02-20T00:00:00+07:00',
  author: 'Thanh Tiên',
  section: 'Đào tạo - Bồi dưỡng',
  keywords: ['Đào tạo', 'Khai giảng'],
  image: 'https://hocviencanbo.hochiminhcity.gov.vn/_astro/anh-bia.jpg',
  language: 'vi',
  publisher,
};

describe('serializeJsonLd', () => {
  const nasty = { headline: 'Tiêu đề </script><script>alert(1)</script> "trích" & \'nháy\'\u2028hết' };

  it('never writes "<", ">" or "&", so no text can close the script block', () => {
    const json = serializeJsonLd(nasty);
    expect(json).not.toMatch(/[<>&]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toContain('\u2028');
  });

  it('parses back to exactly the same value', () => {
    expect(JSON.parse(serializeJsonLd(nasty))).toEqual(nasty);
  });
});

describe('newsArticleLd', () => {
  it('describes the story with dates carrying the Vietnam offset', () => {
    const data = newsArticleLd(story);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Lễ khai giảng năm học mới',
      datePublished: '2024-02-15T08:30:00+07:00',
      dateModified: '2024-02-20T00:00:00+07:00',
      mainEntityOfPage: { '@type': 'WebPage', '@id': story.url },
      image: [story.image],
      author: [{ '@type': 'Person', name: 'Thanh Tiên' }],
      articleSection: 'Đào tạo - Bồi dưỡng',
      keywords: 'Đào tạo, Khai giảng',
      inLanguage: 'vi',
    });
  });

  it('names the institute as publisher, with its logo', () => {
    expect(newsArticleLd(story).publisher).toEqual({
      '@type': 'Organization',
      name: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
      url: 'https://hocviencanbo.hochiminhcity.gov.vn/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://hocviencanbo.hochiminhcity.gov.vn/logo.png',
        width: 512,
        height: 512,
      },
    });
  });

  it('credits the institute and shows its logo when the story has no author or cover', () => {
    const data = newsArticleLd({ ...story, author: undefined, image: undefined, keywords: [] });
    expect(data.author).toEqual([expect.objectContaining({ '@type': 'Organization', name: publisher.name })]);
    expect(data.image).toEqual(['https://hocviencanbo.hochiminhcity.gov.vn/logo.png']);
    expect(data).not.toHaveProperty('keywords');
  });
});

describe('breadcrumbLd', () => {
  it('numbers the steps from 1, each with its absolute URL', () => {
    expect(
      breadcrumbLd([
        { name: 'Trang chủ', url: 'https://hocviencanbo.hochiminhcity.gov.vn/' },
        { name: 'Thông báo', url: 'https://hocviencanbo.hochiminhcity.gov.vn/chuyen-muc/thong-bao/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://hocviencanbo.hochiminhcity.gov.vn/' },
        {
          '@type': 'ListItem',
          position: 2,
          name: 'Thông báo',
          item: 'https://hocviencanbo.hochiminhcity.gov.vn/chuyen-muc/thong-bao/',
        },
      ],
    });
  });
});

describe('articleOpenGraph', () => {
  it('lists the times, the section and one article:tag per tag', () => {
    expect(
      articleOpenGraph({
        publishedTime: '2024-02-15T08:30:00+07:00',
        modifiedTime: '2024-02-15T08:30:00+07:00',
        section: 'Đào tạo - Bồi dưỡng',
        tags: ['Đào tạo', 'Khai giảng'],
      }),
    ).toEqual([
      ['article:published_time', '2024-02-15T08:30:00+07:00'],
      ['article:modified_time', '2024-02-15T08:30:00+07:00'],
      ['article:section', 'Đào tạo - Bồi dưỡng'],
      ['article:tag', 'Đào tạo'],
      ['article:tag', 'Khai giảng'],
    ]);
  });
});
