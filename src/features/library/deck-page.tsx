// A deck's own page (#/deck/<id>): what it is, where it came from, Study, its remote-content choice, and its exports;
// for a deck of the user's, "New card" (the card editor, which the shell hands in: features do not import each other);
// for a built-in deck, the cards the user changed, each with "Restore the original".
import { Suspense, useRef, useState, type ComponentType } from 'react';
import { db } from '../../db/connection';
import { getDeck } from '../../db/deck-repo';
import { useLiveQuery } from '../../db/react/live';
import { deckCounts } from '../../db/review-repo';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import { localeTag, useMessages } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import type { DeckCard } from '../../domain/deck-schema';
import { MADE_IN_APP } from '../../db/card-edit-repo';
import { DeckPreset } from './deck-preset';
import { EditedCards } from './edited-cards';
import { editMessages } from './edit-messages';
import { ExportPanel } from './export-panel';
import { exportMessages } from './export-messages';
import { RemoteImagesChoice } from './remote-images-choice';

/** The card editor's props that the deck page uses (the browse feature's CardEditor has them). */
export interface DeckCardEditorProps {
  deckId: string;
  card?: DeckCard;
  onSaved?(saved: { summary: string }): void;
  onCancel(): void;
}

export function DeckPage({
  deckId,
  studyHref,
  customHref,
  libraryHref,
  presetHref,
  editor,
}: {
  deckId: string;
  studyHref: string;
  /** Custom study of this deck (beyond today's limits). */
  customHref?: string;
  libraryHref: string;
  /** The link to a preset in Settings (the deck's preset is named, with a link, when given). */
  presetHref?: (presetId: string) => string;
  /** The card editor; without it the page offers no editing. */
  editor?: ComponentType<DeckCardEditorProps>;
}) {
  const m = useMessages(exportMessages);
  const em = useMessages(editMessages);
  // What the editor shows: a new card, a card the user changed, or nothing; undefined until the user chose (an
  // empty deck of the user's then opens with its first card).
  const [editing, setEditing] = useState<{ card?: DeckCard } | null | undefined>(undefined);
  const newCard = useRef<HTMLButtonElement>(null);
  const { settings } = useSettings();
  const { uiLang, studyLang } = settings.study;
  const { day, studyOf } = useStudyDay(useNow());
  const { limits } = studyOf(deckId);
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
  const empty = counts?.total === 0;
  const open = editing === undefined ? (empty && !deck.builtin && editor ? {} : null) : editing;
  const Editor = editor;
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
        <span>{deck.contentHash === MADE_IN_APP ? em('deck.origin.app') : m(`deck.origin.${deck.origin}`)}</span>
        <span>{m('deck.updated', { date: new Date(deck.updatedAt).toLocaleDateString(localeTag(uiLang)) })}</span>
      </p>
      {presetHref && <DeckPreset deckId={deck.id} presetHref={presetHref} />}
      <p className="deck-page-actions">
        <a className="button primary" href={studyHref}>
          {m('deck.study')}
        </a>
        {customHref && (
          <a className="button" href={customHref}>
            {em('deck.custom-study')}
          </a>
        )}
        {Editor && !deck.builtin && (
          <button
            type="button"
            ref={newCard}
            aria-expanded={open !== null && open.card === undefined}
            onClick={() => setEditing({})}
          >
            {em('deck.new-card')}
          </button>
        )}
      </p>
      {empty && !deck.builtin && <p>{em('deck.no-cards')}</p>}
      {deck.builtin && (
        <EditedCards deckId={deck.id} {...(Editor ? { onEdit: (card: DeckCard) => setEditing({ card }) } : {})} />
      )}
      {Editor && open && (
        <Suspense fallback={<p>{m('deck.loading')}</p>}>
          <Editor
            key={open.card?.id ?? 'new'}
            deckId={deck.id}
            {...(open.card ? { card: open.card } : {})}
            // A new card's editor stays open for the next one.
            onSaved={() => setEditing(open)}
            onCancel={() => {
              setEditing(null);
              newCard.current?.focus();
            }}
          />
        </Suspense>
      )}
      <RemoteImagesChoice deckId={deck.id} />
      <ExportPanel deckId={deck.id} studyLang={studyLang} />
    </section>
  );
}
