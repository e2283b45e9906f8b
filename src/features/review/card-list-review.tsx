// "Review my mistakes" (a quiz attempt's wrong answers) and a day of the interview plan: the review screen over
// that list of cards, each shown once whatever its due date. The quiz's storage code loads only on this route.
import { useEffect, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { defineMessages, useMessages, useT } from '../../lib/i18n';
import { ReviewScreen } from './review-screen';
import type { CardList } from './use-review-session';

const messages = defineMessages(
  { mistakes: 'Review my mistakes', plan: 'Study plan: {day}', empty: 'There are no cards to review here.' },
  { mistakes: '复习我的错题', plan: '学习计划：{day}', empty: '这里没有要复习的卡片。' },
);

export function CardListReview({
  source,
  listKey,
  onExit,
}: {
  source: 'mistakes' | 'plan';
  listKey: string;
  onExit(): void;
}) {
  const t = useT();
  const m = useMessages(messages);
  const [list, setList] = useState<CardList | null>(null);
  useEffect(() => {
    let live = true;
    import('../../db/quiz-repo')
      .then(async (repo) => {
        // Resolved once: the list is what the quiz or plan said when the review started.
        const ids = await repo.customReviewIds(db(), source, listKey);
        if (live) setList({ ids, load: (...args) => repo.loadCardListQueue(db(), ...args) });
      })
      .catch(reportStorageError);
    return () => {
      live = false;
    };
  }, [source, listKey]);

  if (!list) return <p>{t('review.loading')}</p>;
  if (list.ids.length === 0) return <p>{m('empty')}</p>;
  return (
    <ReviewScreen
      deckId={`${source}/${listKey}`}
      deckTitle={source === 'mistakes' ? m('mistakes') : m('plan', { day: listKey })}
      cardList={list}
      onExit={onExit}
    />
  );
}
