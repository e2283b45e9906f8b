// A settings problem (a code from domain) put into words in the user's language, for the global settings and the
// presets alike.
import type { SettingsProblem } from '../../domain/settings';
import type { useMessages } from '../../lib/i18n';
import type { settingsMessages } from './settings-messages';

export type ProblemWords = ReturnType<typeof useMessages<keyof (typeof settingsMessages)['en']>>;

/** A problem in the user's language; `index` is the bad element of a list (a learning step), when it is one. */
export function problemText(m: ProblemWords, problem: SettingsProblem, index: number | null): string {
  switch (problem.code) {
    case 'whole-number':
    case 'number':
      return m(`problem.${problem.code}`, { min: problem.min, max: problem.max });
    case 'one-of':
      return m('problem.one-of', { options: problem.options.join(', ') });
    case 'step':
      return m('problem.step', { n: (index ?? 0) + 1 });
    case 'weights':
      return m('problem.weights', { count: problem.count });
    default:
      return m(`problem.${problem.code}`);
  }
}

/** The words for each field's problems, by the field's path: a list's bad elements are shown at the list. */
export function fieldProblems(m: ProblemWords, found: Record<string, SettingsProblem>): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const [path, problem] of Object.entries(found)) {
    const item = /^(.*)\.(\d+)$/.exec(path);
    const field = item ? item[1]! : path;
    (out[field] ??= []).push(problemText(m, problem, item ? Number(item[2]) : null));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' ')]));
}
