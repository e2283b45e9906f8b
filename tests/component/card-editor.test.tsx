// @vitest-environment jsdom
// The card editor as a user meets it: a new card and an edit of each type saved (with what the save did to the study
// cards), invalid cards blocked with a message at each field in English and Chinese, the live preview through the
// sanitiser, Escape (asking first when there are changes), and a saved card's type kept.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadDeckCard } from '../../src/db/card-edit-repo';
import { answerCard } from '../../src/db/review-repo';
import type { DeckCard, DeckInput } from '../../src/domain/deck-schema';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/scheduler';
import { CardEditor, type SavedCard } from '../../src/features/browse/card-editor';
import { I18nProvider, type UiLang } from '../../src/lib/i18n';
import { freshDb } from './helpers';

vi.setConfig({ testTimeout: 20_000 });

const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'notes.md', section: 'Runtimes' };
const deck: DeckInput = {
  format: 'dockdeck/deck@1',
  id: 'notes',
  title: t('My notes', '我的笔记'),
  sources: [{ doc: 'notes.md' }],
  cards: [
    { id: 'kernel', type: 'basic', front: t('Whose kernel?', '谁的内核？'), back: t('The host’s', '宿主机的'), source },
    {
      id: 'stack',
      type: 'cloze',
      text: t('{{c1::dockerd}} calls {{c2::containerd}}', '{{c1::dockerd}} 调用 {{c2::containerd}}'),
      source,
    },
    {
      id: 'lxc',
      type: 'mcq',
      question: t('What replaced LXC?', '什么替换了 LXC？'),
      choices: [t('libcontainer', 'libcontainer'), t('KVM', 'KVM')],
      answer: 0,
      source,
    },
  ],
};

type User = ReturnType<typeof userEvent.setup>;

async function open(props: { card?: DeckCard; lang?: UiLang; deck?: DeckInput } = {}) {
  const env = await freshDb(props.deck ?? deck);
  const saved: SavedCard[] = [];
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(
    <I18nProvider lang={props.lang ?? 'en'}>
      <CardEditor
        deckId={props.deck?.id ?? 'notes'}
        {...(props.card ? { card: props.card } : {})}
        onSaved={(s) => saved.push(s)}
        onCancel={onCancel}
      />
    </I18nProvider>,
  );
  await screen.findByRole('form');
  return { ...env, user, saved, onCancel };
}

const field = (name: string) => screen.getByRole('textbox', { name });

async function fill(user: User, name: string, text: string) {
  const el = field(name);
  await user.clear(el);
  // user-event reads { and [ as key names: typed as the characters they are.
  if (text !== '')
    await user.type(
      el,
      text.replace(/[{[]/g, (c) => c + c),
    );
}

async function saveAndWait(user: User) {
  await user.click(screen.getByRole('button', { name: 'Save card' }));
  return within(screen.getByRole('status')).findByText(/^Saved\./);
}

const stored = async (id: string) => (await loadDeckCard((await import('../../src/db/connection')).db(), 'notes', id))!;

describe('each card type saves', () => {
  test('a new basic card: both languages, its source; the editor is then ready for the next one', async () => {
    const { user, db, saved } = await open();
    expect(screen.getByRole('heading', { name: 'New card in “My notes”' })).toBeInTheDocument();
    // The source starts as the deck's last card's.
    expect(screen.getByRole('combobox', { name: /^Source/ })).toHaveValue('notes.md');
    expect(screen.getByRole('textbox', { name: /^Section/ })).toHaveValue('Runtimes');
    await fill(user, 'Front — English', 'What does runc do?');
    await fill(user, 'Front — Chinese', 'runc 做什么？');
    await fill(user, 'Back — English', 'It creates and runs containers');
    await fill(user, 'Back — Chinese', '创建并运行容器');
    await fill(user, 'Tags (optional)', 'oci runtime');
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 1 new study card.');
    const row = (await db.cards.get('notes/what-does-runc-do'))!;
    expect(row.content).toEqual({
      kind: 'basic',
      front: t('What does runc do?', 'runc 做什么？'),
      back: t('It creates and runs containers', '创建并运行容器'),
    });
    expect([row.tags, row.source, row.reps]).toEqual([['oci', 'runtime'], source, 0]);
    expect(saved.map((s) => s.card.id)).toEqual(['what-does-runc-do']);
    // Empty again for the next card, keeping its source and tags, with the cursor in its first field.
    expect(field('Front — English')).toHaveValue('');
    expect(field('Front — English')).toHaveFocus();
    expect(field('Tags (optional)')).toHaveValue('oci runtime');
  });

  test('an edited basic card keeps its study card and its memory', async () => {
    const { user, db, now } = await open({ card: { ...(deck.cards[0] as DeckCard), tags: [] } });
    await answerCard(db, 'notes/kernel', 'good', new Date(now()), {
      durationMs: 1,
      settings: DEFAULT_SCHEDULER_SETTINGS,
    });
    const before = (await db.cards.get('notes/kernel'))!;
    expect(screen.getByRole('heading', { name: 'Edit card' })).toBeInTheDocument();
    await fill(user, 'Back — English', 'The host’s: a container has no kernel of its own');
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 1 study card kept with its history.');
    const after = (await db.cards.get('notes/kernel'))!;
    expect([after.reps, after.due, after.stability]).toEqual([before.reps, before.due, before.stability]);
    expect((await stored('kernel')).type === 'basic' && (await stored('kernel'))).toMatchObject({
      back: t('The host’s: a container has no kernel of its own', '宿主机的'),
    });
  });

  test('a cloze: a gap made from the selection in each language; a dropped number removed, its history kept', async () => {
    const card = deck.cards[1] as DeckCard;
    const { user, db, now } = await open({ card });
    await answerCard(db, 'notes/stack:c2', 'good', new Date(now()), {
      durationMs: 1,
      settings: DEFAULT_SCHEDULER_SETTINGS,
    });
    await fill(user, 'Text with gaps — English', '{{c1::dockerd}} calls containerd, which calls runc');
    await fill(user, 'Text with gaps — Chinese', '{{c1::dockerd}} 调用 containerd，再调用 runc');
    for (const [lang, word] of [
      ['English', 'runc'],
      ['Chinese', 'runc'],
    ] as const) {
      const el = field(`Text with gaps — ${lang}`) as HTMLTextAreaElement;
      const at = el.value.lastIndexOf(word);
      el.setSelectionRange(at, at + word.length);
      // The next number not used in either language: 2 in both.
      await user.click(screen.getByRole('button', { name: `Make a gap {{c2::…}} of the selection (${lang})` }));
    }
    expect(field('Text with gaps — English')).toHaveValue('{{c1::dockerd}} calls containerd, which calls {{c2::runc}}');
    expect(field('Text with gaps — Chinese')).toHaveValue('{{c1::dockerd}} 调用 containerd，再调用 {{c2::runc}}');
    // c2 now asks for another fact; the number stays, so this study card keeps the id (and the history) of c2.
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 2 study cards kept with their history.');
    await fill(user, 'Text with gaps — English', '{{c1::dockerd}} calls containerd, which calls {{c3::runc}}');
    await fill(user, 'Text with gaps — Chinese', '{{c1::dockerd}} 调用 containerd，再调用 {{c3::runc}}');
    expect(await saveAndWait(user)).toHaveTextContent(
      'Saved. 1 study card kept with its history; 1 new study card; 1 removed (its history is kept).',
    );
    expect((await db.cards.toCollection().primaryKeys()).filter((k) => k.startsWith('notes/stack'))).toEqual([
      'notes/stack:c1',
      'notes/stack:c3',
    ]);
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual(['notes/stack:c2']);
  });

  test('a new mcq: choices added and removed (2 to 8), the right one picked', async () => {
    const { user, db } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Card type' }), 'Multiple choice');
    await fill(user, 'Question — English', 'Which runtime does Docker use by default?');
    await fill(user, 'Question — Chinese', 'Docker 默认使用哪个运行时？');
    const choices = [t('crun', 'crun'), t('runc', 'runc'), t('gVisor', 'gVisor')];
    for (const [i, c] of choices.entries()) {
      await fill(user, `Choice ${i + 1} — English`, c.en);
      await fill(user, `Choice ${i + 1} — Chinese`, c.zh);
    }
    for (let n = 4; n <= 8; n++) await user.click(screen.getByRole('button', { name: 'Add a choice' }));
    expect(screen.getByRole('button', { name: 'Add a choice' })).toBeDisabled();
    for (let n = 8; n >= 4; n--) await user.click(screen.getByRole('button', { name: `Remove choice ${n}` }));
    await user.click(screen.getByRole('radio', { name: 'Choice 2 is the right answer' }));
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 1 new study card.');
    expect((await db.cards.get('notes/which-runtime-does-docker-use-by-default'))!.content).toMatchObject({
      kind: 'mcq',
      choices,
      answer: 1,
    });
  });

  test('an edited mcq: removing the right choice asks for a new one; the answer follows its choice', async () => {
    const { user } = await open({ card: deck.cards[2] as DeckCard });
    await user.click(screen.getByRole('button', { name: 'Add a choice' }));
    await fill(user, 'Choice 3 — English', 'OpenVZ');
    await fill(user, 'Choice 3 — Chinese', 'OpenVZ');
    await user.click(screen.getByRole('button', { name: 'Remove choice 1' }));
    expect(screen.getByRole('radio', { name: 'Choice 1 is the right answer' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(screen.getByText('Cannot save yet. Right answer: pick the right answer')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Choice 2 is the right answer' }));
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 1 study card kept with its history.');
    expect(await stored('lxc')).toMatchObject({ choices: [t('KVM', 'KVM'), t('OpenVZ', 'OpenVZ')], answer: 1 });
  });

  test('a reverse card makes two study cards', async () => {
    const { user, db } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Card type' }), 'reverse');
    await fill(user, 'Front — English', 'OCI');
    await fill(user, 'Front — Chinese', 'OCI');
    await fill(user, 'Back — English', 'Open Container Initiative');
    await fill(user, 'Back — Chinese', '开放容器倡议');
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 2 new study cards.');
    expect(await db.cards.get('notes/oci:reverse')).toMatchObject({ content: { kind: 'basic', reversed: true } });
  });

  test('a classify card: categories and items, each item its own study card', async () => {
    const { user, db } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Card type' }), 'classify');
    await fill(user, 'Question asked of every item — English', 'Container or VM?');
    await fill(user, 'Question asked of every item — Chinese', '容器还是虚拟机？');
    await fill(user, 'Category 1 — English', 'Container');
    await fill(user, 'Category 1 — Chinese', '容器');
    await fill(user, 'Category 2 — English', 'Virtual machine');
    await fill(user, 'Category 2 — Chinese', '虚拟机');
    await fill(user, 'Item 1 — English', 'Has its own kernel');
    await fill(user, 'Item 1 — Chinese', '有自己的内核');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category of item 1' }), 'Virtual machine');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await fill(user, 'Item 2 — English', 'Starts in a second');
    await fill(user, 'Item 2 — Chinese', '一秒内启动');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(screen.getByText('Cannot save yet. Category of item 2: choose its category')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Category of item 2' })).toHaveAttribute('aria-invalid', 'true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category of item 2' }), 'Container');
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 2 new study cards.');
    expect(await stored('container-or-vm')).toMatchObject({
      type: 'classify',
      categories: [{ id: 'container' }, { id: 'virtual-machine' }],
      items: [
        { id: 'has-its-own-kernel', category: 'virtual-machine' },
        { id: 'starts-in-a-second', category: 'container' },
      ],
    });
    expect(await db.cards.get('notes/container-or-vm:starts-in-a-second')).toBeDefined();
  });

  test('a type-in card with other accepted spellings, one a line', async () => {
    const { user } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Card type' }), 'type-in');
    await fill(user, 'Question — English', 'Which language is Docker written in?');
    await fill(user, 'Question — Chinese', 'Docker 是用哪种语言写的？');
    await fill(user, 'Answer — English', 'Go');
    await fill(user, 'Answer — Chinese', 'Go');
    await user.type(field('Other accepted answers, one a line (optional)'), 'Golang{Enter}{Enter}Go language');
    expect(await saveAndWait(user)).toHaveTextContent('Saved. 1 new study card.');
    expect(await stored('which-language-is-docker-written-in')).toMatchObject({
      type: 'type-in',
      answer: t('Go', 'Go'),
      accept: ['Golang', 'Go language'],
    });
  });
});

describe('an invalid card cannot be saved, and each field says why', () => {
  const invalid = (name: string) => {
    const el = field(name);
    expect(el).toHaveAttribute('aria-invalid', 'true');
    return el;
  };

  test('an empty front, in English: the field, its message and the Save button say so; nothing is written', async () => {
    const { user, db, saved } = await open({ card: deck.cards[0] as DeckCard });
    await fill(user, 'Front — English', '   ');
    expect(invalid('Front — English')).toHaveAccessibleDescription('must not be empty');
    // Only the field changed shows its problem; the untouched Chinese one is fine anyway.
    expect(field('Front — Chinese')).not.toHaveAttribute('aria-invalid');
    const save = screen.getByRole('button', { name: 'Save card' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    expect(save).toHaveAccessibleDescription('Cannot save yet. Front — English: must not be empty');
    await user.click(save);
    expect(field('Front — English')).toHaveFocus();
    expect(saved).toEqual([]);
    expect((await db.cards.get('notes/kernel'))!.content).toMatchObject({ front: t('Whose kernel?', '谁的内核？') });
  });

  test('a new card: every empty field speaks once the user tries to save, the first one focused', async () => {
    const { user, saved } = await open();
    expect(field('Front — English')).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    for (const name of ['Front — English', 'Front — Chinese', 'Back — English', 'Back — Chinese'])
      expect(invalid(name)).toHaveAccessibleDescription('must not be empty');
    expect(field('Front — English')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Save card' })).toHaveAccessibleDescription(
      'Cannot save yet. Front — English: must not be empty (and 3 more)',
    );
    expect(saved).toEqual([]);
  });

  test('a cloze with no deletion, and one language with other numbers than the other', async () => {
    const { user } = await open({ card: deck.cards[1] as DeckCard });
    await fill(user, 'Text with gaps — English', 'dockerd calls containerd');
    // The message, then the field's help.
    expect(invalid('Text with gaps — English')).toHaveAccessibleDescription(
      /^has no \{\{c1::…\}\} cloze deletion Select/,
    );
    await fill(user, 'Text with gaps — English', '{{c1::dockerd}} calls {{c3::containerd}}');
    expect(field('Text with gaps — English')).not.toHaveAttribute('aria-invalid');
    expect(invalid('Text with gaps — Chinese')).toHaveAccessibleDescription(
      /^uses cloze numbers \[1,2\], but text.en uses \[1,3\]: both languages need the same Select/,
    );
  });

  test('an mcq: no answer, a repeated choice, and never fewer than 2 choices', async () => {
    const { user } = await open({ card: deck.cards[2] as DeckCard });
    expect(screen.getByRole('button', { name: 'Remove choice 1' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Remove choice 2' })).toBeDisabled();
    expect(screen.getByText('2 to 8 choices; pick the right one.')).toBeInTheDocument();
    await fill(user, 'Choice 2 — English', 'LIBCONTAINER');
    expect(invalid('Choice 2 — English')).toHaveAccessibleDescription('repeats the choice "libcontainer"');
    await fill(user, 'Choice 2 — English', 'KVM');
    await user.click(screen.getByRole('button', { name: 'Add a choice' }));
    await user.click(screen.getByRole('button', { name: 'Remove choice 1' }));
    // The right answer was the removed choice.
    const radio = screen.getByRole('radio', { name: 'Choice 1 is the right answer' });
    expect(radio).toHaveAttribute('aria-invalid', 'true');
    expect(radio).toHaveAccessibleDescription('pick the right answer');
  });

  test('a source the deck does not list yet is fine in a deck of your own; no source, a bad page, no section are not', async () => {
    const { user, db } = await open({ card: deck.cards[0] as DeckCard });
    const where = screen.getByRole('combobox', { name: /^Source/ });
    await user.clear(where);
    expect(where).toHaveAccessibleDescription('name the document or the https:// page the fact comes from');
    await user.type(where, 'http://example.com/page');
    expect(where).toHaveAccessibleDescription('must be the https:// address of a public page');
    await user.clear(where);
    await user.type(where, 'https://docs.docker.com/engine/');
    expect(where).not.toHaveAttribute('aria-invalid');
    await user.clear(screen.getByRole('textbox', { name: /^Section/ }));
    expect(screen.getByRole('textbox', { name: /^Section/ })).toHaveAccessibleDescription('must not be empty');
    await user.type(screen.getByRole('textbox', { name: /^Section/ }), 'Docker Engine');
    await fill(user, 'Tags (optional)', 'Docker ok');
    expect(field('Tags (optional)')).toHaveAccessibleDescription(
      '“Docker”: must be a lower-case slug (a-z, 0-9, "-") Separated by spaces: lower-case letters a-z, digits and "-".',
    );
    await fill(user, 'Tags (optional)', 'docker');
    expect(await saveAndWait(user)).toBeInTheDocument();
    expect((await db.decks.get('notes'))!.sources).toEqual([
      { doc: 'notes.md' },
      { url: 'https://docs.docker.com/engine/' },
    ]);
  });

  test('in Chinese: the same fields, their messages and the Save button in Chinese', async () => {
    const { user } = await open({ card: deck.cards[1] as DeckCard, lang: 'zh' });
    const name = '带填空的文本（中文）';
    await user.clear(field(name));
    await user.type(field(name), '没有填空');
    expect(field(name)).toHaveAttribute('aria-invalid', 'true');
    expect(field(name)).toHaveAccessibleDescription(/^没有 \{\{c1::…\}\} 形式的填空 选中答案后/);
    await user.clear(field('带填空的文本（英文）'));
    expect(field('带填空的文本（英文）')).toHaveAccessibleDescription(/^不能为空 选中答案后/);
    const save = screen.getByRole('button', { name: '保存卡片' });
    // The deck file's rules (a cloze needs a gap) are checked once every text is there, as for a deck file.
    expect(save).toHaveAccessibleDescription('还不能保存。带填空的文本（英文）：不能为空');
    await user.type(field('带填空的文本（英文）'), 'no gap');
    expect(save).toHaveAccessibleDescription(
      '还不能保存。带填空的文本（英文）：没有 {{c1::…}} 形式的填空（另有 1 处）',
    );
  });

  test('in Chinese: an mcq with no answer', async () => {
    const { user } = await open({ lang: 'zh' });
    await user.selectOptions(screen.getByRole('combobox', { name: '卡片类型' }), 'mcq');
    await user.click(screen.getByRole('button', { name: '保存卡片' }));
    expect(screen.getByRole('radio', { name: '选项 1 是正确答案' })).toHaveAccessibleDescription('请选出正确答案');
    expect(field('问题（英文）')).toHaveAccessibleDescription('不能为空');
    expect(field('选项 3（中文）')).toHaveAccessibleDescription('不能为空');
  });
});

describe('the preview', () => {
  test('renders Markdown with code blocks in both languages, live, and takes out scripts and event handlers', async () => {
    const { user } = await open();
    await fill(user, 'Front — English', 'Run **this**:\n\n```\ndocker run --rm hello-world\n```');
    await fill(
      user,
      'Front — Chinese',
      '运行 `docker ps` <script>window.hacked = 1</script><img src="x" onerror="window.hacked = 2">',
    );
    const en = screen.getByTestId('preview-en');
    const zh = screen.getByTestId('preview-zh');
    await waitFor(() => expect(en.querySelector('strong')).toHaveTextContent('this'));
    expect(en.querySelector('pre code')).toHaveTextContent('docker run --rm hello-world');
    await waitFor(() => expect(zh.querySelector('code')).toHaveTextContent('docker ps'));
    expect(zh.querySelector('script')).toBeNull();
    expect(zh.querySelector('img')).not.toBeNull();
    expect(zh.querySelector('img')!.getAttribute('onerror')).toBeNull();
    expect(zh.innerHTML).not.toContain('hacked');
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  test('a deck written in HTML (from Anki) is previewed as HTML, not Markdown, and the help says so', async () => {
    const html: DeckInput = { ...deck, id: 'anki-deck', textFormat: 'html', cards: [deck.cards[0]!] };
    const { user } = await open({ deck: html, card: deck.cards[0] as DeckCard });
    expect(screen.getByText(/^This deck’s text is HTML/)).toBeInTheDocument();
    await fill(user, 'Front — English', '<b>runc</b> and *not emphasis*');
    const en = screen.getByTestId('preview-en');
    await waitFor(() => expect(en.querySelector('b')).toHaveTextContent('runc'));
    expect(en.querySelector('em')).toBeNull();
    expect(en).toHaveTextContent('*not emphasis*');
  });

  test('a cloze is previewed as its first gap asks it and answers it', async () => {
    await open({ card: deck.cards[1] as DeckCard });
    const en = screen.getByTestId('preview-en');
    const [question, answer] = [...en.querySelectorAll('.preview-part')];
    expect([...question!.querySelectorAll('mark.cloze')].map((m) => m.textContent)).toEqual(['[…]']);
    expect(question).toHaveTextContent('[…] calls containerd');
    expect([...answer!.querySelectorAll('mark.cloze')].map((m) => m.textContent)).toEqual(['dockerd']);
  });

  test('an mcq is previewed with its right choice marked, in text', async () => {
    const { user } = await open({ card: deck.cards[2] as DeckCard });
    const zh = screen.getByTestId('preview-zh');
    expect(zh.querySelector('li.right')).toHaveTextContent('libcontainer ✓ the right answer');
    await user.click(screen.getByRole('radio', { name: 'Choice 2 is the right answer' }));
    await waitFor(() => expect(zh.querySelector('li.right')).toHaveTextContent('KVM ✓ the right answer'));
  });
});

describe('leaving and the card type', () => {
  test('Escape cancels at once with no changes; with changes it asks first', async () => {
    const { user, onCancel } = await open({ card: deck.cards[0] as DeckCard });
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await fill(user, 'Back — English', 'The host kernel');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(field('Back — English')).toHaveValue('The host kernel');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  test("a saved card's type cannot be changed, and the editor says why", async () => {
    await open({ card: deck.cards[2] as DeckCard });
    expect(screen.queryByRole('combobox', { name: 'Card type' })).toBeNull();
    expect(screen.getByText('Multiple choice')).toBeInTheDocument();
    expect(
      screen.getByText(
        'A saved card keeps its type: its review history is kept under its id and type. To ask it another way, make a new card.',
      ),
    ).toBeInTheDocument();
  });

  test('Ctrl+Enter saves', async () => {
    const { user } = await open({ card: deck.cards[0] as DeckCard });
    await fill(user, 'Back — Chinese', '宿主机的内核');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(screen.getByRole('status')).findByText(/^Saved\./)).toBeInTheDocument();
  });
});
