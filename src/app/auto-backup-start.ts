// When the automatic backup runs: once the start page is up and the built-in decks are stored, when the browser is
// idle (the start page is never kept waiting), and again whenever the tab comes back into view (an app left open
// overnight backs up on the new study day). Each run checks first whether the study day has its backup.
import { useEffect } from 'react';

let enabled = true;

/** For tests: whether the app starts automatic backups by itself (the tests of the feature call it themselves). */
export function setAutoBackupsAtStart(on: boolean): void {
  enabled = on;
}

type Idle = (run: () => void, options: { timeout: number }) => number;

function whenIdle(run: () => void): () => void {
  const idle = (globalThis as unknown as { requestIdleCallback?: Idle }).requestIdleCallback;
  if (idle) {
    const id = idle(run, { timeout: 5_000 });
    return () => (globalThis as unknown as { cancelIdleCallback(id: number): void }).cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1_000);
  return () => clearTimeout(id);
}

export function useAutoBackupAtStart(ready: boolean): void {
  useEffect(() => {
    if (!ready || !enabled) return;
    let cancel = () => {};
    const schedule = () => {
      cancel();
      cancel = whenIdle(() => {
        import('../features/backup/auto-backup-run')
          .then(({ runAutoBackupAtStart }) => runAutoBackupAtStart())
          .catch((error: unknown) => console.error('dockdeck: the automatic backup did not run', error));
      });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancel();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ready]);
}
