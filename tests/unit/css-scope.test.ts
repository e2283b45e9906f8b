// Issue 9 item 10: an Anki note type's CSS is scoped to the card on screen and cleaned of anything that loads or leaks.
import { cardOrdClass, nightStyle, scopeCss } from '../../src/ui/css-scope';

const S = 'dd-nt-x';

test("Anki's stock note-type CSS: .card is the card's root", () => {
  expect(
    scopeCss(
      '.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n',
      S,
    ),
  ).toBe(
    '.dd-nt-x { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }',
  );
});

test('a stylesheet with .card, body, @import and url(https://…) becomes the scoped one', () => {
  const css = `@import url("https://fonts.example.com/a.css");
@import 'theme.css';
.card { color: black; background: white url(https://tracker.example/bg.png) }
body { margin: 0; font-size: 18px }
.front b { color: red; background-image: url('https://tracker.example/b.png') }
img { max-width: 100%; background: url("data:image/png;base64,AAAA") }`;
  expect(scopeCss(css, S)).toBe(
    [
      '.dd-nt-x { color: black; }',
      '.dd-nt-x { margin: 0; font-size: 18px; }',
      '.dd-nt-x .front b { color: red; }',
      '.dd-nt-x img { max-width: 100%; background: url("data:image/png;base64,AAAA"); }',
    ].join('\n'),
  );
});

test.each([
  ['html body .q', '.dd-nt-x .q'],
  [':root', '.dd-nt-x'],
  ['body.card', '.dd-nt-x'],
  ['.card.card2 .a', `.dd-nt-x.${cardOrdClass(1)} .a`],
  ['.card1 > i', '.dd-nt-x.dd-card1 > i'],
  ['.card::before', '.dd-nt-x::before'],
  ['div.card p', '.dd-nt-x div.card p'],
  ['*', '.dd-nt-x *'],
  ['a:hover, .x:not(.y)', '.dd-nt-x a:hover, .dd-nt-x .x:not(.y)'],
  ['input[type="text"]', '.dd-nt-x input[type="text"]'],
  ['> p', '.dd-nt-x > p'],
  ['.night:root .q', '.dd-nt-x.night .q'],
])('selector %s → %s', (sel, scoped) => {
  expect(scopeCss(`${sel} { color: red }`, S)).toBe(`${scoped} { color: red; }`);
});

test.each([
  ['.card + div', "the card's next sibling is the app's"],
  ['.card ~ p', 'its siblings too'],
  ['+ p', 'a selector starting with +'],
  ['div.nightMode p', 'night mode is a class of the card itself, not of an element in it'],
  ['.q .night_mode', 'nor further in'],
  [':host', 'shadow DOM'],
  ['.a\\3e b', 'CSS escapes'],
  ['.x .y:root', ':root further in'],
])('unscopable selector %s is dropped (%s)', (sel) => {
  expect(scopeCss(`${sel} { color: red } .ok { color: blue }`, S)).toBe('.dd-nt-x .ok { color: blue; }');
});

// Issue 12: the card's root has Anki's night-mode classes in the dark theme, wherever a note type writes them.
test.each([
  ['.nightMode .cloze', '.dd-nt-x.nightMode .cloze'],
  ['.nightMode.card', '.dd-nt-x.nightMode'],
  ['.card.nightMode', '.dd-nt-x.nightMode'],
  ['.nightMode .card', '.dd-nt-x.nightMode'],
  ['.night_mode .card .q', '.dd-nt-x.night_mode .q'],
  ['body.nightMode > b', '.dd-nt-x.nightMode > b'],
  ['html.nightMode body', '.dd-nt-x.nightMode'],
  ['.card:not(.nightMode) .q', '.dd-nt-x:not(.nightMode) .q'],
])('night-mode selector %s → %s', (sel, scoped) => {
  expect(scopeCss(`${sel} { color: red }`, S)).toBe(`${scoped} { color: red; }`);
});

test.each([
  ['.nightMode .cloze { color: lightblue }', 'own'],
  ['.card { color: black; background-color: white }', 'paper'],
  ['.q{color:#333}', 'paper'],
  ['.card { background: #fafafa }', 'paper'],
  ['.card { font-size: 20px; border-color: red } /* color: black */', 'theme'],
  ['', 'theme'],
] as const)('in the dark theme, a note type with %j keeps %s colours', (css, style) => {
  expect(nightStyle(css)).toBe(style);
});

test.each([
  ['position: fixed', 'covers the app'],
  ['background: url(//cdn.example/x.png)', 'protocol-relative'],
  ['background: URL( "HTTPS://X.EXAMPLE/A.PNG" )', 'upper case'],
  ['background: url(media.png)', "a relative file (the app's origin has no such file)"],
  ['background: image-set("https://x.example/a.png" 1x)', 'image-set takes strings'],
  ['background: -webkit-image-set("https://x.example/a.png" 1x)', 'prefixed'],
  ['background: u\\72l(https://x.example/a.png)', 'an escaped url('],
  ['behavior: url(x.htc)', 'old IE'],
  ['width: expression(alert(1))', 'old IE'],
])('declaration %s is dropped (%s)', (decl) => {
  expect(scopeCss(`.q { ${decl}; color: red }`, S)).toBe('.dd-nt-x .q { color: red; }');
});

test('strings keep their escapes and semicolons; @media and @supports are scoped inside', () => {
  const css = `.q::before { content: "\\201C;}" }
@media (max-width: 600px) { .card { font-size: 16px } @import "x.css"; }
@supports (display: grid) { .grid { display: grid } }`;
  expect(scopeCss(css, S)).toBe(
    [
      '.dd-nt-x .q::before { content: "\\201C;}"; }',
      '@media (max-width: 600px) {\n  .dd-nt-x { font-size: 16px; }\n}',
      '@supports (display: grid) {\n  .dd-nt-x .grid { display: grid; }\n}',
    ].join('\n'),
  );
});

test('global at-rules, nested rules, comments and what is left unbalanced are dropped', () => {
  const css = `/* .evil { } */
@font-face { font-family: Card; src: url(_card.ttf) }
@keyframes spin { from { color: red } }
@layer base { body { color: red } }
@page { margin: 0 }
@charset "utf-8";
.a { color: red; .b { color: blue } }
.ok { color: green }
.open { color: red`;
  expect(scopeCss(css, S)).toBe('.dd-nt-x .ok { color: green; }');
});

test('the output is the same for the same input; the scope must be a class name', () => {
  const css = '.card { color: red } .x { margin: 0 }';
  expect(scopeCss(css, S)).toBe(scopeCss(css, S));
  expect(() => scopeCss(css, 'not a class')).toThrow();
});
