// CLI: regenerates decks/deck.schema.json from the Zod deck schema (a unit test fails while it is stale).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deckJsonSchema } from './lib/deck-json-schema';

const file = join(resolve(import.meta.dirname, '..'), 'decks', 'deck.schema.json');
writeFileSync(file, `${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
