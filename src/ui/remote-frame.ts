// The remote-image frame's side in the app: each frame says how big its image is, and gets that size.
//
// Images from other sites never load in the app's page (its Content-Security-Policy allows images from the app,
// blob: and data: only). For a deck whose remote images the user allowed, each is shown in a frame holding the
// page `remote-image.html` (written by scripts/vite-csp.ts), whose own policy allows https: images and nothing
// else; it posts the image's natural size here.

export const FRAME_CLASS = 'remote-frame';
export const FRAME_MESSAGE = 'dockdeck:remote-image';

export function framePath(): string {
  return `${import.meta.env.BASE_URL}remote-image.html`;
}

let listening = false;

export function listenForFrameSizes(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    if (e.origin !== window.location.origin) return;
    const d = e.data as { type?: unknown; width?: unknown; height?: unknown; error?: unknown } | null;
    if (!d || d.type !== FRAME_MESSAGE) return;
    for (const el of document.querySelectorAll<HTMLIFrameElement>(`iframe.${FRAME_CLASS}`)) {
      if (el.contentWindow !== e.source) continue;
      if (d.error === true || typeof d.width !== 'number' || typeof d.height !== 'number' || d.height <= 0) {
        el.dataset.state = 'error';
        continue;
      }
      // CSSOM, not a style attribute: the policy allows the one and not the other.
      el.style.width = `${Math.round(d.width)}px`;
      el.style.aspectRatio = `${d.width} / ${d.height}`;
      el.dataset.state = 'loaded';
    }
  });
}
