// Check database's words (Settings), in English and Chinese.
import { defineMessages } from '../../lib/i18n';

export const checkMessages = defineMessages(
  {
    heading: 'Check database',
    intro:
      'Checks that every card’s schedule is the replay of its review log, and repairs the cards that differ by replaying their log. Also checks for review-log entries of cards that no longer exist, cards of decks that no longer exist, and the statistics’ day counters. Your review log itself is never changed.',
    run: 'Check database',
    running: 'Checking…',
    progress: 'Checked {done} of {total} cards',
    checked: 'Checked {cards} cards and {logs} review-log entries.',
    replayed:
      'Replayed: {recomputed} answers recomputed exactly from their rating and time; {asLogged} answers given under parameters changed since, taken as logged; {manual} manual changes (reset, set due date); {cram} cram answers.',
    'repaired-none': 'No card needed repair: every card’s schedule is the replay of its review log.',
    repaired: 'Cards repaired, their schedule not the replay of their review log: {n} ({ids}).',
    'repaired-more': '{ids} and {more} more',
    'broken-chain':
      'Review-log entries that do not follow from the entry before them (the card was changed without a log entry): {n}. They are kept as they are; the replay takes them as logged.',
    'bad-after':
      'Review-log entries without a usable result: {n}. The replay recomputed it from their rating and time.',
    'cram-moved':
      'Cram answers that had changed the schedule, which cram never does: {n}. The replay ignored the change.',
    'orphan-logs':
      'Review-log entries of cards that no longer exist: {n}. They are kept: the statistics still count them.',
    'orphan-cards': 'Cards of a deck that no longer exists: {n}. They are kept as they are.',
    'counters-ok': 'The statistics’ day counters match the review log ({days} days).',
    'counters-rebuilt': 'The statistics’ day counters did not match the review log and were rebuilt ({days} days).',
    failed:
      'Check database stopped: {message}. What it repaired before stopping stays repaired; nothing else was changed. Try again.',
  },
  {
    heading: '检查数据库',
    intro:
      '检查每张卡片的排程是否就是其复习记录的重放，并通过重放记录修复不一致的卡片。同时检查属于已不存在卡片的复习记录、属于已不存在卡组的卡片，以及统计的每日计数。复习记录本身永远不会被修改。',
    run: '检查数据库',
    running: '正在检查…',
    progress: '已检查 {done} / {total} 张卡片',
    checked: '已检查 {cards} 张卡片和 {logs} 条复习记录。',
    replayed:
      '重放：{recomputed} 次回答按评分和时间精确重算；{asLogged} 次回答是在参数更改之前给出的，按记录采用；{manual} 次手动更改（重置、设置到期日）；{cram} 次突击复习回答。',
    'repaired-none': '没有卡片需要修复：每张卡片的排程都是其复习记录的重放。',
    repaired: '已修复 {n} 张排程与复习记录重放不一致的卡片：{ids}。',
    'repaired-more': '{ids} 等另外 {more} 张',
    'broken-chain':
      '{n} 条复习记录与前一条不衔接（卡片曾在没有记录的情况下被更改）。这些记录保持原样，重放按记录采用。',
    'bad-after': '{n} 条复习记录没有可用的结果，重放已根据其评分和时间重新计算。',
    'cram-moved': '{n} 次突击复习回答改变了排程（突击复习从不改变排程），重放已忽略该更改。',
    'orphan-logs': '{n} 条复习记录属于已不存在的卡片。它们被保留：统计仍会计入。',
    'orphan-cards': '{n} 张卡片属于已不存在的卡组。它们保持原样。',
    'counters-ok': '统计的每日计数与复习记录一致（{days} 天）。',
    'counters-rebuilt': '统计的每日计数与复习记录不一致，已重建（{days} 天）。',
    failed: '检查数据库已中止：{message}。中止前已修复的内容保持修复状态，其他内容未被更改。请重试。',
  },
);
