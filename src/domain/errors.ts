// The app's typed errors, checked with `instanceof`: problems with the input (issues), problems found inside one part
// of a file, and cancellation. Their `message` is for developers (logs, failed tests); users see the issues in words.
import type { Issue, PartIssue } from './issue';

function summary(issue: PartIssue): string {
  const params = issue.params === undefined ? '' : ` ${JSON.stringify(issue.params)}`;
  const place = issue.place === undefined ? '' : ` at ${JSON.stringify(issue.place)}`;
  const field = issue.field === undefined ? '' : ` field ${issue.field}`;
  return `${issue.code}${place}${field}${params}`;
}

/** The input cannot be used, for these reasons (each names its file). */
export class IssueError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => `${i.file}: ${summary(i)}`).join('\n'));
    this.name = 'IssueError';
    this.issues = issues;
  }
}

/**
 * A problem inside one part of a file (a zip entry, a zstd stream, an SQLite collection), thrown by readers that do
 * not know the file's name; the reader that opened the file makes it an `Issue` of that file.
 */
export class PartError extends Error {
  readonly issue: PartIssue;
  constructor(issue: PartIssue) {
    super(summary(issue));
    this.name = 'PartError';
    this.issue = issue;
  }
}

/** The user cancelled: the work stopped and nothing was written. The one cancellation error of the app. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

/** The message of an error that is not one of ours (a bug, a browser failure): a detail for developers. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Any error caught around reading `file`, as issues of that file: an `IssueError`'s own issues, a part's problem, a
 * cancellation, or an unexpected error (its message as the detail). Storage errors too: src/db/error-text.ts.
 */
export function errorIssues(error: unknown, file: string): Issue[] {
  if (error instanceof IssueError) return [...error.issues];
  if (error instanceof PartError) return [{ file, ...error.issue }];
  if (error instanceof CancelledError) return [{ file, code: 'error.cancelled' }];
  return [{ file, code: 'error.unexpected', params: { detail: errorDetail(error) } }];
}
