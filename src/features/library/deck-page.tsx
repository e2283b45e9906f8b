// A deck's own page (#/deck/<id>): what it is, where it came from, Study, its remote-content choice, and its exports.
import { db } from '../../db/connection';
import { getDeck } from '../../db/deck-repo';
import { useLiveQuery } from '../../db/react/live';
import { deckCounts } from '../../db/review-repo';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import { localeTag, useMessages } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { ExportPanel } from './export-panel';
import { exportMessages } from './export-messages';
import { RemoteImagesChoice } from './remote-images-choice';

export function DeckPage({
  deckId,
  studyHref,
  libraryHref,
}: {
  deckId: string;
  studyHref: string;
  libraryHref: string;
}) {
  const m = useMessages(exportMessages);
  const { settings } = useSettings();
  const { uiLang, studyLang } = settings.study;
  const { day, limits } = useStudyDay(useNow());
  // null: looked up and not there (undefined: not looked up yet).
  const deck = useLiveQuery(async () => (await getDeck(db(), deckId)) ?? null, [deckId], deckId);
  const counts = useLiveQuery(() => deckCounts(db(), deckId, day, limits), [deckId, day, limits], deckId);

  if (deck === undefined) return <p>{m('deck.loading')}</p>;
  if (deck === null)
    return (
      <section className="deck-page">
        <p role="alert">{m('deck.missing', { id: deckId })}</p>
        <a href={libraryHref}>{m('deck.back')}</a>
      </section>
    );
  const title = deck.title[uiLang];
  return (
    <section className="deck-page" aria-labelledby="deck-title" data-deck-id={deck.id}>
      <p>
        <a href={libraryHref}>{m('deck.back')}</a>
      </p>
      <h1 id="deck-title" data-content>
        {title}
      </h1>
      {deck.description && (
        <p className="deck-desc" data-content>
          {deck.description[uiLang]}
        </p>
      )}
      <p className="deck-facts">
        {counts && <span>{m('deck.cards', { n: counts.total.toLocaleString() })}</span>}
        <span>{m(`deck.origin.${deck.origin}`)}</span>
        <span>{m('deck.updated', { date: new Date(deck.updatedAt).toLocaleDateString(localeTag(uiLang)) })}</span>
      </p>
      <p>
        <a className="button primary" href={studyHref}>
          {m('deck.study')}
        </a>
      </p>
      <RemoteImagesChoice deckId={deck.id} />
      <ExportPanel deckId={deck.id} studyLang={studyLang} />
    </section>
  );
}
