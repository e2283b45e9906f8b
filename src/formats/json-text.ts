// JSON text in, a value or one issue out: where the text breaks (line and column, as an editor counts) and why.
import type { Issue } from '../domain/issue';

export type JsonParse = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** `line 3, column 14` for the character offset V8 reports, so the user can find the spot in an editor. */
function jsonErrorIssue(file: string, text: string, error: Error): Issue {
  const position = /at position (\d+)/.exec(error.message);
  const reason = error.message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return { file, code: 'json.invalid', params: { reason } };
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { file, place: { line, column }, code: 'json.invalid', params: { reason } };
}

export function parseJsonText(file: string, text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, issue: jsonErrorIssue(file, text, e instanceof Error ? e : new Error(String(e))) };
  }
}
