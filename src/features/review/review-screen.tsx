// The review session on screen: one card at a time, answered with keys or buttons. Its data (queue, chosen card,
// clock, text format) comes from useReviewSession; this file only renders it.
import { useMemo, useState, type ReactNode } from 'react';
import { formatInterval, RATINGS, type RatingName } from '../../domain/scheduler';
import { otherLang } from '../../domain/text';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import { CardScope } from '../../ui/card-scope';
import { MediaContext, RemoteContext, TextFormatContext, type TextFormat } from '../../ui/card-text';
import { releasePointerFocus } from '../../ui/focused-control';
import { SourcesContext } from '../../ui/source-line';
import type { CardRow } from '../../db/database';
import { memoryOf } from '../../db/review-repo';
import { CardToolDialog, useReviewTools, type OpenTool, type ToolKind } from './card-tools';
import { CardView } from './card-view';
import { canUndo, unsavedAnswers, type ReviewState, type ReviewStore, type Showing } from './review-store';
import { reviewMessages } from './review-messages';
import { ReviewMarks } from './review-marks';
import { SessionEnd } from './session-end';
import { isRevealTap, revealsOnTap } from './tap-to-reveal';
import { useReviewKeys } from './use-review-keys';
import { useReviewSession, type CardList, type Elsewhere, type ReviewSession } from './use-review-session';

const RATING_LABEL: Record<RatingName, MessageKey> = {
  again: 'review.again',
  hard: 'review.hard',
  good: 'review.good',
  easy: 'review.easy',
};

export function ReviewScreen({
  deckId,
  deckTitle,
  onExit,
  cardList,
}: {
  deckId: string;
  deckTitle: string;
  onExit(): void;
  cardList?: CardList;
}) {
  const t = useT();
  const session = useReviewSession(deckId, cardList);
  const { store, state: s, card, showing, counts } = session;
  const keyed = useMemo(
    () =>
      card && showing ? { showing, id: card.id, reps: card.reps, memory: memoryOf(card), content: card.content } : null,
    [card, showing],
  );
  const tools = useReviewTools();
  const [tool, setTool] = useState<OpenTool | null>(null);
  // What the last edit did, said while its card is on screen.
  const [notice, setNotice] = useState<{ cardId: string; text: string } | null>(null);
  const openTool = tools && card ? (kind: ToolKind) => setTool({ kind, cardId: card.id }) : undefined;
  useReviewKeys(store, keyed, onExit, openTool);

  return (
    <>
      {/* A pointer click on a button leaves no focus on it, so that Space and the other keys go on working after it. */}
      <section
        className="review"
        aria-labelledby="review-title"
        data-answered={s.answers.filter((a) => a.logId).length}
        // For tests, as a user sees them: answers given (and marks), writes under way, answers refused as stale.
        data-seq={s.seq}
        data-pending={s.pending}
        data-conflicts={s.conflicts}
        data-unsaved={unsavedAnswers(s)}
        // When the queue on screen was read: tests wait for it to pass a moment (a card that fell due) as a user waits.
        data-queue-at={session.queueAt}
        onClick={releasePointerFocus}
      >
        <header className="review-header">
          <button type="button" className="link" onClick={onExit} aria-keyshortcuts="Escape">
            ← {t('review.back')}
          </button>
          <h1 id="review-title">{deckTitle}</h1>
          {counts && (
            <p className="counts" aria-live="polite">
              {t('review.remaining', { new: counts.new, learning: counts.learning, review: counts.review })}
            </p>
          )}
        </header>

        {card === undefined && <p>{t('review.loading')}</p>}
        {card && showing && session.display.textFormat && (
          <ReviewCard session={session} card={card} showing={showing} textFormat={session.display.textFormat} />
        )}
        <SessionNotices store={store} state={s} changedElsewhere={session.changedElsewhere} />
        {session.ended && <SessionEnd answers={s.answers} waitMs={session.waitMs} tomorrow={session.tomorrow} />}

        <ReviewMarks
          store={store}
          showing={card && showing ? showing : null}
          reps={card?.reps ?? 0}
          flag={card?.flag ?? 0}
          lastMark={s.lastMark}
          onTool={openTool}
          notice={notice && notice.cardId === card?.id ? notice.text : undefined}
        />
        <footer className="review-footer">
          <button
            type="button"
            onClick={() => void store.getState().undo()}
            disabled={!canUndo(s)}
            aria-keyshortcuts="U Control+Z"
          >
            {t('review.undo')}
          </button>
          <p className="hint keys-hint">{t('review.keys')}</p>
        </footer>
      </section>
      {tools && tool && (
        <CardToolDialog
          tools={tools}
          open={tool}
          onSaved={(text) => {
            // The session's live queue reads the saved card again: the review shows it as edited.
            setNotice({ cardId: tool.cardId, text });
            setTool(null);
          }}
          onClose={() => setTool(null)}
        />
      )}
    </>
  );
}

/**
 * What the session could not do as asked, said where the user looks: answers not stored yet (a full disk; kept, with a
 * retry), an answer or undo refused because another tab answered the card, a card refreshed for the same reason.
 */
function SessionNotices({
  store,
  state,
  changedElsewhere,
}: {
  store: ReviewStore;
  state: ReviewState;
  changedElsewhere: Elsewhere;
}) {
  const m = useMessages(reviewMessages);
  const unsaved = unsavedAnswers(state);
  const { conflict } = state;
  return (
    <>
      {unsaved > 0 && (
        <div className="alert alert-error unsaved-answers" role="alert" data-unsaved={unsaved}>
          <span>{unsaved === 1 ? m('unsaved.one') : m('unsaved.many', { n: unsaved })}</span>
          <button type="button" onClick={() => void store.getState().retry()}>
            {m('unsaved.retry')}
          </button>
        </div>
      )}
      <p className="hint session-conflict" aria-live="polite" data-conflict={conflict?.kind ?? changedElsewhere ?? ''}>
        {conflict?.kind === 'stale' && m('conflict.stale')}
        {conflict?.kind === 'undo' && m('conflict.undo')}
        {!conflict && changedElsewhere === 'changed' && m('conflict.changed')}
        {!conflict && changedElsewhere === 'gone' && m('conflict.gone')}
      </p>
    </>
  );
}

interface CardProps {
  session: ReviewSession;
  card: CardRow;
  showing: Showing;
}

/** The card on screen, drawn as its deck writes text, with the language switch and the answer bar. */
function ReviewCard({ session, card, showing, textFormat }: CardProps & { textFormat: TextFormat }) {
  const t = useT();
  const { store, draft, display, lang, bilingual } = session;
  const { showOtherLang } = session.state;
  const notetype = card.anki?.notetype;
  const view = { card, revealed: draft.revealed, choice: draft.choice, typed: draft.typed };
  return (
    <TextFormatContext.Provider value={textFormat}>
      <MediaContext.Provider value={display.resolveMedia}>
        <RemoteContext.Provider value={display.remote}>
          <SourcesContext.Provider value={display.cited}>
            <article
              className="card"
              data-card-id={card.id}
              aria-live="polite"
              onClick={(e) => {
                if (!draft.revealed && revealsOnTap(card.content.kind) && isRevealTap(e))
                  store.getState().reveal(showing);
              }}
            >
              <AnkiBox css={display.notetypeCss} scopeId={`${card.deckId}\n${notetype ?? ''}`} ord={card.anki?.ord}>
                <CardView
                  {...view}
                  lang={lang}
                  onChoose={(i) => store.getState().choose(showing, i)}
                  onType={(v) => store.getState().type(showing, v)}
                  onSubmit={() => store.getState().reveal(showing)}
                />
                {showOtherLang && bilingual && (
                  <CardView
                    secondary
                    {...view}
                    lang={otherLang(lang)}
                    onChoose={() => {}}
                    onType={() => {}}
                    onSubmit={() => {}}
                  />
                )}
              </AnkiBox>
              <div className="card-actions">
                {bilingual && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => store.getState().toggleOtherLang()}
                    aria-keyshortcuts="L"
                  >
                    {t(showOtherLang ? 'review.hide-other-lang' : 'review.show-other-lang', {
                      lang: t(`lang.${otherLang(lang)}`),
                    })}
                  </button>
                )}
              </div>
              <AnswerBar session={session} card={card} showing={showing} />
            </article>
          </SourcesContext.Provider>
        </RemoteContext.Provider>
      </MediaContext.Provider>
    </TextFormatContext.Provider>
  );
}

/** "Show answer" until the answer is shown, then the four grades with the interval each would give. */
function AnswerBar({ session, card, showing }: CardProps) {
  const t = useT();
  const { store, previews } = session;
  if (!session.draft.revealed) {
    return (
      <div className="answer-bar">
        <button
          type="button"
          className="primary"
          onClick={() => store.getState().reveal(showing)}
          aria-keyshortcuts="Space"
        >
          {t('review.show-answer')}
        </button>
      </div>
    );
  }
  return (
    <div className="answer-bar grades" role="group" aria-label={t('review.show-answer')}>
      {RATINGS.map((r, i) => {
        const label = previews ? formatInterval(previews[r].intervalMs) : '';
        return (
          <button
            key={r}
            type="button"
            className={`grade grade-${r}`}
            data-rating={r}
            data-interval={label}
            aria-keyshortcuts={String(i + 1)}
            aria-label={`${t(RATING_LABEL[r])}, ${label}`}
            onClick={() => void store.getState().grade(showing, r, memoryOf(card))}
          >
            {/* The name first, as the accessible name says it ("Good, 10m"); the stylesheet puts the interval above. */}
            <span>{t(RATING_LABEL[r])}</span> <span className="interval">{label}</span>
          </button>
        );
      })}
    </div>
  );
}

/** A card of an Anki note type with CSS is drawn in its scoped box (Anki's `.card`); any other card as it is. */
function AnkiBox({
  css,
  scopeId,
  ord,
  children,
}: {
  css: string | undefined;
  scopeId: string;
  ord: number | undefined;
  children: ReactNode;
}) {
  if (!css) return <>{children}</>;
  return (
    <CardScope scopeId={scopeId} css={css} ord={ord}>
      {children}
    </CardScope>
  );
}
