// Text of the deck page's "load remote images" choice, in English and Chinese.
import { defineMessages } from '../../lib/i18n';

export const remoteChoiceMessages = defineMessages(
  {
    'remote.heading': 'Content from other sites',
    'remote.load-images': 'Load remote images',
    'remote.help':
      'Cards that show images from other websites tell those sites when and where you study, so such images are blocked and a note names the site instead. Turn this on to show this deck’s remote images (over https, without telling the site which page asked). Sound and video from other sites stay blocked.',
  },
  {
    'remote.heading': '来自其他网站的内容',
    'remote.load-images': '加载远程图片',
    'remote.help':
      '显示其他网站图片的卡片会让这些网站知道你何时、在何处学习，因此这类图片默认被阻止，并以注明网站的提示代替。开启后将显示此卡组的远程图片（通过 https，不告诉网站是哪个页面请求的）。来自其他网站的音频和视频仍被阻止。',
  },
);
