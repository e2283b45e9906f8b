// A search's syntax error as the user sees it: what is wrong and where, in words, and the query with the wrong part
// marked and a caret under it.
import type { SearchError } from '../../domain/search/query';
import { useUiLang } from '../../lib/i18n';
import { searchErrorText } from './search-messages';

/** East Asian wide characters (CJK, Hangul, full-width forms) take two columns of a monospace font. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * The line under the query that points at `at`…`at + length`: a full-width space under each wide character and a
 * full-width caret under a wide one it points at, so the caret stays under the place in Chinese text too.
 */
export function caretLine(query: string, at: number, length: number): string {
  let line = '';
  for (const c of query.slice(0, at)) line += c === '\t' ? '\t' : WIDE.test(c) ? '\u3000' : ' ';
  const marked = [...query.slice(at, at + Math.max(length, 0))];
  if (marked.length === 0) return line + '^';
  for (const c of marked) line += WIDE.test(c) ? '\uff3e' : '^';
  return line;
}

/** Line breaks and other control characters shown as spaces, one for one, so offsets still line up. */
const oneLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => (c === '\t' ? c : ' '));

export function SearchErrorNote({ query, error, id }: { query: string; error: SearchError; id?: string }) {
  const lang = useUiLang();
  const shown = oneLine(query);
  const end = Math.min(shown.length, error.at + error.length);
  return (
    <div className="search-error" data-code={error.code} {...(id ? { id } : {})}>
      <p className="error">{searchErrorText(error, lang)}</p>
      {/* The query and the caret are for the eye; the sentence above says where in words. */}
      <pre className="search-error-query" aria-hidden="true" data-content="" translate="no">
        {shown.slice(0, error.at)}
        <mark>{shown.slice(error.at, end)}</mark>
        {shown.slice(end)}
        {'\n'}
        {caretLine(shown, error.at, error.length)}
      </pre>
    </div>
  );
}
