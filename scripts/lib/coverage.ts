// How well the decks cover the source documents: each heading with the cards that cite it, and citations that
// match no heading (usually a typo), no document, or more than one heading.
import type { Deck } from '../../src/domain/deck-schema';
import { deckCitations, type Citation } from './citations';
import { findSections, parseDocHeadings, PREAMBLE, suggestSections, type DocSection } from './doc-outline';

export interface SectionCoverage {
  section: DocSection;
  citedBy: string[];
  /** Why no card cites it, where a deck's audit sidecar says so (a heading with nothing worth a card). */
  uncited?: string;
}

/** A heading a deck leaves uncited on purpose, with the reason (from `decks/audit/<deck>.json`). */
export interface Uncited {
  doc: string;
  section: string;
  why: string;
}

export interface CoverageReport {
  docs: Array<{ doc: string; sections: SectionCoverage[] }>;
  /** Citations whose section matches no heading of their document: usually a typo. */
  unknownSections: Array<Citation & { suggestions: string[] }>;
  /** Citations of documents that are not in the folder. */
  unknownDocs: Citation[];
  /**
   * Citations of public pages (`source.url`), by page: the sections cited on it and by whom. Pages are not in the
   * folder, so they are listed for a reader to check, never counted as dangling.
   */
  pages: Array<{ url: string; sections: Array<{ section: string; citedBy: string[] }> }>;
  /** Citations that match more than one heading; counted for each of them. */
  ambiguous: Array<Citation & { matches: string[] }>;
  summary: {
    headings: number;
    withFacts: number;
    covered: number;
    uncovered: number;
    citations: number;
    /** Of the citations, those of public pages. */
    urlCitations: number;
    dangling: number;
  };
}

/** Matches every citation of the decks against the documents (`name` is the file name cards cite). */
export function computeCoverage(
  documents: ReadonlyArray<{ name: string; text: string }>,
  decks: readonly Deck[],
  uncited: readonly Uncited[] = [],
): CoverageReport {
  const docs = [...documents]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => {
      const outline = parseDocHeadings(d.text);
      return {
        doc: d.name,
        outline,
        sections: outline.sections.map((section): SectionCoverage => ({ section, citedBy: [] })),
      };
    });
  const byName = new Map(docs.map((d) => [d.doc, d]));
  const citations = deckCitations(decks);
  const report: CoverageReport = {
    docs: [],
    unknownSections: [],
    unknownDocs: [],
    pages: [],
    ambiguous: [],
    summary: {
      headings: 0,
      withFacts: 0,
      covered: 0,
      uncovered: 0,
      citations: citations.length,
      urlCitations: 0,
      dangling: 0,
    },
  };
  const pages = new Map<string, Map<string, string[]>>();
  for (const c of citations) {
    if (c.url !== undefined) {
      const sections = pages.get(c.url) ?? new Map<string, string[]>();
      sections.set(c.section, [...(sections.get(c.section) ?? []), c.by]);
      pages.set(c.url, sections);
      report.summary.urlCitations++;
      continue;
    }
    const doc = byName.get(c.doc);
    if (!doc) {
      report.unknownDocs.push(c);
      continue;
    }
    const found = findSections(doc.outline, c.section);
    if (found.length === 0) report.unknownSections.push({ ...c, suggestions: suggestSections(doc.outline, c.section) });
    if (found.length > 1) report.ambiguous.push({ ...c, matches: found.map((s) => `line ${s.line}: ${s.citation}`) });
    for (const s of doc.sections) if (found.includes(s.section)) s.citedBy.push(c.by);
  }
  for (const u of uncited) {
    const doc = byName.get(u.doc);
    if (!doc) continue;
    const found = findSections(doc.outline, u.section);
    for (const s of doc.sections) if (found.includes(s.section)) s.uncited = u.why;
  }
  report.docs = docs.map(({ doc, sections }) => ({ doc, sections }));
  report.pages = [...pages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, sections]) => ({ url, sections: [...sections].map(([section, citedBy]) => ({ section, citedBy })) }));
  const all = report.docs.flatMap((d) => d.sections);
  const facts = all.filter((s) => s.section.hasFacts);
  const covered = facts.filter((s) => s.citedBy.length > 0 || s.uncited !== undefined).length;
  report.summary = {
    ...report.summary,
    headings: all.length,
    withFacts: facts.length,
    covered,
    uncovered: facts.length - covered,
    dangling: report.unknownSections.length + report.unknownDocs.length,
  };
  return report;
}

/** The report as printed by `npm run decks:coverage`: one line per heading, indented by nesting. */
export function formatCoverage(report: CoverageReport): string[] {
  const out: string[] = [];
  for (const { doc, sections } of report.docs) {
    out.push(doc);
    for (const { section: s, citedBy, uncited } of sections) {
      const label =
        s.level === 0
          ? s.name === PREAMBLE
            ? s.name
            : `${s.name} (preamble)`
          : `${'#'.repeat(s.level)} ${s.name}${s.citation === s.name ? '' : `  (cite as "${s.citation}")`}`;
      const status =
        citedBy.length > 0
          ? `${s.hasFacts ? '' : '(no facts) '}${citedBy.length}: ${citedBy.join(', ')}`
          : uncited !== undefined
            ? `(uncited on purpose: ${uncited})`
            : s.hasFacts
              ? 'UNCOVERED'
              : '(no facts)';
      out.push(`${'  '.repeat(s.ancestors.length + 1)}${label} — ${status}`);
    }
    out.push('');
  }
  if (report.unknownSections.length > 0) {
    out.push('Citations of sections that do not exist:');
    for (const c of report.unknownSections) {
      const hint =
        c.suggestions.length > 0 ? ` (did you mean ${c.suggestions.map((s) => `"${s}"`).join(' or ')}?)` : '';
      out.push(`  ${c.by}: ${c.doc} has no section "${c.section}"${hint}`);
    }
    out.push('');
  }
  if (report.unknownDocs.length > 0) {
    out.push('Citations of documents not in the folder:');
    for (const c of report.unknownDocs) out.push(`  ${c.by}: "${c.doc}" (section "${c.section}")`);
    out.push('');
  }
  if (report.pages.length > 0) {
    out.push('Citations of public pages (not checked against the page; open it to check):');
    for (const p of report.pages) {
      out.push(`  ${p.url}`);
      for (const s of p.sections) out.push(`    "${s.section}" — ${s.citedBy.length}: ${s.citedBy.join(', ')}`);
    }
    out.push('');
  }
  if (report.ambiguous.length > 0) {
    out.push('Ambiguous citations (counted for every match; cite as "Parent > Child"):');
    for (const c of report.ambiguous) out.push(`  ${c.by}: ${c.doc} "${c.section}" matches ${c.matches.join('; ')}`);
    out.push('');
  }
  const { headings, withFacts, covered, uncovered, citations, urlCitations, dangling } = report.summary;
  out.push(
    `${headings} headings, ${withFacts} with facts, ${covered} covered, ${uncovered} uncovered; ` +
      `${citations} citations (${urlCitations} of ${report.pages.length} public pages), ${dangling} dangling (${report.unknownSections.length} unknown section, ${report.unknownDocs.length} unknown document)`,
  );
  return out;
}
