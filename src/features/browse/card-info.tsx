// The info panel of the browser's current card: its fields in both languages (through the one sanitising renderer,
// drawn as its deck draws them), deck, tags, source, its memory now, its review history and its forgetting curve.
import { useMemo } from 'react';
import { mediaNames } from '../../domain/media-refs';
import { presetOfDeck } from '../../domain/presets';
import { CardState } from '../../domain/scheduler';
import { schedulerAt } from '../../domain/settings';
import { LANGS } from '../../domain/text';
import { browseRow, readCardInfo, type CardInfo } from '../../db/browse-repo';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { useMediaResolver } from '../../db/react/use-media';
import { useSettings } from '../../db/react/use-settings';
import { memoryOf } from '../../db/review-repo';
import { useT, type UiLang } from '../../lib/i18n';
import { CardText, MediaContext, RemoteContext, TextFormatContext } from '../../ui/card-text';
import { SourceLine, SourcesContext } from '../../ui/source-line';
import { cardType } from '../../domain/search/search-card';
import { days, difficultyPercent, formatDate, marksText, percent, type BrowseT } from './browse-cells';
import { retrievabilityNow } from '../../domain/search/match';
import { cardFields, type CardField } from './card-fields';
import { ForgettingCurve } from './forgetting-curve';
import { ReviewHistory } from './review-history';

function Fields({ fields, uiLang, t }: { fields: CardField[]; uiLang: UiLang; t: BrowseT }) {
  const at = useT();
  return (
    <dl className="card-fields">
      {fields.map((f, i) => (
        <div key={i} className="card-field">
          <dt>{t(`field.${f.name}`, f.param ? { label: f.param[uiLang] } : {})}</dt>
          {LANGS.map((lang) => (
            <dd key={lang} className="card-field-lang">
              <span className="lang-tag">{at(`lang.${lang}`)}</span>
              <CardText text={f.text[lang]} lang={lang} />
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

function Facts({ info, now, uiLang, t }: { info: CardInfo; now: number; uiLang: UiLang; t: BrowseT }) {
  const { settings } = useSettings();
  const c = info.card;
  const studied = c.state !== CardState.New;
  const row = browseRow(c);
  // The card's own deck's preset: its parameters give its forgetting curve.
  const r = retrievabilityNow(row.card, now, presetOfDeck(settings.presets, c.deckId).weights);
  const marks = marksText(row, now, t);
  const facts: [string, string][] = [
    [t('info.type'), t(`type.${cardType(c.content)}`)],
    [t('column.added'), formatDate(c.createdAt, uiLang)],
    [t('column.due'), studied ? formatDate(c.due, uiLang, true) : t('due.new', { n: c.position + 1 })],
    ...(studied
      ? ([
          [t('column.interval'), c.scheduledDays > 0 ? t('unit.days', { n: c.scheduledDays }) : t('interval.learning')],
          [t('column.stability'), t('unit.days', { n: days(c.stability) })],
          [t('column.difficulty'), difficultyPercent(c.difficulty)],
          [t('column.retrievability'), r === undefined ? '' : percent(r)],
        ] as [string, string][])
      : []),
    [t('column.reviews'), String(c.reps)],
    [t('column.lapses'), String(c.lapses)],
    ...(marks ? ([[t('column.marks'), marks]] as [string, string][]) : []),
  ];
  return (
    <dl className="card-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CardInfoPanel({
  cardId,
  now,
  t,
  onEdit,
}: {
  cardId: string | null;
  now: number;
  t: BrowseT;
  /** Opens the editor on this card (the browser's "Edit card"); without it the panel only shows. */
  onEdit?: () => void;
}) {
  const { settings } = useSettings();
  const uiLang = settings.study.uiLang;
  const info = useLiveQuery(
    () => (cardId === null ? Promise.resolve(undefined) : readCardInfo(db(), cardId)),
    [cardId],
  );
  const fields = useMemo(() => (info ? cardFields(info.card.content, info.card.note) : []), [info]);
  const names = useMemo(
    () => [...new Set(fields.flatMap((f) => LANGS.flatMap((l) => mediaNames(f.text[l]))))],
    [fields],
  );
  const resolve = useMediaResolver(info?.card.deckId ?? null, names);
  if (cardId === null)
    return (
      <aside className="card-info" aria-label={t('info.title')}>
        <p className="help">{t('info.none')}</p>
      </aside>
    );
  if (!info) return <aside className="card-info" aria-label={t('info.title')} aria-busy="true" />;
  const c = info.card;
  return (
    <aside className="card-info" aria-labelledby="card-info-title" data-card-id={c.id}>
      <div className="card-info-head">
        <h2 id="card-info-title">{t('info.title')}</h2>
        {onEdit && (
          <button type="button" onClick={onEdit} aria-keyshortcuts="Control+E">
            {t('info.edit')}
          </button>
        )}
      </div>
      <p className="card-info-deck">
        {t('column.deck')}: <span data-content>{info.deck?.title[uiLang] ?? c.deckId}</span>
        {c.tags.length > 0 && (
          <>
            {' · '}
            {t('column.tags')}: <span data-content>{c.tags.join(' ')}</span>
          </>
        )}
      </p>
      <TextFormatContext.Provider value={info.display.textFormat}>
        <MediaContext.Provider value={resolve}>
          <RemoteContext.Provider value={info.display.remoteImages ? 'frame' : 'block'}>
            <SourcesContext.Provider value={info.display.cited}>
              <Fields fields={fields} uiLang={uiLang} t={t} />
              <SourceLine source={c.source} />
            </SourcesContext.Provider>
          </RemoteContext.Provider>
        </MediaContext.Provider>
      </TextFormatContext.Provider>
      <Facts info={info} now={now} uiLang={uiLang} t={t} />
      <h3>{t('history.title')}</h3>
      <ReviewHistory logs={info.logs} settings={schedulerAt(settings, new Date(now), c.deckId)} uiLang={uiLang} t={t} />
      <h3>{t('curve.title')}</h3>
      {c.state === CardState.New ? (
        <p className="help">{t('curve.none')}</p>
      ) : (
        <ForgettingCurve
          cardId={c.id}
          memory={memoryOf(c)}
          now={now}
          settings={schedulerAt(settings, new Date(now), c.deckId)}
          t={t}
        />
      )}
    </aside>
  );
}
