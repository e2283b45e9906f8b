// Turns Anki notes (with their cards) into dockdeck deck cards, grouped by Anki deck, and remembers which dockdeck
// study card each Anki card became, so that its review history can follow it. Mapping rules: anki-note-types.ts.
import { clozeNumbers } from '../../domain/cloze';
import type { AnkiNoteRef, DeckCard, Text } from '../../domain/deck-schema';
import { idSchema } from '../../domain/deck-schema';
import { parseDockdeckGuid } from './write-notes';
import { embeddedCard, type ReadEmbed } from '../dockdeck/embed';
import type { Issue, IssueCode, IssueParams } from '../../domain/issue';
import type { AnkiSchema } from './collection';
import { noteIdFromGuid, tagIds } from './ids';
import { planNotetype, type NotetypePlan } from './note-types';
import { stripActiveContent } from '../import/active-content';
import { answerOnly, htmlToText, isBlankHtml } from './html';
import { renderTemplate, type ClozeMode } from './templates';

export interface NoteRow {
  id: string;
  guid: string;
  mid: string;
  tags: string;
  flds: string;
}

export interface CardRow {
  id: string;
  /** The card's home deck: its original deck when it sits in a filtered deck. */
  deck: string;
  ord: number;
}

/** Where an Anki card went: the Anki deck its dockdeck card is in, and the study card id without the deck part. */
export interface StudyTarget {
  deck: string;
  studyCard: string;
}

/**
 * Shown for an answer side that is empty (Anki allows an empty back; dockdeck text must not be blank). It renders as
 * nothing, like the empty back in Anki, and says what it is to anyone reading the stored text.
 */
export const EMPTY_SIDE = '<span class="anki-empty"></span>';

const one = (html: string): Text => ({ en: html, zh: html });

/**
 * A deck's full name (`Parent::Child`). A deck the package does not describe is "Default"; a blank name (only in a
 * damaged file) is "blank", as Anki names blank name parts (rslib/src/decks/name.rs).
 */
export function deckNameOf(schema: AnkiSchema, id: string): string {
  const deck = schema.decks.get(id);
  return deck === undefined ? 'Default' : deck.name.trim() || 'blank';
}

/** Counts of things left out or changed, reported as warnings. */
export type NoteWarning =
  'empty-question' | 'no-cloze' | 'bad-cloze' | 'image-occlusion' | 'missing-template' | 'split-decks' | 'no-cards';

export class NoteConverter {
  readonly decks = new Map<string, DeckCard[]>();
  readonly targets = new Map<string, StudyTarget>();
  readonly issues: Issue[] = [];
  issueCount = 0;
  readonly counts = new Map<NoteWarning, number>();
  readonly unknownFields = new Map<string, Set<string>>();
  /** Anki deck → the note types its cards use (kept with the deck, for exports and CSS). */
  readonly notetypesOf = new Map<string, Set<string>>();
  /** Anki deck → the dockdeck deck ids its notes' `dd:` GUIDs name (and `null` for a note without one). */
  readonly dockdeckIds = new Map<string, Set<string | null>>();
  /** Scripts, event handlers and javascript: links taken out of note fields and rendered cards. */
  activeRemoved = 0;
  private readonly plans = new Map<string, NotetypePlan | null>();
  /** GUID → fields of the note that has it. */
  private readonly guids = new Map<string, string>();
  /** Notes share tag strings: each is slugged once. */
  private readonly tagCache = new Map<string, string[]>();

  constructor(
    private readonly schema: AnkiSchema,
    private readonly fileName: string,
    private readonly maxIssues: number,
    /** Anki deck id → what a dockdeck export embedded in it (embed.ts). */
    private readonly embeds: ReadonlyMap<string, ReadEmbed> = new Map(),
  ) {}

  private issue(note: string, code: IssueCode, params?: IssueParams): void {
    this.issueCount++;
    if (this.issues.length < this.maxIssues)
      this.issues.push({ file: this.fileName, place: { note }, code, ...(params === undefined ? {} : { params }) });
  }

  private count(w: NoteWarning): void {
    this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  private plan(mid: string): NotetypePlan | null {
    let p = this.plans.get(mid);
    if (p === undefined) {
      const nt = this.schema.notetypes.get(mid);
      p = nt ? planNotetype(nt) : null;
      this.plans.set(mid, p);
    }
    return p;
  }

  private deckName(id: string): string {
    return deckNameOf(this.schema, id);
  }

  private push(deck: string, card: DeckCard): void {
    const list = this.decks.get(deck);
    if (list) list.push(card);
    else this.decks.set(deck, [card]);
  }

  /** A card converted from the note: it keeps the note (GUID, id, note type, raw fields) for exports. */
  private pushNote(deck: string, card: DeckCard, n: NoteContext, ords?: number[]): void {
    const anki: AnkiNoteRef = {
      guid: n.guid,
      // A text export's notes have no Anki note id unless the export recorded it.
      ...(n.noteId === '' ? {} : { noteId: n.noteId }),
      notetype: n.plan.notetype.id,
      fields: n.values,
      ...(ords ? { ords } : {}),
    };
    let used = this.notetypesOf.get(deck);
    if (!used) this.notetypesOf.set(deck, (used = new Set()));
    used.add(n.plan.notetype.id);
    this.push(deck, { ...card, anki });
  }

  /** The text without scripts, event handlers and javascript: links (counted); the renderer sanitises again. */
  private disarm(html: string): string {
    const r = stripActiveContent(html);
    this.activeRemoved += r.removed;
    return r.html;
  }

  /** Where the note's GUID says it came from: a dockdeck export names its deck (and card) in `dd:` GUIDs. */
  private vote(deck: string, guid: string): string | null {
    const dd = parseDockdeckGuid(guid);
    let votes = this.dockdeckIds.get(deck);
    if (!votes) this.dockdeckIds.set(deck, (votes = new Set()));
    votes.add(dd?.deckId ?? null);
    return dd && idSchema.safeParse(dd.cardId).success ? dd.cardId : null;
  }

  /**
   * A note of a dockdeck export whose fields are still what the export wrote: the dockdeck card it was made from,
   * exactly (both languages, source, note), once even when it was several notes (a classify card's items).
   */
  private fromEmbed(note: NoteRow, cards: CardRow[]): boolean {
    if (this.embeds.size === 0) return false;
    const home = [...cards].sort((a, b) => a.ord - b.ord)[0];
    const embed = home && this.embeds.get(home.deck);
    if (!embed) return false;
    const deckId = embed.deck.id;
    const dd = parseDockdeckGuid(note.guid);
    const row = dd?.deckId === deckId ? /^table:([^/]+)\/(.+)$/.exec(dd.cardId) : null;
    if (row && embed.deck.tables.some((t) => t.id === row[1] && t.rows.some((r) => r.id === row[2]))) {
      // A trait-table row: the embedded deck's tables make its cards again; its history follows the row's card.
      for (const c of cards) this.targets.set(c.id, { deck: home.deck, studyCard: dd!.cardId });
      this.vote(home.deck, note.guid);
      return true;
    }
    const hit = embeddedCard(embed, note.guid, note.flds.split('\x1f'));
    if (!hit) return false;
    for (const c of cards) {
      const target = hit.note.cards.find((x) => x.ord === c.ord);
      if (target) this.targets.set(c.id, { deck: home.deck, studyCard: target.id.slice(deckId.length + 1) });
    }
    this.vote(home.deck, note.guid);
    const list = this.decks.get(home.deck);
    if (!list?.some((x) => x.id === hit.card.id)) this.push(home.deck, hit.card);
    return true;
  }

  addNote(note: NoteRow, cards: CardRow[]): void {
    if (note.guid === '') return this.issue(note.id, 'anki.no-guid');
    const seen = this.guids.get(note.guid);
    if (seen !== undefined) {
      // Named by their first field, which is what the user sees of a note in Anki's browser.
      const label = (flds: string) => htmlToText(flds.split('\x1f', 1)[0] ?? '').slice(0, 40);
      return this.issue(note.guid, 'anki.duplicate-guid', { first: label(seen), second: label(note.flds) });
    }
    this.guids.set(note.guid, note.flds);
    const plan = this.plan(note.mid);
    if (!plan) return this.issue(note.guid, 'anki.unknown-notetype', { notetype: note.mid });
    if (cards.length === 0) return this.count('no-cards');
    if (this.fromEmbed(note, cards)) return;

    const byOrd = new Map<number, CardRow>();
    for (const c of [...cards].sort((a, b) => a.ord - b.ord)) if (!byOrd.has(c.ord)) byOrd.set(c.ord, c);
    const home = byOrd.values().next().value!;
    const n: NoteContext = {
      plan,
      byOrd,
      // A note a dockdeck export made keeps its dockdeck card id (even when edited in Anki since).
      id: this.vote(home.deck, note.guid) ?? noteIdFromGuid(note.guid),
      guid: note.guid,
      noteId: note.id,
      values: note.flds.split('\x1f').map((v) => this.disarm(v)),
      tags: note.tags.trim(),
    };

    if (plan.kind === 'cloze') return this.cloze(n);
    if (plan.kind === 'per-card') {
      for (const c of byOrd.values()) this.perCard(n, c);
      return;
    }
    const [t0, t1] = plan.notetype.templates;
    const forward = t0 && byOrd.get(t0.ord);
    const reverse = plan.kind === 'reverse' && t1 ? byOrd.get(t1.ord) : undefined;
    for (const c of byOrd.values()) if (c !== forward && c !== reverse) this.count('missing-template');
    if (!forward) {
      // Only the reverse card is in the package (its forward card was left out of the export): show it on its own.
      if (reverse) this.perCard(n, reverse);
      return;
    }
    const { front, back } = this.render(n, forward, 'card');
    if (isBlankHtml(front)) {
      this.count('empty-question');
      if (reverse) this.perCard(n, reverse);
      return;
    }
    const base = this.base(n, forward);
    if (reverse && !isBlankHtml(back)) {
      if (reverse.deck !== forward.deck) this.count('split-decks');
      this.target(forward, forward, n.id);
      this.target(reverse, forward, `${n.id}:reverse`);
      return this.pushNote(forward.deck, { ...base, type: 'reverse', front: one(front), back: one(back) }, n, [
        forward.ord,
        reverse.ord,
      ]);
    }
    if (reverse) this.count('empty-question');
    this.target(forward, forward, n.id);
    const typed =
      plan.typeField === undefined ? '' : htmlToText(n.values[plan.notetype.fields.indexOf(plan.typeField)] ?? '');
    if (typed !== '')
      return this.pushNote(
        forward.deck,
        { ...base, type: 'type-in', prompt: one(front), answer: one(typed), accept: [] },
        n,
        [forward.ord],
      );
    this.pushNote(
      forward.deck,
      { ...base, type: 'basic', front: one(front), back: one(isBlankHtml(back) ? EMPTY_SIDE : back) },
      n,
      [forward.ord],
    );
  }

  /** The fields a template can use: the note's, and Anki's special fields for this card. */
  private fields(n: NoteContext, card: CardRow): Map<string, string> {
    const nt = n.plan.notetype;
    const deck = this.deckName(card.deck);
    const m = new Map<string, string>([
      ['Tags', n.tags],
      ['Type', nt.name],
      ['Deck', deck],
      ['Subdeck', deck.split('::').pop()!],
      ['Card', n.plan.templates.get(card.ord)?.name ?? ''],
      ['CardFlag', ''],
    ]);
    nt.fields.forEach((name, i) => m.set(name, n.values[i] ?? ''));
    return m;
  }

  private base(n: NoteContext, card: CardRow, id = n.id) {
    let tags = this.tagCache.get(n.tags);
    if (!tags) {
      tags = tagIds(n.tags);
      this.tagCache.set(n.tags, tags);
    }
    return { id, tags: [...tags], source: { doc: this.fileName, section: this.deckName(card.deck) } };
  }

  private target(card: CardRow, home: CardRow, studyCard: string): void {
    this.targets.set(card.id, { deck: home.deck, studyCard });
  }

  /** Question and answer HTML of one card, the answer without the repeated question. */
  private render(n: NoteContext, card: CardRow, cloze: ClozeMode, t = n.plan.templates.get(card.ord)) {
    if (!t) return { front: '', back: '' };
    const ctx = { fields: this.fields(n, card), frontSide: '', cloze, ord: card.ord };
    const q = renderTemplate(t.q, { ...ctx, side: 'front' });
    const a = renderTemplate(t.a, { ...ctx, side: 'back' });
    for (const u of [...q.unknown, ...a.unknown]) {
      const name = n.plan.notetype.name;
      const set = this.unknownFields.get(name) ?? new Set<string>();
      set.add(u);
      this.unknownFields.set(name, set);
    }
    // `<hr id=answer>` is where Anki's answer starts: what comes before it repeats the question.
    const divider = /<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i.exec(a.html);
    let back = divider ? a.html.slice(divider.index + divider[0].length) : a.html;
    if (!divider && q.html.trim() !== '' && back.startsWith(q.html)) back = back.slice(q.html.length);
    // Fields and templates are disarmed already; what joining them could still make is taken out too.
    return { front: this.disarm(q.html.trim()), back: this.disarm(answerOnly(back)) };
  }

  private cloze(n: NoteContext): void {
    const first = n.byOrd.values().next().value!;
    // Every card of a cloze note type uses its first template; the oldest collections had one per cloze number.
    const t = n.plan.templates.get(n.plan.notetype.templates[0]?.ord ?? 0);
    if (!t) return this.count('missing-template');
    const text = this.render(n, first, 'raw', t).front;
    const extra = this.render(n, first, 'omit', t).back;
    if (!/\{\{c\d+::/.test(text)) return this.count('no-cloze');
    // Image occlusion notes are cloze notes whose deletions are shapes on an image: nothing dockdeck can show.
    if (/\{\{c\d+::image-occlusion:/.test(text)) return this.count('image-occlusion');
    if (!clozesClose(text)) return this.count('bad-cloze');
    if (new Set([...n.byOrd.values()].map((c) => c.deck)).size > 1) this.count('split-decks');
    const nums = new Set(clozeNumbers(text));
    for (const c of n.byOrd.values()) if (nums.has(c.ord + 1)) this.target(c, first, `${n.id}:c${c.ord + 1}`);
    const card: DeckCard = { ...this.base(n, first), type: 'cloze', text: one(text) };
    if (!isBlankHtml(extra)) card.extra = one(extra);
    this.pushNote(first.deck, card, n);
  }

  /**
   * One `basic` card for one Anki card, rendered from its own template. The first template's card keeps the note's
   * id (so a note type that gains a second template keeps the history of the first card); the others get
   * `<note>-card<N>` (N = ord + 1, Anki's "Card N").
   */
  private perCard(n: NoteContext, c: CardRow): void {
    if (!n.plan.templates.has(c.ord)) return this.count('missing-template');
    const { front, back } = this.render(n, c, 'card');
    if (isBlankHtml(front)) return this.count('empty-question');
    const id = c.ord === n.plan.notetype.templates[0]?.ord ? n.id : `${n.id}-card${c.ord + 1}`;
    this.target(c, c, id);
    this.pushNote(
      c.deck,
      { ...this.base(n, c, id), type: 'basic', front: one(front), back: one(isBlankHtml(back) ? EMPTY_SIDE : back) },
      n,
      [c.ord],
    );
  }
}

/**
 * The deck validator's cloze rule (every `{{cN::` is closed by a `}}` before the next one opens: no nesting), checked
 * in one forward pass: the validator's own regex rescans the rest of the text for each unclosed opener.
 */
function clozesClose(text: string): boolean {
  const opener = /\{\{c\d+::/g;
  const opens = text.match(opener)?.length ?? 0;
  let closed = 0;
  let pos = 0;
  for (;;) {
    opener.lastIndex = pos;
    const m = opener.exec(text);
    if (!m) break;
    const end = text.indexOf('}}', m.index + m[0].length);
    if (end < 0) break;
    closed++;
    pos = end + 2;
  }
  return opens === closed;
}

interface NoteContext {
  plan: NotetypePlan;
  byOrd: Map<number, CardRow>;
  id: string;
  guid: string;
  noteId: string;
  values: string[];
  tags: string;
}
