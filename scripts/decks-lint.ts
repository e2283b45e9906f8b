// npm run decks:lint: the deck checks of issue #11 over decks/ (duplicates, answers leaked into their question, mcq
// answer positions, longest-choice answers), less what decks/audit/<deck>.json allows with a reason, and the sidecars'
// own problems (retired ids in use again, holders that are not cards). Exits 1 on any: the build fails on the same.
import path from 'node:path';
import { builtinDeckGate } from './lib/deck-audit';
import { similarCards } from './lib/deck-lint';

const dir = path.resolve(import.meta.dirname, '../decks');
const { decks, audits, errors } = builtinDeckGate(dir);
for (const e of errors) console.log(e);
const similar = similarCards(decks);
if (similar.length > 0) {
  console.log(
    'Cards that share most of their words (check by hand that they are not the same fact twice; not an error):',
  );
  for (const p of similar) console.log(`  ${p.overlap.toFixed(2)}  ${p.a}  ~  ${p.b}`);
}
const allowed = [...audits.values()].reduce((n, a) => n + a.allow.length, 0);
const retired = [...audits.values()].reduce((n, a) => n + a.retired.length, 0);
console.log(
  `\n${decks.length} decks, ${decks.reduce((n, d) => n + d.cards.length, 0)} cards: ${errors.length} problem(s); ` +
    `${allowed} finding(s) allowed with a reason, ${retired} retired id(s) in decks/audit/`,
);
process.exit(errors.length > 0 ? 1 : 0);
