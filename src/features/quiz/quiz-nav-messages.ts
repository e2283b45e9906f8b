// The quiz's entry in the main navigation, kept apart from the feature's other text so the shell loads only this.
import { defineMessages } from '../../lib/i18n';

export const quizNavMessages = defineMessages({ 'nav.quiz': 'Quiz' }, { 'nav.quiz': '测验' });
