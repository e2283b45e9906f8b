// Shows one study card, front or front+back, in the study language (and the other one on demand).
import { useContext } from 'react';
import { SourceLine, SourcesContext } from '../../ui/source-line';
import { matchTypedAnswer } from '../../domain/answer-match';
import { CHOICE_LETTERS as LETTERS, choiceOrder } from '../../domain/choice-order';
import type { StudyCard, StudyContent } from '../../domain/study-card';
import { renderCloze, type Lang } from '../../domain/text';
import { CardText } from '../../ui/card-text';
import { ChoiceMark, choiceResult } from '../../ui/choice-mark';
import { useMessages, useT } from '../../lib/i18n';
import { reviewMessages } from './review-messages';

export interface CardViewProps {
  /** `reps` (answers so far) seeds the order of the choices; without it they show in file order. */
  card: Pick<StudyCard, 'id' | 'content' | 'source' | 'note'> & { reps?: number };
  lang: Lang;
  revealed: boolean;
  /** The choice picked, as its index in the card (not its position on screen). */
  choice: number | null;
  typed: string;
  onChoose(index: number): void;
  onType(text: string): void;
  onSubmit(): void;
  /** A second, read-only rendering (the other language) leaves out inputs. */
  secondary?: boolean;
}

/** An answer that begins with a rule of its own (an Anki template's `{{FrontSide}}<hr id=answer>` or `<hr>`). */
const OWN_RULE = /^(?:\s|<br\s*\/?>)*<hr\b/i;

/**
 * Whether the answer is drawn under a rule of the app's own: not for a cloze, whose answer takes the question's place,
 * nor for an answer that starts with its own rule, nor over nothing (an mcq with no explanation, note or source).
 */
function ruleAbove(c: StudyContent, lang: Lang, more: boolean): boolean {
  if (c.kind === 'cloze') return false;
  if (c.kind === 'basic') return !OWN_RULE.test(c.back[lang]);
  if (c.kind === 'mcq') return more || c.explanation !== undefined;
  return true;
}

export function CardView(props: CardViewProps) {
  const { card, lang, revealed } = props;
  const c = card.content;
  const t = useT();
  const showSource = useContext(SourcesContext) !== false && !props.secondary;
  return (
    <div className={props.secondary ? 'card-view secondary' : 'card-view'} data-lang={lang}>
      <Front {...props} />
      {revealed && (
        <div className="card-back" data-testid={props.secondary ? undefined : 'card-back'}>
          {ruleAbove(c, lang, showSource || card.note !== undefined) && <hr />}
          {c.kind === 'basic' && <CardText text={c.back[lang]} lang={lang} />}
          {c.kind === 'cloze' && (
            <>
              <CardText text={renderCloze(c.text[lang], c.index, true)} lang={lang} />
              {c.extra && c.extra[lang].trim() !== '' && (
                <CardText className="extra" text={c.extra[lang]} lang={lang} />
              )}
            </>
          )}
          {c.kind === 'mcq' && c.explanation && <CardText text={c.explanation[lang]} lang={lang} />}
          {c.kind === 'classify' && (
            <p className="answer-line">
              <CardText
                inline
                text={c.categories.find((x) => x.id === c.answer)?.label[lang] ?? c.answer}
                lang={lang}
              />
            </p>
          )}
          {c.kind === 'type-in' && !props.secondary && <TypedVerdict {...props} />}
          {c.kind === 'type-in' && props.secondary && <CardText text={c.answer[lang]} lang={lang} />}
          {c.kind === 'compare' && (
            <table className="compare">
              <thead>
                <tr>
                  {c.columns.map((col) => (
                    <th key={col.id} scope="col">
                      <CardText inline text={col.label[lang]} lang={lang} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {c.columns.map((col) => (
                    <td key={col.id}>
                      <CardText text={col.cell[lang]} lang={lang} />
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          )}
          {card.note && (
            <aside className="card-note" aria-label={t('review.note')}>
              <strong>{t('review.note')}: </strong>
              <CardText inline text={card.note[lang]} lang={lang} />
            </aside>
          )}
          {showSource && <SourceLine source={card.source} />}
        </div>
      )}
    </div>
  );
}

function Front(props: CardViewProps) {
  const { card, lang, revealed } = props;
  const c = card.content;
  switch (c.kind) {
    case 'basic':
      return <CardText className="card-front" text={c.front[lang]} lang={lang} />;
    case 'cloze':
      return revealed ? null : (
        <CardText className="card-front" text={renderCloze(c.text[lang], c.index, false)} lang={lang} />
      );
    case 'compare':
      return (
        <div className="card-front">
          <p className="card-kicker">
            <CardText inline text={c.title[lang]} lang={lang} />
          </p>
          <CardText text={c.trait[lang]} lang={lang} />
        </div>
      );
    case 'type-in':
      return <TypeInFront {...props} />;
    case 'mcq':
    case 'classify':
      return <ChoiceFront {...props} />;
  }
}

/** The prompt of a type-in card and the field to type the answer in (left out of the secondary rendering). */
function TypeInFront({ card, lang, revealed, typed, onType, onSubmit, secondary }: CardViewProps) {
  const t = useT();
  const c = card.content;
  if (c.kind !== 'type-in') return null;
  return (
    <div className="card-front">
      <CardText text={c.prompt[lang]} lang={lang} />
      {!secondary && (
        <form
          className="type-in"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <label>
            {t('review.your-answer')}
            <input
              autoFocus
              value={typed}
              readOnly={revealed}
              onChange={(e) => onType(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          {!revealed && <button type="submit">{t('review.check')}</button>}
        </form>
      )}
    </div>
  );
}

/** Display position → choice index: shuffled for a card under review, in file order otherwise. */
export function shownOrder(card: CardViewProps['card'], n: number): number[] {
  return card.reps === undefined ? Array.from({ length: n }, (_, i) => i) : choiceOrder(card.id, card.reps, n);
}

/** The question of an mcq or classify card and its lettered options: chosen, then right and wrong once revealed. */
function ChoiceFront({ card, lang, revealed, choice, onChoose, secondary }: CardViewProps) {
  const t = useT();
  const c = card.content;
  if (c.kind !== 'mcq' && c.kind !== 'classify') return null;
  const options = c.kind === 'mcq' ? c.choices.map((ch) => ch[lang]) : c.categories.map((cat) => cat.label[lang]);
  const right = c.kind === 'mcq' ? c.answer : c.categories.findIndex((cat) => cat.id === c.answer);
  const order = shownOrder(card, options.length);
  return (
    <div className="card-front">
      <CardText text={c.kind === 'mcq' ? c.question[lang] : c.prompt[lang]} lang={lang} />
      {c.kind === 'classify' && <CardText className="classify-item" text={c.item[lang]} lang={lang} />}
      <ol className="choices" aria-label={t('review.which')}>
        {order.map((i, pos) => {
          const text = options[i]!;
          const result = revealed ? choiceResult(i, right, choice) : null;
          const state = result ? (result === 'wrong' ? 'wrong' : 'right') : !revealed && i === choice ? 'chosen' : '';
          const mark = result && <ChoiceMark result={result} />;
          return (
            <li key={i} className={state}>
              {secondary ? (
                <span>
                  {LETTERS[pos]}. <CardText inline text={text} lang={lang} />
                  {mark}
                </span>
              ) : (
                <button
                  type="button"
                  aria-pressed={choice === i}
                  disabled={revealed}
                  onClick={() => onChoose(i)}
                  data-state={state || undefined}
                >
                  <kbd>{LETTERS[pos]}</kbd> <CardText inline text={text} lang={lang} />
                  {mark}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {/* There before the answer is shown, so that a screen reader announces what appears in it. */}
      {!secondary && (
        <p className="visually-hidden" role="status" data-testid="choice-result">
          {revealed && right >= 0 && (
            <ChoiceResultText
              letter={LETTERS[order.indexOf(right)] ?? ''}
              chosen={choice === null ? null : (LETTERS[order.indexOf(choice)] ?? '')}
              correct={choice === right}
              answer={options[right] ?? ''}
              lang={lang}
            />
          )}
        </p>
      )}
    </div>
  );
}

/** What the live region says once a choice card's answer is shown: right or wrong, and the right option. */
function ChoiceResultText(props: {
  letter: string;
  chosen: string | null;
  correct: boolean;
  answer: string;
  lang: Lang;
}) {
  const m = useMessages(reviewMessages);
  const { letter, chosen } = props;
  const words =
    chosen === null
      ? m('result.answer', { letter })
      : props.correct
        ? m('result.right', { letter })
        : m('result.wrong', { letter, chosen });
  return (
    <>
      {words} <CardText inline text={props.answer} lang={props.lang} />
    </>
  );
}

function TypedVerdict({ card, lang, typed }: CardViewProps) {
  const t = useT();
  if (card.content.kind !== 'type-in') return null;
  const c = card.content;
  const result = matchTypedAnswer(typed, c.answer, c.accept);
  return (
    <div className={result.correct ? 'verdict right' : 'verdict wrong'} role="status">
      {result.correct ? <strong>{t('review.correct')} </strong> : <strong>{t('review.incorrect')} </strong>}
      <CardText inline text={c.answer[lang]} lang={lang} />
    </div>
  );
}
