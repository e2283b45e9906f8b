// Vite plugin: every deck in decks/ is validated when the build starts; a bad deck fails the build
// with the file, card id and field of each problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseDeckFiles } from '../src/domain/deck-files';
import { formatDeckIssue } from '../src/domain/deck-validate';

export function deckCheck(dir = resolve(import.meta.dirname, '..', 'decks')): Plugin {
  return {
    name: 'dockdeck:deck-check',
    buildStart() {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
        .map((f) => ({ name: `decks/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
      const { issues } = parseDeckFiles(files);
      if (issues.length > 0) {
        this.error(`Invalid deck files:\n${issues.map(formatDeckIssue).join('\n')}`);
      }
    },
  };
}
