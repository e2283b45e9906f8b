// The settings screen's words for what is wrong with a value (domain reports codes), and for the theme, in English and
// Chinese.
import { defineMessages } from '../../lib/i18n';

export const settingsMessages = defineMessages(
  {
    'problem.whole-number': 'Enter a whole number from {min} to {max}.',
    'problem.number': 'Enter a number from {min} to {max}.',
    'problem.one-of': 'Choose one of: {options}.',
    'problem.true-or-false': 'Choose on or off.',
    'problem.steps': 'Enter the steps separated by spaces, e.g. "1m 10m".',
    'problem.step': 'Step {n} is not valid: a step is a whole number from 1 followed by m, h or d, e.g. 10m.',
    'problem.weights': 'Must be {count} numbers (FSRS-6 parameters).',
    'problem.name': 'Give the preset a name (at most 60 characters).',
    'theme.label': 'Colours',
    'theme.system': 'As the system',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
  },
  {
    'problem.whole-number': '请输入 {min} 到 {max} 之间的整数。',
    'problem.number': '请输入 {min} 到 {max} 之间的数字。',
    'problem.one-of': '请从以下选项中选择：{options}。',
    'problem.true-or-false': '请选择开或关。',
    'problem.steps': '请输入用空格分隔的步长，例如 "1m 10m"。',
    'problem.step': '第 {n} 个步长无效：步长是从 1 起的整数加 m、h 或 d，例如 10m。',
    'problem.weights': '必须是 {count} 个数字（FSRS-6 参数）。',
    'problem.name': '请给预设起个名字（最多 60 个字符）。',
    'theme.label': '配色',
    'theme.system': '跟随系统',
    'theme.light': '浅色',
    'theme.dark': '深色',
  },
);
