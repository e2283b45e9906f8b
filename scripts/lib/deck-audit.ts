// The audit sidecar of a built-in deck (`decks/audit/<deck-id>.json`): the cards it retired and where each fact now
// lives (ids key review history, so a retired id is never used again), the deck-lint findings it accepts with a
// reason, and source headings it deliberately leaves uncited. `checkDeckAudits` is what the build, the unit tests
// and `npm run decks:lint` run: lint findings not allowed, stale allowances, reused ids and holders that do not exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Deck } from '../../src/domain/deck-schema';
import { expandDeck } from '../../src/domain/study-card.ts';
import { issueText } from '../../src/formats/issue-text.ts';
import { parseDeckFiles } from './deck-files.ts';
import { LINT_RULES, lintDecks, type LintFinding } from './deck-lint.ts';

const why = z.string().trim().min(1, 'needs a reason');

export const deckAuditSchema = z.strictObject({
  /** Cards (or one cloze number `card:c1`, one classify item `card:item`, a table row `table:t/row`) taken out. */
  retired: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        /** `deck-id/card-id` (or `deck-id/table:t/row`) that now holds the fact; null when there was none. */
        heldBy: z.string().min(1).nullable(),
        why,
      }),
    )
    .default([]),
  /** Lint findings that are intended, each with its reason. */
  allow: z.array(z.strictObject({ rule: z.enum(LINT_RULES), card: z.string().min(1), why })).default([]),
  /** Headings of source documents that hold no fact worth a card, so no card cites them. */
  uncited: z.array(z.strictObject({ doc: z.string().min(1), section: z.string().min(1), why })).default([]),
});

export type DeckAudit = z.infer<typeof deckAuditSchema>;

export interface AuditProblem {
  deck: string;
  message: string;
}

/** Whether `id` (`deck/x`) names one of the study cards or is the card, cloze, item or row they come from. */
function names(studyIds: ReadonlySet<string>, prefixes: ReadonlySet<string>, id: string): boolean {
  return studyIds.has(id) || prefixes.has(id);
}

/** Every id a deck's study cards answer to: theirs, and each of their `:`-separated heads (card, table row). */
function idsOf(decks: readonly Deck[]): { studyIds: Set<string>; prefixes: Set<string> } {
  const studyIds = new Set<string>();
  const prefixes = new Set<string>();
  for (const deck of decks)
    for (const card of expandDeck(deck)) {
      studyIds.add(card.id);
      const parts = card.id.split(':');
      // `deck/card:c1` → `deck/card`; `deck/table:t/row:col` → `deck/table:t/row`.
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join(':'));
    }
  return { studyIds, prefixes };
}

/** The lint findings left once the allowances are taken out, and every problem with the sidecars themselves. */
export function checkDeckAudits(
  decks: readonly Deck[],
  audits: ReadonlyMap<string, DeckAudit>,
): { findings: LintFinding[]; problems: AuditProblem[] } {
  const { studyIds, prefixes } = idsOf(decks);
  const problems: AuditProblem[] = [];
  const deckIds = new Set(decks.map((d) => d.id));
  for (const [deck, audit] of audits) {
    if (!deckIds.has(deck)) problems.push({ deck, message: `audit/${deck}.json is for a deck that does not exist` });
    for (const r of audit.retired) {
      if (names(studyIds, prefixes, `${deck}/${r.id}`))
        problems.push({
          deck,
          message: `retired id "${r.id}" is in use again (ids key review history: choose a new one)`,
        });
      if (r.heldBy !== null && !names(studyIds, prefixes, r.heldBy))
        problems.push({ deck, message: `retired "${r.id}" is held by "${r.heldBy}", which is not a card` });
    }
  }
  const allowed = new Map<string, boolean>();
  for (const [, audit] of audits) for (const a of audit.allow) allowed.set(`${a.rule} ${a.card}`, false);
  const findings = lintDecks(decks).filter((f) => {
    const keys = f.cards.map((c) => `${f.rule} ${c}`);
    const hit = keys.filter((k) => allowed.has(k));
    hit.forEach((k) => allowed.set(k, true));
    // A duplicate group is allowed when all but one of its cards are.
    return f.rule === 'duplicate' ? hit.length < f.cards.length - 1 : hit.length === 0;
  });
  for (const [key, used] of allowed)
    if (!used) {
      const [rule, card] = key.split(' ');
      problems.push({ deck: card!.split('/')[0]!, message: `allows ${rule} for ${card}, which no longer has it` });
    }
  return { findings, problems };
}

/** Reads `audit/<deck-id>.json` beside the deck files; a sidecar that does not parse is a problem, never skipped. */
export function readDeckAudits(decksDir: string): { audits: Map<string, DeckAudit>; problems: AuditProblem[] } {
  const dir = join(decksDir, 'audit');
  const audits = new Map<string, DeckAudit>();
  const problems: AuditProblem[] = [];
  if (!existsSync(dir)) return { audits, problems };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const deck = name.slice(0, -'.json'.length);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push({ deck, message: `audit/${name} is not JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = deckAuditSchema.safeParse(raw);
    if (parsed.success) audits.set(deck, parsed.data);
    else problems.push({ deck, message: `audit/${name}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}` });
  }
  return { audits, problems };
}

/**
 * Everything that keeps the built-in decks from shipping, one line each: invalid deck files, lint findings that no
 * sidecar allows, and problems with the sidecars. The build, the unit tests and `npm run decks:lint` all use it.
 */
export function builtinDeckGate(decksDir: string): { decks: Deck[]; audits: Map<string, DeckAudit>; errors: string[] } {
  const files = readdirSync(decksDir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({ name: `decks/${f}`, text: readFileSync(join(decksDir, f), 'utf8') }));
  const { decks, issues } = parseDeckFiles(files);
  const read = readDeckAudits(decksDir);
  const { findings, problems } = checkDeckAudits(decks, read.audits);
  const errors = [
    ...issues.map((i) => issueText(i, 'en')),
    ...findings.map(
      (f) =>
        `${f.rule}: ${f.cards.length === 1 ? f.cards[0] : f.deck}: ${f.message} (fix it, or allow it with a reason in decks/audit/${f.deck}.json)`,
    ),
    ...[...read.problems, ...problems].map((p) => `decks/audit/${p.deck}.json: ${p.message}`),
  ];
  return { decks, audits: read.audits, errors };
}
