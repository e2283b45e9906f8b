// A small deck with every card type, Markdown code, a trait table and an injection attempt, for component tests.
import type { DeckInput } from '../../src/domain/deck-schema';

const t = (en: string, zh: string) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };

export const demoDeck: DeckInput = {
  format: 'dockdeck/deck@1',
  id: 'demo',
  title: t('Demo deck', '演示卡组'),
  sources: [{ doc: 'doc.txt' }],
  cards: [
    {
      id: 'run-command',
      type: 'basic',
      source,
      front: t('Which command starts a container?', '哪个命令启动容器？'),
      back: t(
        '`docker run` <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
        '`docker run` 命令',
      ),
      note: t('Compose users type `docker compose up`.', 'Compose 用户输入 `docker compose up`。'),
    },
    {
      id: 'language',
      type: 'cloze',
      source,
      text: t('Docker is written in {{c1::Go}}.', 'Docker 用 {{c1::Go}} 语言编写。'),
    },
    {
      id: 'kernel',
      type: 'mcq',
      source,
      question: t('What do containers share?', '容器共享什么？'),
      choices: [t('The host kernel', '宿主机内核'), t('A hypervisor', '虚拟机监控程序'), t('Nothing', '什么都不共享')],
      answer: 0,
      explanation: t('All containers on a host use its kernel.', '同一主机上的容器都使用它的内核。'),
    },
    {
      id: 'limits',
      type: 'type-in',
      source,
      prompt: t('Which kernel feature limits a container’s resources?', '哪个内核特性限制容器的资源？'),
      answer: t('cgroups', '控制组'),
      accept: ['control groups'],
    },
  ],
  tables: [
    {
      id: 'vs',
      title: t('Container vs VM', '容器与虚拟机'),
      columns: [
        { id: 'container', label: t('Container', '容器') },
        { id: 'vm', label: t('VM', '虚拟机') },
      ],
      rows: [
        {
          id: 'boot',
          trait: t('Start-up time', '启动时间'),
          cells: { container: t('Seconds', '秒级'), vm: t('Minutes', '分钟级') },
          source,
        },
      ],
    },
  ],
};

/** A deck of `n` plain cards. */
export function plainDeck(n: number): DeckInput {
  return {
    format: 'dockdeck/deck@1',
    id: 'plain',
    title: t('Plain deck', '普通卡组'),
    sources: [{ doc: 'doc.txt' }],
    cards: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      type: 'basic' as const,
      source,
      front: t(`Question ${i}`, `问题 ${i}`),
      back: t(`Answer ${i}`, `答案 ${i}`),
    })),
  };
}
