// The service worker's registration and its update prompt: a new version is offered, and only the user's click loads it.
import { useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useMessages } from '../lib/i18n';
import { pwaMessages } from './pwa-messages';

const reloadPage = () => window.location.reload();

/** The new version waiting to take over, if there is one (none once it has, from this tab or another). */
async function waitingWorker(): Promise<ServiceWorker | null> {
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  return registration?.waiting ?? null;
}

/**
 * Registers the service worker (which caches the whole app for offline use) and, when a new version has been
 * downloaded and waits, offers it. `hold`: a review, quiz or import is on screen; the offer waits until it is left,
 * so nothing interrupts it. `reload` is for tests (the page's location cannot be spied on).
 */
export function PwaUpdatePrompt({ hold, reload = reloadPage }: { hold: boolean; reload?: () => void }) {
  const m = useMessages(pwaMessages);
  const [offered, setOffered] = useState(false);
  const [updating, setUpdating] = useState(false);
  const accepted = useRef(false);
  const reloading = useRef(false);
  const reloadOnce = () => {
    if (reloading.current) return;
    reloading.current = true;
    reload();
  };
  const { updateServiceWorker } = useRegisterSW({
    onNeedRefresh: () => setOffered(true),
    // The new version took control of this page. After this tab's "Reload", load it; when another tab accepted it,
    // this page keeps running as it is and the offer stays (a reload here would end what the user is doing).
    onNeedReload: () => (accepted.current ? reloadOnce() : setOffered(true)),
    // No service worker (a private window, an old browser, plain http): the app works online as before.
    onRegisterError: (error: unknown) => console.warn('dockdeck: the service worker could not be registered', error),
  });

  async function accept() {
    accepted.current = true;
    setUpdating(true);
    // Another tab's "Reload" may have put the new version in charge already: a reload is all that is left.
    if (!(await waitingWorker())) return reloadOnce();
    // Its taking control means the reload. The plugin reports it (onNeedReload) only on a page that was controlled
    // when it loaded; on the first visit's page, only the browser's own event does.
    navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
    await updateServiceWorker();
  }

  return (
    // data-offered: a new version waits, whether or not the offer is shown yet. The offer is a polite status, as the
    // app's other notices are; it takes no focus, so nothing the user is typing goes astray.
    <div className="pwa-update" data-offered={offered}>
      {offered && !hold && (
        <div className="alerts">
          <div className="alert alert-info" role="status">
            <span>{m('pwa.update-ready', { next: m(updating ? 'pwa.updating' : 'pwa.update-help') })}</span>
            <button type="button" className="primary" onClick={() => void accept()} disabled={updating}>
              {m('pwa.reload')}
            </button>
            <button type="button" className="link" onClick={() => setOffered(false)} disabled={updating}>
              {m('pwa.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
