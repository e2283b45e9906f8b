// Custom study, as Anki's: sessions beyond the daily limits that never corrupt the normal schedule. Each is a fixed
// list of cards chosen when it starts (like Anki's filtered decks), reviewed once each:
// - ahead: reviews due in the next N days, earliest first (answers reschedule, logged as "custom");
// - forgotten: cards answered Again in the last N days (logged as "custom");
// - tag: cards with a tag, new ones included or not (logged as "custom");
// - lowest-r: the N review cards least likely to be recalled now (logged as "custom");
// - new: N more new cards today, in deck order (logged as "custom");
// - cram: any N cards (a tag optional), shown and graded without rescheduling (logged as "cram": memory unchanged).
// Pure: candidates in, ordered ids out.
import { CardState, type CardStateValue } from './scheduler';

export const CUSTOM_KINDS = ['ahead', 'forgotten', 'tag', 'lowest-r', 'new', 'cram'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

export interface CustomStudy {
  kind: CustomKind;
  /** ahead, forgotten: days; lowest-r, new, cram: how many cards. */
  n: number;
  /** tag (required), cram (optional): only cards with this tag. */
  tag?: string;
  /** tag: include new cards too. */
  includeNew?: boolean;
}

/** The most cards one custom session holds (Anki's filtered decks default to 100 and allow 99,999). */
export const MAX_CUSTOM_CARDS = 9999;
const MAX_DAYS = 365;

/** Whether custom study of this kind reschedules the cards it shows (all but cram). */
export function reschedules(spec: CustomStudy): boolean {
  return spec.kind !== 'cram';
}

/** The spec as a route segment (`ahead-3`, `tag-networking-new`, `cram-50-networking`), and back. */
export function formatCustomKey(spec: CustomStudy): string {
  const parts: string[] = [spec.kind, String(spec.n)];
  // '~' separates the parts, and encodeURIComponent leaves it as it is.
  if (spec.tag !== undefined) parts.push(encodeURIComponent(spec.tag).replaceAll('~', '%7E'));
  if (spec.includeNew) parts.push('+new');
  return parts.join('~');
}

export function parseCustomKey(key: string): CustomStudy | null {
  const [kind, n, ...rest] = key.split('~');
  if (!CUSTOM_KINDS.includes(kind as CustomKind)) return null;
  const spec: CustomStudy = { kind: kind as CustomKind, n: Number(n) };
  for (const part of rest) {
    if (part === '+new') spec.includeNew = true;
    else if (spec.tag === undefined) {
      try {
        spec.tag = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else return null;
  }
  return checkCustomStudy(spec) === null ? spec : null;
}

export type CustomStudyProblem = 'n-range' | 'days-range' | 'tag-missing';

/** Null for a spec that can run, or what is wrong with it. */
export function checkCustomStudy(spec: CustomStudy): CustomStudyProblem | null {
  const days = spec.kind === 'ahead' || spec.kind === 'forgotten';
  if (!Number.isInteger(spec.n) || spec.n < 1) return days ? 'days-range' : 'n-range';
  if (days && spec.n > MAX_DAYS) return 'days-range';
  if (!days && spec.n > MAX_CUSTOM_CARDS) return 'n-range';
  if (spec.kind === 'tag' && !spec.tag) return 'tag-missing';
  return null;
}

export interface CustomCandidate {
  id: string;
  state: CardStateValue;
  due: number;
  position: number;
  tags: readonly string[];
  /** Recall probability now (review cards); lower first for `lowest-r`. */
  r?: number;
  /** Suspended or buried now: never shown by custom study either, as in Anki. */
  parked: boolean;
}

/**
 * The cards of a custom session, in the order they are shown, from candidates of one deck. `forgotten` is the set
 * of card ids answered Again in its window (from the log); `dayEnd` is the end of today's study day.
 */
export function selectCustom(
  spec: CustomStudy,
  candidates: readonly CustomCandidate[],
  ctx: { dayEnd: number; dayMs: number; forgotten?: ReadonlySet<string> },
): string[] {
  const live = candidates.filter((c) => !c.parked && (spec.tag === undefined || c.tags.includes(spec.tag)));
  const byDue = (a: CustomCandidate, b: CustomCandidate) => a.due - b.due || a.position - b.position;
  const byPosition = (a: CustomCandidate, b: CustomCandidate) => a.position - b.position;
  const ids = (list: CustomCandidate[]) => list.map((c) => c.id);
  switch (spec.kind) {
    case 'ahead': {
      // Due after today and within the next n days: today's own reviews are the normal session's.
      const until = ctx.dayEnd + spec.n * ctx.dayMs;
      return ids(live.filter((c) => c.state === CardState.Review && c.due >= ctx.dayEnd && c.due < until).sort(byDue));
    }
    case 'forgotten':
      return ids(live.filter((c) => ctx.forgotten?.has(c.id) && c.state !== CardState.New).sort(byDue));
    case 'tag':
      return ids(
        live
          .filter((c) => spec.includeNew || c.state !== CardState.New)
          .sort((a, b) => Number(a.state === CardState.New) - Number(b.state === CardState.New) || byDue(a, b))
          .slice(0, MAX_CUSTOM_CARDS),
      );
    case 'lowest-r':
      return ids(
        live
          .filter((c) => c.state === CardState.Review)
          .sort((a, b) => (a.r ?? 1) - (b.r ?? 1) || byDue(a, b))
          .slice(0, spec.n),
      );
    case 'new':
      return ids(
        live
          .filter((c) => c.state === CardState.New)
          .sort(byPosition)
          .slice(0, spec.n),
      );
    case 'cram':
      return ids([...live].sort(byPosition).slice(0, spec.n));
  }
}
