// @vitest-environment jsdom
// Issue 9 items 5 and 6 on the import screen: a text-2fields-like file reaches the column screen read with tab, lists
// its odd rows, and the separator can be changed; a `Front,Back` file is a header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { writeSettings } from '../../src/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { freshDb } from './helpers';
import { file, importScreen, openWithClient } from './import-helpers';

// The whole app renders in jsdom: slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

// Under jsdom import.meta.url is not a file URL; import.meta.dirname still names the test's folder.
const TEXT_2FIELDS = new Uint8Array(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'csv', 'text-2fields-like.txt')),
);

const columnHeaders = () => within(screen.getByRole('table')).getAllByRole('columnheader');
const listed = (name: RegExp) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

test('a tab-separated file with commas and ragged rows opens the column screen with tab; the separator can be changed', async () => {
  await freshDb();
  const { user } = openWithClient('#/import');
  await user.upload(await importScreen.fileInput(), file('text-2fields.txt', TEXT_2FIELDS));
  await importScreen.waitForStep('csv');

  const separator = screen.getByLabelText('Separator');
  expect(separator).toHaveDisplayValue('Tab (detected)');
  // Every separator Anki knows is offered.
  expect(
    within(separator)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Comma ( , )', 'Tab (detected)', 'Semicolon ( ; )', 'Vertical bar ( | )', 'Colon ( : )', 'Space']);
  // Line, front, back.
  expect(columnHeaders()).toHaveLength(3);
  expect(screen.getByText('Rows that will become cards: 8.')).toBeInTheDocument();
  expect(listed(/more fields than the others \(2\)/)).toEqual(['row 4: 3 fields, expected 2']);
  expect(listed(/fewer fields than the others \(2\)/)).toEqual(['row 5: 1 field, expected 2']);
  expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();

  // A wrong choice re-reads the file and says what it finds; then back to tab.
  await user.selectOptions(separator, 'Comma ( , )');
  await waitFor(() => expect(screen.getByLabelText('Separator')).toHaveDisplayValue('Comma ( , )'));
  // With comma, the usual row is one field: the colours row is the odd one, with its ten fields.
  await waitFor(() => expect(listed(/more fields than the others \(1\)/)).toEqual(['row 2: 10 fields, expected 1']));
  expect(columnHeaders()).toHaveLength(2);
  expect(screen.queryByRole('list', { name: /fewer fields/ })).not.toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText('Separator'), 'Tab (detected)');
  await waitFor(() => expect(columnHeaders()).toHaveLength(3));
  expect(listed(/more fields than the others \(2\)/)).toEqual(['row 4: 3 fields, expected 2']);
});

test('a file of just "Front,Back" is a header row: no card offered', async () => {
  await freshDb();
  const { user } = openWithClient('#/import');
  await importScreen.paste(user, 'Front,Back\n');
  await importScreen.waitForStep('csv');
  expect(screen.getByLabelText('The first row holds column names')).toBeChecked();
  expect(screen.getByText('Rows that will become cards: 0.')).toBeInTheDocument();
  expect(within(screen.getByRole('table')).getAllByRole('row')[1]).toHaveTextContent('column namesFrontBack');
});

test('in Chinese, the odd rows and the separators are listed in Chinese', async () => {
  const { db, now } = await freshDb();
  await writeSettings(db, { ...DEFAULT_SETTINGS, study: { ...DEFAULT_SETTINGS.study, uiLang: 'zh' } }, now());
  const { user } = openWithClient('#/import');
  expect(await screen.findByRole('heading', { name: '导入卡组' }, { timeout: 10_000 })).toBeInTheDocument();
  await user.upload(await importScreen.fileInput(), file('text-2fields.txt', TEXT_2FIELDS));
  await importScreen.waitForStep('csv');
  expect(screen.getByLabelText('分隔符')).toHaveDisplayValue('制表符 （自动检测）');
  expect(listed(/字段比其他行（2 个）多/)).toEqual(['第 4 行：3 个字段，应为 2 个']);
  expect(listed(/字段比其他行（2 个）少/)).toEqual(['第 5 行：1 个字段，应为 2 个']);
  const ragged = [...document.querySelectorAll('.import-ragged')].map((e) => e.textContent ?? '');
  for (const text of ragged) expect(text).not.toMatch(/[A-Za-z]{3,}/);
});
