// The browser's rows for a search and a sort: the query parsed and compiled once, the stored cards read once per
// change of what its index hint names (live: a change in any tab shows), then tested and sorted in memory. The
// cards' marks are a live read of their own (the small `cardMarks` table), joined here: suspending 10,000 cards
// re-reads the marks, not the cards.
import { useMemo, useRef, useState } from 'react';
import { DAY_MS } from '../../domain/day';
import { presetWeightsOf } from '../../domain/presets';
import { indexHint, ratingsSince } from '../../domain/search/index-hint';
import { foldText } from '../../domain/search/glob';
import { compileQuery } from '../../domain/search/match';
import { parseQuery } from '../../domain/search/parse';
import { MATCH_ALL, type SearchError, type SearchQuery } from '../../domain/search/query';
import type { SearchContext } from '../../domain/search/search-card';
import {
  readBrowseCards,
  readDeckTitles,
  withBrowseMarks,
  type BrowseData,
  type BrowseRow,
} from '../../db/browse-repo';
import { allMarks } from '../../db/marks-table';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import { clock } from '../../lib/clock';
import { sortRows, type ColumnEnv, type SortOrder } from './browse-columns';

export interface BrowseRows {
  /** The rows that match, in the sort order; undefined until the first read. */
  rows: BrowseRow[] | undefined;
  /** The search's syntax error (the rows are then the last good search's). */
  error: SearchError | null;
  /** What the columns need to show and sort a row. */
  env: ColumnEnv;
  /** A read for the current search is still under way (the rows shown are the previous one's). */
  loading: boolean;
}

/** Whether a query tests free text (the cards' folded text is then worked out once per card and kept). */
function hasText(q: SearchQuery): boolean {
  if (q.kind === 'text') return true;
  if (q.kind === 'and' || q.kind === 'or') return q.children.some(hasText);
  return q.kind === 'not' && hasText(q.child);
}

/** The cards of `data` that match `query`. */
export function filterRows(data: BrowseData, query: SearchQuery, ctx: SearchContext): BrowseRow[] {
  if (query.kind === 'and' && query.children.length === 0) return data.rows;
  const test = compileQuery(query, ctx);
  const text = hasText(query);
  return data.rows.filter((r) => {
    if (text && r.card.folded === undefined) r.card.folded = foldText(r.card.texts);
    return test(r.card);
  });
}

export function useBrowseRows(queryText: string, sort: SortOrder): BrowseRows {
  const { settings } = useSettings();
  // The time a search is run at: a search is run when asked (or when its cards change), not on every clock tick.
  const [search, setSearch] = useState(() => ({ text: queryText, at: clock.ms() }));
  if (search.text !== queryText) setSearch({ text: queryText, at: clock.ms() });
  const searchedAt = search.text === queryText ? search.at : clock.ms();
  const { day, limits } = useStudyDay(searchedAt);
  const parsed = useMemo(() => parseQuery(queryText), [queryText]);
  const lastGood = useRef<SearchQuery>(MATCH_ALL);
  if (parsed.ok) lastGood.current = parsed.query;
  const query = parsed.ok ? parsed.query : lastGood.current;

  const deckTitles = useLiveQuery(() => readDeckTitles(db()), []);
  const hintCtx = useMemo(
    () => ({ now: searchedAt, day, deckTitles: deckTitles ?? new Map(), learnAheadMs: limits.learnAheadMs }),
    [searchedAt, day, deckTitles, limits.learnAheadMs],
  );
  const hint = useMemo(() => (deckTitles ? indexHint(query, hintCtx) : null), [query, hintCtx, deckTitles]);
  const since = ratingsSince(query, { day });
  const key = `${JSON.stringify(hint)} ${since}`;
  const cards = useLiveQuery(
    () =>
      hint === null ? Promise.resolve(undefined) : readBrowseCards(db(), hint, since).then((d) => ({ ...d, key })),
    [key],
    'browse',
  );
  const marks = useLiveQuery(() => allMarks(db()), []);
  const data = useMemo(
    () => (cards && marks ? { ...cards, rows: withBrowseMarks(cards.rows, marks) } : undefined),
    [cards, marks],
  );

  // Each card's retrievability by its own deck's preset's parameters.
  const weightsOf = useMemo(() => presetWeightsOf(settings.presets), [settings.presets]);
  // A re-read (a card changed) is a new moment too: `is:due` and retrievability are as of then.
  const env = useMemo<ColumnEnv>(
    () => ({
      cardLang: settings.study.studyLang,
      uiLang: settings.study.uiLang,
      now: data ? clock.ms() : searchedAt,
      deckTitles: deckTitles ?? new Map(),
      weightsOf,
    }),
    [settings.study.studyLang, settings.study.uiLang, data, searchedAt, deckTitles, weightsOf],
  );
  const matched = useMemo(() => {
    if (!data) return undefined;
    const now = env.now;
    const ctx: SearchContext = {
      ...hintCtx,
      now,
      // The study day as of the read; a day that ended since the search was run is the next one.
      day: now >= day.end ? { start: day.end, end: day.end + DAY_MS } : day,
      ratings: (id) => data.ratings.get(id) ?? [],
      weightsOf,
    };
    return filterRows(data, query, ctx);
  }, [data, query, hintCtx, day, env.now, weightsOf]);
  const rows = useMemo(() => (matched ? sortRows(matched, sort, env) : undefined), [matched, sort, env]);
  return { rows, error: parsed.ok ? null : parsed.error, env, loading: !data || data.key !== key };
}
