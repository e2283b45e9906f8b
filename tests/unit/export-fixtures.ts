// Shared by the export tests: a small deck with every card kind, a note, tags, a description and a trait table.
import type { Deck } from '../../src/domain/deck-schema';

export const t = (en: string, zh = `${en}（中）`) => ({ en, zh });
const source = { doc: 'doc.txt', section: 'Intro' };

/** A deck with every card kind, notes, tags, a table and a description. */
export const ALL_KINDS: Deck = {
  format: 'dockdeck/deck@1',
  id: 'all-kinds',
  title: t('All kinds'),
  description: t('Every card type'),
  tags: ['demo'],
  sources: [{ doc: 'doc.txt', title: t('The doc') }],
  cards: [
    { id: 'b', type: 'basic', front: t('Front'), back: t('Back'), tags: ['x'], source, note: t('Outdated') },
    { id: 'r', type: 'reverse', front: t('KVM'), back: t('A hypervisor'), tags: [], source },
    { id: 'c', type: 'cloze', text: t('{{c2::Go}} and {{c1::cgroups::limits}}'), extra: t('Extra'), tags: [], source },
    {
      id: 'm',
      type: 'mcq',
      question: t('Which?'),
      choices: [t('One'), t('Two'), t('Three')],
      answer: 1,
      explanation: t('Because'),
      tags: [],
      source,
    },
    {
      id: 'k',
      type: 'classify',
      prompt: t('Container or VM?'),
      categories: [
        { id: 'container', label: t('Container') },
        { id: 'vm', label: t('VM') },
      ],
      items: [
        { id: 'fast', text: t('Starts fast'), category: 'container' },
        { id: 'kernel', text: t('Own kernel'), category: 'vm' },
      ],
      tags: ['sort'],
      source,
    },
    {
      id: 'ty',
      type: 'type-in',
      prompt: t('Language of Docker?'),
      answer: t('Go'),
      accept: ['Golang'],
      tags: [],
      source,
    },
  ],
  tables: [
    {
      id: 'tbl',
      title: t('Containers vs VMs'),
      columns: [
        { id: 'container', label: t('Container') },
        { id: 'vm', label: t('VM') },
      ],
      rows: [
        { id: 'start', trait: t('Startup'), cells: { container: t('Seconds'), vm: t('Minutes') }, source, tags: [] },
      ],
    },
  ],
};
