// The deck page's "Load remote images" switch: the user's choice per deck, stored apart from the deck's row.
import { useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { readRemoteImages, writeRemoteImages } from '../../db/deck-prefs';
import { useLiveQuery } from '../../db/react/live';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { remoteChoiceMessages } from './remote-messages';

export function RemoteImagesChoice({ deckId }: { deckId: string }) {
  const m = useMessages(remoteChoiceMessages);
  const allowed = useLiveQuery(() => readRemoteImages(db(), deckId), [deckId], deckId);
  // What the user just set, shown until the stored value (read live) says the same: the box does not flick back.
  const [pending, setPending] = useState<boolean | null>(null);
  if (pending !== null && allowed === pending) setPending(null);
  const change = (allow: boolean) => {
    setPending(allow);
    writeRemoteImages(db(), deckId, allow, clock.ms()).catch((e: unknown) => {
      setPending(null);
      reportStorageError(e);
    });
  };
  return (
    <section className="remote-choice" aria-labelledby="remote-choice-heading">
      <h2 id="remote-choice-heading">{m('remote.heading')}</h2>
      <label>
        <input
          type="checkbox"
          checked={pending ?? allowed ?? false}
          disabled={allowed === undefined}
          aria-describedby="remote-choice-help"
          onChange={(e) => change(e.target.checked)}
        />{' '}
        {m('remote.load-images')}
      </label>
      <p id="remote-choice-help" className="hint">
        {m('remote.help')}
      </p>
    </section>
  );
}
