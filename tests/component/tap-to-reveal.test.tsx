// @vitest-environment jsdom
// Issue 12: tap to reveal, as Anki's. A tap on the face of a card with nothing to answer shows its back; a tap on a
// control, a link or a choice does that control's job only, and a choice or type-in card is never shown by a tap.
import { screen } from '@testing-library/react';
import type { DeckInput } from '../../src/domain/deck-schema';
import { freshDb, openApp, review } from './helpers';
import { plainDeck } from './fixtures';

const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };

const shown = () => document.querySelector('[data-testid="card-back"]') !== null;

test('a tap on the question shows the answer; a tap on "Also show 中文" only adds the other language', async () => {
  const { db } = await freshDb(plainDeck(2));
  const { user } = openApp('#/review/plain');
  await review.waitForCard();
  await user.click(screen.getByRole('button', { name: 'Also show 中文' }));
  expect(screen.getByText('问题 0')).toBeInTheDocument();
  expect(shown()).toBe(false);

  await user.click(screen.getByText('Question 0'));
  expect(await screen.findByText('Answer 0')).toBeInTheDocument();
  expect(shown()).toBe(true);
  // Once shown, a tap on the card grades nothing: the grade buttons do.
  await user.click(screen.getByText('Question 0'));
  expect(await db.reviewLogs.count()).toBe(0);
  await user.click(screen.getByRole('button', { name: /^Good,/ }));
  await review.waitForAnswered(1);
  expect((await db.reviewLogs.toArray())[0]).toMatchObject({ cardId: 'plain/c0', rating: 'good' });
});

test('a choice card is answered with its choices: a tap on its question or beside the choices shows nothing', async () => {
  const deck: DeckInput = {
    format: 'dockdeck/deck@1',
    id: 'choice',
    title: t('Choice deck', '选择卡组'),
    sources: [{ doc: 'doc.txt' }],
    cards: [
      {
        id: 'kernel',
        type: 'mcq',
        source,
        question: t('What do containers share?', '容器共享什么？'),
        choices: [t('The host kernel', '宿主机内核'), t('A hypervisor', '虚拟机监控程序')],
        answer: 0,
      },
    ],
  };
  await freshDb(deck);
  const { user } = openApp('#/review/choice');
  await review.waitForCard();
  await user.click(screen.getByText('What do containers share?'));
  await user.click(document.querySelector('ol.choices')!);
  expect(shown()).toBe(false);
  await user.click(screen.getByRole('button', { name: /A hypervisor/ }));
  expect(shown()).toBe(false);
  await user.click(screen.getByRole('button', { name: 'Show answer' }));
  expect(shown()).toBe(true);
});
