// The Backup screen's storage panel: whether the browser keeps dockdeck's data when space runs low (persistent
// storage), how much it uses, what clearing it would mean, and a button to ask the browser to keep it.
import { useEffect, useState } from 'react';
import { formatBytes } from '../../formats/bytes';
import { useMessages } from '../../lib/i18n';
import { askPersistentStorage, readStorageState, type StorageState } from '../../lib/storage-persistence';
import { backupMessages } from './backup-messages';
import { storageMessages } from './storage-messages';

type Ask = 'idle' | 'asking' | 'granted' | 'declined' | 'unavailable';

const size = (n: number) => formatBytes(n, { gb: true });

export function StoragePanel() {
  const m = useMessages(storageMessages);
  const bm = useMessages(backupMessages);
  const [state, setState] = useState<StorageState | null>(null);
  const [ask, setAsk] = useState<Ask>('idle');

  useEffect(() => {
    let live = true;
    void readStorageState().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  async function askNow() {
    setAsk('asking');
    const granted = await askPersistentStorage();
    setAsk(granted === null ? 'unavailable' : granted ? 'granted' : 'declined');
    setState(await readStorageState());
  }

  return (
    <section className="storage-panel" aria-labelledby="storage-title">
      <h2 id="storage-title">{m('storage.heading')}</h2>
      {state === null ? (
        <p>{m('storage.loading')}</p>
      ) : (
        <>
          <p className={state.persisted ? 'ok' : undefined} data-persisted={String(state.persisted)}>
            {state.persisted === null
              ? m('storage.unknown')
              : m(state.persisted ? 'storage.persisted' : 'storage.not-persisted')}
          </p>
          <p>
            {state.usage === null
              ? m('storage.usage-unknown')
              : state.quota === null
                ? m('storage.usage-only', { used: size(state.usage) })
                : m('storage.usage', { used: size(state.usage), quota: size(state.quota) })}
          </p>
          {!state.persisted && state.canAsk && (
            <button type="button" onClick={() => void askNow()} disabled={ask === 'asking'}>
              {m('storage.ask')}
            </button>
          )}
        </>
      )}
      <p role="status" className="storage-ask-status">
        {ask === 'asking' && m('storage.asking')}
        {ask === 'granted' && m('storage.granted')}
        {ask === 'declined' && m('storage.declined')}
        {ask === 'unavailable' && m('storage.cannot-ask')}
      </p>
      <p className="help">{m('storage.eviction', { download: bm('backup.download') })}</p>
    </section>
  );
}
