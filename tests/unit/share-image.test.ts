import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  drawShareImage,
  shareImageKey,
  SHARE_IMAGE_SIZE,
  type ShareImageInput,
} from '../../src/lib/discovery/share-image';

const input: ShareImageInput = {
  title: 'Đường đến trường: hỗ trợ học viên dẫn đầu, nghiệp vụ vững vàng',
  category: 'Đào tạo - Bồi dưỡng',
  date: '15/02/2024',
  siteName: 'Học viện Cán bộ Thành phố Hồ Chí Minh',
  emblem: 'HVCB',
  colours: { red: '#9b1c1c', redDark: '#7a1414', gold: '#fcd34d', paper: '#ffffff' },
};

describe('drawShareImage', () => {
  it('draws a 1200×630 PNG, byte-identical for the same story', async () => {
    const first = await drawShareImage(input);
    const second = await drawShareImage(input);
    expect(first.equals(second)).toBe(true);
    const meta = await sharp(first).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'png',
      ...SHARE_IMAGE_SIZE,
    });
  });

  it('draws the card on red with a gold bottom edge that follows its rounded corners', async () => {
    const { data, info } = await sharp(await drawShareImage(input))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const hex = (x: number, y: number) => {
      const at = (y * info.width + x) * info.channels;
      return `#${[0, 1, 2].map((c) => (data[at + c] ?? 0).toString(16).padStart(2, '0')).join('')}`;
    };
    // The card spans x 40–1160, y 110–590; its last 10 px are gold.
    expect(hex(600, 100)).toBe(input.colours.red);
    expect(hex(600, 575)).toBe(input.colours.paper);
    expect(hex(600, 585)).toBe(input.colours.gold);
    expect(hex(600, 600)).toBe(input.colours.red);
    expect(hex(30, 400)).toBe(input.colours.red);
    expect(hex(45, 400)).toBe(input.colours.paper);
    // Rounded: the card's very corners are the red behind it.
    expect(hex(40, 110)).toBe(input.colours.red);
    expect(hex(40, 589)).toBe(input.colours.red);
  });

  it('fits a 214-character headline', async () => {
    const long = await drawShareImage({
      ...input,
      title: `${'Học viện Cán bộ được trao tặng Bằng khen '.repeat(5)}`.trim(),
    });
    expect((await sharp(long).metadata()).height).toBe(630);
  });
});

describe('shareImageKey', () => {
  it('changes with what the image shows, and only with that', () => {
    expect(shareImageKey(input)).toBe(shareImageKey({ ...input }));
    expect(shareImageKey({ ...input, title: `${input.title}.` })).not.toBe(shareImageKey(input));
    expect(shareImageKey({ ...input, date: '16/02/2024' })).not.toBe(shareImageKey(input));
    expect(shareImageKey({ ...input, category: 'Thông báo' })).not.toBe(shareImageKey(input));
  });
});
