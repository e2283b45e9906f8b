// @vitest-environment jsdom
// Decks and cards of your own, and your changes to built-in ones, in the whole app: a new deck and its first card make
// a deck in the library that can be studied; a changed built-in card shows on its deck's page, and "Restore the
// original" brings the deck file's text back (and can be undone).
import { screen, waitFor, within } from '@testing-library/react';
import { saveCardEdit } from '../../src/db/card-edit-repo';
import type { DeckCard } from '../../src/domain/deck-schema';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { freshDb, openApp } from './helpers';
import deckFile from '../../decks/containers-vs-vms.json?raw';

// The whole app renders in jsdom, with the built-in decks: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const parsed = parseDeckText('containers-vs-vms.json', deckFile);
if (!parsed.ok) throw new Error('the built-in deck does not parse');
const original = parsed.deck.cards.find((c) => c.id === 'virtualization-level')!;
if (original.type !== 'cloze') throw new Error('the card is a cloze');

test("a built-in card's edit: 'You changed 1 card', the list, and 'Restore the original' (undoable)", async () => {
  const { db, now } = await freshDb();
  const { user } = openApp('#/deck/containers-vs-vms');
  expect(await screen.findByRole('heading', { name: 'Containers vs virtual machines', level: 1 })).toBeInTheDocument();
  // A built-in deck takes no cards of the user's.
  expect(screen.queryByRole('button', { name: 'New card' })).toBeNull();
  expect(screen.queryByText(/You changed/)).toBeNull();

  // The user's edit (as the card browser's editor saves it).
  const mine: DeckCard = {
    ...original,
    text: {
      ...original.text,
      en: 'Containers virtualize the {{c1::operating system}}; hypervisors the {{c2::hardware}}.',
    },
  };
  await saveCardEdit(db, 'containers-vs-vms', mine, now());
  expect(await screen.findByText('You changed 1 card of this deck.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Show the changed cards' }));
  const list = screen.getByRole('list', { name: 'Cards you changed' });
  expect(
    within(list).getByText(/Containers virtualize the operating system; hypervisors the hardware/),
  ).toBeInTheDocument();

  // Named by its question, cut short.
  const restore = within(list).getByRole('button', {
    name: 'Restore the original of “Containers virtualize the operating system; hypervisors the…”',
  });
  await user.click(restore);
  const status = await screen.findByText(/^The original of .* is back\.$/);
  expect(status.closest('[role="status"]')).not.toBeNull();
  const row = await db.cards.get('containers-vs-vms/virtualization-level:c1');
  expect(row!.content).toMatchObject({ kind: 'cloze', text: original.text });
  expect(await db.noteEdits.count()).toBe(0);
  await waitFor(() => expect(screen.queryByText('You changed 1 card of this deck.')).toBeNull());

  // Undo: the user's version is back, and counted again.
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(await screen.findByText('You changed 1 card of this deck.')).toBeInTheDocument();
  expect((await db.cards.get('containers-vs-vms/virtualization-level:c1'))!.content).toMatchObject({
    text: mine.type === 'cloze' ? mine.text : null,
  });
});

test('a new deck and its first card: in the library, with a card to study', async () => {
  await freshDb();
  const { user } = openApp('#/');
  await user.click(await screen.findByRole('button', { name: 'New deck' }));
  // The form loads when first opened.
  const form = await screen.findByRole('form', { name: 'New deck' });
  await user.type(within(form).getByLabelText('Name — English'), 'Kubernetes basics');
  await user.click(within(form).getByRole('button', { name: 'Create deck' }));
  // A name in both languages.
  await waitFor(() =>
    expect(within(form).getByLabelText('Name — Chinese')).toHaveAccessibleDescription('must not be empty'),
  );
  expect(window.location.hash).toBe('#/');
  await user.type(within(form).getByLabelText('Name — Chinese'), 'Kubernetes 基础');
  await user.click(within(form).getByRole('button', { name: 'Create deck' }));

  // Its page, with the editor open for its first card.
  expect(await screen.findByRole('heading', { name: 'Kubernetes basics', level: 1 })).toBeInTheDocument();
  expect(window.location.hash).toBe('#/deck/kubernetes-basics');
  expect(await screen.findByText(/This deck has no cards yet/)).toBeInTheDocument();
  expect(screen.getByText('Made in dockdeck')).toBeInTheDocument();
  const editor = await screen.findByRole('form', { name: 'New card in “Kubernetes basics”' });
  const type = async (label: string, text: string) => user.type(within(editor).getByLabelText(label), text);
  await type('Front — English', 'What runs a pod’s containers on a node?');
  await type('Front — Chinese', '节点上由谁运行 Pod 的容器？');
  await type('Back — English', 'The kubelet, through a container runtime');
  await type('Back — Chinese', 'kubelet，通过容器运行时');
  await type('Source: a document’s name, or a page’s https:// address', 'https://kubernetes.io/docs/concepts/');
  await type('Section: the heading the fact stands under', 'Nodes');
  await user.click(within(editor).getByRole('button', { name: 'Save card' }));
  expect(await within(editor).findByText('Saved. 1 new study card.')).toBeInTheDocument();
  expect(await screen.findByText('Cards: 1')).toBeInTheDocument();

  // In the library, with one new card; and studied.
  await user.click(screen.getByRole('link', { name: 'Back to decks' }));
  const item = await waitFor(() => {
    const li = document.querySelector<HTMLElement>('li.deck[data-deck-id="kubernetes-basics"]');
    expect(li).not.toBeNull();
    return li!;
  });
  expect(within(item).getByText('1 cards')).toBeInTheDocument();
  await user.click(within(item).getByRole('button', { name: 'Study Kubernetes basics' }));
  expect(await screen.findByText('What runs a pod’s containers on a node?')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Show answer' }));
  expect(await screen.findByText('The kubelet, through a container runtime')).toBeInTheDocument();
});
