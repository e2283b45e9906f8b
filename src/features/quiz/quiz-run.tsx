// A quiz being taken: progress and time left, the question, feedback after each answer, and the leave dialog.
import { SourceLine } from '../../ui/source-line';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { canOverride, letterGrade } from '../../domain/quiz/marking';
import type { Question, QuestionResult } from '../../domain/quiz/quiz-schema';
import { rightAnswer } from '../../domain/quiz/summary';
import type { Lang } from '../../domain/text';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { CardText } from '../../ui/card-text';
import { DeckText } from './deck-text';
import { LeaveDialog } from './leave-dialog';
import { quizMessages } from './quiz-messages';
import type { QuizStore } from './quiz-store';
import { QuestionView } from './question-view';
import { useQuizKeys } from './use-quiz-keys';

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Time left, ticking every second; calls the store's timeUp when it reaches zero. */
function TimeLeft({ store, deadline }: { store: QuizStore; deadline: number }) {
  const m = useMessages(quizMessages);
  const [now, setNow] = useState(() => clock.ms());
  useEffect(() => {
    if (now >= deadline) {
      void store.getState().timeUp();
      return;
    }
    const timer = setTimeout(() => setNow(clock.ms()), Math.min(1000, deadline - now));
    return () => clearTimeout(timer);
  }, [now, deadline, store]);
  const left = deadline - now;
  return (
    <p
      className={left < 60_000 ? 'quiz-timer low' : 'quiz-timer'}
      role="timer"
      aria-live={left < 60_000 ? 'polite' : 'off'}
    >
      {m('run.time-left', { time: mmss(left) })}
    </p>
  );
}

export function QuizRun({ store }: { store: QuizStore }) {
  const m = useMessages(quizMessages);
  const s = useStore(store);
  useQuizKeys(store);
  const q = s.questions[s.index];
  const result = s.results[s.index] ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // A new question: focus goes to its heading, so the keys work at once (a type-in question focuses its field;
  // an interview question's notes are optional, reached with Tab, so Enter shows the model answer right away).
  useEffect(() => {
    if (q && q.kind !== 'type-in') headingRef.current?.focus();
  }, [s.index, q]);
  // Answered: focus the way on, so Enter and Space both continue.
  useEffect(() => {
    if (result) nextRef.current?.focus();
  }, [result]);
  // Closing or reloading the tab mid-quiz would lose the answers: the browser asks first.
  const running = s.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [running]);

  if (!q) return null;
  const last = s.index + 1 === s.questions.length;
  const busy = s.phase === 'saving' || s.phase === 'saved';
  return (
    <section
      className="quiz-run"
      aria-labelledby="quiz-progress"
      data-index={s.index}
      data-total={s.questions.length}
      data-answered={s.results.filter(Boolean).length}
    >
      <header className="quiz-run-header">
        <h1 id="quiz-progress" ref={headingRef} tabIndex={-1}>
          {m('run.progress', { n: s.index + 1, total: s.questions.length })}
          <span className="quiz-kind"> · {m(`kind.${q.kind}`)}</span>
        </h1>
        {s.deadline !== null && s.phase === 'running' && <TimeLeft store={store} deadline={s.deadline} />}
        <button type="button" className="link" onClick={() => store.getState().askLeave()} aria-keyshortcuts="Escape">
          {m('run.leave')}
        </button>
      </header>

      <article
        className="card quiz-card"
        data-question-id={q.id}
        data-card-id={q.kind === 'open' ? undefined : q.cardId}
      >
        <DeckText question={q} lang={s.lang}>
          <QuestionView
            key={q.id}
            question={q}
            lang={s.lang}
            draft={s.draft}
            answered={result !== null}
            onChoose={(i) => store.getState().choose(i)}
            onType={(v) => store.getState().type(v)}
            onNote={(v) => store.getState().setNote(v)}
            onReveal={() => store.getState().reveal()}
            onTick={(i) => store.getState().toggleTick(i)}
          />
          {/* The live region is there before the answer, so that a screen reader announces the verdict put in it. */}
          <div role="status">
            {result && (
              <Feedback question={q} result={result} lang={s.lang} onOverride={() => store.getState().override()} />
            )}
          </div>
        </DeckText>
        <div className="answer-bar">
          {!result ? (
            <button
              type="button"
              className="primary"
              onClick={() => store.getState().submit()}
              aria-keyshortcuts="Enter"
              disabled={q.kind === 'open' && !s.draft.revealed}
            >
              {m('run.submit')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              ref={nextRef}
              onClick={() => void store.getState().next()}
              aria-keyshortcuts="Enter"
              disabled={busy}
            >
              {last ? m('run.finish') : m('run.next')}
            </button>
          )}
        </div>
      </article>

      {s.phase === 'saving' && <p role="status">{m('run.saving')}</p>}
      {s.phase === 'save-failed' && (
        <p className="error" role="alert">
          {m('run.save-failed')}{' '}
          <button type="button" onClick={() => void store.getState().save()}>
            {m('run.retry')}
          </button>
        </p>
      )}
      <p className="hint">{q.kind === 'open' ? m('run.keys-open') : m('run.keys')}</p>
      {s.leaving && <LeaveDialog onStay={() => store.getState().stay()} onLeave={() => store.getState().leave()} />}
    </section>
  );
}

function Feedback({
  question: q,
  result,
  lang,
  onOverride,
}: {
  question: Question;
  result: QuestionResult;
  lang: Lang;
  onOverride(): void;
}) {
  const m = useMessages(quizMessages);
  const right = rightAnswer(q);
  return (
    <div className={result.correct ? 'verdict right' : 'verdict wrong'} data-testid="quiz-verdict">
      {q.kind === 'open' ? (
        <p>
          <strong>
            {m('run.partial', {
              n: Math.round(result.score * q.keyPoints.length),
              total: q.keyPoints.length,
              grade: letterGrade(result.score),
            })}
          </strong>
        </p>
      ) : (
        <>
          <p>
            <strong>{result.correct ? m('run.correct') : m('run.wrong')}</strong>{' '}
            {q.kind === 'true-false' && m('run.statement-was', { value: q.answer ? m('run.true') : m('run.false') })}
          </p>
          {(!result.correct || q.kind === 'true-false' || result.overridden) && (
            <p className="quiz-right-answer">
              {m('run.right-answer')} <CardText inline text={right[lang]} lang={lang} />
            </p>
          )}
          {q.kind === 'mcq' && q.explanation && <CardText text={q.explanation[lang]} lang={lang} />}
          {result.overridden && <p>{m('run.overridden')}</p>}
          {canOverride(q, result) && (
            <button type="button" onClick={onOverride}>
              {m('run.i-was-right')}
            </button>
          )}
        </>
      )}
      <SourceLine source={q.source} />
    </div>
  );
}
