// What a cell of the browser's table says, in the interface language: dates, days, percentages, the marks in words.
import { FLAG_COLOURS } from '../../domain/marks';
import { CardState } from '../../domain/scheduler';
import { retrievabilityNow } from '../../domain/search/match';
import type { BrowseRow } from '../../db/browse-repo';
import { localeTag, type UiLang } from '../../lib/i18n';
import { rowText, type ColumnEnv, type ColumnId } from './browse-columns';
import type { browseMessages } from './browse-messages';

export type BrowseKey = keyof typeof browseMessages.en;
export type BrowseT = (key: BrowseKey, params?: Record<string, string | number>) => string;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: UiLang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}${withTime ? 't' : ''}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(lang), {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDate(ms: number, lang: UiLang, withTime = false): string {
  return formatter(lang, withTime).format(ms);
}

/** 0.873 → "87%". */
export const percent = (x: number) => `${Math.round(x * 100)}%`;
/** Days with one decimal under 10, whole above: "3.5", "42". */
export const days = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));
/** FSRS difficulty (1–10) as Anki shows it, 0–100%. */
export const difficultyPercent = (d: number) => percent((d - 1) / 9);

/** The flag's colour name, for a flag number 1–7. */
export function flagName(flag: number, t: BrowseT): string {
  const colour = FLAG_COLOURS[flag - 1];
  return colour ? t(`flag.${colour}`) : '';
}

/** The marks of a card in words: suspended, buried, its flag. */
export function marksText(row: BrowseRow, now: number, t: BrowseT): string {
  const c = row.card;
  const words: string[] = [];
  if (c.suspended) words.push(t('marks.suspended'));
  if (c.buriedUntil !== undefined && c.buriedUntil > now) words.push(t('marks.buried'));
  if (c.flag) words.push(flagName(c.flag, t));
  return words.join(t('list.sep'));
}

function dueText(row: BrowseRow, env: ColumnEnv, t: BrowseT): string {
  const c = row.card;
  if (c.state === CardState.New) return t('due.new', { n: row.position + 1 });
  const learning = c.state === CardState.Learning || c.state === CardState.Relearning;
  const text = formatDate(c.due, env.uiLang, learning && c.scheduledDays < 1);
  // As Anki's: a suspended or buried card's due date is in parentheses (it is not shown then).
  const parked = c.suspended === true || (c.buriedUntil !== undefined && c.buriedUntil > env.now);
  return parked ? `(${text})` : text;
}

/** The text of one cell. */
export function cellText(column: ColumnId, row: BrowseRow, env: ColumnEnv, t: BrowseT): string {
  const c = row.card;
  const studied = c.state !== CardState.New;
  switch (column) {
    case 'question':
    case 'answer':
      return rowText(row, column, env.cardLang);
    case 'deck':
      return env.deckTitles.get(c.deckId)?.[env.uiLang] ?? c.deckId;
    case 'tags':
      return c.tags.join(' ');
    case 'due':
      return dueText(row, env, t);
    case 'interval':
      return studied ? (c.scheduledDays > 0 ? t('unit.days', { n: c.scheduledDays }) : t('interval.learning')) : '';
    case 'stability':
      return studied ? t('unit.days', { n: days(c.stability) }) : '';
    case 'difficulty':
      return studied ? difficultyPercent(c.difficulty) : '';
    case 'retrievability': {
      const r = retrievabilityNow(c, env.now, env.weightsOf(c.deckId));
      return r === undefined ? '' : percent(r);
    }
    case 'reviews':
      return String(c.reps);
    case 'lapses':
      return String(c.lapses);
    case 'added':
      return formatDate(c.createdAt, env.uiLang);
    case 'marks':
      return marksText(row, env.now, t);
  }
}
