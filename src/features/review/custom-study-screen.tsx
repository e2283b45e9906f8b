// Custom study of one deck (`#/custom/<deckId>`), as Anki's: choose what to study beyond today's limits, then review
// that fixed list of cards. Answers are logged as custom study (rescheduled) or, for cram, not rescheduled at all.
import { useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { getDeck } from '../../db/deck-repo';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import {
  checkCustomStudy,
  CUSTOM_KINDS,
  reschedules,
  type CustomKind,
  type CustomStudy,
} from '../../domain/custom-study';
import { dayWindow } from '../../domain/day-window';
import { schedulerAt } from '../../domain/settings';
import { clock } from '../../lib/clock';
import { defineMessages, useMessages } from '../../lib/i18n';
import { ReviewScreen } from './review-screen';
import type { CardList } from './use-review-session';

const messages = defineMessages(
  {
    heading: 'Custom study',
    intro: 'Study beyond today’s limits without upsetting the normal schedule.',
    kind: 'What to study',
    'kind.ahead': 'Review ahead: cards due in the next days',
    'kind.forgotten': 'Review cards forgotten in the last days',
    'kind.tag': 'Study cards with a tag',
    'kind.lowest-r': 'The cards you are most likely to have forgotten',
    'kind.new': 'More new cards today',
    'kind.cram': 'Cram: preview cards without rescheduling them',
    days: 'Days',
    cards: 'How many cards',
    tag: 'Tag',
    'include-new': 'Include new cards',
    start: 'Start',
    back: 'Back',
    empty: 'No cards match. Try more days, another tag or another kind.',
    'cram-note': 'Cram answers are kept in the history but change no card’s schedule.',
    'bad.n-range': 'Choose between 1 and 9,999 cards.',
    'bad.days-range': 'Choose between 1 and 365 days.',
    'bad.tag-missing': 'Choose a tag.',
    title: '{deck}: custom study',
  },
  {
    heading: '自定义学习',
    intro: '在今天的上限之外继续学习，而不打乱正常的复习安排。',
    kind: '学习内容',
    'kind.ahead': '提前复习：接下来几天到期的卡片',
    'kind.forgotten': '复习最近几天忘记的卡片',
    'kind.tag': '学习带某个标签的卡片',
    'kind.lowest-r': '最可能已经忘记的卡片',
    'kind.new': '今天再学一些新卡片',
    'kind.cram': '突击：预览卡片，不改变复习安排',
    days: '天数',
    cards: '卡片数',
    tag: '标签',
    'include-new': '包括新卡片',
    start: '开始',
    back: '返回',
    empty: '没有符合条件的卡片。试试更多天数、其他标签或其他方式。',
    'cram-note': '突击的回答会记入历史，但不改变任何卡片的复习安排。',
    'bad.n-range': '请选择 1 到 9999 张卡片。',
    'bad.days-range': '请选择 1 到 365 天。',
    'bad.tag-missing': '请选择一个标签。',
    title: '{deck}：自定义学习',
  },
);

type Key = keyof (typeof messages)['en'];

const DEFAULTS: Record<CustomKind, number> = { ahead: 3, forgotten: 1, tag: 1, 'lowest-r': 50, new: 10, cram: 50 };

export function CustomStudyScreen({ deckId, onExit }: { deckId: string; onExit(): void }) {
  const m = useMessages(messages);
  const { settings } = useSettings();
  const deck = useLiveQuery(() => getDeck(db(), deckId), [deckId]);
  const tags = useLiveQuery(async () => {
    const rows = await db().cards.where('id').startsWith(`${deckId}/`).toArray();
    return [...new Set(rows.flatMap((r) => r.tags))].sort();
  }, [deckId]);
  const [spec, setSpec] = useState<CustomStudy>({ kind: 'ahead', n: DEFAULTS.ahead });
  const [list, setList] = useState<CardList | null>(null);
  const [empty, setEmpty] = useState(false);
  const title = deck ? m('title', { deck: deck.title[settings.study.uiLang] }) : m('heading');

  if (list) return <ReviewScreen deckId={`custom/${deckId}`} deckTitle={title} cardList={list} onExit={onExit} />;

  const problem = checkCustomStudy(spec);
  const start = async () => {
    try {
      const [{ customStudyIds }, { loadCardListQueue }] = await Promise.all([
        import('../../db/custom-study-repo'),
        import('../../db/quiz-repo'),
      ]);
      const now = clock.ms();
      const day = dayWindow(now, settings.study.dayStartHour);
      const ids = await customStudyIds(db(), deckId, spec, now, day, schedulerAt(settings, clock.now(), deckId));
      setEmpty(ids.length === 0);
      const cram = !reschedules(spec);
      if (ids.length > 0)
        setList({
          ids,
          kind: cram ? 'cram' : 'custom',
          // Cram changes no card: one in learning stays so, and would come back after every answer. Each shows once.
          load: (list, at, answered, ahead) =>
            loadCardListQueue(db(), cram ? list.filter((id) => !answered.includes(id)) : list, at, answered, ahead),
        });
    } catch (error) {
      reportStorageError(error);
    }
  };
  return (
    <section className="custom-study" aria-labelledby="custom-title">
      <button type="button" className="link" onClick={onExit}>
        ← {m('back')}
      </button>
      <h1 id="custom-title">{title}</h1>
      <p>{m('intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) void start();
        }}
      >
        <fieldset>
          <legend>{m('kind')}</legend>
          {CUSTOM_KINDS.map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="custom-kind"
                checked={spec.kind === k}
                onChange={() => {
                  setEmpty(false);
                  setSpec({ kind: k, n: DEFAULTS[k], ...(k === 'tag' && tags?.[0] ? { tag: tags[0] } : {}) });
                }}
              />{' '}
              {m(`kind.${k}` as Key)}
            </label>
          ))}
        </fieldset>
        <SpecFields spec={spec} setSpec={setSpec} tags={tags ?? []} problem={problem} />
        {spec.kind === 'cram' && <p className="help">{m('cram-note')}</p>}
        {problem && (
          <p id="custom-problem" className="error">
            {m(`bad.${problem}` as Key)}
          </p>
        )}
        <button type="submit" className="primary" disabled={problem !== null}>
          {m('start')}
        </button>
        <p role="status">{empty ? m('empty') : ''}</p>
      </form>
    </section>
  );
}

/** The number (days or cards), the tag and "include new" of the chosen kind. */
function SpecFields({
  spec,
  setSpec,
  tags,
  problem,
}: {
  spec: CustomStudy;
  setSpec(spec: CustomStudy): void;
  tags: readonly string[];
  problem: ReturnType<typeof checkCustomStudy>;
}) {
  const m = useMessages(messages);
  const days = spec.kind === 'ahead' || spec.kind === 'forgotten';
  return (
    <>
      {spec.kind !== 'tag' && (
        <label>
          {days ? m('days') : m('cards')}{' '}
          <input
            type="number"
            min={1}
            max={days ? 365 : 9999}
            value={Number.isNaN(spec.n) ? '' : spec.n}
            aria-invalid={problem === 'n-range' || problem === 'days-range'}
            aria-describedby={problem ? 'custom-problem' : undefined}
            onChange={(e) => setSpec({ ...spec, n: e.target.valueAsNumber })}
          />
        </label>
      )}
      {(spec.kind === 'tag' || spec.kind === 'cram') && (
        <label>
          {m('tag')}{' '}
          <select
            value={spec.tag ?? ''}
            onChange={(e) => {
              const { tag: _, ...rest } = spec;
              setSpec(e.target.value ? { ...rest, tag: e.target.value } : rest);
            }}
          >
            {spec.kind === 'cram' && <option value="">—</option>}
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      {spec.kind === 'tag' && (
        <label className="check">
          <input
            type="checkbox"
            checked={spec.includeNew === true}
            onChange={(e) => setSpec({ ...spec, includeNew: e.target.checked })}
          />{' '}
          {m('include-new')}
        </label>
      )}
    </>
  );
}
