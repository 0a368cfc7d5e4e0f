import { parseArticleDate } from './dates';

/**
 * The one rule for what readers see: not a draft, and dated no later than `now`
 * (a story dated in the future is scheduled: it appears with the first build at
 * or after its date). Previews that ask for drafts show scheduled stories too.
 */
export function isPublished(
  article: { draft: boolean; date: Date },
  mode: { includeDrafts: boolean; now: Date },
): boolean {
  if (mode.includeDrafts) return true;
  return !article.draft && article.date.getTime() <= mode.now.getTime();
}

/** True for a story that is not a draft but whose date has not come yet at `now`. */
export function isScheduled(article: { draft: boolean; date: Date }, now: Date): boolean {
  return !article.draft && article.date.getTime() > now.getTime();
}

/**
 * The build's "now": the environment's `BANTIN_NOW` when set (any article date
 * form, e.g. `2026-12-01T08:00+07:00`; Vietnam time without an offset), so that
 * tests and rebuilds of an old commit can fix it; otherwise the clock.
 */
export function publicationNow(env: Record<string, string | undefined> = process.env, clock = new Date()): Date {
  const given = env.BANTIN_NOW;
  if (given === undefined || given.trim() === '') return clock;
  const parsed = parseArticleDate(given);
  if (parsed === undefined) {
    throw new Error(`BANTIN_NOW: không đọc được "${given}" là một thời điểm (cần dạng 2026-12-01T08:00+07:00)`);
  }
  return parsed;
}
