// The one renderer of card text: Markdown → HTML → DOMPurify. Card text is never put into the page unsanitised.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const PURIFY = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpe?g|gif|webp);|blob:|#|\/(?!\/))/i,
};

/** Markdown (or HTML) in, safe HTML out. */
export function renderCardHtml(text: string, inline = false): string {
  const html = inline ? marked.parseInline(text) : marked.parse(text);
  return DOMPurify.sanitize(html as string, PURIFY) as unknown as string;
}

interface Props {
  text: string;
  inline?: boolean;
  className?: string;
  lang?: string;
}

export function CardText({ text, inline = false, className, lang }: Props) {
  const html = renderCardHtml(text, inline);
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
