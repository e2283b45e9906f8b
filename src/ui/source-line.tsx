// Where a card's fact stands, under its answer: a source document and its heading, or a public page and its heading
// as a link (opened in a new tab, with no referrer; the page is never loaded by the app itself). Only decks that cite
// documents or pages show it (SourcesContext): an imported Anki or CSV card's "source" is just its file.
import { createContext, useContext } from 'react';
import { useT } from '../lib/i18n';

/** Whether the deck on screen cites its sources (a deck file's do; an Anki or CSV import's do not). */
export const SourcesContext = createContext(true);

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
  if (!useContext(SourcesContext)) return null;
  if (source.url === undefined)
    return <p className="card-source">{t('review.source', { doc: source.doc ?? '', section: source.section })}</p>;
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
