// Under the card: bury, suspend and flag it (as Anki's `-`, `@`, Ctrl+1–7), edit it (E) and see its info (I), for the
// mouse and touch as well as the keys, with what happened said in a status line (a mark is undone with U, Ctrl+Z or
// the Undo button, like an answer).
import { FLAG_COLOURS } from '../../domain/marks';
import { defineMessages, useMessages } from '../../lib/i18n';
import { flagMessages } from '../../ui/flag-messages';
import { cardToolMessages, type ToolKind } from './card-tools';
import type { MarkAction, ReviewStore, Showing } from './review-store';

const messages = defineMessages(
  {
    ...flagMessages.en,
    actions: 'Card actions',
    bury: 'Bury until tomorrow',
    suspend: 'Suspend',
    flag: 'Flag',
    'done.bury': 'Buried until the next study day. Undo with U.',
    'done.suspend': 'Suspended: it will not come back until you unsuspend it in Browse. Undo with U.',
    'done.flag': 'Flagged {colour}.',
    'done.unflag': 'Flag removed.',
  },
  {
    ...flagMessages.zh,
    actions: '卡片操作',
    bury: '搁置到明天',
    suspend: '暂停',
    flag: '旗标',
    'done.bury': '已搁置到下一个学习日。按 U 撤销。',
    'done.suspend': '已暂停：在“浏览”中取消暂停之前不会再出现。按 U 撤销。',
    'done.flag': '已加上{colour}旗标。',
    'done.unflag': '已去掉旗标。',
  },
);

type Key = keyof (typeof messages)['en'];

export function ReviewMarks({
  store,
  showing,
  reps,
  flag,
  lastMark,
  onTool,
  notice,
}: {
  store: ReviewStore;
  showing: Showing | null;
  reps: number;
  flag: number;
  lastMark: MarkAction | null;
  /** Opens the card's editor or info; without it there are no such buttons. */
  onTool?: ((kind: ToolKind) => void) | undefined;
  /** What the last edit did ("Saved. …"), said in the status line until the next mark. */
  notice?: string | undefined;
}) {
  const m = useMessages(messages);
  const tm = useMessages(cardToolMessages);
  const act = (action: MarkAction) => {
    if (showing) void store.getState().mark(showing, action, reps);
  };
  const colour = (n: number) => m(`flag.${FLAG_COLOURS[n - 1]!}` as Key);
  return (
    <div className="review-marks">
      {showing && (
        <div role="group" aria-label={m('actions')}>
          <button type="button" onClick={() => act({ kind: 'bury' })} aria-keyshortcuts="-">
            {m('bury')}
          </button>
          <button type="button" onClick={() => act({ kind: 'suspend' })} aria-keyshortcuts="@">
            {m('suspend')}
          </button>
          <label>
            {m('flag')}{' '}
            <select
              value={flag}
              onChange={(e) => {
                const n = Number(e.target.value);
                // Choosing the card's own flag again would clear it (the toggle of Ctrl+1–7): "No flag" clears.
                act({ kind: 'flag', flag: n === 0 ? flag : n });
              }}
            >
              <option value={0}>{m('flag.none')}</option>
              {FLAG_COLOURS.map((_, i) => (
                <option key={i + 1} value={i + 1}>
                  {`${i + 1} · ${colour(i + 1)}`}
                </option>
              ))}
            </select>
          </label>
          {onTool && (
            <>
              <button type="button" onClick={() => onTool('edit')} aria-keyshortcuts="E" aria-haspopup="dialog">
                {tm('edit')}
              </button>
              <button type="button" onClick={() => onTool('info')} aria-keyshortcuts="I" aria-haspopup="dialog">
                {tm('info')}
              </button>
            </>
          )}
        </div>
      )}
      <p className="mark-status" aria-live="polite">
        {!lastMark && notice}
        {lastMark?.kind === 'bury' && m('done.bury')}
        {lastMark?.kind === 'suspend' && m('done.suspend')}
        {lastMark?.kind === 'flag' &&
          (lastMark.flag > 0 ? m('done.flag', { colour: colour(lastMark.flag) }) : m('done.unflag'))}
      </p>
    </div>
  );
}
