// @vitest-environment jsdom
// Pins the presets editor: a change writes nothing until Save, Undo takes the save back, and rescheduling is offered
// only when a retention or the parameters changed.
import { screen, waitFor, within } from '@testing-library/react';
import { readPresetBook } from '../../src/db/preset-repo';
import { freshDb, openApp } from './helpers';
import { plainDeck } from './fixtures';

afterEach(() => localStorage.clear());

test('a change writes nothing until Save; Undo restores what was there', async () => {
  const { db } = await freshDb(plainDeck(3));
  const { user } = openApp('#/settings');
  const perDay = await screen.findByLabelText('New cards a day');
  await user.clear(perDay);
  await user.type(perDay, '5');
  await screen.findByText('You have unsaved changes.');
  expect(await db.settings.get('presets')).toBeUndefined();

  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  await screen.findByText('Presets saved.');
  expect((await readPresetBook(db)).presets[0]!.newPerDay).toBe(5);
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Undo last save' }));
  await screen.findByText('The last save was undone.');
  expect(await db.settings.get('presets')).toBeUndefined();
  await waitFor(() => expect(screen.getByLabelText('New cards a day')).toHaveValue(20));
});

test('a bad value is refused at its field and nothing is written', async () => {
  const { db } = await freshDb(plainDeck(1));
  const { user } = openApp('#/settings');
  const params = await screen.findByLabelText(/^FSRS parameters/);
  await user.clear(params);
  await user.type(params, '1, 2, 3');
  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  await screen.findByText('Please fix the marked fields.');
  expect(params).toHaveAttribute('aria-invalid', 'true');
  expect(params).toHaveAccessibleDescription(/Must be 21 numbers/);
  expect(await db.settings.get('presets')).toBeUndefined();
});

test('rescheduling is offered only when the retention or the parameters changed', async () => {
  await freshDb(plainDeck(2));
  const { user } = openApp('#/settings');
  const perDay = await screen.findByLabelText('Maximum reviews a day');
  await user.clear(perDay);
  await user.type(perDay, '100');
  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  await screen.findByText('Presets saved.');
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

  const retention = screen.getByRole('spinbutton', { name: 'Desired retention' });
  await user.clear(retention);
  await user.type(retention, '0.85');
  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Reschedule existing cards?' });
  await user.click(within(dialog).getByRole('button', { name: 'Save and reschedule' }));
  await screen.findByText('Presets saved; 0 cards rescheduled.');
});

test('a new preset takes a deck; its deck page names it', async () => {
  const { db } = await freshDb(plainDeck(1));
  const { user } = openApp('#/settings');
  await user.click(await screen.findByRole('button', { name: 'Add preset' }));
  const name = screen.getByLabelText('Name');
  await user.clear(name);
  await user.type(name, 'Slow');
  // The deck list is read from the database: wait for the deck's box (on a busy machine it comes after the form; the
  // built-in decks, stored as the app starts, may be listed too).
  const decks = screen.getByRole('group', { name: 'Decks using this preset' });
  await user.click(await within(decks).findByRole('checkbox', { name: 'Plain deck' }, { timeout: 10_000 }));
  await user.click(screen.getByRole('button', { name: 'Save presets' }));
  await screen.findByText('Presets saved.');
  const book = await readPresetBook(db);
  expect(book.presets.map((p) => p.name)).toEqual(['', 'Slow']);
  expect(Object.values(book.decks)).toEqual([book.presets[1]!.id]);
});
