// Vite plugin for the built-in decks: every deck in decks/ is validated and linted when the build starts (a bad
// deck fails the build with file, card id and field), and `virtual:builtin-decks` lists them with a content hash
// and a lazy loader, so the app reloads a deck only when its file changed (and its title and description).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { builtinDeckGate } from './lib/deck-audit.ts';

const VIRTUAL = 'virtual:builtin-decks';
const RESOLVED = `\0${VIRTUAL}`;

interface DeckFile {
  name: string;
  path: string;
  text: string;
}

function readDecks(dir: string): DeckFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({ name: `decks/${f}`, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

export function deckCheck(dir = resolve(import.meta.dirname, '..', 'decks')): Plugin {
  return {
    name: 'dockdeck:deck-check',
    buildStart() {
      // Invalid decks, and deck-lint findings (duplicates, leaked answers, answer positions) no sidecar allows.
      const { errors } = builtinDeckGate(dir);
      if (errors.length > 0) this.error(`Invalid deck files:\n${errors.join('\n')}`);
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readDecks(dir);
      const entries = files.map((f) => {
        this.addWatchFile(f.path);
        const deck = JSON.parse(f.text) as { id?: unknown; title?: unknown; description?: unknown };
        const hash = createHash('sha256').update(f.text).digest('hex').slice(0, 16);
        // The title and description too, so that the deck list can show a deck the first visit is still storing.
        const about = `title: ${JSON.stringify(deck.title)}, description: ${JSON.stringify(deck.description ?? null)}`;
        return `{ file: ${JSON.stringify(f.name)}, id: ${JSON.stringify(deck.id)}, hash: ${JSON.stringify(hash)}, ${about}, load: () => import(${JSON.stringify(`${f.path}?raw`)}).then((m) => m.default) }`;
      });
      return `export default [\n${entries.join(',\n')}\n];\n`;
    },
  };
}
