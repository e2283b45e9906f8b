// The one renderer of card text: Markdown → HTML → DOMPurify. Card text is never put into the page unsanitised.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { createContext, useContext, useEffect } from 'react';
import { useUiLang, type UiLang } from '../lib/i18n';
import { remoteMessage } from './remote-messages';
import { FRAME_CLASS, framePath, listenForFrameSizes } from './remote-frame';
import { remoteUrl, resourceUrls, type RemoteUrl } from './remote-url';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const PURIFY = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'video'],
  FORBID_ATTR: ['style', 'ping'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpe?g|gif|webp);|blob:|#|\/(?!\/))/i,
};

/** Attributes that make the browser fetch something (on any element but a link). */
const FETCHING = new Set(['src', 'srcset', 'background', 'poster', 'data', 'href', 'xlink:href', 'lowsrc', 'dynsrc']);

/**
 * What happens to images, sound and video from other sites: `block` (the default) puts a note naming the site in
 * their place; `frame` (a deck whose images the user allowed) shows remote images in the app's remote-image frame,
 * the one page whose policy lets images from other sites load; sound and video stay blocked either way.
 */
export type RemoteMode = 'block' | 'frame';

export interface RenderOptions {
  remote?: RemoteMode;
  /** The language of the notes that stand in for blocked content. */
  lang?: UiLang;
}

// The elements of the text being sanitised that referred to other sites (filled by the hook, read after), and the
// language of the notes put in their place.
let found = new Map<Element, RemoteUrl>();
let noteLang: UiLang = 'en';
let purifier: ReturnType<typeof DOMPurify> | null = null;

function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // An instance of its own: the hooks must not apply to other users of DOMPurify.
  const p = DOMPurify(window);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (!FETCHING.has(data.attrName) || ((tag === 'a' || tag === 'area') && data.attrName === 'href')) return;
    const remote = resourceUrls(data.attrValue, data.attrName === 'srcset')
      .map(remoteUrl)
      .find((r) => r !== null);
    if (!remote) return;
    // Removed here, before the browser could see it; what stands in its place is decided after sanitising.
    data.keepAttr = false;
    if (!found.has(node)) found.set(node, remote);
  });
  p.addHook('uponSanitizeElement', (node, data) => {
    // Video is not shown at all; one from another site still says what it was.
    if (data.tagName !== 'video' || !(node instanceof Element)) return;
    const refs = [node, ...node.querySelectorAll('source')].flatMap((el) => [el.getAttribute('src') ?? '']);
    const remote = refs.map(remoteUrl).find((r) => r !== null);
    if (remote && node.ownerDocument) node.before(placeholder(node.ownerDocument, 'video', remote, noteLang));
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    // A link to another site stays (following it is the user's choice) but opens apart, telling it nothing.
    if (node.nodeName === 'A' && /^(?:https?:)?\/\//i.test(node.getAttribute('href') ?? '')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = p;
  return p;
}

function placeholder(doc: Document, kind: 'image' | 'sound' | 'video', remote: RemoteUrl, lang: UiLang): Element {
  const el = doc.createElement('span');
  el.className = 'remote-blocked';
  el.setAttribute('data-remote-kind', kind);
  el.setAttribute('data-remote-host', remote.host);
  el.setAttribute('title', remote.url);
  el.textContent = remoteMessage(lang, `remote.${kind}`, remote.host);
  return el;
}

function frame(doc: Document, remote: RemoteUrl, lang: UiLang): Element {
  const el = doc.createElement('iframe');
  el.className = FRAME_CLASS;
  el.setAttribute('src', `${framePath()}#${encodeURIComponent(remote.url)}`);
  el.setAttribute('title', remoteMessage(lang, 'remote.frame', remote.host));
  el.setAttribute('referrerpolicy', 'no-referrer');
  el.setAttribute('data-remote-host', remote.host);
  return el;
}

/** Puts a note (or, for allowed images, the remote-image frame) where each remote reference was. */
function replaceRemote(elements: Map<Element, RemoteUrl>, remote: RemoteMode): void {
  const done = new Set<Element>();
  for (const [el, url] of elements) {
    const tag = el.nodeName.toLowerCase();
    const media = tag === 'source' || tag === 'track' ? el.parentElement : el;
    const mediaTag = media?.nodeName.toLowerCase();
    if (!media || done.has(media)) continue;
    done.add(media);
    if (mediaTag === 'img') {
      media.replaceWith(
        remote === 'frame'
          ? frame(el.ownerDocument, url, noteLang)
          : placeholder(el.ownerDocument, 'image', url, noteLang),
      );
    } else if (mediaTag === 'audio' || mediaTag === 'video') {
      media.replaceWith(placeholder(el.ownerDocument, mediaTag === 'audio' ? 'sound' : 'video', url, noteLang));
    } else if (tag === 'source' || tag === 'track') {
      // A <picture> falls back to its <img>; a stray <source> shows nothing.
      el.remove();
    }
  }
}

// Sanitising is the costly part of drawing a card and the same texts are drawn again and again (every render,
// both languages): keep the most recent results. Safe to share: the output depends on the text and options alone.
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

export type TextFormat = 'markdown' | 'html';

/** Markdown (or HTML) in, safe HTML out: nothing in it loads from another site (see RemoteMode). */
export function renderCardHtml(
  text: string,
  inline = false,
  format: TextFormat = 'markdown',
  options: RenderOptions = {},
): string {
  const remote = options.remote ?? 'block';
  const key = `${format === 'html' ? 'h' : inline ? 'i' : 'b'}${remote === 'frame' ? 'f' : 'k'}${options.lang ?? 'en'}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = format === 'html' ? text : inline ? marked.parseInline(text) : marked.parse(text);
  found = new Map();
  noteLang = options.lang ?? 'en';
  let safe: string;
  try {
    const fragment = purify().sanitize(html as string, { ...PURIFY, RETURN_DOM_FRAGMENT: true });
    replaceRemote(found, remote);
    const box = fragment.ownerDocument.createElement('div');
    box.append(fragment);
    safe = box.innerHTML;
  } finally {
    found = new Map();
  }
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

/** Whether the deck on screen may show images from other sites (the user's choice per deck; blocked unless). */
export const RemoteContext = createContext<RemoteMode>('block');

interface Props {
  text: string;
  inline?: boolean;
  className?: string;
  lang?: string;
}

export function CardText({ text, inline = false, className, lang }: Props) {
  const resolve = useContext(MediaContext);
  const format = useContext(TextFormatContext);
  const remote = useContext(RemoteContext);
  const uiLang = useUiLang();
  const html = renderCardHtml(resolve ? resolve(text) : text, inline, format, { remote, lang: uiLang });
  useEffect(() => {
    if (remote === 'frame') listenForFrameSizes();
  }, [remote]);
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={className ? `card-text ${className}` : 'card-text'}
      lang={lang === 'zh' ? 'zh-CN' : lang}
      // Marks the user's data, not the app's words (as deck titles are marked): the interface-language test skips it.
      data-content=""
      // Sanitised above by DOMPurify: this is the only place card text becomes HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
