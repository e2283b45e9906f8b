// Keeps the checked-in decks/deck.schema.json in step with the Zod schema it is generated from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deckJsonSchema } from '../../scripts/lib/deck-json-schema';

const file = resolve(import.meta.dirname, '../../decks/deck.schema.json');

test('decks/deck.schema.json matches the Zod deck schema', () => {
  // Compared as data, not text, so reformatting the file (e.g. by Prettier) does not matter.
  const checkedIn: unknown = JSON.parse(readFileSync(file, 'utf8'));
  expect(checkedIn, 'decks/deck.schema.json is out of date: run `npm run decks:schema` and commit the result').toEqual(
    deckJsonSchema(),
  );
});

test('defaulted fields are optional in the schema', () => {
  const schema = deckJsonSchema();
  expect(schema.$id).toBeTypeOf('string');
  expect(schema.title).toBeTypeOf('string');
  expect(schema.required).toEqual(['format', 'id', 'title', 'cards']);
});
