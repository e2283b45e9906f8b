// One quiz question on screen: its prompt and the way to answer it (options, a field, or the interview checklist).
import { useEffect, useRef } from 'react';
import type { Question } from '../../domain/quiz/quiz-schema';
import type { Lang } from '../../domain/text';
import { CardText } from '../../ui/card-text';
import { ChoiceMark, choiceResult } from '../../ui/choice-mark';
import { releasePointerFocus } from '../../ui/focused-control';
import { useMessages } from '../../lib/i18n';
import { quizMessages } from './quiz-messages';
import type { Draft } from './quiz-store';
import { CHOICE_LETTERS as LETTERS } from '../../domain/choice-order';

interface Props {
  question: Question;
  lang: Lang;
  draft: Draft;
  /** Answered: inputs are read-only and options show right and wrong. */
  answered: boolean;
  onChoose(i: number): void;
  onType(text: string): void;
  onNote(text: string): void;
  onReveal(): void;
  onTick(i: number): void;
}

export function QuestionView(props: Props) {
  const { question: q, lang } = props;
  return (
    <div className="quiz-question" data-kind={q.kind}>
      {q.kicker && (
        <p className="card-kicker">
          <CardText inline text={q.kicker[lang]} lang={lang} />
        </p>
      )}
      <CardText className="quiz-prompt" text={q.prompt[lang]} lang={lang} />
      {q.kind === 'classify' && <CardText className="classify-item" text={q.item[lang]} lang={lang} />}
      {(q.kind === 'mcq' || q.kind === 'classify' || q.kind === 'true-false') && <Options {...props} />}
      {q.kind === 'type-in' && <TypeIn {...props} />}
      {q.kind === 'open' && <Open {...props} />}
    </div>
  );
}

function Options({ question: q, lang, draft, answered, onChoose }: Props) {
  const m = useMessages(quizMessages);
  const tf = q.kind === 'true-false';
  const options = tf
    ? [m('run.true'), m('run.false')]
    : q.kind === 'mcq' || q.kind === 'classify'
      ? q.options.map((o) => o[lang])
      : [];
  const right = tf ? (q.answer ? 0 : 1) : q.kind === 'mcq' || q.kind === 'classify' ? q.answer : -1;
  const keys = tf ? ['1 T', '2 F'] : options.map((_, i) => `${i + 1} ${LETTERS[i]}`);
  return (
    <>
      {tf && (
        <div className="quiz-statement">
          <span className="quiz-label">{m('run.statement')}</span>
          <CardText text={q.statement[lang]} lang={lang} />
        </div>
      )}
      <ol className="choices" aria-label={m('run.options')}>
        {options.map((text, i) => {
          const result = answered ? choiceResult(i, right, draft.choice) : null;
          const state = result
            ? result === 'wrong'
              ? 'wrong'
              : 'right'
            : !answered && i === draft.choice
              ? 'chosen'
              : '';
          return (
            <li key={i} className={state}>
              <button
                type="button"
                aria-pressed={draft.choice === i}
                disabled={answered}
                onClick={(e) => {
                  onChoose(i);
                  // Clicked: Enter then submits instead of pressing the option again (see the keys hook).
                  releasePointerFocus(e);
                }}
                data-state={state || undefined}
                aria-keyshortcuts={keys[i]}
              >
                <kbd>{tf ? (i === 0 ? 'T' : 'F') : LETTERS[i]}</kbd>{' '}
                {tf ? text : <CardText inline text={text} lang={lang} />}
                {result && <ChoiceMark result={result} />}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function TypeIn({ draft, answered, onType }: Props) {
  const m = useMessages(quizMessages);
  return (
    <div className="type-in">
      <label>
        {m('run.your-answer')}
        <input
          autoFocus
          value={draft.typed}
          readOnly={answered}
          onChange={(e) => onType(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
    </div>
  );
}

function Open({ question: q, lang, draft, answered, onNote, onReveal, onTick }: Props) {
  const m = useMessages(quizMessages);
  const listRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    // The checklist takes focus when it appears, so that the keys and Tab start there.
    if (draft.revealed && !answered) listRef.current?.querySelector('input')?.focus();
  }, [draft.revealed, answered]);
  if (q.kind !== 'open') return null;
  return (
    <div className="quiz-open">
      <label className="field">
        {m('run.open-answer')}
        <textarea rows={4} value={draft.note} readOnly={draft.revealed} onChange={(e) => onNote(e.target.value)} />
      </label>
      {!draft.revealed ? (
        <button type="button" onClick={onReveal} aria-keyshortcuts="Enter">
          {m('run.show-model')}
        </button>
      ) : (
        <fieldset className="checklist" ref={listRef}>
          <legend>{m('run.checklist')}</legend>
          {q.keyPoints.map((k, i) => (
            <label key={k.cardId} className="key-point">
              <input
                type="checkbox"
                checked={draft.ticked.includes(i)}
                disabled={answered}
                onChange={() => onTick(i)}
                aria-keyshortcuts={String(i + 1)}
              />
              <span className="key-number">{i + 1}</span>
              <span>
                <CardText inline text={k.text[lang]} lang={lang} />
                {k.hint && <small className="key-hint"> {m('run.hint', { hint: k.hint[lang] })}</small>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
