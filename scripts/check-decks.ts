// Validates every deck in decks/ (or the folder given) and prints each problem with file, card and field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeckFiles } from './lib/deck-files';
import { issueText } from '../src/formats/issue-text';

const dir = process.argv[2] ?? 'decks';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((name) => ({ name: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
const { decks, issues } = parseDeckFiles(files);
for (const issue of issues) console.error(issueText(issue, 'en'));
for (const d of decks) {
  const rows = d.tables.reduce((n, t) => n + t.rows.length, 0);
  console.log(`${d.id}: ${d.cards.length} cards, ${d.tables.length} tables (${rows} rows)`);
}
if (issues.length > 0) {
  console.error(`${issues.length} problem(s) in ${dir}`);
  process.exit(1);
}
