// The words beside an answered option (review and quiz), in English and Chinese.
import { defineMessages } from '../lib/i18n';

export const choiceMessages = defineMessages(
  {
    'choice.right': 'Correct answer',
    'choice.right-chosen': 'Your answer: correct',
    'choice.wrong': 'Your answer: wrong',
  },
  {
    'choice.right': '正确答案',
    'choice.right-chosen': '你的答案：正确',
    'choice.wrong': '你的答案：错误',
  },
);
