// Issue 12: both themes meet WCAG AA. Reads the two colour sets from src/app/styles.css and checks the contrast of each
// text and control pair the screens draw (4.5:1 for text, 3:1 for the outlines of controls and the focus ring), and
// that no colour is written anywhere else in the file, so that the pairs below are all the colours there are.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const CSS = readFileSync(resolve(import.meta.dirname, '../../src/app/styles.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

const LIGHT_SELECTOR = ':root, .card-scope-paper';
const DARK_SELECTOR = ":root[data-theme='dark']";

/** The top-level rule with exactly this selector (whitespace aside): its text and its custom properties. */
function themeBlock(selector: string): { text: string; vars: Map<string, string> } {
  for (const m of CSS.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (m[1]!.trim().replace(/\s+/g, ' ') !== selector) continue;
    const vars = new Map<string, string>();
    for (const d of m[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) vars.set(d[1]!, d[2]!.trim());
    return { text: m[0], vars };
  }
  throw new Error(`styles.css has no rule for ${selector}`);
}

const THEMES = { light: themeBlock(LIGHT_SELECTOR), dark: themeBlock(DARK_SELECTOR) };

/** sRGB channels 0–255 of a #rgb or #rrggbb colour. */
function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not an opaque hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const UI = 3;

/** [foreground, background, minimum, where the screens draw it]. */
type Pair = [string, string, number, string];

const SURFACES = ['--bg', '--card', '--sunken'];
const TEXT_COLOURS = ['--fg', '--muted', '--accent', '--again', '--hard', '--good', '--easy'];
const TINTS = ['--right-bg', '--wrong-bg', '--accent-tint', '--note-bg'];

const PAIRS: Pair[] = [
  // Text, links, counts, verdicts and errors on the page, on cards and in code or quoted statements.
  ...TEXT_COLOURS.flatMap((fg) => SURFACES.map((bg): Pair => [fg, bg, TEXT, 'text on a surface'])),
  // Answered options, the chosen one, the outdated-fact note: their text, and the right/wrong marks on their tint.
  ...['--fg', '--muted', '--accent'].flatMap((fg) => TINTS.map((bg): Pair => [fg, bg, TEXT, 'text on a tint'])),
  ['--good', '--right-bg', TEXT, 'the "right" mark on a right option'],
  ['--again', '--wrong-bg', TEXT, 'the "wrong" mark on a wrong option'],
  ['--on-accent', '--accent', TEXT, 'a primary button'],
  ['--cloze-fg', '--cloze-bg', TEXT, 'a cloze deletion'],
  ['--error-fg', '--error-bg', TEXT, 'an error alert'],
  ['--warning-fg', '--warning-bg', TEXT, 'a warning alert'],
  ['--info-fg', '--info-bg', TEXT, 'an info alert'],
  ['--paper-fg', '--paper-bg', TEXT, 'an Anki card kept on a light page'],
  // Controls: the outline of fields and buttons, the focus ring and selected borders, grade and state borders.
  ...SURFACES.map((bg): Pair => ['--control-line', bg, UI, 'the outline of a field or button']),
  ...['--bg', '--card'].map((bg): Pair => ['--accent', bg, UI, 'the focus ring, a chosen option']),
  ...['--again', '--hard', '--good', '--easy'].map((c): Pair => [c, '--card', UI, 'a grade button’s border']),
  ['--good', '--right-bg', UI, 'a right option’s border'],
  ['--again', '--wrong-bg', UI, 'a wrong option’s border'],
  ['--accent', '--line', UI, 'a progress bar’s fill on its track'],
  ['--note-line', '--card', UI, 'the outdated-fact note’s bar'],
];

describe.each(Object.entries(THEMES))('%s theme', (_name, theme) => {
  const colour = (name: string) => {
    const value = theme.vars.get(name);
    if (!value) throw new Error(`${name} is not in the theme`);
    return value;
  };

  test.each(PAIRS.map(([fg, bg, min, what]) => [`${fg} on ${bg}`, what, fg, bg, min] as const))(
    '%s is at least AA (%s)',
    (_label, what, fg, bg, min) => {
      const ratio = contrast(colour(fg), colour(bg));
      expect(ratio, `${fg} ${colour(fg)} on ${bg} ${colour(bg)}: ${what}`).toBeGreaterThanOrEqual(min);
    },
  );
});

test('the two themes define the same colours, and every colour the stylesheet uses is defined', () => {
  expect([...THEMES.dark.vars.keys()].sort()).toEqual([...THEMES.light.vars.keys()].sort());
  const used = new Set([...CSS.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!));
  const missing = [...used].filter((v) => !THEMES.light.vars.has(v));
  expect(missing).toEqual([]);
  // A colour that the pairs do not check is either drawn on nothing (a shadow, the dialog backdrop) or a mistake.
  const paired = new Set(PAIRS.flatMap(([fg, bg]) => [fg, bg]));
  const unpaired = [...THEMES.light.vars.keys()].filter((v) => !paired.has(v));
  expect(unpaired.sort()).toEqual(['--backdrop', '--shadow']);
});

test('no colour is written outside the two theme sets', () => {
  const rest = CSS.replace(THEMES.light.text, '').replace(THEMES.dark.text, '');
  const literals = rest.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi) ?? [];
  const named = [
    ...rest.matchAll(
      /(?:^|[;{\s])(?:color|background(?:-color)?|border(?:-[a-z]+)*|fill|stroke|outline)\s*:([^;}]*)/gi,
    ),
  ]
    .map((m) => m[1]!)
    .filter((v) => /\b(?:white|black|red|green|blue|yellow|gray|grey|orange|purple)\b/i.test(v));
  expect([...literals, ...named]).toEqual([]);
});

test('the contrast maths matches WCAG’s own examples', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 4);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  expect(contrast('#fff', '#fff')).toBe(1);
});
