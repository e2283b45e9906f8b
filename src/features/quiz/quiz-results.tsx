// The end of a quiz: score and grade, time per question, each mistake with the right answer and its source, the
// weakest tags, and the ways on: review the mistakes, retake the same quiz, or start a new one.
import { SourceLine } from '../../ui/source-line';
import { useEffect, useRef } from 'react';
import type { AttemptQuestion, QuizConfig } from '../../domain/quiz/quiz-schema';
import { summarizeAttempt } from '../../domain/quiz/summary';
import type { Lang } from '../../domain/text';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { getAttempt } from '../../db/quiz-repo';
import { useMessages } from '../../lib/i18n';
import { CardText } from '../../ui/card-text';
import { DeckText } from './deck-text';
import { quizMessages } from './quiz-messages';

interface Props {
  attemptId: string;
  onReviewMistakes(attemptId: string): void;
  onRetake(config: QuizConfig): void;
  onNew(): void;
}

type M = ReturnType<typeof useMessages<keyof (typeof quizMessages)['en']>>;

export function duration(m: M, ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? m('dur.s', { n: s }) : m('dur.min', { m: Math.floor(s / 60), s: s % 60 });
}

const pct = (share: number) => Math.round(share * 100);
const pts = (n: number) => String(Math.round(n * 100) / 100);

/** What the user answered, as text. */
function given(m: M, item: AttemptQuestion, lang: Lang): string {
  const { question: q, result } = item;
  const r = result.response;
  if (r.kind === 'choice' && (q.kind === 'mcq' || q.kind === 'classify')) return q.options[r.index]?.[lang] ?? '';
  if (r.kind === 'bool') return r.value ? m('run.true') : m('run.false');
  if (r.kind === 'typed') return r.text.trim() === '' ? m('results.nothing') : r.text;
  if (r.kind === 'open')
    return m('results.points', { n: r.ticked.length, total: q.kind === 'open' ? q.keyPoints.length : 0 });
  return m('results.nothing');
}

export function QuizResults({ attemptId, onReviewMistakes, onRetake, onNew }: Props) {
  const m = useMessages(quizMessages);
  const attempt = useLiveQuery(async () => (await getAttempt(db(), attemptId)) ?? null, [attemptId]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = attempt !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (attempt === undefined) return <p>{m('results.loading')}</p>;
  if (attempt === null) return <p>{m('results.missing')}</p>;
  const sum = summarizeAttempt(attempt.questions);
  const lang = attempt.scope.lang;
  const config = attempt.scope.config;

  return (
    <section className="quiz-results" aria-labelledby="quiz-results-title" data-attempt-id={attempt.id}>
      <h1 id="quiz-results-title" ref={headingRef} tabIndex={-1}>
        {m('results.heading')}
      </h1>
      <dl className="summary">
        <dt>{m('results.score')}</dt>
        <dd data-testid="quiz-score">
          {m('results.score-value', { points: pts(sum.points), total: sum.total, percent: pct(sum.share) })}
        </dd>
        <dt>{m('results.grade')}</dt>
        <dd data-testid="quiz-grade">{sum.grade}</dd>
        <dt>{m('results.time')}</dt>
        <dd>
          {m('results.time-value', {
            total: duration(m, sum.timeMs),
            each: duration(m, sum.total ? sum.timeMs / sum.total : 0),
          })}
        </dd>
      </dl>
      <p className="help">{config.updateSchedule ? m('results.schedule-on') : m('results.schedule-off')}</p>

      <div className="quiz-actions">
        <button
          type="button"
          className="primary"
          disabled={sum.mistakeCardIds.length === 0}
          onClick={() => onReviewMistakes(attempt.id)}
        >
          {m('results.review-mistakes', { n: sum.mistakeCardIds.length })}
        </button>
        <button type="button" onClick={() => onRetake(config)}>
          {m('results.retake')}
        </button>
        <button type="button" onClick={onNew}>
          {m('results.new')}
        </button>
      </div>
      {sum.mistakeCardIds.length !== sum.mistakes.length && (
        <p className="help">
          {m('results.mistake-cards', { cards: sum.mistakeCardIds.length, mistakes: sum.mistakes.length })}
        </p>
      )}

      {sum.weakTags.length > 0 && (
        <>
          <h2>{m('results.weak-tags')}</h2>
          <ul className="quiz-weak-tags">
            {sum.weakTags.map((tag) => (
              <li key={tag.tag}>{m('results.tag-score', { tag: tag.tag, percent: pct(tag.share), n: tag.asked })}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{m('results.mistakes', { n: sum.mistakes.length })}</h2>
      {sum.mistakes.length === 0 && <p>{m('results.no-mistakes')}</p>}
      <Mistakes mistakes={sum.mistakes} lang={lang} />
      <PerQuestion questions={attempt.questions} lang={lang} />
    </section>
  );
}

type Summary = ReturnType<typeof summarizeAttempt>;

/** Each mistake with what the user said, the right answer (or the key points missed) and its source. */
function Mistakes({ mistakes, lang }: { mistakes: Summary['mistakes']; lang: Lang }) {
  const m = useMessages(quizMessages);
  return (
    <ol className="quiz-mistakes">
      {mistakes.map(({ question: q, result, right, missed }) => (
        <li key={q.id} className="card" data-question-id={q.id}>
          <DeckText question={q} lang={lang}>
            <CardText text={q.prompt[lang]} lang={lang} />
            {q.kind === 'classify' && <CardText className="classify-item" text={q.item[lang]} lang={lang} />}
            {q.kind === 'true-false' && <CardText className="quiz-statement" text={q.statement[lang]} lang={lang} />}
            {q.kind === 'open' ? (
              <>
                <p>{m('results.missed')}</p>
                <ul>
                  {missed.map((k) => (
                    <li key={k.cardId}>
                      <CardText inline text={k.text[lang]} lang={lang} />
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <p>
                  {m('results.you-said')} <span className="quiz-given">{given(m, { question: q, result }, lang)}</span>
                </p>
                <p className="quiz-right-answer">
                  {m('run.right-answer')} <CardText inline text={right[lang]} lang={lang} />
                </p>
              </>
            )}
            <SourceLine source={q.source} />
          </DeckText>
        </li>
      ))}
    </ol>
  );
}

/** One row per question: its kind and prompt, the result, the time taken. */
function PerQuestion({ questions, lang }: { questions: AttemptQuestion[]; lang: Lang }) {
  const m = useMessages(quizMessages);
  const result = ({ question: q, result: r }: AttemptQuestion) => {
    if (r.response.kind === 'none') return m('results.unanswered');
    if (q.kind === 'open')
      return m('results.points', { n: pts(r.score * q.keyPoints.length), total: q.keyPoints.length });
    return r.correct ? m('results.right') : m('results.wrong');
  };
  return (
    <>
      <h2 id="quiz-per-question">{m('results.per-question')}</h2>
      <table className="quiz-table" aria-labelledby="quiz-per-question">
        <thead>
          <tr>
            <th scope="col">{m('results.col-n')}</th>
            <th scope="col">{m('results.col-question')}</th>
            <th scope="col">{m('results.col-result')}</th>
            <th scope="col">{m('results.col-time')}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((item, i) => (
            <tr key={item.question.id} data-correct={item.result.correct}>
              <td>{i + 1}</td>
              <td>
                <span className="quiz-kind">{m(`kind.${item.question.kind}`)}: </span>
                <CardText inline text={item.question.prompt[lang]} lang={lang} />
              </td>
              <td>{result(item)}</td>
              <td>{duration(m, item.result.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
