// Property: any table of strings (with separators, quotes, line breaks), written as CSV with proper quoting, parses back identical.
import fc from 'fast-check';
import { parseCsvText } from '../../src/formats/csv/parse';

/** Quoting as RFC 4180 and the Rust csv crate (Anki) do: when a field holds the separator, a quote, a line break or `#`. */
function writeCsv(rows: readonly string[][], sep: string, eol: string): string {
  const quote = (f: string) => (f.includes(sep) || /["\r\n#]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  // A record of one empty field would be an empty line: quote it, as the csv crate does.
  return rows.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(quote).join(sep))).join(eol);
}

const chars = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  ',',
  ';',
  '|',
  '\t',
  '"',
  "'",
  '\n',
  '\r',
  '\r\n',
  '#',
  ':',
  '容',
  'é',
  '😀',
  '\\',
);
const cell = fc.string({ unit: chars, maxLength: 12 });

test('random tables round-trip through CSV for each separator and line ending', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc
        .integer({ min: 1, max: 5 })
        .chain((cols) =>
          fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 15 }),
        ),
      fc.constantFrom(',', '\t', ';', '|'),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      async (table, sep, eol, finalEol) => {
        // Rows of blank cells are not cards: the parser leaves them out, and so does the expectation.
        const expected = table.filter((r) => r.join('').trim() !== '');
        fc.pre(expected.length > 0);
        const text = writeCsv(table, sep, eol) + (finalEol ? eol : '');
        const r = await parseCsvText('t.csv', text, { separator: sep });
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.rows).toEqual(expected);
      },
    ),
    { numRuns: 400 },
  );
});
