// The i18n layer: every user-facing string of the app, in English and Chinese, and the hook to read them.
import { createContext, useContext, type ReactNode } from 'react';

export type UiLang = 'en' | 'zh';

/** The BCP 47 tag of a language: for <html lang> and lang attributes (screen readers, CJK fonts) and Intl dates. */
export function localeTag(lang: UiLang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

const en = {
  'app.title': 'dockdeck',
  'app.tagline': 'Spaced repetition for engineers',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'nav.label': 'Main',
  'nav.library': 'Decks',
  'nav.settings': 'Settings',
  'library.heading': 'Your decks',
  'library.loading': 'Loading your decks…',
  'library.empty': 'No decks yet.',
  'library.new': 'New',
  'library.learning': 'Learning',
  'library.due': 'Due',
  'library.total': '{n} cards',
  'library.study': 'Study',
  'library.study-deck': 'Study {deck}',
  'library.done-today': 'Done for today',
  'review.loading': 'Loading cards…',
  'review.show-answer': 'Show answer',
  'review.again': 'Again',
  'review.hard': 'Hard',
  'review.good': 'Good',
  'review.easy': 'Easy',
  'review.undo': 'Undo',
  'review.back': 'Back to decks',
  'review.remaining': 'Remaining: {new} new, {learning} learning, {review} review',
  'review.show-other-lang': 'Also show {lang}',
  'review.hide-other-lang': 'Hide {lang}',
  'review.waiting': 'The next learning card is due in {time}. It will appear here when it is due.',
  'review.nothing': 'Nothing to study in this deck right now.',
  'review.summary': 'Session finished',
  'review.summary-cards': 'Cards answered',
  'review.summary-again': 'Again rate',
  'review.summary-time': 'Time spent',
  'review.summary-tomorrow': 'Due tomorrow',
  'review.summary-tomorrow-new': '{n} to review, plus up to {m} new cards',
  'review.keys':
    'Keys: Space shows the answer, 1–4 grade, - buries, @ suspends, Ctrl+1–7 flags, E edits, I shows info, U or Ctrl+Z undoes, Esc leaves.',
  'review.your-answer': 'Your answer',
  'review.check': 'Check',
  'review.correct': 'Correct',
  'review.incorrect': 'Not quite. The answer:',
  'review.note': 'Note',
  'review.source': 'Source: {doc}, “{section}”',
  'review.source-page': 'Source:',
  'review.which': 'Which one?',
  'review.choose': 'Choose an answer, then show it.',
  'review.undone': 'Answer taken back.',
  'settings.heading': 'Settings',
  'settings.study': 'Study',
  'settings.new-per-day': 'New cards per day (per deck)',
  'settings.reviews-per-day': 'Maximum reviews per day (per deck)',
  'settings.day-start': 'Next day starts at (hour, local time)',
  'settings.study-lang': 'Study cards in',
  'settings.ui-lang': 'App language',
  'settings.scheduler': 'Scheduling (FSRS)',
  'settings.retention': 'Desired retention',
  'settings.retention-help': 'The chance you want to recall a card when it is due. Higher means more reviews.',
  'settings.learning-steps': 'Learning steps',
  'settings.relearning-steps': 'Relearning steps',
  'settings.steps-help': 'Separated by spaces, e.g. "1m 10m". Units: m, h, d.',
  'settings.max-interval': 'Maximum interval (days)',
  'settings.fuzz': 'Spread due dates a little (fuzz)',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.invalid': 'Please fix the marked fields.',
  'lang.en': 'English',
  'lang.zh': '中文',
  'alert.versionchange': 'dockdeck was updated in another tab. Reload to continue; nothing you did is lost.',
  'alert.blocked': 'dockdeck is open in another tab with an older version. Close it or reload it to continue.',
  'alert.quota':
    'The browser has no storage space left, so your last change was not saved. Free some space (other sites’ data, downloads) and try again.',
  'alert.closed': 'The database was closed. Reload the page to continue.',
  'alert.storage-failed': 'Saving failed; your last action was not stored. Try again or reload the page.',
  'alert.undo-conflict': 'This answer cannot be undone: the card was answered again since (perhaps in another tab).',
  'alert.deck-load-failed': 'A built-in deck could not be loaded: {detail}',
  'alert.reload': 'Reload',
  'alert.dismiss': 'Dismiss',
  'duration.s': '{n} s',
  'duration.min': '{n} min',
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.title': 'dockdeck',
  'app.tagline': '面向工程师的间隔重复',
  'app.skip': '跳到主要内容',
  'app.loading': '正在加载…',
  'nav.label': '主导航',
  'nav.library': '卡组',
  'nav.settings': '设置',
  'library.heading': '你的卡组',
  'library.loading': '正在加载卡组…',
  'library.empty': '还没有卡组。',
  'library.new': '新卡',
  'library.learning': '学习中',
  'library.due': '待复习',
  'library.total': '{n} 张卡片',
  'library.study': '学习',
  'library.study-deck': '学习 {deck}',
  'library.done-today': '今天已完成',
  'review.loading': '正在加载卡片…',
  'review.show-answer': '显示答案',
  'review.again': '重来',
  'review.hard': '困难',
  'review.good': '良好',
  'review.easy': '简单',
  'review.undo': '撤销',
  'review.back': '返回卡组',
  'review.remaining': '剩余：{new} 新卡，{learning} 学习中，{review} 复习',
  'review.show-other-lang': '同时显示{lang}',
  'review.hide-other-lang': '隐藏{lang}',
  'review.waiting': '下一张学习卡将在 {time} 后到期，到期时会自动出现。',
  'review.nothing': '这个卡组现在没有要学习的卡片。',
  'review.summary': '本次学习结束',
  'review.summary-cards': '已回答卡片',
  'review.summary-again': '重来比例',
  'review.summary-time': '用时',
  'review.summary-tomorrow': '明天到期',
  'review.summary-tomorrow-new': '{n} 张复习，另加最多 {m} 张新卡',
  'review.keys':
    '快捷键：空格显示答案，1–4 评分，- 搁置，@ 暂停，Ctrl+1–7 标记，E 编辑，I 卡片信息，U 或 Ctrl+Z 撤销，Esc 退出。',
  'review.your-answer': '你的答案',
  'review.check': '检查',
  'review.correct': '正确',
  'review.incorrect': '不完全对。答案是：',
  'review.note': '注',
  'review.source': '出处：{doc}，“{section}”',
  'review.source-page': '出处：',
  'review.which': '是哪一个？',
  'review.choose': '先选择一个答案，再显示答案。',
  'review.undone': '已撤销上一个回答。',
  'settings.heading': '设置',
  'settings.study': '学习',
  'settings.new-per-day': '每天新卡数（每个卡组）',
  'settings.reviews-per-day': '每天最多复习数（每个卡组）',
  'settings.day-start': '新的一天开始于（本地时间，小时）',
  'settings.study-lang': '卡片学习语言',
  'settings.ui-lang': '界面语言',
  'settings.scheduler': '调度（FSRS）',
  'settings.retention': '期望记忆保持率',
  'settings.retention-help': '卡片到期时你希望记住它的概率。越高，复习越多。',
  'settings.learning-steps': '学习步长',
  'settings.relearning-steps': '重学步长',
  'settings.steps-help': '用空格分隔，例如 "1m 10m"。单位：m、h、d。',
  'settings.max-interval': '最大间隔（天）',
  'settings.fuzz': '稍微分散到期日期（模糊）',
  'settings.save': '保存设置',
  'settings.saved': '设置已保存。',
  'settings.invalid': '请修正标出的字段。',
  'lang.en': 'English',
  'lang.zh': '中文',
  'alert.versionchange': 'dockdeck 已在另一个标签页中更新。请重新加载以继续；你的所有操作都不会丢失。',
  'alert.blocked': 'dockdeck 在另一个标签页中以旧版本打开。请关闭或重新加载它以继续。',
  'alert.quota': '浏览器存储空间已满，你的上一个更改没有保存。请释放一些空间（其他网站的数据、下载的文件）后重试。',
  'alert.closed': '数据库已关闭。请重新加载页面以继续。',
  'alert.storage-failed': '保存失败；你的上一个操作没有被存储。请重试或重新加载页面。',
  'alert.undo-conflict': '无法撤销：这张卡片之后又被回答过（可能在另一个标签页中）。',
  'alert.deck-load-failed': '无法加载内置卡组：{detail}',
  'alert.reload': '重新加载',
  'alert.dismiss': '关闭',
  'duration.s': '{n} 秒',
  'duration.min': '{n} 分钟',
};

const messages: Record<UiLang, Record<MessageKey, string>> = { en, zh };

/** The app-wide catalogue of one language (for checks over every message). */
export function catalogue(lang: UiLang): Readonly<Record<MessageKey, string>> {
  return messages[lang];
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

export function translate(lang: UiLang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(messages[lang][key], params);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const LangContext = createContext<UiLang>('en');

export function I18nProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useT(): Translate {
  const lang = useContext(LangContext);
  return (key, params) => translate(lang, key, params);
}

/**
 * A feature's own messages, kept beside the feature so that features do not all edit one file.
 * `zh` must have every key `en` has (the type says so).
 */
export function defineMessages<K extends string>(en: Record<K, string>, zh: Record<K, string>) {
  return { en, zh } as const;
}

export type Messages<K extends string> = ReturnType<typeof defineMessages<K>>;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** `t` for a feature's own messages: `const t = useMessages(quizMessages)`. */
export function useMessages<K extends string>(messages: Messages<K>) {
  const lang = useContext(LangContext);
  return (key: K, params: Record<string, string | number> = {}) => fill(messages[lang][key], params);
}

export function useUiLang(): UiLang {
  return useContext(LangContext);
}
