// A list of import problems as the engine words them (file, row or card, field), the first 20 and "and N more".
import { formatImportIssue, IMPORT_LIMITS, type ImportIssue } from '../../formats/import/draft';
import { useMessages } from '../../lib/i18n';
import { importMessages } from './import-messages';

export function ImportIssues({ issues, id }: { issues: readonly ImportIssue[]; id?: string }) {
  const m = useMessages(importMessages);
  const max = IMPORT_LIMITS.maxListedIssues;
  // One more line than the limit is shown as it is (the engine's own "and N more problems" line, for one).
  const shown = issues.length <= max + 1 ? issues : issues.slice(0, max);
  const more = issues.length - shown.length;
  return (
    <ul className="import-issues" id={id}>
      {shown.map((issue, i) => (
        <li key={i}>{formatImportIssue(issue)}</li>
      ))}
      {more > 0 && <li className="import-issues-more">{m('import.issues-more', { n: more })}</li>}
    </ul>
  );
}
