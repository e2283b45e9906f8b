// Pins which typed answers count as right: case, spacing, punctuation, full-width, Markdown and small typos forgiven.
import { editDistance, matchTypedAnswer, normalizeAnswer } from '../../src/domain/answer-match';
import type { Text } from '../../src/domain/deck-schema';

const t = (en: string, zh: string): Text => ({ en, zh });
const REGISTRY = t('registry', '镜像仓库');
const CGROUPS = t('`cgroups`', '控制组');
const CLI = t('CLI', '命令行');
const COMPOSE = t('Docker Compose', 'Docker Compose');
const NAMESPACE = t('namespace', '命名空间');
const UNION = t('union file system', '联合文件系统');

const accepted: Array<[string, Text, string[], boolean]> = [
  // [typed, answer, accept, exact]
  ['registry', REGISTRY, [], true],
  ['Registry', REGISTRY, [], true],
  ['REGISTRY', REGISTRY, [], true],
  ['  registry  ', REGISTRY, [], true],
  ['registry.', REGISTRY, [], true],
  ['"registry"!', REGISTRY, [], true],
  ['ｒｅｇｉｓｔｒｙ', REGISTRY, [], true],
  ['ＲＥＧＩＳＴＲＹ', REGISTRY, [], true],
  ['镜像仓库', REGISTRY, [], true],
  ['镜像仓库。', REGISTRY, [], true],
  ['（镜像仓库）', REGISTRY, [], true],
  ['镜像 仓库', REGISTRY, [], true],
  ['cgroups', CGROUPS, [], true],
  ['`cgroups`', CGROUPS, [], true],
  ['控制组', CGROUPS, [], true],
  ['cli', CLI, [], true],
  ['docker compose', COMPOSE, [], true],
  ['docker-compose', COMPOSE, [], true],
  ['dockercompose', COMPOSE, [], true],
  ['Docker   Compose', COMPOSE, [], true],
  ['ｄｏｃｋｅｒ　ｃｏｍｐｏｓｅ', COMPOSE, [], true],
  ['union  file-system', UNION, [], true],
  ['unionfs', UNION, ['UnionFS'], true],
  ['cgroup', CGROUPS, ['cgroup', 'control groups'], true],
  ['Control Groups', CGROUPS, ['cgroup', 'control groups'], true],
  // One typo in an 8-letter term.
  ['registy', REGISTRY, [], false],
  ['registri', REGISTRY, [], false],
  ['registr1', REGISTRY, [], false],
  ['rregistry', REGISTRY, [], false],
  // Two typos in a longer term.
  ['namspac', NAMESPACE, [], false],
  ['union fil sistem', UNION, [], false],
  // A typo in an accepted alternative.
  ['contrl groups', CGROUPS, ['control groups'], false],
];

const rejected: Array<[string, Text, string[]]> = [
  ['', REGISTRY, []],
  ['   ', REGISTRY, []],
  ['...', REGISTRY, []],
  ['``', CGROUPS, []],
  // A typo in a 3-letter term.
  ['clu', CLI, []],
  ['cl', CLI, []],
  ['clii', CLI, []],
  // Two typos in an 8-letter term.
  ['regsitr', REGISTRY, []],
  ['registrar', REGISTRY, []],
  // Three typos in a 9-letter term.
  ['nmspce', NAMESPACE, []],
  // Chinese: exact only, no typo forgiven.
  ['镜象仓库', REGISTRY, []],
  ['镜像仓', REGISTRY, []],
  ['命名空', NAMESPACE, []],
  ['控制', CGROUPS, []],
  // Wrong answers.
  ['volume', REGISTRY, []],
  ['docker', COMPOSE, []],
  ['cgroups', NAMESPACE, []],
  ['control', CGROUPS, ['control groups']],
];

test.each(accepted)('accepts %j for %j (accept %j), exact: %s', (typed, answer, accept, exact) => {
  expect(matchTypedAnswer(typed, answer, accept)).toEqual({ correct: true, exact });
});

test.each(rejected)('rejects %j for %j (accept %j)', (typed, answer, accept) => {
  expect(matchTypedAnswer(typed, answer, accept)).toEqual({ correct: false });
});

test('accept defaults to no alternatives', () => {
  expect(matchTypedAnswer('registry', REGISTRY)).toEqual({ correct: true, exact: true });
  expect(matchTypedAnswer('cgroup', CGROUPS)).toEqual({ correct: true, exact: false });
  expect(matchTypedAnswer('control groups', CGROUPS)).toEqual({ correct: false });
});

test.each([
  ['  Docker   Compose ', 'docker compose'],
  ['`cgroups`', 'cgroups'],
  ['**bold** _it_ ~x~', 'bold it x'],
  ['ＡＢＣ１２３', 'abc123'],
  ['镜像，仓库。', '镜像 仓库'],
  ['(a) [b] {c} <d>', 'a b c d'],
  ['a/b\\c-d', 'a b c d'],
  ['', ''],
])('normalizeAnswer(%j) = %j', (input, output) => {
  expect(normalizeAnswer(input)).toBe(output);
});

test.each([
  ['', '', 0],
  ['abc', '', 3],
  ['', 'abc', 3],
  ['kitten', 'sitting', 3],
  ['registry', 'registy', 1],
  ['flaw', 'lawn', 2],
  ['same', 'same', 0],
])('editDistance(%j, %j) = %i', (a, b, d) => {
  expect(editDistance(a, b)).toBe(d);
  expect(editDistance(b, a)).toBe(d);
});

test('editDistance stops early past max and says max + 1', () => {
  expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  expect(editDistance('a', 'abcdef', 2)).toBe(3);
  expect(editDistance('kitten', 'sitting', 3)).toBe(3);
});
