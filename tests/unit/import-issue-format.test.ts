// Import problems read as one clear line: file, then where and which field when known, then why.
import { formatImportIssue } from '../../src/formats/import/draft';

test.each([
  [{ file: 'a.apkg', message: 'is not an Anki package' }, 'a.apkg: is not an Anki package'],
  [{ file: 'a.csv', where: 'row 3', message: 'has 2 fields, expected 3' }, 'a.csv: row 3: has 2 fields, expected 3'],
  [
    { file: 'd.json', where: 'card "c1"', field: 'back.zh', message: 'is missing' },
    'd.json: card "c1" field "back.zh": is missing',
  ],
  [{ file: 'd.json', field: 'title', message: 'is missing' }, 'd.json: field "title": is missing'],
])('regression: no "file::" when an issue has no place (%#)', (issue, text) => {
  expect(formatImportIssue(issue)).toBe(text);
});
