// The statistics page (`#/stats`): a scope (all decks, a deck, a preset, a search) and a period, then Anki's FSRS-era
// sections, every chart with its table. `data-ready` on the page says every section is shown.
import { useState, type FormEvent } from 'react';
import { db } from '../../db/connection';
import { readDeckTitles } from '../../db/browse-repo';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import { periodRange, type StatsPeriod, type StatsScope } from '../../db/stats-repo';
import { parseQuery } from '../../domain/search/parse';
import { useMessages, useUiLang } from '../../lib/i18n';
import { CountsSection, FutureSection, MemorySections } from './card-sections';
import {
  ButtonsSection,
  CalendarSection,
  HoursSection,
  RetentionSection,
  ReviewsSection,
  TodaySection,
} from './day-sections';
import { formats } from './stats-format';
import { statsMessages } from './stats-messages';
import { useStats } from './use-stats';
import './stats.css';

type ScopeKind = StatsScope['kind'];
const PERIODS: readonly StatsPeriod[] = ['month', 'year', 'all'];

function ScopeControls({ scope, onScope }: { scope: StatsScope; onScope: (s: StatsScope) => void }) {
  const m = useMessages(statsMessages);
  const lang = useUiLang();
  const { settings } = useSettings();
  const decks = useLiveQuery(() => readDeckTitles(db()), []);
  const deckList = [...(decks ?? new Map()).entries()].sort((a, b) => a[1][lang].localeCompare(b[1][lang]));
  const presets = settings.presets.presets;
  const [kind, setKind] = useState<ScopeKind>(scope.kind);
  const [text, setText] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const choose = (k: ScopeKind) => {
    setKind(k);
    setSearchError(null);
    if (k === 'all') onScope({ kind: 'all' });
    if (k === 'deck' && deckList[0]) onScope({ kind: 'deck', deckId: deckList[0][0] });
    if (k === 'preset' && presets[0]) onScope({ kind: 'preset', presetId: presets[0].id });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseQuery(text);
    if (!parsed.ok) return setSearchError(m('scope.search-error', { code: parsed.error.code }));
    setSearchError(null);
    onScope({ kind: 'search', query: parsed.query });
  };
  return (
    <div className="stats-controls">
      <label>
        {m('scope.label')}{' '}
        <select value={kind} onChange={(e) => choose(e.target.value as ScopeKind)}>
          {(['all', 'deck', 'preset', 'search'] as const).map((k) => (
            <option key={k} value={k}>
              {m(`scope.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'deck' && (
        <label>
          {m('scope.deck-label')}{' '}
          <select
            value={scope.kind === 'deck' ? scope.deckId : ''}
            onChange={(e) => onScope({ kind: 'deck', deckId: e.target.value })}
          >
            {deckList.map(([id, title]) => (
              <option key={id} value={id}>
                {title[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'preset' && (
        <label>
          {m('scope.preset-label')}{' '}
          <select
            value={scope.kind === 'preset' ? scope.presetId : ''}
            onChange={(e) => onScope({ kind: 'preset', presetId: e.target.value })}
          >
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || m('scope.preset-default')}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'search' && (
        <form className="stats-search" role="search" onSubmit={search}>
          <label>
            {m('scope.search-label')}{' '}
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={searchError !== null}
              aria-describedby={searchError ? 'stats-search-error' : undefined}
            />
          </label>
          <button type="submit">{m('scope.search-apply')}</button>
          {searchError && (
            <p id="stats-search-error" className="error" role="alert">
              {searchError}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

export function StatsScreen() {
  const m = useMessages(statsMessages);
  const lang = useUiLang();
  const [scope, setScope] = useState<StatsScope>({ kind: 'all' });
  const [period, setPeriod] = useState<StatsPeriod>('month');
  const { days, cards, rebuilding } = useStats(scope, period);
  const f = formats(lang, m('none'));
  const range = days ? periodRange(period, days.today) : null;
  const status = rebuilding
    ? rebuilding.total > 0
      ? m('rebuilding.progress', { done: f.n(rebuilding.done), total: f.n(rebuilding.total) })
      : m('rebuilding')
    : m('loading');
  // The day sections show as soon as the counters are read; the card sections as soon as the cards are.
  return (
    <section className="stats" aria-labelledby="stats-h" data-ready={days && range && cards ? 'true' : 'false'}>
      <h1 id="stats-h">{m('heading')}</h1>
      <ScopeControls scope={scope} onScope={setScope} />
      <fieldset className="stats-period">
        <legend>{m('period.label')}</legend>
        {PERIODS.map((p) => (
          <label key={p}>
            <input type="radio" name="stats-period" checked={period === p} onChange={() => setPeriod(p)} />{' '}
            {m(`period.${p}`)}
          </label>
        ))}
      </fieldset>
      {!days || !range ? (
        <p role="status">{status}</p>
      ) : (
        <div className="stats-grid">
          <TodaySection data={days} m={m} f={f} />
          {cards ? (
            <FutureSection data={cards} days={period === 'month' ? 31 : 365} m={m} f={f} />
          ) : (
            <p role="status" className="stats-section">
              {m('cards.loading')}
            </p>
          )}
          <CalendarSection data={days} m={m} f={f} />
          <ReviewsSection data={days} range={range} m={m} f={f} />
          {cards && <CountsSection data={cards} m={m} f={f} />}
          {cards && <MemorySections data={cards} m={m} f={f} />}
          <RetentionSection data={days} m={m} f={f} />
          <HoursSection data={days} m={m} f={f} />
          <ButtonsSection data={days} m={m} f={f} />
        </div>
      )}
    </section>
  );
}
