// Rendering Anki card templates (anki-templates.ts) the way Anki's rslib/src/template.rs and template_filters.rs do.
import fc from 'fast-check';
import { parseTemplate, renderTemplate, type ClozeMode, type RenderContext } from '../../src/formats/anki/templates';
import { answerOnly, fieldIsEmpty, htmlToText, isBlankHtml, ruby } from '../../src/formats/anki/html';

function render(template: string, fields: Record<string, string>, opts: Partial<Omit<RenderContext, 'fields'>> = {}) {
  const ctx: RenderContext = {
    fields: new Map(Object.entries(fields)),
    side: 'front',
    frontSide: '',
    cloze: 'card' as ClozeMode,
    ord: 0,
    ...opts,
  };
  return renderTemplate(parseTemplate(template), ctx);
}
const html = (...args: Parameters<typeof render>) => render(...args).html;

describe('Anki templates', () => {
  it('replaces {{Field}} (spaces inside the braces allowed) and keeps HTML, [sound:x] and <img src> as they are', () => {
    expect(html('<b>{{Front}}</b> {{ Back }}', { Front: 'a<br>b', Back: '[sound:x.mp3] <img src="y.png">' })).toBe(
      '<b>a<br>b</b> [sound:x.mp3] <img src="y.png">',
    );
  });

  it('renders {{FrontSide}} as given', () => {
    expect(html('{{FrontSide}}<hr id=answer>{{Back}}', { Back: 'b' }, { frontSide: 'QUESTION' })).toBe(
      'QUESTION<hr id=answer>b',
    );
  });

  it('reports fields the note type does not have and renders them empty', () => {
    expect(render('{{Front}}{{Nope}}', { Front: 'f' })).toEqual({ html: 'f', unknown: ['Nope'] });
  });

  it('shows {{#F}}…{{/F}} only when F has content, {{^F}}…{{/F}} only when it has none', () => {
    const t = '{{#Extra}}[{{Extra}}]{{/Extra}}{{^Extra}}none{{/Extra}}';
    expect(html(t, { Extra: 'x' })).toBe('[x]');
    expect(html(t, { Extra: '' })).toBe('none');
    // Anki counts white space, <br> and <div> as empty (rslib field_is_empty).
    expect(html(t, { Extra: ' <br> <div></div>' })).toBe('none');
    expect(html(t, {})).toBe('none');
    expect(html('{{#A}}a{{#B}}b{{/B}}{{/A}}', { A: '1', B: '' })).toBe('a');
  });

  it('applies filters right to left: text, hint, type, furigana, kana, kanji, tts, unknown', () => {
    expect(html('{{text:F}}', { F: '<b>a &amp; b</b> &lt;c&gt;' })).toBe('a &amp; b &lt;c&gt;');
    expect(html('{{hint:F}}', { F: 'clue' })).toBe('<details class="hint"><summary>F</summary>clue</details>');
    expect(html('{{hint:F}}', { F: '' })).toBe('');
    expect(html('{{hint:text:F}}', { F: '<i>x</i>' })).toBe('<details class="hint"><summary>F</summary>x</details>');
    expect(html('{{type:F}}', { F: 'answer' })).toBe('');
    expect(html('{{type:F}}', { F: 'answer' }, { side: 'back' })).toBe('answer');
    expect(html('{{furigana:F}}', { F: '日本[にほん]語[ご] [sound:a.mp3]' })).toBe(
      '<ruby><rb>日本</rb><rt>にほん</rt></ruby><ruby><rb>語</rb><rt>ご</rt></ruby> [sound:a.mp3]',
    );
    expect(html('{{kana:F}}', { F: '日本[にほん]' })).toBe('にほん');
    expect(html('{{kanji:F}}', { F: '日本[にほん]' })).toBe('日本');
    expect(html('{{tts en_US voices=Bob:F}}', { F: 'hello' })).toBe('hello');
    expect(html('{{myaddon:F}}', { F: 'kept' })).toBe('kept');
  });

  it('renders {{cloze:F}} raw, omitted, or as the card sees it (hidden on the front, shown on the back)', () => {
    const F = { Text: '{{c1::Paris}} and {{c2::Rome::city}}' };
    expect(html('{{cloze:Text}}', F, { cloze: 'raw' })).toBe(F.Text);
    expect(html('{{cloze:Text}}', F, { cloze: 'omit' })).toBe('');
    expect(html('{{cloze:Text}}', F, { cloze: 'card', ord: 1 })).toBe('Paris and <mark class="cloze">[city]</mark>');
    expect(html('{{cloze:Text}}', F, { cloze: 'card', ord: 1, side: 'back' })).toBe(
      'Paris and <mark class="cloze">Rome</mark>',
    );
    expect(html('{{cloze-only:Text}}', F, { cloze: 'card', ord: 0 })).toBe('Paris');
    expect(html('{{type:cloze:Text}}', F, { cloze: 'raw', side: 'back' })).toBe('');
    // Anki 2.0's per-number syntax: {{cloze:1:Text}} (the number is an unknown filter, ignored).
    expect(html('{{cloze:1:Text}}', F, { cloze: 'raw' })).toBe(F.Text);
  });

  it('reads the legacy {{=<% %>=}} syntax', () => {
    expect(html('{{=<% %>=}}<%Front%> <%#Back%>and <%Back%><%/Back%>', { Front: 'f', Back: 'b' })).toBe('f and b');
  });

  it('is lenient where Anki shows an error: unclosed sections close at the end, stray closers and lone braces stay text', () => {
    expect(html('{{#A}}a', { A: '1' })).toBe('a');
    expect(html('x{{/B}}y', {})).toBe('xy');
    expect(html('{{ {{Front}}', { Front: 'f' })).toBe('{{ f');
    expect(html('a {{b', {})).toBe('a {{b');
  });

  it('never throws, whatever the template and fields', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (t, fields) => {
        for (const cloze of ['raw', 'omit', 'card'] as const) render(t, fields, { cloze, side: 'back' });
      }),
    );
  });
});

describe('HTML helpers', () => {
  it('htmlToText removes tags, scripts and styles, decodes entities and folds spaces', () => {
    expect(htmlToText('<div>Madrid</div><br>&nbsp;<style>p{}</style>&#x41;&#66;&amp;&bogus;')).toBe(
      'Madrid AB&&bogus;',
    );
  });

  it('fieldIsEmpty, isBlankHtml: media count as content', () => {
    expect(fieldIsEmpty(' <br/>&nbsp;<div> </div>')).toBe(true);
    expect(isBlankHtml('<div><br></div>')).toBe(true);
    expect(isBlankHtml('<img src="a.png">')).toBe(false);
    expect(isBlankHtml('[sound:a.mp3]')).toBe(false);
  });

  it('answerOnly drops the divider and the line breaks before the answer', () => {
    expect(answerOnly('\n\n<hr id=answer>\n\n<br>Back ')).toBe('Back');
    expect(answerOnly('<hr id="answer"/>x')).toBe('x');
  });
});

describe('ruby filters on hostile input', () => {
  it('match Anki on ordinary text and stay fast on text made to make a regex backtrack', () => {
    expect(ruby('test first[second] third[fourth]', (_b, r) => r)).toBe('testsecondfourth');
    expect(ruby('test first[second] third[fourth]', (b) => b)).toBe('testfirstthird');
    expect(ruby('a[b\nc] x[]', (b, r) => `${b}/${r}`)).toBe('a[b\nc] x[]');
    const nasty = 'a'.repeat(200_000) + '['.repeat(2) + 'b'.repeat(200_000);
    const start = performance.now();
    ruby(nasty, (b) => b);
    htmlToText('<'.repeat(200_000) + '<script'.repeat(10_000));
    isBlankHtml('<'.repeat(200_000) + '[sound:'.repeat(10_000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
