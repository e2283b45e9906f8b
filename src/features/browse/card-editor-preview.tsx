// The card editor's live preview: the card as it is being written, in English and Chinese side by side, every text
// through the one sanitising renderer (CardText), as the deck writes it (Markdown, or HTML for Anki decks).
import { useMemo } from 'react';
import type { DeckCard } from '../../domain/deck-schema';
import { mediaNames } from '../../domain/media-refs';
import { LANGS, renderCloze, type Lang } from '../../domain/text';
import { useMediaResolver } from '../../db/react/use-media';
import { CardText, MediaContext, TextFormatContext, type TextFormat } from '../../ui/card-text';
import { SourceLine } from '../../ui/source-line';
import type { EditorT } from './card-editor-problems';

interface Props {
  card: DeckCard;
  /** The mcq's right choice, null while none is picked (the card itself must hold a number). */
  answer: number | null;
  deckId: string;
  format: TextFormat;
  m: EditorT;
}

/** Every text of the card, for the media files they name. */
function textsOf(card: DeckCard): string[] {
  const all: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') all.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(card);
  return all;
}

export function CardPreview({ card, answer, deckId, format, m }: Props) {
  const names = useMemo(() => [...new Set(textsOf(card).flatMap(mediaNames))], [card]);
  const resolve = useMediaResolver(deckId, names);
  return (
    <section className="editor-preview" aria-labelledby="editor-preview-title">
      <h3 id="editor-preview-title">{m('preview.title')}</h3>
      <MediaContext.Provider value={resolve}>
        <TextFormatContext.Provider value={format}>
          <div className="preview-langs">
            {LANGS.map((lang) => (
              <div key={lang} className="card preview-card" data-lang={lang} data-testid={`preview-${lang}`}>
                <h4 className="preview-lang">{m(`lang.${lang}`)}</h4>
                <PreviewBody card={card} answer={answer} lang={lang} m={m} />
              </div>
            ))}
          </div>
        </TextFormatContext.Provider>
      </MediaContext.Provider>
    </section>
  );
}

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="preview-part">
      <p className="preview-kicker">{title}</p>
      {children}
    </div>
  );
}

interface BodyProps {
  card: DeckCard;
  answer: number | null;
  lang: Lang;
  m: EditorT;
}

function PreviewBody(props: BodyProps) {
  const { card, lang } = props;
  return (
    <>
      <PreviewFaces {...props} />
      {card.note && (
        <aside className="card-note">
          <CardText inline text={card.note[lang]} lang={lang} />
        </aside>
      )}
      {card.source.section.trim() !== '' && (card.source.doc || card.source.url) && <SourceLine source={card.source} />}
    </>
  );
}

function PreviewFaces({ card, answer, lang, m }: BodyProps) {
  const q = m('preview.question');
  const a = m('preview.answer');
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return (
        <>
          <Part title={q}>
            <CardText text={card.front[lang]} lang={lang} />
          </Part>
          <Part title={a}>
            <CardText text={card.back[lang]} lang={lang} />
          </Part>
        </>
      );
    case 'cloze': {
      // The first gap, as its study card asks it and answers it.
      const n = Number(/\{\{c(\d+)::/.exec(card.text[lang])?.[1] ?? 1);
      return (
        <>
          <Part title={q}>
            <CardText text={renderCloze(card.text[lang], n, false)} lang={lang} />
          </Part>
          <Part title={a}>
            <CardText text={renderCloze(card.text[lang], n, true)} lang={lang} />
            {card.extra && <CardText className="extra" text={card.extra[lang]} lang={lang} />}
          </Part>
        </>
      );
    }
    case 'mcq':
      return (
        <Part title={q}>
          <CardText text={card.question[lang]} lang={lang} />
          <ol className="preview-choices">
            {card.choices.map((c, i) => (
              <li key={i} className={i === answer ? 'right' : undefined}>
                <CardText inline text={c[lang]} lang={lang} />
                {i === answer && <span className="preview-right"> ✓ {m('preview.right')}</span>}
              </li>
            ))}
          </ol>
          {card.explanation && <CardText text={card.explanation[lang]} lang={lang} />}
        </Part>
      );
    case 'classify':
      return (
        <Part title={q}>
          <CardText text={card.prompt[lang]} lang={lang} />
          <ul className="preview-items">
            {card.items.map((item) => (
              <li key={item.id}>
                <CardText inline text={item.text[lang]} lang={lang} /> →{' '}
                <CardText
                  inline
                  text={card.categories.find((c) => c.id === item.category)?.label[lang] ?? '?'}
                  lang={lang}
                />
              </li>
            ))}
          </ul>
        </Part>
      );
    case 'type-in':
      return (
        <>
          <Part title={q}>
            <CardText text={card.prompt[lang]} lang={lang} />
          </Part>
          <Part title={a}>
            <CardText text={card.answer[lang]} lang={lang} />
            {card.accept.length > 0 && (
              <p className="help">
                {m('preview.accept')} <span data-content>{card.accept.join(lang === 'zh' ? '、' : ', ')}</span>
              </p>
            )}
          </Part>
        </>
      );
  }
}
