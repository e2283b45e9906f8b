// Card text in a quiz drawn as the review screen draws it: in its deck's text format (Markdown or HTML, which the
// question carries), with the deck's media files (images, sound) resolved and its remote-image choice. A quiz mixes
// decks: each its own. A question's source line shows only if its deck cites sources (not an Anki or CSV import).
import { useMemo, type ReactNode } from 'react';
import { mediaNames } from '../../domain/media-refs';
import type { Question } from '../../domain/quiz/quiz-schema';
import type { Lang } from '../../domain/text';
import { db } from '../../db/connection';
import { readCitedSources, readRemoteImages } from '../../db/deck-prefs';
import { useLiveQuery } from '../../db/react/live';
import { useMediaResolver } from '../../db/react/use-media';
import { MediaContext, RemoteContext, TextFormatContext } from '../../ui/card-text';
import { SourcesContext } from '../../ui/source-line';

/** Every piece of card text a question shows, in one language. */
export function questionTexts(q: Question, lang: Lang): string[] {
  const out = [q.prompt[lang], ...(q.kicker ? [q.kicker[lang]] : [])];
  if (q.kind === 'mcq' || q.kind === 'classify') out.push(...q.options.map((o) => o[lang]));
  if (q.kind === 'classify') out.push(q.item[lang]);
  if (q.kind === 'true-false') out.push(q.statement[lang], q.correct[lang]);
  if (q.kind === 'type-in') out.push(q.answer[lang]);
  if (q.kind === 'open') for (const k of q.keyPoints) out.push(k.text[lang], ...(k.hint ? [k.hint[lang]] : []));
  return out;
}

export function DeckText({ question, lang, children }: { question: Question; lang: Lang; children: ReactNode }) {
  const names = useMemo(() => [...new Set(questionTexts(question, lang).flatMap(mediaNames))], [question, lang]);
  const resolve = useMediaResolver(question.deckId, names);
  const remote = useLiveQuery(() => readRemoteImages(db(), question.deckId), [question.deckId]);
  // Until known, no source line: better none for a moment than an Anki card's file name flashing by.
  const cited = useLiveQuery(() => readCitedSources(db(), question.deckId), [question.deckId]);
  return (
    <TextFormatContext.Provider value={question.format ?? 'markdown'}>
      <MediaContext.Provider value={resolve}>
        <RemoteContext.Provider value={remote ? 'frame' : 'block'}>
          <SourcesContext.Provider value={cited ?? false}>{children}</SourcesContext.Provider>
        </RemoteContext.Provider>
      </MediaContext.Provider>
    </TextFormatContext.Provider>
  );
}
