// The deck list: every deck with what is due today, and the way into a review session.
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import builtinDecks from 'virtual:builtin-decks';
import { db } from '../../db/connection';
import type { DeckRow } from '../../db/database';
import { useLiveQuery } from '../../db/react/live';
import { deckList, type DeckCounts } from '../../db/review-repo';
import { useStudyDay } from '../../db/react/use-study-day';
import { useMessages, useT, useUiLang } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { editMessages } from './edit-messages';
import { libraryMessages } from './library-messages';

// The form (and the issue texts it shows) loads when "New deck" is first pressed, not with the start page.
const NewDeckForm = lazy(() => import('./new-deck-form').then((m) => ({ default: m.NewDeckForm })));

export interface LibraryLinks {
  import: string;
  backup: string;
  deck(deckId: string): string;
}

/**
 * `links` come from the app's one link helper; `reminder` is the backup reminder, which the shell puts here
 * (lazily: it and the backup code it loads come after the deck list, not with the app's first script). `storing`:
 * the built-in decks are still being stored (a first visit), so an empty list means "not yet", not "no decks".
 */
export function LibraryScreen({
  links,
  reminder,
  storing = false,
  onStudy,
}: {
  links: LibraryLinks;
  reminder?: ReactNode;
  storing?: boolean;
  onStudy(deckId: string): void;
}) {
  const t = useT();
  const lm = useMessages(libraryMessages);
  const em = useMessages(editMessages);
  const [creating, setCreating] = useState(false);
  const newDeck = useRef<HTMLButtonElement>(null);
  const now = useNow();
  const { day, studyOf } = useStudyDay(now);
  // With the `storing` it was read under: when the store ends, this list (and its placeholders) stays on screen until
  // the list read after the store replaces it, so the rows never disappear for a frame.
  const items = useLiveQuery(
    async () => withPending(await deckList(db(), day, (id) => studyOf(id).limits), storing),
    [day, studyOf, now, storing],
    'library',
  );

  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">{t('library.heading')}</h1>
      <Suspense fallback={null}>{reminder}</Suspense>
      <p className="library-actions">
        <a className="button" href={links.import}>
          {lm('library.import')}
        </a>
        <button type="button" ref={newDeck} aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {em('library.new-deck')}
        </button>
        <a href={links.backup}>{lm('library.backup')}</a>
      </p>
      {creating && (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <NewDeckForm
            // Its page, where its first card is written.
            onCreated={(id) => (window.location.hash = links.deck(id))}
            onCancel={() => {
              setCreating(false);
              newDeck.current?.focus();
            }}
          />
        </Suspense>
      )}
      {items === undefined && (
        <p className="library-status" role="status">
          {t('library.loading')}
        </p>
      )}
      {items?.length === 0 && <p>{t('library.empty')}</p>}
      <ul className="deck-list">
        {items?.map((item) =>
          'deck' in item ? (
            <DeckItem key={item.deck.id} {...item} links={links} onStudy={onStudy} />
          ) : (
            <PendingDeckItem key={item.pending.id} deck={item.pending} />
          ),
        )}
      </ul>
    </section>
  );
}

type BuiltinEntry = (typeof builtinDecks)[number];
type Listed = { deck: DeckRow; counts: DeckCounts } | { pending: BuiltinEntry };

/**
 * The stored decks, and, while the built-in decks are being stored (a first visit, or a built-in deck updated),
 * those not stored yet, from the build's list (title and description): the list has its final size from the first
 * frame, and each deck's row takes its counts in place when it is stored. In title order, as `deckList`'s.
 */
function withPending(decks: readonly { deck: DeckRow; counts: DeckCounts }[], storing: boolean): Listed[] {
  if (!storing) return [...decks];
  const stored = new Set(decks.map((d) => d.deck.id));
  const pending: Listed[] = builtinDecks.filter((b) => !stored.has(b.id)).map((b) => ({ pending: b }));
  if (pending.length === 0) return [...decks];
  const title = (item: Listed) => ('deck' in item ? item.deck.title.en : item.pending.title.en);
  return [...decks, ...pending].sort((a, b) => title(a).localeCompare(title(b)));
}

function DeckItem({
  deck,
  counts,
  links,
  onStudy,
}: {
  deck: DeckRow;
  counts: DeckCounts;
  links: LibraryLinks;
  onStudy(deckId: string): void;
}) {
  const t = useT();
  const lm = useMessages(libraryMessages);
  const uiLang = useUiLang();
  const title = deck.title[uiLang];
  const todo = counts.new + counts.learning + counts.review;
  return (
    <li className="deck" data-deck-id={deck.id}>
      <div className="deck-main">
        <h2 data-content>{title}</h2>
        {deck.description && (
          <p className="deck-desc" data-content>
            {deck.description[uiLang]}
          </p>
        )}
        <p className="deck-total">{t('library.total', { n: counts.total })}</p>
        <a
          className="deck-page-link"
          href={links.deck(deck.id)}
          aria-label={lm('library.deck-page-of', { deck: title })}
        >
          {lm('library.deck-page')}
        </a>
      </div>
      <DeckCountList counts={counts} />
      <button
        type="button"
        className="primary"
        onClick={() => onStudy(deck.id)}
        aria-label={t('library.study-deck', { deck: title })}
      >
        {todo > 0 ? t('library.study') : t('library.done-today')}
      </button>
    </li>
  );
}

/** A built-in deck still being stored: its row as it will be, with "Loading…" for its counts and no actions yet. */
function PendingDeckItem({ deck }: { deck: BuiltinEntry }) {
  const t = useT();
  const lm = useMessages(libraryMessages);
  const uiLang = useUiLang();
  return (
    <li className="deck deck-pending" data-pending-deck-id={deck.id} aria-busy="true">
      <div className="deck-main">
        <h2 data-content>{deck.title[uiLang]}</h2>
        {deck.description && (
          <p className="deck-desc" data-content>
            {deck.description[uiLang]}
          </p>
        )}
        <p className="deck-total">{t('app.loading')}</p>
        <span className="deck-page-link">{lm('library.deck-page')}</span>
      </div>
      <DeckCountList counts={null} />
      <button type="button" className="primary" disabled>
        {t('library.study')}
      </button>
    </li>
  );
}

/** New, learning and due today; a dash for each while the deck is being stored. */
function DeckCountList({ counts }: { counts: DeckCounts | null }) {
  const t = useT();
  const shown = (n: number | undefined) => (n === undefined ? '–' : n);
  return (
    <dl className="deck-counts">
      <div className="count-new">
        <dt>{t('library.new')}</dt>
        <dd>{shown(counts?.new)}</dd>
      </div>
      <div className="count-learning">
        <dt>{t('library.learning')}</dt>
        <dd>{shown(counts?.learning)}</dd>
      </div>
      <div className="count-due">
        <dt>{t('library.due')}</dt>
        <dd>{shown(counts?.review)}</dd>
      </div>
    </dl>
  );
}
