// The one renderer of card text: Markdown → HTML → DOMPurify. Card text is never put into the page unsanitised.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { createContext, useContext } from 'react';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const PURIFY = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'video'],
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpe?g|gif|webp);|blob:|#|\/(?!\/))/i,
};

// Sanitising is the costly part of drawing a card and the same texts are drawn again and again (every render,
// both languages): keep the most recent results. Safe to share: the output depends on the text alone.
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

export type TextFormat = 'markdown' | 'html';

/** Markdown (or HTML) in, safe HTML out. */
export function renderCardHtml(text: string, inline = false, format: TextFormat = 'markdown'): string {
  const key = (format === 'html' ? 'h:' : inline ? 'i:' : 'b:') + text;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = format === 'html' ? text : inline ? marked.parseInline(text) : marked.parse(text);
  const safe = DOMPurify.sanitize(html as string, PURIFY) as unknown as string;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, safe);
  return safe;
}

/**
 * How the text's media references become URLs (blob URLs of the deck's stored files). The resolving itself is
 * done by the caller's `resolve`, before sanitising, so only the URLs the app made get through.
 */
export const MediaContext = createContext<((text: string) => string) | null>(null);

/** How the deck on screen writes its text: Markdown, or HTML that must not be run through Markdown. */
export const TextFormatContext = createContext<TextFormat>('markdown');

interface Props {
  text: string;
  inline?: boolean;
  className?: string;
  lang?: string;
}

export function CardText({ text, inline = false, className, lang }: Props) {
  const resolve = useContext(MediaContext);
  const format = useContext(TextFormatContext);
  const html = renderCardHtml(resolve ? resolve(text) : text, inline, format);
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={className ? `card-text ${className}` : 'card-text'}
      lang={lang === 'zh' ? 'zh-CN' : lang}
      // Sanitised above by DOMPurify: this is the only place card text becomes HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
