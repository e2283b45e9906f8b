// @vitest-environment jsdom
// The search help panel and the syntax-error note, in both interface languages: every example is a valid query, the
// Chinese panel has no English words outside the syntax, an example can be picked, and an error points at its place.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseQuery } from '../../src/domain/search/parse';
import { SEARCH_HELP, SearchHelp } from '../../src/features/browse/search-help';
import { SearchErrorNote, caretLine } from '../../src/features/browse/search-error';
import { I18nProvider, type UiLang } from '../../src/lib/i18n';

const inLang = (lang: UiLang, ui: React.ReactNode) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

/** The text of an element, leaving out what is marked as not the app's words (the syntax, the user's query). */
function interfaceText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[data-content]')) el.remove();
  return copy.textContent ?? '';
}

describe('the help panel', () => {
  test('every example in it is a query the parser takes', () => {
    const examples = SEARCH_HELP.flatMap((g) => g.rows.flatMap((r) => r.syntax));
    expect(examples.length).toBeGreaterThan(40);
    for (const e of examples) expect(parseQuery(e), e).toMatchObject({ ok: true });
  });

  test('in English: a titled region with a section per kind of term, each example beside its explanation', () => {
    inLang('en', <SearchHelp />);
    const panel = screen.getByRole('region', { name: 'Search' });
    for (const name of [
      'Text',
      'Decks, tags and card types',
      'Card state and flags',
      'Card properties',
      'Recent events',
    ]) {
      expect(within(panel).getByRole('region', { name })).toBeInTheDocument();
    }
    const row = within(panel).getByText('prop:d>0.8').closest('div')!;
    expect(row).toHaveTextContent(/Difficulty over 0\.8: FSRS difficulty \(1–10\) shown from 0 \(easiest\) to 1/);
    expect(within(panel).getByText('deck:docker*').closest('div')).toHaveTextContent('starts with “docker”');
    // No example is a button when nothing takes a pick.
    expect(within(panel).queryAllByRole('button')).toEqual([]);
  });

  test('in Chinese: the explanations are Chinese, the syntax stays as typed and is marked not to translate', () => {
    inLang('zh', <SearchHelp />);
    const panel = screen.getByRole('region', { name: '搜索' });
    expect(within(panel).getByRole('region', { name: '卡片属性' })).toBeInTheDocument();
    expect(within(panel).getByText('is:due').closest('div')).toHaveTextContent('今天到期的复习卡片');
    const code = within(panel).getByText('prop:r<0.7');
    expect(code).toHaveAttribute('translate', 'no');
    const english = (interfaceText(panel).match(/[A-Za-z]{3,}/g) ?? []).filter((w) => w !== 'FSRS' && w !== 'Anki');
    // Quoted names (a deck or tag prefix the example uses) are the example's, not the interface's.
    expect(english.filter((w) => !['docker', 'net', 'none'].includes(w))).toEqual([]);
  });

  test('with onPick, each example is a button that hands over its text; operators and escapes are not', async () => {
    const picked: string[] = [];
    const user = userEvent.setup();
    inLang('en', <SearchHelp onPick={(s) => picked.push(s)} />);
    await user.click(screen.getByRole('button', { name: 'is:due' }));
    await user.click(screen.getByRole('button', { name: 'deck:"Containers vs virtual machines"' }));
    expect(picked).toEqual(['is:due', 'deck:"Containers vs virtual machines"']);
    expect(screen.queryByRole('button', { name: '>=' })).toBeNull();
    expect(screen.queryByRole('button', { name: '\\*' })).toBeNull();
    expect(screen.getByText('Choose an example to add it to the search.')).toBeInTheDocument();
  });
});

describe('a syntax error', () => {
  const errorOf = (query: string) => {
    const r = parseQuery(query);
    if (r.ok) throw new Error(`${query} parsed`);
    return r.error;
  };

  test('says what is wrong and where, in English, with the wrong part marked and a caret under it', () => {
    const query = 'deck:docker is:nwe';
    const { container } = inLang('en', <SearchErrorNote query={query} error={errorOf(query)} />);
    expect(screen.getByText('At character 16: “nwe” is not a card state. Did you mean “new”?')).toBeInTheDocument();
    expect(container.querySelector('mark')).toHaveTextContent('nwe');
    const pre = container.querySelector('pre')!;
    expect(pre).toHaveAttribute('aria-hidden', 'true');
    expect(pre.textContent!.split('\n')).toEqual([query, ' '.repeat(15) + '^^^']);
  });

  test('in Chinese, with the valid values listed and quoted, and the caret under a Chinese query', () => {
    const query = '容器 is:旧';
    const { container } = inLang('zh', <SearchErrorNote query={query} error={errorOf(query)} id="e1" />);
    const text = container.querySelector('p')!.textContent!;
    expect(text).toBe(
      '第 7 个字符处：“旧”不是卡片状态。“is:”后面可以写：“new”、“learn”、“review”、“due”、“suspended”、“buried”、“flagged”。',
    );
    expect(container.querySelector('#e1')).not.toBeNull();
    expect(container.querySelector('pre')!.textContent!.split('\n')[1]).toBe('\u3000\u3000    ＾');
  });

  test('an error at the end of the query (nothing there) still gets one caret', () => {
    expect(caretLine('prop:ivl>', 9, 0)).toBe(' '.repeat(9) + '^');
    expect(caretLine('a\tb', 2, 1)).toBe(' \t^');
  });
});
