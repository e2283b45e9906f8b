// CLI: which headings of the source documents the decks cite, which facts are still uncovered, which citations dangle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDeckFiles } from './lib/deck-files';
import { issueText } from '../src/formats/issue-text';
import { computeCoverage, formatCoverage } from './lib/coverage';
import { readDeckAudits } from './lib/deck-audit';

const root = resolve(import.meta.dirname, '..');
const docsDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'seeds'));
const decksDir = join(root, 'decks');

if (!existsSync(docsDir)) {
  console.error(`No such folder of documents: ${docsDir}`);
  process.exit(1);
}
const documents = readdirSync(docsDir)
  .filter((f) => /\.(txt|md)$/i.test(f))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(docsDir, name), 'utf8') }));
const deckFiles = readdirSync(decksDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((f) => ({ name: `decks/${f}`, text: readFileSync(join(decksDir, f), 'utf8') }));

const { decks, issues } = parseDeckFiles(deckFiles);
const uncited = [...readDeckAudits(decksDir).audits.values()].flatMap((a) => a.uncited);
const report = computeCoverage(documents, decks, uncited);
console.log(`${documents.length} documents in ${docsDir}; ${decks.length} decks\n`);
console.log(formatCoverage(report).join('\n'));
if (issues.length > 0) {
  // Invalid decks are left out of the counts above, so the coverage would look worse (or better) than it is.
  for (const issue of issues) console.error(issueText(issue, 'en'));
  console.error(`${issues.length} deck problem(s): the report above leaves those decks out (see npm run decks:check)`);
}
const failed = report.summary.uncovered > 0 || report.summary.dangling > 0 || issues.length > 0;
process.exit(failed ? 1 : 0);
