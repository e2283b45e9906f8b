// The names of Anki's seven flag colours, in English and Chinese: one set for the review screen and the browser.
import { defineMessages } from '../lib/i18n';

export const flagMessages = defineMessages(
  {
    'flag.none': 'No flag',
    'flag.red': 'Red',
    'flag.orange': 'Orange',
    'flag.green': 'Green',
    'flag.blue': 'Blue',
    'flag.pink': 'Pink',
    'flag.turquoise': 'Turquoise',
    'flag.purple': 'Purple',
  },
  {
    'flag.none': '无旗标',
    'flag.red': '红色',
    'flag.orange': '橙色',
    'flag.green': '绿色',
    'flag.blue': '蓝色',
    'flag.pink': '粉色',
    'flag.turquoise': '青绿色',
    'flag.purple': '紫色',
  },
);
