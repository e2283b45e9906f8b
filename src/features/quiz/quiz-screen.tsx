// The quiz feature: set a quiz up (with readiness and history beside it), take it, and see the results of an attempt.
import { useEffect, useRef, useState } from 'react';
import { generateQuiz, type GeneratedQuiz } from '../../domain/quiz/generate';
import { newSeed } from '../../domain/quiz/random';
import type { QuizConfig } from '../../domain/quiz/quiz-schema';
import { DEFAULT_QUIZ_PREFS, type QuizPrefs } from '../../domain/quiz/quiz-prefs';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { loadQuizSource, readQuizPrefs, saveAttempt, scopeChoices, writeQuizPrefs } from '../../db/quiz-repo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { newId } from '../../lib/ids';
import { QuizHistory } from './quiz-history';
import { quizMessages } from './quiz-messages';
import { QuizResults } from './quiz-results';
import { QuizRun } from './quiz-run';
import { QuizSetup, setupProblem } from './quiz-setup';
import { createQuizStore, type QuizStore } from './quiz-store';
import { ReadinessPanel } from './readiness-panel';

export interface QuizScreenProps {
  /** Show the results of this attempt; null for the quiz home. */
  attemptId: string | null;
  /** The link of an attempt's results (made by the app's link helper). */
  attemptHref(id: string): string;
  onOpenAttempt(id: string): void;
  onHome(): void;
  onReviewMistakes(attemptId: string): void;
  onStudyPlanDay(day: string): void;
}

export function QuizScreen(props: QuizScreenProps) {
  const m = useMessages(quizMessages);
  const { settings } = useSettings();
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const stored = useLiveQuery(() => readQuizPrefs(db()), []);
  const choices = useLiveQuery(() => scopeChoices(db()), []);
  // What the user just chose shows at once; the stored copy catches up when the write lands.
  const [chosen, setChosen] = useState<QuizPrefs | null>(null);
  const prefs = chosen ?? stored ?? DEFAULT_QUIZ_PREFS;
  const [store, setStore] = useState<QuizStore | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ config: QuizConfig; quiz: GeneratedQuiz } | null>(null);
  const { onOpenAttempt } = props;

  // The quiz ends by being saved (its results open) or by being left (back to the form).
  useEffect(() => {
    if (!store) return;
    return store.subscribe((s) => {
      if (s.phase === 'saved' && s.attemptId) {
        setStore(null);
        onOpenAttempt(s.attemptId);
      } else if (s.phase === 'left') setStore(null);
    });
  }, [store, onOpenAttempt]);

  const begin = (config: QuizConfig, quiz: GeneratedQuiz) => {
    setPending(null);
    if (quiz.questions.length === 0) return;
    setStore(
      createQuizStore(
        { config, lang: settingsRef.current.study.studyLang, questions: quiz.questions },
        {
          now: () => clock.ms(),
          newId,
          save: async (attempt) => {
            await saveAttempt(db(), attempt, settingsRef.current);
          },
          report: reportStorageError,
        },
      ),
    );
  };

  const prepare = async (config: QuizConfig) => {
    setBusy(true);
    try {
      const loaded = await loadQuizSource(db(), config.scope, config.seed, config.length);
      const quiz = generateQuiz(loaded.source, {
        length: config.length,
        kinds: config.kinds,
        seed: config.seed,
        lang: settingsRef.current.study.studyLang,
      });
      if (quiz.notices.length > 0) setPending({ config, quiz });
      else begin(config, quiz);
    } catch (error) {
      reportStorageError(error);
    } finally {
      setBusy(false);
    }
  };

  const savePrefs = (next: QuizPrefs) => {
    setChosen(next);
    writeQuizPrefs(db(), next, clock.ms()).catch(reportStorageError);
  };

  if (store) return <QuizRun store={store} />;
  if (props.attemptId !== null)
    return (
      <QuizResults
        attemptId={props.attemptId}
        onReviewMistakes={props.onReviewMistakes}
        onRetake={(config) => {
          props.onHome();
          void prepare(config);
        }}
        onNew={props.onHome}
      />
    );

  const start = () => {
    if (setupProblem(prefs)) return;
    const { scope, length, kinds, timeLimitMin, updateSchedule } = prefs;
    void prepare({ scope, length, kinds, timeLimitMin, updateSchedule, seed: newSeed(Math.random) });
  };

  return (
    <section className="quiz-home" aria-labelledby="quiz-title">
      <h1 id="quiz-title">{m('title')}</h1>
      {pending && (
        <Notices
          pending={pending}
          onStart={() => begin(pending.config, pending.quiz)}
          onChange={() => setPending(null)}
        />
      )}
      {stored !== undefined && (
        <QuizSetup prefs={prefs} choices={choices} busy={busy} onChange={savePrefs} onStart={start} />
      )}
      {stored !== undefined && <ReadinessPanel prefs={prefs} onChange={savePrefs} onStudyDay={props.onStudyPlanDay} />}
      <QuizHistory attemptHref={props.attemptHref} onOpen={props.onOpenAttempt} />
    </section>
  );
}

function Notices({
  pending,
  onStart,
  onChange,
}: {
  pending: { quiz: GeneratedQuiz };
  onStart(): void;
  onChange(): void;
}) {
  const m = useMessages(quizMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [pending]);
  const n = pending.quiz.questions.length;
  return (
    <div className="quiz-notice" role="alert" tabIndex={-1} ref={ref}>
      {pending.quiz.notices.map((notice) => (
        <p key={notice.kind}>
          {notice.kind === 'empty' && m('notice.empty')}
          {notice.kind === 'short' && m('notice.short', { made: notice.made, asked: notice.asked })}
          {notice.kind === 'few-distractors' && m('notice.few-distractors', { n: notice.cards })}
        </p>
      ))}
      <div className="dialog-actions">
        {n > 0 && (
          <button type="button" className="primary" onClick={onStart}>
            {m('notice.start-anyway', { n })}
          </button>
        )}
        <button type="button" onClick={onChange}>
          {m('notice.change')}
        </button>
      </div>
    </div>
  );
}
