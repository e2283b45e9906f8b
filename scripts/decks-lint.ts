// npm run decks:lint: what the deck checks of issue #11 find in decks/ (a report; not yet part of the build).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDeckFiles } from './lib/deck-files';
import { lintDecks, type LintRule } from './lib/deck-lint';

const dir = path.resolve(import.meta.dirname, '../decks');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'deck.schema.json')
  .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
const { decks } = parseDeckFiles(files);
const findings = lintDecks(decks);
for (const f of findings) console.log(`${f.rule}: ${f.cards.length === 1 ? f.cards[0] : f.deck}: ${f.message}`);
const count = (rule: LintRule) => findings.filter((f) => f.rule === rule).length;
console.log(
  `\n${decks.length} decks: ${count('duplicate')} duplicate groups, ${count('answer-in-question')} answers in their question, ` +
    `${count('mcq-position-skew')} decks with mcq answers at one position, ${count('longest-choice')} longest-choice answers`,
);
