// The parts of a legacy Anki collection (schema 11) that are not cards: the tables, and the JSON kept in `col`
// (note types, decks, deck options, collection config). Shapes follow ankitects/anki:
// rslib/src/storage/schema11.sql (tables), rslib/src/notetype/schema11.rs and stock.rs (note types),
// rslib/src/decks/schema11.rs (decks), rslib/src/deckconfig/schema11.rs (options); keys older Python clients
// read (`tags`, `vers`, `req`, `separate`, `fuzz`, `minSpace`) are kept, as pylib/anki/models.py and decks.py had them.
import type { AnkiNotetypeDef } from '../../domain/deck-schema';
import { stableId } from './ids';

/** schema11.sql, without its `insert into col` (we insert a full row). */
export const SCHEMA11_SQL = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

export type NotetypeKey = 'basic' | 'reverse' | 'cloze' | 'typeIn' | 'choice';

/**
 * The one note type of dockdeck's own: multiple-choice and classify cards. Fields Question, Choices (an `<ol>`),
 * Answer (the right letter and choice, or the right category) and Explanation (with any outdated-fact note).
 */
export const CHOICE_NOTETYPE_NAME = 'dockdeck choice';

/**
 * Note types keep the same id and modification time in every export, so importing a second export reuses the
 * note type made by the first instead of adding "Basic-1a2b3".
 */
export const NOTETYPE_MOD = 1_767_225_600; // 2026-01-01, seconds

export const NOTETYPE_IDS: Record<NotetypeKey, number> = {
  basic: stableId('notetype:basic'),
  reverse: stableId('notetype:reverse'),
  cloze: stableId('notetype:cloze'),
  typeIn: stableId('notetype:type-in'),
  choice: stableId('notetype:choice'),
};

const CSS = `.card {
    font-family: arial;
    font-size: 20px;
    text-align: center;
    color: black;
    background-color: white;
}
.dockdeck-note {
    font-size: 0.8em;
    color: #8a5a00;
}
`;

const CLOZE_CSS = `
.cloze {
 font-weight: bold;
 color: blue;
}
.nightMode .cloze {
 color: lightblue;
}
`;

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

const answer = (side: string) => `{{FrontSide}}\n\n<hr id=answer>\n\n${side}`;

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] as string[] };
}

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

/** The stock note types of stock.rs, with their English names and templates. */
export function notetypeJson(key: NotetypeKey, deckId: number) {
  const base = {
    id: NOTETYPE_IDS[key],
    mod: NOTETYPE_MOD,
    usn: -1,
    sortf: 0,
    did: deckId,
    css: CSS,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    tags: [] as string[],
    vers: [] as unknown[],
  };
  switch (key) {
    case 'basic':
      return {
        ...base,
        name: 'Basic',
        type: 0,
        flds: [field('Front', 0), field('Back', 1)],
        tmpls: [template('Card 1', 0, '{{Front}}', answer('{{Back}}'))],
        req: [[0, 'any', [0]]],
      };
    case 'reverse':
      return {
        ...base,
        name: 'Basic (and reversed card)',
        type: 0,
        flds: [field('Front', 0), field('Back', 1)],
        tmpls: [
          template('Card 1', 0, '{{Front}}', answer('{{Back}}')),
          template('Card 2', 1, '{{Back}}', answer('{{Front}}')),
        ],
        req: [
          [0, 'any', [0]],
          [1, 'any', [1]],
        ],
      };
    case 'typeIn':
      return {
        ...base,
        name: 'Basic (type in the answer)',
        type: 0,
        flds: [field('Front', 0), field('Back', 1)],
        tmpls: [template('Card 1', 0, '{{Front}}\n\n{{type:Back}}', '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}')],
        req: [[0, 'any', [0]]],
      };
    case 'choice':
      return {
        ...base,
        name: CHOICE_NOTETYPE_NAME,
        type: 0,
        flds: [field('Question', 0), field('Choices', 1), field('Answer', 2), field('Explanation', 3)],
        tmpls: [
          template(
            'Card 1',
            0,
            '{{Question}}\n\n{{Choices}}',
            '{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}\n\n{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}',
          ),
        ],
        req: [[0, 'any', [0]]],
      };
    case 'cloze':
      return {
        ...base,
        name: 'Cloze',
        type: 1,
        css: CSS + CLOZE_CSS,
        flds: [field('Text', 0), field('Back Extra', 1)],
        tmpls: [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
        req: [[0, 'any', [0]]],
      };
  }
}

/** A note type read from an Anki package, written back as it was (same id, name, fields, templates and CSS). */
export function ankiNotetypeJson(nt: AnkiNotetypeDef, deckId: number) {
  return {
    id: Number(nt.id),
    mod: NOTETYPE_MOD,
    usn: -1,
    sortf: nt.sortField,
    did: deckId,
    css: nt.css,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    tags: [] as string[],
    vers: [] as unknown[],
    name: nt.name,
    type: nt.cloze ? 1 : 0,
    flds: nt.fields.map((f, i) => field(f, i)),
    tmpls: nt.templates.map((t) => template(t.name, t.ord, t.qfmt, t.afmt)),
    req: nt.templates.map((t) => [t.ord, 'any', [0]]),
  };
}

const today = () => ({ newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] });

/** A deck of the collection; `dockdeck` is what the export carries for dockdeck alone (embed.ts; Anki ignores it). */
export function deckJson(id: number, name: string, desc: string, mod: number, dockdeck?: unknown) {
  return {
    id,
    name,
    desc,
    mod,
    ...(dockdeck === undefined ? {} : { dockdeck }),
    usn: -1,
    conf: 1,
    dyn: 0,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    ...today(),
  };
}

/** Deck options group 1 ("Default") with Anki's defaults, plus the desired retention when FSRS settings are given. */
export function deckConfigJson(desiredRetention?: number) {
  return {
    '1': {
      id: 1,
      name: 'Default',
      mod: 0,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20, separate: true },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2, fuzz: 0.05, minSpace: 1 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      ...(desiredRetention === undefined ? {} : { desiredRetention }),
    },
  };
}

/** `col.conf`: the v2 scheduler (so relearning cards and learning-step ratings mean what they say), Basic current. */
export function collectionConfJson(curDeck: number, nextPos: number) {
  return {
    activeDecks: [curDeck],
    curDeck,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: NOTETYPE_IDS.basic,
    nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    schedVer: 2,
  };
}
