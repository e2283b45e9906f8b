// Cards of every type, state and mark, three decks and a review log, at a fixed time: what the search tests look at.
// Each field is set for what a search reads; a card's fields are not always the replay of a real history.
import { dayWindow } from '../../src/domain/day-window';
import { CardState } from '../../src/domain/scheduler';
import type { SearchCard, SearchContext, SearchRating } from '../../src/domain/search/search-card';

const MIN = 60_000;
const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Tuesday 10 March 2026, 10:00 local time; the study day starts at 4:00. */
export const NOW = new Date(2026, 2, 10, 10, 0).getTime();
export const DAY_BOUNDS = dayWindow(NOW, 4);
const { start: TODAY, end: TOMORROW } = DAY_BOUNDS;

const base = (id: string): SearchCard => ({
  id,
  deckId: 'docker-architecture',
  tags: [],
  type: 'basic',
  texts: [],
  state: CardState.New,
  due: NOW - 30 * DAY,
  stability: 0,
  difficulty: 0,
  scheduledDays: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  createdAt: NOW - 30 * DAY,
});

const card = (id: string, fields: Partial<SearchCard>): SearchCard => ({ ...base(id), ...fields });

/** A card with a memory: reviewed `ago` ms before now, with the interval `ivl` (days). */
const studied = (ago: number, ivl: number, s: number, d: number, reps: number, lapses = 0): Partial<SearchCard> => ({
  state: CardState.Review,
  lastReview: NOW - ago,
  scheduledDays: ivl,
  stability: s,
  difficulty: d,
  reps,
  lapses,
});

export const CARDS: readonly SearchCard[] = [
  card('vm/start', {
    deckId: 'containers-vs-vms',
    tags: ['trait'],
    texts: ['How long does a container take to start?', '容器启动需要多长时间？', 'Seconds', '几秒'],
    createdAt: TODAY + HOUR,
    due: TODAY + HOUR,
  }),
  card('vm/kernel:reverse', {
    deckId: 'containers-vs-vms',
    tags: ['trait', 'Kernel'],
    type: 'reverse',
    texts: ['Containers share the host kernel', '容器共享宿主机内核', 'What do containers share?', '容器共享什么？'],
    ...studied(7 * DAY, 12, 40, 3, 5),
    due: TOMORROW + 4 * DAY,
  }),
  card('docker/lifecycle:c1', {
    tags: ['docker::engine'],
    type: 'cloze',
    texts: ['{{c1::containerd}} manages the container lifecycle', '{{c1::containerd}} 管理容器的生命周期'],
    ...studied(10 * MIN, 0, 0.5, 6, 1),
    state: CardState.Learning,
    due: NOW - 5 * MIN,
    createdAt: TODAY - 2 * DAY,
  }),
  card('docker/lifecycle:c2', {
    tags: ['docker::engine'],
    type: 'cloze',
    texts: [
      '{{c1::dockerd}} calls {{c2::runc::the low-level runtime}}',
      '{{c1::dockerd}} 调用 {{c2::runc::底层运行时}}',
    ],
    due: TODAY - DAY,
  }),
  card('docker/which', {
    tags: ['docker'],
    type: 'mcq',
    texts: ['Which component starts containers?', '哪个组件启动容器？', 'runc', 'runc', 'dockerd', 'dockerd'],
    ...studied(31 * DAY, 30, 25, 9.1, 12, 4),
    due: TODAY - 1 * HOUR,
    flag: 1,
  }),
  card('vm/classify:gvisor', {
    deckId: 'containers-vs-vms',
    type: 'classify',
    texts: ['Container or VM?', '容器还是虚拟机？', 'gVisor', 'gVisor', 'Container', '容器', 'VM', '虚拟机'],
    ...studied(20 * MIN, 0, 2, 7, 8, 2),
    state: CardState.Relearning,
    due: NOW + 30 * MIN,
    flag: 3,
  }),
  card('docker/run', {
    tags: ['cli'],
    type: 'type-in',
    texts: ['Command to start a container', '启动容器的命令', 'docker run', 'docker run', 'docker container run'],
    ...studied(3 * DAY, 3, 4, 5.5, 3),
    due: TOMORROW + 2 * HOUR,
    suspended: true,
  }),
  card('vm/table:vs/isolation', {
    deckId: 'containers-vs-vms',
    tags: ['trait'],
    type: 'compare',
    texts: ['Containers vs VMs', '容器与虚拟机', 'Isolation', '隔离', 'Container', '容器', 'Process', '进程'],
    buriedUntil: TOMORROW,
  }),
  card('fr/chien', {
    deckId: 'anki-french',
    tags: ['French::Vocab', 'leech'],
    texts: ['le chien', 'le chien', 'dog', 'dog'],
    ...studied(2 * HOUR, 1, 1.2, 8, 9, 3),
    due: TODAY + 15 * HOUR,
  }),
  card('docker/html', {
    tags: ['html'],
    texts: ['<b>exa</b>mple &amp; more', '<b>exa</b>mple &amp; more', 'line one<br>line two', 'line one<br>line two'],
    createdAt: TODAY - 10 * DAY,
  }),
  card('docker/literal', {
    texts: ['He said "hello" to (everyone)', '他说"你好"', 'a*b is not ab; snake_case; C:\\path', 'a*b'],
    ...studied(5 * DAY, 10, 11, 4, 4),
    due: TOMORROW + 9 * DAY,
  }),
  card('docker/interday', {
    texts: ['An interday learning step', '跨天的学习步骤'],
    ...studied(1 * DAY, 1, 1.5, 5, 2),
    state: CardState.Learning,
    due: TOMORROW - HOUR,
  }),
  card('vm/old', {
    deckId: 'containers-vs-vms',
    tags: ['history'],
    texts: ['Hypervisors date from the 1960s', '虚拟机监控器始于 20 世纪 60 年代'],
    ...studied(60 * DAY, 100, 120, 1, 20),
    due: TOMORROW + 39 * DAY,
    createdAt: NOW - 400 * DAY,
  }),
  card('vm/unburied', {
    deckId: 'containers-vs-vms',
    texts: ['A burial that ran out', '已过期的搁置'],
    ...studied(4 * DAY, 4, 5, 5, 3),
    due: TODAY + 2 * HOUR,
    buriedUntil: TODAY,
  }),
  card('docker/flag7', {
    texts: ['Purple flag', '紫色旗标'],
    flag: 7,
    createdAt: NOW - 6 * DAY,
  }),
  card('vm/namespaces', {
    deckId: 'containers-vs-vms',
    tags: ['kernel::namespaces'],
    texts: ['Namespaces isolate processes', '命名空间隔离进程', 'pid, net, mnt', 'pid、net、mnt'],
    ...studied(3 * DAY, 5, 6, 10, 6),
    due: TOMORROW + 3 * HOUR,
  }),
  card('docker/shim', {
    texts: [
      'What keeps a container running when dockerd restarts?',
      '谁让容器在 dockerd 重启时继续运行？',
      'the shim',
      'shim 进程',
      'Remember the shim',
      '记住 shim',
    ],
    ...studied(40 * DAY, 2, 3, 2, 2),
    due: TODAY - 3 * DAY,
    flag: 0,
  }),
  card('docker/relearn', {
    texts: ['Forgotten and relearning', '遗忘后重学'],
    ...studied(11 * MIN, 0, 0.8, 9.5, 7, 1),
    state: CardState.Relearning,
    due: NOW - MIN,
  }),
];

export const DECKS: SearchContext['deckTitles'] = new Map([
  ['containers-vs-vms', { en: 'Containers vs virtual machines', zh: '容器与虚拟机' }],
  ['docker-architecture', { en: 'Docker components and history', zh: 'Docker 组件与历史' }],
  ['anki-french', { en: 'French::Vocab', zh: 'French::Vocab' }],
]);

const LOG: Record<string, SearchRating[]> = {
  'fr/chien': [{ review: NOW - 2 * HOUR, rating: 'again' }],
  'docker/which': [
    { review: TODAY - 2 * HOUR, rating: 'hard' },
    { review: TODAY - 5 * DAY, rating: 'good' },
  ],
  'vm/namespaces': [{ review: NOW - 3 * DAY, rating: 'good' }],
  'vm/kernel:reverse': [{ review: NOW - 7 * DAY, rating: 'easy' }],
};

export const CTX: SearchContext = {
  now: NOW,
  day: DAY_BOUNDS,
  deckTitles: DECKS,
  ratings: (id) => LOG[id] ?? [],
};

export const ALL_IDS = CARDS.map((c) => c.id);
