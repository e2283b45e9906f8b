// Active content in card text: the linear scanner finds what the regexes it replaced found, and stripping leaves none.
import fc from 'fast-check';
import { stripActiveContent } from '../../src/formats/import/active-content';
import { findActiveContent } from '../../src/formats/import/active-content-scan';

/** The detector as it was written with regular expressions: the reference the scanner must agree with. */
const PATTERNS: ReadonlyArray<{ re: RegExp; what: string }> = [
  { re: /<script\b/i, what: 'script' },
  { re: /<[a-z][^>]*?[\s/"']on[a-z]+\s*=/i, what: 'handler' },
  {
    re: /(?:\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?|\]\(\s*<?)\s*(?:j|&#0*106;|&#x0*6a;)\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i,
    what: 'link',
  },
];
function regexDetector(text: string): string | null {
  if (!/[<\]]/.test(text)) return null;
  const plain = text.replace(/(`+)[^]*?\1/g, ' ');
  for (const p of PATTERNS) if (p.re.test(plain)) return p.what;
  return null;
}

/** Strings made of the pieces the patterns are built from, so that near misses and overlaps are common. */
const piece = fc.constantFrom(
  ...['<', '>', '/', '=', '"', "'", ' ', '\n', '\u00a0', '`', '``', '```', ']', '(', ')', ':', ';', '&', '#', 'x'],
  ...['a', 'b', 'A', 'j', 'J', 'o', 'n', 's', 'O', 'N', 'e', 'r', 'c', 'i', 'p', 't', '0', '1', '6', '_', '-', '容'],
  ...['<script', '<SCRIPT', '</script>', '</script', 'script', 'scr', 'ipt>', '<a', '<img', '<b>', '</a>'],
  ...[
    'on',
    'onclick',
    'onerror=',
    'onload =',
    'href',
    'href=',
    'src=',
    'data=',
    'action=',
    'formaction=',
    'xlink:href=',
  ],
  ...[
    'javascript:',
    'JavaScript:',
    'java script:',
    'avascript:',
    '&#106;',
    '&#0106;',
    '&#x6a;',
    '&#X06A;',
    '](',
    '](<',
  ],
);
/** Tag-shaped strings with attributes of every kind, some broken, so that handlers and links are common too. */
const tag = fc
  .tuple(
    fc.constantFrom('<a', '<IMG', '<svg', '< b', '<x-y'),
    fc.array(
      fc.tuple(
        fc.constantFrom(' ', '/', '"', "'", '\t', '', '`'),
        fc.constantFrom('onclick', 'OnError', 'on', 'href', 'src', 'data', 'xlink:href', 'x'),
        fc.constantFrom('=', ' = ', ''),
        fc.constantFrom('x', '"x"', "'a>b'", 'javascript:y', '&#106;avascript:', '"java script:z"', '`c`', '"', ''),
      ),
      { maxLength: 3 },
    ),
    fc.constantFrom('>', '', '/>', '>`'),
  )
  .map(([open, attrs, close]) => `${open}${attrs.map((a) => a.join('')).join('')}${close}`);
const text = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(tag, piece), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('findActiveContent', () => {
  test('finds exactly what the regular expressions found', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(findActiveContent(s)).toBe(regexDetector(s));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ['<p>x</p><script>alert(1)</script>', 'script'],
    ['<img src=x onerror=alert(1)>', 'handler'],
    ['<a href="&#x6A;avascript:alert(1)">x</a>', 'link'],
    ['[click](  java\tscript:alert(1))', 'link'],
    ['A lesson about `<script>` tags and `onclick=`.', null],
    ['```\n<script>alert(1)</script>\n```', null],
    ['Use onclick= to handle clicks; 1 < 2 > 0', null],
    ['href=javascript:alert(1) with no tag or link in the text', null],
  ])('%s', (s, what) => {
    expect(findActiveContent(s)).toBe(what);
    expect(regexDetector(s)).toBe(what);
  });

  test('a space in the scanner is a space in JavaScript regular expressions', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(findActiveContent(`<a${ch}onclick=x>`) !== null).toBe(
        /\s/.test(ch) || ch === '/' || ch === '"' || ch === "'",
      );
    }
  });
});

describe('stripActiveContent', () => {
  test.each([
    ['a script element', '<p>Hi</p><script>alert(1)</script><p>there</p>', '<p>Hi</p><p>there</p>', 1],
    ['an unclosed script, to the end', 'A<script>alert(1)<p>B</p>', 'A', 1],
    ['upper case, attributes, a spaced end tag', '<SCRIPT type="module">x()</SCRIPT >B', 'B', 1],
    ['two scripts', '<script>a()</script>x<script src="b.js"></script>y', 'xy', 2],
    ['an unquoted handler', '<img src=x onerror=alert(1)>', '<img src=x >', 1],
    ['a quoted handler holding >', '<a onclick="go(1 > 0)" href="/x">y</a>', '<a  href="/x">y</a>', 1],
    ['a handler after a quote', '<a href="/x"onclick=\'go()\'>y</a>', '<a href="/x">y</a>', 1],
    ['a handler after /', '<svg/onload=alert(1)>', '<svg/>', 1],
    ['a handler with spaces round =', '<b ONMOUSEOVER = "x()">b</b>', '<b >b</b>', 1],
    ['a javascript: href', '<a href="javascript:alert(1)">x</a>', '<a href="#">x</a>', 1],
    ['an entity-encoded javascript:', "<a href='&#106;avascript:alert(1)'>x</a>", "<a href='#'>x</a>", 1],
    ['a hex entity, unquoted', '<a href=&#x6A;avascript:alert(1)>x</a>', '<a href=#>x</a>', 1],
    ['a spaced javascript:', '<a href=" j a v a s c r i p t : x()">x</a>', '<a href=" #">x</a>', 1],
    [
      'form action and formaction',
      '<form action="javascript:a()"><button formaction=javascript:b()>',
      '<form action="#"><button formaction=#>',
      2,
    ],
    ['xlink:href', '<svg><a xlink:href="javascript:x()">t</a></svg>', '<svg><a xlink:href="#">t</a></svg>', 1],
    ['object data', '<object data="javascript:x()"></object>', '<object data="#"></object>', 1],
    ['a Markdown link', 'see [x](javascript:alert(1)) here', 'see [x](#) here', 1],
    ['a Markdown link in <…>', 'see [x](<javascript:alert(1)>) here', 'see [x](<#>) here', 1],
    ['a handler and a link in one tag', '<a onclick=x href=javascript:y>t</a>', '<a  href=#>t</a>', 2],
    ['a handler inside a script counts once', '<script><img onerror=x></script>ok', 'ok', 1],
    ['a script whose removal makes another', '<scr<script></script>ipt>alert(1)', '', 2],
  ])('%s', (_, input, html, removed) => {
    expect(stripActiveContent(input)).toEqual({ html, removed });
    expect(findActiveContent(html)).toBeNull();
  });

  test.each([
    'Use onclick= to handle clicks.',
    'A lesson about `<script>` tags, `<a onclick=…>` and `javascript:` links.',
    '```html\n<script>alert(1)</script>\n<img onerror=x>\n```',
    '<b>bold</b> onclick=x and a > b',
    '<a href="https://example.com/javascript">docs</a>',
    '[docs](https://example.com) and <span data-x="javascript">t</span>',
  ])('leaves text the detector does not flag untouched: %s', (s) => {
    expect(stripActiveContent(s)).toEqual({ html: s, removed: 0 });
  });

  test('for any text: no active content is left, stripping again changes nothing, clean text is kept as it is', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = stripActiveContent(s);
        expect(findActiveContent(once.html)).toBeNull();
        expect(stripActiveContent(once.html)).toEqual({ html: once.html, removed: 0 });
        if (findActiveContent(s) === null) expect(once).toEqual({ html: s, removed: 0 });
        else expect(once.removed).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  test('text built to nest scripts beyond the rounds is disarmed as a whole', () => {
    let nested = '<script></script>';
    for (let i = 0; i < 20; i++) nested = `<scr${nested}ipt></script>`;
    const r = stripActiveContent(`${nested}<b>after</b>`);
    expect(findActiveContent(r.html)).toBeNull();
    expect(r.html).toContain('&lt;');
    expect(r.removed).toBeGreaterThan(8);
    expect(stripActiveContent(r.html)).toEqual({ html: r.html, removed: 0 });
  });
});

describe('big inputs finish (linear time, no regex backtracking)', () => {
  const MB = 1 << 20;
  test.each([
    ['<a repeated', '<a'.repeat(MB / 2)],
    ['on repeated', 'on'.repeat(MB / 2)],
    ['on repeated inside a tag', `<a${' on'.repeat(MB / 3)}`],
    ['onx repeated inside a tag', `<a ${'onx'.repeat(MB / 3)}`],
    ['href= then spaces', `<a href=${' '.repeat(MB)}`],
    ['](< then spaces', `](<${' '.repeat(MB)}`],
    ['backticks after <', `<${'`'.repeat(MB)}`],
    ['alternating backtick runs', `<${'``x`'.repeat(MB / 4)}`],
    ['</script missing its end', `<script>${'</scrip'.repeat(MB / 7)}`],
  ])('%s', (_, s) => {
    expect(typeof findActiveContent(s)).not.toBe('undefined');
    const r = stripActiveContent(s);
    expect(findActiveContent(r.html)).toBeNull();
  });

  test('a megabyte of handlers is stripped in one go', () => {
    const r = stripActiveContent('<a onclick=x() '.repeat(MB / 15));
    expect(r.removed).toBe(Math.floor(MB / 15));
    expect(findActiveContent(r.html)).toBeNull();
  });
});
