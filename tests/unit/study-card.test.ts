// Pins how a deck becomes study cards: ids `deckId/cardId[:part]`, content per card type, positions, ids stable across edits.
import type { Deck } from '../../src/domain/deck-schema';
import { expandDeck, type StudyCard } from '../../src/domain/study-card';

const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };
const columns = [
  { id: 'container', label: t('Container', '容器') },
  { id: 'vm', label: t('VM', '虚拟机') },
];

function demoDeck(): Deck {
  return {
    format: 'dockdeck/deck@1',
    id: 'demo',
    title: t('Demo', '演示'),
    tags: [],
    sources: [{ doc: 'doc.txt' }],
    cards: [
      { id: 'b1', type: 'basic', tags: ['t1'], source, front: t('Q', '问'), back: t('A', '答') },
      {
        id: 'r1',
        type: 'reverse',
        tags: [],
        source,
        front: t('Image', '镜像'),
        back: t('Read-only template', '只读模板'),
        note: t('Note', '注'),
      },
      {
        id: 'z1',
        type: 'cloze',
        tags: [],
        source,
        text: t(
          '{{c2::Docker}} uses {{c1::namespaces}} and {{c1::cgroups}}',
          '{{c2::Docker}} 使用 {{c1::命名空间}} 和 {{c1::控制组}}',
        ),
        extra: t('Extra', '补充'),
      },
      {
        id: 'z2',
        type: 'cloze',
        tags: [],
        source,
        text: t('{{c1::dockerd}} is the daemon', '{{c1::dockerd}} 是守护进程'),
      },
      {
        id: 'm1',
        type: 'mcq',
        tags: [],
        source,
        question: t('Which?', '哪个？'),
        choices: [t('One', '一'), t('Two', '二'), t('Three', '三')],
        answer: 2,
        explanation: t('Because', '因为'),
      },
      {
        id: 'k1',
        type: 'classify',
        tags: [],
        source,
        prompt: t('Container or VM?', '容器还是虚拟机？'),
        categories: columns,
        items: [
          { id: 'kernel', text: t('Shares the host kernel', '共享宿主内核'), category: 'container' },
          { id: 'hypervisor', text: t('Needs a hypervisor', '需要虚拟机监控器'), category: 'vm' },
          { id: 'fast', text: t('Starts in seconds', '秒级启动'), category: 'container' },
        ],
      },
      {
        id: 'y1',
        type: 'type-in',
        tags: [],
        source,
        prompt: t('Control groups?', '控制组？'),
        answer: t('cgroups', 'cgroups'),
        accept: ['cgroup'],
      },
    ],
    tables: [
      {
        id: 'cvm',
        title: t('Container vs VM', '容器与虚拟机'),
        columns,
        rows: [
          {
            id: 'boot',
            trait: t('Boot time', '启动时间'),
            cells: { container: t('Seconds', '秒'), vm: t('Minutes', '分钟') },
            source,
            tags: ['perf'],
          },
          {
            id: 'kernel',
            trait: t('Kernel', '内核'),
            cells: { container: t('Shared', '共享'), vm: t('Own', '独立') },
            source,
            tags: [],
            note: t('Row note', '行注'),
          },
        ],
      },
    ],
  };
}

const byId = (cards: StudyCard[]) => new Map(cards.map((c) => [c.id, c]));
const get = (cards: StudyCard[], id: string): StudyCard => {
  const c = byId(cards).get(id);
  if (!c) throw new Error(`no study card ${id}`);
  return c;
};

test('every card type expands to its ids, in deck order, tables last', () => {
  expect(expandDeck(demoDeck()).map((c) => c.id)).toEqual([
    'demo/b1',
    'demo/r1',
    'demo/r1:reverse',
    'demo/z1:c1',
    'demo/z1:c2',
    'demo/z2:c1',
    'demo/m1',
    'demo/k1:kernel',
    'demo/k1:hypervisor',
    'demo/k1:fast',
    'demo/y1',
    'demo/table:cvm/boot',
    'demo/table:cvm/boot:container',
    'demo/table:cvm/boot:vm',
    'demo/table:cvm/kernel',
    'demo/table:cvm/kernel:container',
    'demo/table:cvm/kernel:vm',
  ]);
});

test('positions are 0, 1, 2… in that order; ids are unique; every card knows its deck and note', () => {
  const cards = expandDeck(demoDeck());
  expect(cards.map((c) => c.position)).toEqual(cards.map((_, i) => i));
  expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  for (const c of cards) {
    expect(c.deckId).toBe('demo');
    expect(c.id.startsWith(`${c.noteId}`)).toBe(true);
    expect(c.source).toEqual(source);
  }
});

test('basic: one card, front and back, tags kept', () => {
  const c = get(expandDeck(demoDeck()), 'demo/b1');
  expect(c).toEqual({
    id: 'demo/b1',
    deckId: 'demo',
    noteId: 'demo/b1',
    tags: ['t1'],
    source,
    content: { kind: 'basic', front: t('Q', '问'), back: t('A', '答') },
    position: 0,
  });
  expect('note' in c).toBe(false);
});

test('reverse: two cards, the second with front and back swapped; both share the note', () => {
  const cards = expandDeck(demoDeck());
  const fwd = get(cards, 'demo/r1');
  const rev = get(cards, 'demo/r1:reverse');
  expect(fwd.content).toEqual({ kind: 'basic', front: t('Image', '镜像'), back: t('Read-only template', '只读模板') });
  expect(rev.content).toEqual({
    kind: 'basic',
    front: t('Read-only template', '只读模板'),
    back: t('Image', '镜像'),
    reversed: true,
  });
  expect(fwd.noteId).toBe('demo/r1');
  expect(rev.noteId).toBe('demo/r1');
  expect(fwd.note).toEqual(t('Note', '注'));
  expect(rev.note).toEqual(t('Note', '注'));
});

test('cloze: one card per cloze number (repeated numbers once), each with the whole text', () => {
  const cards = expandDeck(demoDeck());
  const deck = demoDeck();
  const z1 = deck.cards[2]!;
  if (z1.type !== 'cloze') throw new Error('fixture');
  expect(get(cards, 'demo/z1:c1').content).toEqual({
    kind: 'cloze',
    text: z1.text,
    index: 1,
    extra: t('Extra', '补充'),
  });
  expect(get(cards, 'demo/z1:c2').content).toEqual({
    kind: 'cloze',
    text: z1.text,
    index: 2,
    extra: t('Extra', '补充'),
  });
  expect(cards.filter((c) => c.noteId === 'demo/z1')).toHaveLength(2);
  expect(get(cards, 'demo/z2:c1').content).not.toHaveProperty('extra');
});

test('cloze numbers used in only one language still make a card', () => {
  const deck = demoDeck();
  deck.tables = [];
  deck.cards = [{ id: 'z', type: 'cloze', tags: [], source, text: t('{{c1::a}} {{c3::b}}', '{{c1::甲}} {{c2::乙}}') }];
  expect(expandDeck(deck).map((c) => c.id)).toEqual(['demo/z:c1', 'demo/z:c2', 'demo/z:c3']);
});

test('mcq and type-in: one card each with their fields', () => {
  const cards = expandDeck(demoDeck());
  expect(get(cards, 'demo/m1').content).toEqual({
    kind: 'mcq',
    question: t('Which?', '哪个？'),
    choices: [t('One', '一'), t('Two', '二'), t('Three', '三')],
    answer: 2,
    explanation: t('Because', '因为'),
  });
  expect(get(cards, 'demo/y1').content).toEqual({
    kind: 'type-in',
    prompt: t('Control groups?', '控制组？'),
    answer: t('cgroups', 'cgroups'),
    accept: ['cgroup'],
  });
});

test('classify: one card per item, with all categories and the item’s answer', () => {
  const cards = expandDeck(demoDeck());
  const items = cards.filter((c) => c.noteId === 'demo/k1');
  expect(items).toHaveLength(3);
  expect(get(cards, 'demo/k1:hypervisor').content).toEqual({
    kind: 'classify',
    prompt: t('Container or VM?', '容器还是虚拟机？'),
    item: t('Needs a hypervisor', '需要虚拟机监控器'),
    categories: columns,
    answer: 'vm',
  });
  expect(items.map((c) => (c.content.kind === 'classify' ? c.content.answer : null))).toEqual([
    'container',
    'vm',
    'container',
  ]);
});

test('trait table: a compare card per row and a classify card per cell', () => {
  const cards = expandDeck(demoDeck());
  const row = get(cards, 'demo/table:cvm/boot');
  expect(row.noteId).toBe('demo/table:cvm/boot');
  expect(row.tags).toEqual(['perf']);
  expect(row.content).toEqual({
    kind: 'compare',
    title: t('Container vs VM', '容器与虚拟机'),
    trait: t('Boot time', '启动时间'),
    columns: [
      { id: 'container', label: t('Container', '容器'), cell: t('Seconds', '秒') },
      { id: 'vm', label: t('VM', '虚拟机'), cell: t('Minutes', '分钟') },
    ],
  });
  const cell = get(cards, 'demo/table:cvm/boot:vm');
  expect(cell.noteId).toBe('demo/table:cvm/boot');
  expect(cell.content).toEqual({
    kind: 'classify',
    prompt: { en: 'Which one is this? (Boot time)', zh: '这说的是哪一个？（启动时间）' },
    item: t('Minutes', '分钟'),
    categories: columns,
    answer: 'vm',
  });
  expect(get(cards, 'demo/table:cvm/kernel:container').content).toMatchObject({
    item: t('Shared', '共享'),
    answer: 'container',
  });
  expect(get(cards, 'demo/table:cvm/kernel:vm').note).toEqual(t('Row note', '行注'));
  expect('note' in get(cards, 'demo/table:cvm/boot:vm')).toBe(false);
});

test('ids stay the same when a card’s text changes; only the content changes', () => {
  const before = expandDeck(demoDeck());
  const edited = demoDeck();
  edited.cards = edited.cards.map((c) => {
    switch (c.type) {
      case 'basic':
      case 'reverse':
        return { ...c, front: t(`${c.front.en}!`, `${c.front.zh}！`), back: t('New back', '新背面') };
      case 'cloze':
        return { ...c, text: t(`${c.text.en} (edited)`, `${c.text.zh}（改）`) };
      case 'classify':
        return {
          ...c,
          prompt: t('Edited?', '改？'),
          items: c.items.map((i) => ({ ...i, text: t(`${i.text.en}.`, `${i.text.zh}。`) })),
        };
      default:
        return c;
    }
  });
  const row = edited.tables[0]!.rows[0]!;
  row.trait = t('Start-up time', '启动耗时');
  row.cells = { container: t('About a second', '约一秒'), vm: t('A minute', '一分钟') };
  const after = expandDeck(edited);
  expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
  expect(after.map((c) => c.position)).toEqual(before.map((c) => c.position));
  expect(get(after, 'demo/b1').content).not.toEqual(get(before, 'demo/b1').content);
  expect(get(after, 'demo/table:cvm/boot:vm').content).not.toEqual(get(before, 'demo/table:cvm/boot:vm').content);
});

test('ids of other cards do not change when a card is inserted before them; positions do', () => {
  const before = expandDeck(demoDeck());
  const edited = demoDeck();
  edited.cards.unshift({ id: 'first', type: 'basic', tags: [], source, front: t('F', '前'), back: t('B', '后') });
  const after = expandDeck(edited);
  expect(after[0]!.id).toBe('demo/first');
  expect(after.slice(1).map((c) => c.id)).toEqual(before.map((c) => c.id));
  expect(get(after, 'demo/b1').position).toBe(get(before, 'demo/b1').position + 1);
});

test('cards from an Anki note: each study card carries the note and the ordinal of the Anki card it stands for', () => {
  const note = { guid: 'g#1', noteId: '1600000000201', notetype: '1600000000003', fields: ['x', 'y'] };
  const deck: Deck = {
    ...demoDeck(),
    tables: [],
    cards: [
      {
        id: 'b',
        type: 'basic',
        tags: [],
        source,
        front: t('Q', '问'),
        back: t('A', '答'),
        anki: { ...note, ords: [2] },
      },
      {
        id: 'r',
        type: 'reverse',
        tags: [],
        source,
        front: t('F', '前'),
        back: t('B', '后'),
        anki: { ...note, guid: 'g#2', ords: [0, 1] },
      },
      // Cloze: no ords, each number names its card (number − 1).
      { id: 'z', type: 'cloze', tags: [], source, text: t('{{c3::a}} {{c1::b}}', '{{c3::a}} {{c1::b}}'), anki: note },
      {
        id: 'k',
        type: 'classify',
        tags: [],
        source,
        prompt: t('P', '问'),
        categories: columns,
        items: [
          { id: 'one', text: t('1', '一'), category: 'vm' },
          { id: 'two', text: t('2', '二'), category: 'container' },
        ],
        anki: { ...note, guid: 'g#3', ords: [4, 5] },
      },
      // A GUID alone (no ordinals): the note, with no ordinal.
      {
        id: 'y',
        type: 'type-in',
        tags: [],
        source,
        prompt: t('P', '问'),
        answer: t('A', '答'),
        accept: [],
        anki: { guid: 'dd:x/y' },
      },
    ],
  };
  expect(expandDeck(deck).map((c) => [c.id, c.anki])).toEqual([
    ['demo/b', { ...note, ord: 2 }],
    ['demo/r', { ...note, guid: 'g#2', ord: 0 }],
    ['demo/r:reverse', { ...note, guid: 'g#2', ord: 1 }],
    ['demo/z:c1', { ...note, ord: 0 }],
    ['demo/z:c3', { ...note, ord: 2 }],
    ['demo/k:one', { ...note, guid: 'g#3', ord: 4 }],
    ['demo/k:two', { ...note, guid: 'g#3', ord: 5 }],
    ['demo/y', { guid: 'dd:x/y' }],
  ]);
  // A card without a note has none.
  expect(expandDeck(demoDeck()).every((c) => !('anki' in c))).toBe(true);
});

test('an empty deck makes no cards', () => {
  expect(expandDeck({ ...demoDeck(), cards: [], tables: [] })).toEqual([]);
});
