// @vitest-environment jsdom
// Pins Settings' "Check database": the button runs the check over the whole database, the report says what was
// checked (the built-in decks stored as the app starts included) and which card was repaired (in the app's language), and the repaired card is its log's replay again.
import { screen, within } from '@testing-library/react';
import { answerCard, memoryOf } from '../../src/db/review-repo';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import { basicDeck } from '../unit/helpers/basic-deck';
import { freshDb, openApp } from './helpers';

const MIN = 60_000;

afterEach(() => {
  localStorage.clear();
});

async function studied(settings: Settings = DEFAULT_SETTINGS) {
  const world = await freshDb(basicDeck(3));
  await writeSettings(world.db, settings, world.now());
  for (const [id, rating] of [
    ['demo/c1', 'good'],
    ['demo/c2', 'again'],
    ['demo/c1', 'good'],
  ] as const) {
    world.advance(10 * MIN);
    await answerCard(world.db, id, rating, new Date(world.now()), { durationMs: 1000, settings });
  }
  const good = memoryOf((await world.db.cards.get('demo/c1'))!);
  await world.db.cards.update('demo/c1', { stability: good.stability + 5, due: good.due + 86_400_000 });
  return { ...world, good };
}

test('Check database repairs the corrupted card and says so; a second run finds nothing to repair', async () => {
  const { db, good } = await studied();
  const { user } = openApp('#/settings');
  const section = await screen.findByRole('region', { name: 'Check database' });
  await user.click(within(section).getByRole('button', { name: 'Check database' }));
  const status = within(section).getByRole('status');
  expect(
    await within(status).findByText('Cards repaired, their schedule not the replay of their review log: 1 (demo/c1).'),
  ).toBeInTheDocument();
  expect(within(status).getByText(/^Checked \d+ cards and 3 review-log entries\.$/)).toBeInTheDocument();
  expect(within(status).getByText(/^Replayed: 3 answers recomputed exactly/)).toBeInTheDocument();
  expect(memoryOf((await db.cards.get('demo/c1'))!)).toEqual(good);

  await user.click(within(section).getByRole('button', { name: 'Check database' }));
  expect(
    await within(status).findByText('No card needed repair: every card’s schedule is the replay of its review log.'),
  ).toBeInTheDocument();
});

test('in Chinese: the section, the button and the report are in Chinese', async () => {
  const zh: Settings = { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } };
  const { db, good } = await studied(zh);
  const { user } = openApp('#/settings');
  const section = await screen.findByRole('region', { name: '检查数据库' });
  await user.click(within(section).getByRole('button', { name: '检查数据库' }));
  const status = within(section).getByRole('status');
  expect(await within(status).findByText('已修复 1 张排程与复习记录重放不一致的卡片：demo/c1。')).toBeInTheDocument();
  expect(within(status).getByText(/^已检查 \d+ 张卡片和 3 条复习记录。$/)).toBeInTheDocument();
  expect(memoryOf((await db.cards.get('demo/c1'))!)).toEqual(good);
});
