import { describe, expect, it } from 'vitest';
import { tagsOf } from '../../src/lib/content/tags';
import { commonestName, tagIndex } from '../../src/lib/content/tags';

const entry = (name: string, count: number) => ({ tag: tagsOf([name])[0]!, articles: Array.from({ length: count }) });

describe('tagIndex', () => {
  it('counts the articles of each tag', () => {
    expect(tagIndex([entry('Hội thảo', 3)]).map(({ tag, count }) => [tag.slug, count])).toEqual([['hoi-thao', 3]]);
  });

  it('orders tags as a Vietnamese dictionary does: đ after d, marked vowels after plain ones', () => {
    const names = tagIndex([
      entry('Đa dạng', 1),
      entry('Dương', 1),
      entry('Ăn uống', 1),
      entry('Ánh sáng', 1),
      entry('Ban giám đốc', 1),
    ]).map(({ tag }) => tag.name);
    // Every d word comes before every đ word; ă is a letter of its own, after a.
    expect(names).toEqual(['Ánh sáng', 'Ăn uống', 'Ban giám đốc', 'Dương', 'Đa dạng']);
  });
});

describe('commonestName', () => {
  it('picks the spelling most articles use', () => {
    expect(commonestName(['đào tạo', 'Đào tạo', 'ĐÀO TẠO', 'Đào tạo'])).toBe('Đào tạo');
  });

  it('keeps the earliest spelling on a tie', () => {
    expect(commonestName(['đào tạo', 'Đào tạo'])).toBe('đào tạo');
  });
});

describe('tagsOf', () => {
  it('gives every article the same spelling of a tag, which no page can change for the others', () => {
    const [first] = tagsOf(['  Đào   tạo ']);
    const [again] = tagsOf(['Đào tạo']);
    expect(first).toEqual({ name: 'Đào tạo', slug: 'dao-tao' });
    expect(again).toEqual(first);
    expect(() => Object.assign(first!, { name: 'Khác' })).toThrow(TypeError);
    expect(tagsOf(['Đào tạo'])[0]?.name).toBe('Đào tạo');
  });
});
