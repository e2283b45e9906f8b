// Issues as the English lines a person reads (`file: place field "x": message`), for tests that pin the wording.
import type { Issue } from '../../../src/domain/issue';
import { issueText } from '../../../src/formats/issue-text';

export function lines(issues: readonly Issue[], lang: 'en' | 'zh' = 'en'): string[] {
  return issues.map((i) => issueText(i, lang));
}

/** The issues of a failed parse outcome as lines; an outcome that succeeded has none. */
export function refusal(r: { ok: true } | { ok: false; issues: readonly Issue[] }, lang: 'en' | 'zh' = 'en'): string[] {
  return r.ok ? [] : lines(r.issues, lang);
}

/** Issues as the lines of a list under a heading that names the file (warnings, a backup's problems). */
export function words(issues: readonly Issue[], lang: 'en' | 'zh' = 'en'): string[] {
  return issues.map((i) => issueText(i, lang, { file: false }));
}
