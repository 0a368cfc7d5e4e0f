import { describe, expect, it } from 'vitest';
import { settledStamp } from '../../../src/content/loader';

const story = (stamp?: string) => ({ id: '2024/a.md', file: '/noi-dung/articles/2024/a.md', ...(stamp ? { stamp } : {}) });

describe("the loader's trust in a story file's stamp (size and times of change)", () => {
  const changed = Date.parse('2024-03-01T08:00:00Z');

  it('keeps the stamp of a file left alone for a while before it was read', () => {
    expect(settledStamp(story(`2048:${changed}:${changed}`), changed + 10_000)).toBe(`2048:${changed}:${changed}`);
  });

  it('keeps none for a file changed just before it was read: a save in the same second, of the same size, would keep the stamp', () => {
    expect(settledStamp(story(`2048:${changed}:${changed}`), changed + 1_000)).toBeUndefined();
    // Given an old time of change by a tool: the system's own time of change says when it was written.
    expect(settledStamp(story(`2048:${Date.parse('2001-01-01')}:${changed}`), changed + 1_000)).toBeUndefined();
  });

  it('keeps none for a story reached through a link, which has no stamp', () => {
    expect(settledStamp(story(), changed + 60_000)).toBeUndefined();
  });
});
