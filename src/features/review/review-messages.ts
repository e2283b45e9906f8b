// The review screen's own words beyond the app-wide catalogue: what a screen reader hears once a choice is answered.
import { defineMessages } from '../../lib/i18n';

export const reviewMessages = defineMessages(
  {
    'result.right': 'Correct. The answer is {letter}:',
    'result.wrong': 'Not quite: you chose {chosen}. The answer is {letter}:',
    'result.answer': 'The answer is {letter}:',
  },
  {
    'result.right': '正确。答案是 {letter}：',
    'result.wrong': '不对：你选了 {chosen}。答案是 {letter}：',
    'result.answer': '答案是 {letter}：',
  },
);
