// The search language's help panel: every kind of term with an example, explained in the interface language. The
// examples are syntax, typed as they are in either language, so they are marked as not to be translated.
import { useId } from 'react';
import { useMessages } from '../../lib/i18n';
import { searchHelpMessages } from './search-messages';

type HelpKey = keyof typeof searchHelpMessages.en;

interface HelpRow {
  /** The examples, as typed. */
  syntax: readonly string[];
  words: HelpKey;
  params?: Record<string, string>;
}

interface HelpGroup {
  title: HelpKey;
  rows: readonly HelpRow[];
}

export const SEARCH_HELP: readonly HelpGroup[] = [
  {
    title: 'group.text',
    rows: [
      { syntax: ['docker', '容器'], words: 'text.word' },
      { syntax: ['docker image'], words: 'text.and' },
      { syntax: ['docker or podman'], words: 'text.or' },
      { syntax: ['kernel (namespace or cgroup)'], words: 'text.group' },
      { syntax: ['-windows'], words: 'text.not' },
      { syntax: ['"shared kernel"', '"共享内核"'], words: 'text.phrase' },
      { syntax: ['c*group', 'run_'], words: 'text.wildcards' },
      { syntax: ['\\*', '\\_', '\\"', '\\:', '\\(', '\\-'], words: 'text.escape' },
    ],
  },
  {
    title: 'group.where',
    rows: [
      { syntax: ['deck:containers-vs-vms', 'deck:容器与虚拟机'], words: 'where.deck' },
      { syntax: ['deck:"Containers vs virtual machines"'], words: 'where.deck-quoted' },
      { syntax: ['deck:docker*'], words: 'where.deck-wildcard', params: { prefix: 'docker' } },
      { syntax: ['tag:trait'], words: 'where.tag' },
      { syntax: ['tag:net*', 'tag:none'], words: 'where.tag-wildcard', params: { prefix: 'net', none: 'none' } },
      {
        syntax: ['basic', 'reverse', 'cloze', 'mcq', 'classify', 'type-in', 'compare'].map((t) => `type:${t}`),
        words: 'where.type',
      },
    ],
  },
  {
    title: 'group.state',
    rows: [
      { syntax: ['is:new'], words: 'state.new' },
      { syntax: ['is:learn'], words: 'state.learn' },
      { syntax: ['is:review'], words: 'state.review' },
      { syntax: ['is:due'], words: 'state.due' },
      { syntax: ['is:suspended'], words: 'state.suspended' },
      { syntax: ['is:buried'], words: 'state.buried' },
      { syntax: ['is:flagged'], words: 'state.flagged' },
      { syntax: ['flag:1', 'flag:0'], words: 'state.flag' },
    ],
  },
  {
    title: 'group.props',
    rows: [
      { syntax: ['<', '<=', '>', '>=', '=', '!='], words: 'props.operators' },
      { syntax: ['prop:ivl>=10'], words: 'props.ivl' },
      { syntax: ['prop:due=1'], words: 'props.due' },
      { syntax: ['prop:due<0'], words: 'props.overdue' },
      { syntax: ['prop:s>30'], words: 'props.s' },
      { syntax: ['prop:d>0.8'], words: 'props.d' },
      { syntax: ['prop:r<0.7'], words: 'props.r' },
      { syntax: ['prop:reps>10'], words: 'props.reps' },
      { syntax: ['prop:lapses>3'], words: 'props.lapses' },
    ],
  },
  {
    title: 'group.recent',
    rows: [
      { syntax: ['rated:1', 'rated:7'], words: 'recent.rated' },
      { syntax: ['rated:7:1'], words: 'recent.rated-ease' },
      { syntax: ['added:7'], words: 'recent.added' },
    ],
  },
];

/** Operators and escapes are not terms to add to a search on their own. */
const PICKABLE = (group: HelpGroup, row: HelpRow) =>
  !(group.title === 'group.props' && row.words === 'props.operators') && row.words !== 'text.escape';

function Syntax({ text, onPick }: { text: string; onPick: ((example: string) => void) | undefined }) {
  const code = (
    <code data-content="" translate="no">
      {text}
    </code>
  );
  if (!onPick) return code;
  return (
    <button type="button" className="search-help-example" onClick={() => onPick(text)}>
      {code}
    </button>
  );
}

/**
 * The help panel. With `onPick`, each example is a button that hands its text to the caller (to add to the search
 * box); without, the examples are text.
 */
export function SearchHelp({ onPick }: { onPick?: (example: string) => void }) {
  const t = useMessages(searchHelpMessages);
  const id = useId();
  return (
    <section className="search-help" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p>{t('intro')}</p>
      {onPick && <p className="help">{t('pick')}</p>}
      {SEARCH_HELP.map((group) => (
        <section key={group.title} aria-labelledby={`${id}-${group.title}`}>
          <h3 id={`${id}-${group.title}`}>{t(group.title)}</h3>
          <dl>
            {group.rows.map((row) => (
              <div key={row.words} className="search-help-row">
                <dt>
                  {row.syntax.map((s, i) => (
                    <span key={s}>
                      {i > 0 && ' '}
                      <Syntax text={s} onPick={PICKABLE(group, row) ? onPick : undefined} />
                    </span>
                  ))}
                </dt>
                <dd>{t(row.words, row.params)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
