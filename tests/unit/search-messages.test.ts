// The words of every search syntax error, in both languages: each code has them, every placeholder is filled, and
// the Chinese message quotes what is syntax (so that no English word stands in Chinese text unquoted).
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../src/domain/search/parse';
import { SEARCH_ERROR_CODES, type SearchError } from '../../src/domain/search/query';
import { searchErrorMessages, searchErrorText } from '../../src/features/browse/search-messages';

/** A query for each error and each of its wordings (with a suggestion, with a part missing). */
const BAD = [
  ...['"a', '(a', 'a)', '()', 'a or', 'and a', 'a -', '('.repeat(65) + 'a', ':a', 'x:1', 'decks:x', 'note:x'],
  ...['deck:', 'is:x', 'is:nwe', 'type:x', 'type:typein', 'prop:x>1', 'prop:ivvl>1', 'prop:>1', 'prop:ivl=>1'],
  ...['prop:ivl', 'prop:ivl>x', 'prop:ivl>', 'prop:ivl>1.5', 'prop:d>2', 'flag:9', 'rated:0', 'rated:1:9'],
];

const errors: SearchError[] = BAD.map((q) => {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`${q} parsed`);
  return r.error;
});

describe('search error words', () => {
  test('the sample queries reach every error code, and every wording of the catalogue', () => {
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(SEARCH_ERROR_CODES));
    for (const code of SEARCH_ERROR_CODES) expect(searchErrorMessages.en, code).toHaveProperty(code);
  });

  test.each(BAD.map((q, i) => [q, errors[i]!] as const))('%s', (_query, error) => {
    const en = searchErrorText(error, 'en');
    const zh = searchErrorText(error, 'zh');
    expect(en).toMatch(new RegExp(`^At character ${error.at + 1}: `));
    expect(zh).toMatch(new RegExp(`^第 ${error.at + 1} 个字符处：`));
    for (const text of [en, zh]) expect(text).not.toMatch(/\{\w+\}/);
    const unquoted = zh.replace(/“[^”]*”/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
    expect(unquoted.filter((w) => w !== 'dockdeck' && w !== 'Anki')).toEqual([]);
  });

  test('a suggestion and a list read as the language writes them', () => {
    const suggest = errors[BAD.indexOf('decks:x')]!;
    expect(searchErrorText(suggest, 'en')).toBe(
      'At character 1: There is no search field “decks:”. Did you mean “deck:”?',
    );
    const list = errors[BAD.indexOf('prop:ivl=>1')]!;
    expect(searchErrorText(list, 'en')).toBe(
      'At character 9: “=>” is not an operator. After “prop:ivl” write one of <, <=, >, >=, =, !=.',
    );
    expect(searchErrorText(list, 'zh')).toBe(
      '第 9 个字符处：“=>”不是运算符。“prop:ivl”后面可以写：“<”、“<=”、“>”、“>=”、“=”、“!=”。',
    );
  });
});
