// The deck list: every deck with what is due today, and the way into a review session.
import { Suspense, useRef, useState, type ReactNode } from 'react';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { deckList } from '../../db/review-repo';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import { useMessages, useT } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { editMessages } from './edit-messages';
import { libraryMessages } from './library-messages';
import { NewDeckForm } from './new-deck-form';

export interface LibraryLinks {
  import: string;
  backup: string;
  deck(deckId: string): string;
}

/**
 * `links` come from the app's one link helper; `reminder` is the backup reminder, which the shell puts here
 * (lazily: it and the backup code it loads come after the deck list, not with the app's first script).
 */
export function LibraryScreen({
  links,
  reminder,
  onStudy,
}: {
  links: LibraryLinks;
  reminder?: ReactNode;
  onStudy(deckId: string): void;
}) {
  const t = useT();
  const lm = useMessages(libraryMessages);
  const em = useMessages(editMessages);
  const [creating, setCreating] = useState(false);
  const newDeck = useRef<HTMLButtonElement>(null);
  const { settings } = useSettings();
  const now = useNow();
  const { uiLang } = settings.study;
  const { day, studyOf } = useStudyDay(now);
  const decks = useLiveQuery(() => deckList(db(), day, (id) => studyOf(id).limits), [day, studyOf, now], 'library');

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
        <NewDeckForm
          // Its page, where its first card is written.
          onCreated={(id) => (window.location.hash = links.deck(id))}
          onCancel={() => {
            setCreating(false);
            newDeck.current?.focus();
          }}
        />
      )}
      {decks === undefined && <p>{t('library.loading')}</p>}
      {decks?.length === 0 && <p>{t('library.empty')}</p>}
      <ul className="deck-list">
        {decks?.map(({ deck, counts }) => {
          const title = deck.title[uiLang];
          const todo = counts.new + counts.learning + counts.review;
          return (
            <li key={deck.id} className="deck" data-deck-id={deck.id}>
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
              <dl className="deck-counts">
                <div className="count-new">
                  <dt>{t('library.new')}</dt>
                  <dd>{counts.new}</dd>
                </div>
                <div className="count-learning">
                  <dt>{t('library.learning')}</dt>
                  <dd>{counts.learning}</dd>
                </div>
                <div className="count-due">
                  <dt>{t('library.due')}</dt>
                  <dd>{counts.review}</dd>
                </div>
              </dl>
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
        })}
      </ul>
    </section>
  );
}
