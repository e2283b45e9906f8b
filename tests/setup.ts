// Shared test setup: DOM matchers, fake IndexedDB, and every store and the clock reset between tests.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';
import { alertStore } from '../src/lib/alerts';
import { setClock } from '../src/lib/clock';
import { setAutoBackupsAtStart } from '../src/app/auto-backup-start';

// The app's start makes an automatic backup when idle: not in every test that renders the app (their work would go on
// after them); the automatic backups' own tests call it, or switch it back on.
setAutoBackupsAtStart(false);

// Tests wait for what the user would see (findBy…, waitFor), never for a fixed time. On a busy machine (two suites at
// once, stress-ng) a screen can take seconds to appear: these are ceilings for a wait that ends on its signal, not
// sleeps, so a fast machine loses nothing and a slow one does not fail a correct build.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  alertStore.setState({ alerts: [] });
  setClock(null);
});
