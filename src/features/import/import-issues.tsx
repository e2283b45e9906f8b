// A list of import problems in the user's language (file, row or card, field, why), the first 20 and "and N more".
import type { Issue } from '../../domain/issue';
import { IMPORT_LIMITS } from '../../formats/import/draft';
import { issueText } from '../../formats/issue-text';
import { useMessages, useUiLang } from '../../lib/i18n';
import { importMessages } from './import-messages';

export function ImportIssues({ issues, id }: { issues: readonly Issue[]; id?: string }) {
  const m = useMessages(importMessages);
  const lang = useUiLang();
  const max = IMPORT_LIMITS.maxListedIssues;
  // One more line than the limit is shown as it is (the engine's own "and N more problems" line, for one).
  const shown = issues.length <= max + 1 ? issues : issues.slice(0, max);
  const more = issues.length - shown.length;
  return (
    <ul className="import-issues" id={id}>
      {shown.map((issue, i) => (
        <li key={i}>{issueText(issue, lang)}</li>
      ))}
      {more > 0 && <li className="import-issues-more">{m('import.issues-more', { n: more })}</li>}
    </ul>
  );
}
