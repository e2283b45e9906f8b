// The one helper that turns any caught error into words in the user's language: the issues of a file, a
// cancellation, a storage failure (full disk, a database closed by another tab) or an unexpected error.
import Dexie from 'dexie';
import { errorDetail, errorIssues as fileIssues } from '../domain/errors';
import type { Issue, IssueCode } from '../domain/issue';
import type { Lang } from '../domain/text';
import { isClosedError, isQuotaError } from './errors';
import { issueText, type IssueTextOptions } from '../formats/issue-text';

function storageCode(e: unknown): IssueCode | null {
  if (isQuotaError(e)) return 'storage.quota';
  if (isClosedError(e)) return 'storage.closed';
  if (e instanceof Dexie.DexieError) return 'storage.failed';
  return null;
}

/** Any caught error as issues (of `file`, when the work was on one; '' leaves the file out of the words). */
export function errorIssues(error: unknown, file = ''): Issue[] {
  const code = storageCode(error);
  if (code === 'storage.failed') return [{ file, code, params: { detail: errorDetail(error) } }];
  if (code !== null) return [{ file, code }];
  return fileIssues(error, file);
}

/** Any caught error in words, one line per issue. */
export function errorText(error: unknown, lang: Lang, file = '', opts: IssueTextOptions = {}): string {
  return errorIssues(error, file)
    .map((i) => issueText(i, lang, opts))
    .join('\n');
}
