// The search language's words, in English and Chinese: what a syntax error says, and the help panel's explanations
// (the syntax itself is not translated: it is what the user types, see search-help.tsx).
import { defineMessages, type UiLang } from '../../lib/i18n';
import type { SearchError } from '../../domain/search/query';

/** One message per error code, and a variant where the error has a suggestion or lacks a part. */
export const searchErrorMessages = defineMessages(
  {
    at: 'At character {n}: {message}',
    'unclosed-quote': 'This quote mark is not closed: add the closing " (to search for a quote mark, write \\").',
    'unclosed-paren': 'This parenthesis is not closed: add a ) after what it groups.',
    'unmatched-paren': 'This ) closes nothing: remove it (to search for a parenthesis, write \\) ).',
    'empty-parens': 'These parentheses are empty: put a search term inside them, or remove them.',
    'dangling-operator': '“{op}” needs a search term on each side.',
    'nothing-to-negate':
      '“-” leaves out what follows it, with no space in between (to search for a hyphen, write \\-).',
    'too-deep': 'Parentheses and “-” are nested more than {max} deep here.',
    'stray-colon': 'A colon follows the name of a search field: {valid}. To search for a colon, write \\:.',
    'unknown-field': 'There is no search field “{field}:”. The fields are {valid}. To search for a colon, write \\:.',
    'unknown-field-suggest': 'There is no search field “{field}:”. Did you mean “{suggestion}:”?',
    'anki-only-field': 'Anki’s “{field}:” search is not in dockdeck. The fields are {valid}.',
    'empty-value': 'Nothing follows “{field}:”: write what to search for (in quotes if it has spaces).',
    'unknown-is': '“{value}” is not a card state. After “{field}:” write one of {valid}.',
    'unknown-is-suggest': '“{value}” is not a card state. Did you mean “{suggestion}”?',
    'unknown-type': '“{value}” is not a card type. After “{field}:” write one of {valid}.',
    'unknown-type-suggest': '“{value}” is not a card type. Did you mean “{suggestion}”?',
    'unknown-prop': '“{name}” is not a card property. After “{field}:” write one of {valid}.',
    'unknown-prop-suggest': '“{name}” is not a card property. Did you mean “{suggestion}”?',
    'unknown-prop-empty': 'A card property is missing after “{field}:”: one of {valid}, then an operator and a number.',
    'bad-operator': '“{got}” is not an operator. After “{term}” write one of {valid}.',
    'bad-operator-missing': 'An operator is missing after “{term}”: one of {valid}, then a number.',
    'bad-number': '“{value}” is not a number. After the operator write a number.',
    'bad-number-empty': 'A number is missing after the operator.',
    'not-whole': '“{term}” takes a whole number, not “{value}”.',
    'out-of-range': '“{value}” is out of range: “{term}” goes from {min} to {max}.',
    'bad-flag': '“{value}” is not a flag. After “{field}:” write a number from 0 (no flag) to {max}.',
    'bad-days': 'After “{field}:” write a whole number of days, from 1 (today) to {max}.',
    'bad-ease': 'After the days, write a rating: 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).',
  },
  {
    at: '第 {n} 个字符处：{message}',
    'unclosed-quote': '这个引号没有闭合：请补上结尾的 "（要搜索引号本身，请写 \\"）。',
    'unclosed-paren': '这个括号没有闭合：请在它括住的内容后面补上 )。',
    'unmatched-paren': '这个 ) 前面没有对应的 (：请删去它（要搜索括号本身，请写 \\) ）。',
    'empty-parens': '括号里是空的：请在括号里写上搜索词，或删去括号。',
    'dangling-operator': '“{op}”的两边都需要有搜索词。',
    'nothing-to-negate': '“-”表示排除紧跟在它后面的内容，中间不能有空格（要搜索连字符本身，请写 \\-）。',
    'too-deep': '这里的括号和“-”嵌套超过了 {max} 层。',
    'stray-colon': '冒号前面应是搜索字段的名称：{valid}。要搜索冒号本身，请写 \\:。',
    'unknown-field': '没有“{field}:”这个搜索字段。可用的字段有：{valid}。要搜索冒号本身，请写 \\:。',
    'unknown-field-suggest': '没有“{field}:”这个搜索字段。你是想输入“{suggestion}:”吗？',
    'anki-only-field': 'dockdeck 不支持 Anki 的“{field}:”搜索。可用的字段有：{valid}。',
    'empty-value': '“{field}:”后面什么也没有：请写上要搜索的内容（含空格时请加引号）。',
    'unknown-is': '“{value}”不是卡片状态。“{field}:”后面可以写：{valid}。',
    'unknown-is-suggest': '“{value}”不是卡片状态。你是想输入“{suggestion}”吗？',
    'unknown-type': '“{value}”不是卡片类型。“{field}:”后面可以写：{valid}。',
    'unknown-type-suggest': '“{value}”不是卡片类型。你是想输入“{suggestion}”吗？',
    'unknown-prop': '“{name}”不是卡片属性。“{field}:”后面可以写：{valid}。',
    'unknown-prop-suggest': '“{name}”不是卡片属性。你是想输入“{suggestion}”吗？',
    'unknown-prop-empty': '“{field}:”后面缺少卡片属性：应为 {valid} 之一，再接运算符和数字。',
    'bad-operator': '“{got}”不是运算符。“{term}”后面可以写：{valid}。',
    'bad-operator-missing': '“{term}”后面缺少运算符：应为 {valid} 之一，再接一个数字。',
    'bad-number': '“{value}”不是数字。运算符后面请写一个数字。',
    'bad-number-empty': '运算符后面缺少数字。',
    'not-whole': '“{term}”后面要写整数，而不是“{value}”。',
    'out-of-range': '“{value}”超出范围：“{term}”的取值是 {min} 到 {max}。',
    'bad-flag': '“{value}”不是旗标。“{field}:”后面请写 0（无旗标）到 {max} 的数字。',
    'bad-days': '“{field}:”后面请写天数：1（今天）到 {max} 的整数。',
    'bad-ease': '天数后面请写评分：1（重来）、2（困难）、3（良好）或 4（简单）。',
  },
);

type ErrorKey = keyof typeof searchErrorMessages.en;

/** The message of an error: its code, or the variant for a suggestion, or for a part that is missing. */
function errorKey(error: SearchError): ErrorKey {
  const p = error.params;
  const code = error.code;
  if (
    (code === 'unknown-field' || code === 'unknown-is' || code === 'unknown-type' || code === 'unknown-prop') &&
    p.suggestion !== undefined
  ) {
    return `${code}-suggest`;
  }
  if (code === 'unknown-prop' && p.name === '') return 'unknown-prop-empty';
  if (code === 'bad-operator' && p.got === '') return 'bad-operator-missing';
  if (code === 'bad-number' && p.value === '') return 'bad-number-empty';
  return code;
}

/** A list as the language writes one: `a, b, c`, or in Chinese each item quoted (they are syntax) and joined by 、. */
function joinList(items: readonly string[], lang: UiLang): string {
  return lang === 'zh' ? items.map((x) => `“${x}”`).join('、') : items.join(', ');
}

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);

/** What a syntax error says, in the user's language, starting with where it is (counted from 1, as people count). */
export function searchErrorText(error: SearchError, lang: UiLang): string {
  const words = searchErrorMessages[lang];
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params)) params[k] = typeof v === 'object' ? joinList(v, lang) : String(v);
  const message = fill(words[errorKey(error)], params);
  return fill(words.at, { n: String(error.at + 1), message });
}

/** The help panel's words; the syntax each one explains is in search-help.tsx. */
export const searchHelpMessages = defineMessages(
  {
    title: 'Search',
    intro:
      'Words side by side must all match; “or” between them lets either one; “-” before a term leaves it out; parentheses group. Search words, quoted text and names ignore case.',
    'group.text': 'Text',
    'group.where': 'Decks, tags and card types',
    'group.state': 'Card state and flags',
    'group.props': 'Card properties',
    'group.recent': 'Recent events',
    'text.word':
      'Cards with this text anywhere in either language: question, answer, choices, cloze text, extra text, note. Chinese is found inside longer words.',
    'text.and': 'Cards with both words, in any order.',
    'text.or': 'Cards with either word.',
    'text.group': 'Cards with the first word and either of the others.',
    'text.not': 'Cards without the word.',
    'text.phrase': 'The exact phrase, spaces included.',
    'text.wildcards': 'A star is any run of characters (none too), an underscore any one character.',
    'text.escape':
      'A backslash takes away a character’s meaning: a literal star, underscore, quote mark, colon, parenthesis or leading minus.',
    'where.deck': 'Cards of a deck, by its id or its title in either language.',
    'where.deck-quoted': 'A title with spaces goes in quotes.',
    'where.deck-wildcard': 'Decks whose id or title starts with “{prefix}”.',
    'where.tag': 'Cards with the tag, or one of its subtags (written with ::).',
    'where.tag-wildcard': 'Tags starting with “{prefix}”; “{none}” finds cards with no tags.',
    'where.type':
      'Card type, in this order: basic, reverse (the back-to-front card of a two-way card), cloze, multiple choice, classify, type-in, compare (the cards of a trait table).',
    'state.new': 'New cards, never studied.',
    'state.learn': 'Cards in learning, and forgotten cards being relearned.',
    'state.review': 'Review cards, forgotten ones being relearned included.',
    'state.due': 'Review cards due today and learning cards due now (not suspended or buried cards).',
    'state.suspended': 'Suspended cards: never shown until unsuspended.',
    'state.buried': 'Buried cards: back on the next study day.',
    'state.flagged': 'Cards with any flag.',
    'state.flag': 'Cards with flag 1–7 (red, orange, green, blue, pink, turquoise, purple); 0 is no flag.',
    'props.operators': 'Each property below is compared with one of these operators.',
    'props.ivl': 'Interval of 10 days or more.',
    'props.due': 'Due tomorrow; 0 is today, −1 yesterday (overdue). Study days start at the hour set in the settings.',
    'props.overdue': 'Overdue cards (due before today).',
    'props.s': 'Stability over 30 days: the time for recall to fall to 90% (FSRS).',
    'props.d': 'Difficulty over 0.8: FSRS difficulty (1–10) shown from 0 (easiest) to 1 (hardest), as Anki shows it.',
    'props.r': 'Retrievability now under 0.7: the predicted chance of recalling the card today (FSRS).',
    'props.reps': 'Answered more than 10 times.',
    'props.lapses': 'Forgotten more than 3 times.',
    'recent.rated': 'Answered today; 7 is the last 7 days.',
    'recent.rated-ease': 'Answered Again in the last 7 days (1 Again, 2 Hard, 3 Good, 4 Easy).',
    'recent.added': 'Added in the last 7 days; 1 is today.',
    pick: 'Choose an example to add it to the search.',
  },
  {
    title: '搜索',
    intro:
      '并列的多个词必须全部匹配；词之间写“or”表示任一匹配即可；词前加“-”表示排除；括号用于分组。搜索词、引号里的文字和名称都不区分大小写。',
    'group.text': '文字',
    'group.where': '卡组、标签和卡片类型',
    'group.state': '卡片状态和旗标',
    'group.props': '卡片属性',
    'group.recent': '最近的事件',
    'text.word':
      '任一语言的卡片文字中含有这个词：问题、答案、选项、填空文字、附加文字、注释。中文词在更长的词语中也能找到。',
    'text.and': '同时含有两个词的卡片，顺序不限。',
    'text.or': '含有其中任一个词的卡片。',
    'text.group': '含有第一个词，并含有后两个词之一的卡片。',
    'text.not': '不含这个词的卡片。',
    'text.phrase': '完全一致的短语，包括空格。',
    'text.wildcards': '星号表示任意多个字符（也可以没有），下划线表示任意一个字符。',
    'text.escape': '反斜杠取消字符的特殊含义：表示星号、下划线、引号、冒号、括号或开头的减号本身。',
    'where.deck': '某个卡组的卡片，可用卡组编号或任一语言的标题。',
    'where.deck-quoted': '含空格的标题要加引号。',
    'where.deck-wildcard': '编号或标题以“{prefix}”开头的卡组。',
    'where.tag': '带有这个标签或其子标签（用 :: 分隔）的卡片。',
    'where.tag-wildcard': '以“{prefix}”开头的标签；“{none}”表示没有标签的卡片。',
    'where.type':
      '卡片类型，依次为：基础、反向（双向卡片中从背面问正面的那张）、填空、选择题、分类、输入答案、对比（特征表的卡片）。',
    'state.new': '新卡片，从未学习过。',
    'state.learn': '学习中的卡片，以及遗忘后正在重学的卡片。',
    'state.review': '复习卡片，包括遗忘后正在重学的卡片。',
    'state.due': '今天到期的复习卡片和现在到期的学习卡片（不含暂停或搁置的卡片）。',
    'state.suspended': '已暂停的卡片：取消暂停之前不会出现。',
    'state.buried': '已搁置的卡片：下一个学习日会回来。',
    'state.flagged': '带有任意旗标的卡片。',
    'state.flag': '带有旗标 1–7（红、橙、绿、蓝、粉、青、紫）的卡片；0 表示没有旗标。',
    'props.operators': '下面的每个属性都用这些运算符之一比较。',
    'props.ivl': '间隔为 10 天或更长。',
    'props.due': '明天到期；0 是今天，−1 是昨天（已逾期）。学习日从设置中的钟点开始。',
    'props.overdue': '已逾期的卡片（今天之前到期）。',
    'props.s': '稳定性超过 30 天：记忆概率降到 90% 所需的时间（FSRS）。',
    'props.d': '难度高于 0.8：FSRS 难度（1–10）按 Anki 的显示方式换算为 0（最容易）到 1（最难）。',
    'props.r': '当前可提取性低于 0.7：预测今天能想起这张卡片的概率（FSRS）。',
    'props.reps': '回答超过 10 次。',
    'props.lapses': '遗忘超过 3 次。',
    'recent.rated': '今天回答过；7 表示最近 7 天。',
    'recent.rated-ease': '最近 7 天回答过“重来”（1 重来、2 困难、3 良好、4 简单）。',
    'recent.added': '最近 7 天添加的；1 表示今天。',
    pick: '选择一个示例，把它加入搜索。',
  },
);
