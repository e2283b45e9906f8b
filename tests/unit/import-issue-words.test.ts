// Every issue has words in English and Chinese; an issue reads as one line (file, place, field, why) in either
// language; any caught error becomes issues. The Chinese words are Chinese sentences, with only the names of
// files, formats and fields in Latin letters.
import Dexie from 'dexie';
import { CancelledError, errorIssues, IssueError, PartError } from '../../src/domain/errors';
import type { Issue, IssueCode } from '../../src/domain/issue';
import { errorIssues as caughtIssues, errorText } from '../../src/db/error-text';
import { issueText } from '../../src/formats/issue-text';
import { ISSUE_WORDS } from '../../src/formats/issue-words';

const { en, zh } = ISSUE_WORDS;
const slots = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const codes = Object.keys(en.codes).filter((k) => !k.includes('#')) as IssueCode[];

/** Latin words a Chinese message may hold: names of formats, files, fields and values, and Anki's own labels. */
const LATIN = new Set(
  (
    'Anki Blob CSV Default GB GIF GUID ID JPEG JSON MP3 Office PDF PNG RAR SQLite Support UTF-16 UTF-32 UTF-8 ' +
    'Unicode WebP ZIP64 Zip a-z anki2 apkg base64 basic c1:: cards classify cloze col collection.anki2 ' +
    'collection.anki21 collection.anki21b colpkg csv/.tsv/.txt deflate doc dockdeck dockdeck/deck@1 en false format ' +
    'gzip https:// id image javascript: json mcq null occlusion older on reverse script sources stored text.en true type-in ' +
    'url versions x xls/.doc zh zip zstd'
  ).split(' '),
);

describe('the words of every code', () => {
  test('there is one text per code in each language, and the Chinese one is Chinese', () => {
    expect(
      Object.keys(zh.codes)
        .filter((k) => !k.includes('#'))
        .sort(),
    ).toEqual([...codes].sort());
    for (const code of codes) {
      const text = zh.codes[code];
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      const latin = text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9.@/:-]*/g) ?? [];
      expect(
        latin.filter((w) => !LATIN.has(w)),
        code,
      ).toEqual([]);
    }
  });

  test("Chinese fills the same slots as English; it leaves out only the engine's own English detail", () => {
    for (const code of codes) {
      const english = slots(en.codes[code]);
      const chinese = slots(zh.codes[code]);
      expect(
        [...chinese].filter((s) => !english.has(s)),
        code,
      ).toEqual([]);
      expect(
        [...english].filter((s) => !chinese.has(s) && s !== 'detail' && s !== 'reason'),
        code,
      ).toEqual([]);
    }
  });

  test('a count variant (`code#1`) belongs to a code and fills nothing the code does not', () => {
    for (const words of [en, zh])
      for (const [key, text] of Object.entries(words.codes)) {
        const [code, n] = key.split('#');
        if (n === undefined) continue;
        expect(codes).toContain(code);
        expect(
          [...slots(text!)].filter((s) => !slots(words.codes[code as IssueCode]).has(s)),
          key,
        ).toEqual([]);
      }
  });

  test('every term has words in both languages', () => {
    for (const [group, terms] of Object.entries(en.terms)) {
      const base = (keys: string[]) => keys.filter((k) => !k.includes('#')).sort();
      expect(base(Object.keys(zh.terms[group as keyof typeof zh.terms])), group).toEqual(base(Object.keys(terms)));
    }
  });
});

describe('an issue as one line', () => {
  const cases: Array<[Issue, string, string]> = [
    [{ file: 'a.apkg', code: 'anki.not-package' }, 'a.apkg: is not an Anki package', 'a.apkg：不是 Anki 包'],
    [
      { file: 'a.csv', place: { row: 3 }, code: 'csv.unclosed-quote' },
      'a.csv: row 3: has a quote',
      'a.csv，第 3 行：有一个引号',
    ],
    [
      { file: 'd.json', place: { card: 'c1' }, field: 'back.zh', code: 'value.missing' },
      'd.json: card "c1" field "back.zh": is missing',
      'd.json，卡片“c1”，字段“back.zh”：缺少这一项',
    ],
    [
      { file: 'd.json', field: 'title', code: 'value.missing' },
      'd.json: field "title": is missing',
      'd.json，字段“title”：缺少这一项',
    ],
    [
      {
        file: 'w.csv',
        place: { line: 2, column: 6 },
        code: 'file.bad-text',
        params: { encoding: 'UTF-8', byte: 'E9' },
      },
      'w.csv: line 2, column 6: is not valid UTF-8 text (byte 0xE9 cannot be read)',
      'w.csv，第 2 行第 6 列：不是有效的 UTF-8 文本（字节 0xE9 无法读取）',
    ],
    [
      { file: 'x.apkg', place: { deck: 'Spanish', card: 'v1' }, field: 'front.en', code: 'value.empty' },
      'x.apkg: deck "Spanish" card "v1" field "front.en": must not be empty',
      'x.apkg，卡组“Spanish”，卡片“v1”，字段“front.en”：不能为空',
    ],
    [
      { file: 'x.apkg', place: { media: 'a.png' }, code: 'zip.checksum' },
      'x.apkg: media file "a.png": is damaged (its checksum does not match)',
      'x.apkg，媒体文件“a.png”：已损坏（校验和不匹配）',
    ],
    [
      { file: 'b.gz', place: { table: 'settings', row: 2, key: 'study' }, field: 'value', code: 'value.missing' },
      'b.gz: table "settings", row 2 (key "study") field "value": is missing',
      'b.gz，“settings”表第 2 行（键 “study”），字段“value”：缺少这一项',
    ],
    [
      { file: 'c.csv', field: 'deckName', code: 'csv.deck-needs-name' },
      'c.csv: field "deckName": the deck needs a name',
      'c.csv，“卡组名称”列：卡组需要一个名称',
    ],
    [
      { file: 'x.apkg', code: 'warn.media-missing', params: { n: 2, names: ['a.png', 'b.mp3'] } },
      'x.apkg: 2 media files are listed but missing from the package: a.png, b.mp3',
      'x.apkg：2 个媒体文件在列表中，但包里没有：a.png、b.mp3',
    ],
    [
      { file: 'big.apkg', code: 'zip.too-big', params: { sizeBytes: 1536 * 1024 ** 2, limitBytes: 1024 ** 3 } },
      'big.apkg: would unpack to 1536 MB, more than the 1024 MB allowed',
      'big.apkg：解压后会有 1536 MB，超过了允许的 1024 MB',
    ],
  ];
  test.each(cases)(
    'regression: no "file::" when an issue has no place (%#), and the same parts in Chinese',
    (issue, english, chinese) => {
      expect(issueText(issue, 'en').startsWith(english)).toBe(true);
      expect(issueText(issue, 'zh').startsWith(chinese)).toBe(true);
    },
  );

  test('without the file (a heading above names it)', () => {
    const issue: Issue = { file: 'x.apkg', code: 'warn.no-cards', params: { n: 1 } };
    expect(issueText(issue, 'en', { file: false })).toBe('1 note has no cards and was left out');
    expect(issueText(issue, 'zh', { file: false })).toBe('1 条笔记没有卡片，没有导入');
  });
});

describe('any caught error as issues, then words', () => {
  const issue: Issue = { file: 'a.json', code: 'file.empty' };

  test('the issues of an IssueError, a part problem of the file, a cancellation, anything else', () => {
    expect(errorIssues(new IssueError([issue]), 'other')).toEqual([issue]);
    expect(errorIssues(new PartError({ code: 'zip.checksum', place: { entry: 'meta' } }), 'a.apkg')).toEqual([
      { file: 'a.apkg', code: 'zip.checksum', place: { entry: 'meta' } },
    ]);
    expect(errorIssues(new CancelledError(), 'a.csv')).toEqual([{ file: 'a.csv', code: 'error.cancelled' }]);
    expect(errorIssues(new TypeError('x is undefined'), 'a.csv')).toEqual([
      { file: 'a.csv', code: 'error.unexpected', params: { detail: 'x is undefined' } },
    ]);
  });

  test('storage failures are told apart: a full disk, a database another tab closed, any other', () => {
    const quota = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
    expect(caughtIssues(quota, 'big.apkg')).toEqual([{ file: 'big.apkg', code: 'storage.quota' }]);
    expect(caughtIssues(new Dexie.QuotaExceededError('full'))).toEqual([{ file: '', code: 'storage.quota' }]);
    expect(caughtIssues(new Dexie.DatabaseClosedError('closed'))).toEqual([{ file: '', code: 'storage.closed' }]);
    expect(caughtIssues(new Dexie.ConstraintError('Key already exists'))[0]?.code).toBe('storage.failed');
    expect(errorText(new Dexie.QuotaExceededError('full'), 'zh')).toBe('浏览器的存储空间已满：请释放一些空间后重试');
    expect(errorText(new Dexie.QuotaExceededError('full'), 'en', 'big.apkg')).toBe(
      'big.apkg: the browser has no storage space left: free some space and try again',
    );
    expect(errorText(new Error('boom'), 'zh')).not.toMatch(/boom/);
    expect(errorText(new Error('boom'), 'en')).toBe('something went wrong (boom)');
  });
});
