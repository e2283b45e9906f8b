// Where a card's fact stands, under its answer: a source document and its heading, or a public page and its heading
// as a link (opened in a new tab, with no referrer; the page is never loaded by the app itself). Only decks that cite
// documents or pages show it (SourcesContext): an imported Anki or CSV card's "source" is just its file. A document
// is named by its title in the deck's `sources` (in the interface's language), its file name only when it has none.
import { createContext, useContext } from 'react';
import { NO_TITLES, type CitedSources } from '../lib/cited-sources';
import { useT, useUiLang } from '../lib/i18n';

export const SourcesContext = createContext<CitedSources>(NO_TITLES);

export interface SourceLineProps {
  source: { doc?: string | undefined; url?: string | undefined; section: string };
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function SourceLine({ source }: SourceLineProps) {
  const t = useT();
  const lang = useUiLang();
  const cited = useContext(SourcesContext);
  if (cited === false) return null;
  if (source.url === undefined) {
    const doc = source.doc === undefined ? '' : (cited.get(source.doc)?.[lang] ?? source.doc);
    return <p className="card-source">{t('review.source', { doc, section: source.section })}</p>;
  }
  return (
    <p className="card-source">
      {t('review.source-page')} {/* The page's heading and address are the deck's content, in the page's language. */}
      <a href={source.url} target="_blank" rel="noopener noreferrer" data-content>
        {source.section}
      </a>{' '}
      <span data-content>({host(source.url)})</span>
    </p>
  );
}
