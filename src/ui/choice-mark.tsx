// The mark on an answered option: an icon and words, since a green or red tint says nothing to a screen reader (or to
// eyes that do not tell the two apart). Part of the option's name, so a screen reader reads it with the option.
import { useMessages } from '../lib/i18n';
import { choiceMessages } from './choice-messages';

/** An answered option: the right one (picked or not), or the wrong one picked. */
export type ChoiceResult = 'right' | 'right-chosen' | 'wrong';

/** The result of option `i` once answered, or null for an option that is neither right nor picked. */
export function choiceResult(i: number, right: number, chosen: number | null): ChoiceResult | null {
  if (i === right) return i === chosen ? 'right-chosen' : 'right';
  return i === chosen ? 'wrong' : null;
}

export function ChoiceMark({ result }: { result: ChoiceResult }) {
  const m = useMessages(choiceMessages);
  // The space before it keeps the words apart from the option's in what a screen reader reads.
  return (
    <>
      {' '}
      <span className="choice-mark" data-result={result}>
        <span aria-hidden="true">{result === 'wrong' ? '✗' : '✓'}</span> {m(`choice.${result}`)}
      </span>
    </>
  );
}
