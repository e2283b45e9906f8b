// The one shape of a problem with outside input (a deck file, an import, a backup): which file, where in it, which
// field, and a code with its parameters. No words here: the screens put an issue into the user's language
// (src/formats/issue-text.ts, with the texts of src/formats/issue-words.ts).

/** Where in the file the problem is; every part is optional and the parts given are shown together. */
export interface IssuePlace {
  /** A deck, by id (an import's deck) or by name (an Anki deck). */
  deck?: string;
  /** A card of a deck file, by id (`c1`, `table:vs/boot`), or `cards[3]` when it has none. */
  card?: string;
  /** An Anki note, by GUID (or by note id when it has none). */
  note?: string;
  /** A table of a backup file. */
  table?: string;
  /** A row: its line in a CSV/TSV file, or its number (from 1) in a backup table. */
  row?: number;
  /** The id or key of a backup row, to find it by. */
  id?: string;
  key?: string;
  /** A line and column (from 1) of a text file. */
  line?: number;
  column?: number;
  /** A byte (from 1) of a file that is not readable text. */
  byte?: number;
  /** A file inside a package: `collection.anki21b`, `meta`, `media`. */
  entry?: string;
  /** A media file of a package, by the name cards use. */
  media?: string;
}

/**
 * Parameters of the words: counts, ids, names. Sizes in bytes are named `…Bytes` (the words show them as `1.5 MB`);
 * lists are joined in the user's language. A few parameters name a term of the words (`got: 'list'`), see issue-words.
 */
export type IssueParams = Record<string, string | number | readonly string[]>;

export interface Issue {
  /** The file as the user knows it: the picked file's name, or a deck file's path. */
  file: string;
  place?: IssuePlace;
  /** The field: a path in a deck file (`front.zh`), a CSV column's role (`back`), a backup row's field. */
  field?: string;
  code: IssueCode;
  params?: IssueParams;
}

/** An issue found inside a part of a file (a zip entry, a zstd stream) by code that does not know the file's name. */
export type PartIssue = Omit<Issue, 'file'>;

/** Every problem the formats report; each has words in English and Chinese (issue-words.ts). */
export type IssueCode =
  // A value of the wrong shape (from the Zod schemas of deck files and backups).
  | 'value.missing'
  | 'value.missing-literal'
  | 'value.missing-one-of'
  | 'value.wrong-type'
  | 'value.not-one-of'
  | 'value.not-literal'
  | 'value.not-enum'
  | 'value.empty'
  | 'value.text-min'
  | 'value.text-exact'
  | 'value.text-max'
  | 'value.list-min'
  | 'value.list-max'
  | 'value.list-exact'
  | 'value.number-min'
  | 'value.number-above'
  | 'value.number-max'
  | 'value.number-below'
  | 'value.too-small'
  | 'value.too-big'
  | 'value.starts-with'
  | 'value.ends-with'
  | 'value.includes'
  | 'value.not-slug'
  | 'value.not-digits'
  | 'value.bad-form'
  | 'value.bad-format'
  | 'value.not-https-url'
  | 'value.not-multiple'
  | 'value.no-form'
  | 'value.bad-key'
  | 'value.bad-element'
  | 'value.invalid'
  | 'value.unknown-field'
  | 'value.unknown-field-typo'
  // Deck files: what a schema cannot say.
  | 'deck.not-object'
  | 'deck.card-not-object'
  | 'deck.duplicate-card-id'
  | 'deck.duplicate-table-id'
  | 'deck.duplicate-source'
  | 'deck.source-not-listed'
  | 'deck.source-no-doc'
  | 'deck.source-doc-and-url'
  | 'deck.duplicate-interview-id'
  | 'deck.duplicate-point'
  | 'deck.unknown-point'
  | 'deck.point-not-basic'
  | 'deck.answer-out-of-range'
  | 'deck.duplicate-choice'
  | 'deck.duplicate-category'
  | 'deck.duplicate-item'
  | 'deck.unknown-category'
  | 'deck.no-cloze'
  | 'deck.unclosed-cloze'
  | 'deck.cloze-numbers-differ'
  | 'deck.duplicate-column'
  | 'deck.duplicate-row-id'
  | 'deck.unknown-column'
  | 'deck.same-cells'
  | 'deck.no-cards'
  | 'deck.id-taken'
  | 'deck.type-changed'
  | 'deck.not-found'
  | 'deck.active-content'
  // Stored rows that cannot be written back as one deck file (a damaged database).
  | 'export.mixed-kinds'
  | 'export.bad-basic'
  | 'export.several'
  | 'export.table-card'
  | 'export.other-deck'
  // JSON text.
  | 'json.invalid'
  | 'json.not-deck-object'
  | 'json.not-deck'
  // Any imported file, before it is read as one format.
  | 'file.too-big'
  | 'file.far-too-big'
  | 'file.empty'
  | 'file.office-document'
  | 'file.old-office'
  | 'file.other-format'
  | 'file.binary'
  | 'file.bad-text'
  | 'file.text-too-long'
  | 'file.utf32'
  | 'file.unreadable'
  // CSV and TSV text.
  | 'csv.unclosed-quote'
  | 'csv.text-after-quote'
  | 'csv.no-rows'
  | 'csv.only-header'
  | 'csv.column-out-of-range'
  | 'csv.column-taken'
  | 'csv.needs-back'
  | 'csv.deck-needs-name'
  | 'csv.empty-cell'
  | 'csv.no-back-column'
  | 'csv.empty-id'
  | 'csv.duplicate-id'
  | 'csv.duplicate-front'
  // Anki packages and collections.
  | 'anki.not-package'
  | 'anki.no-collection'
  | 'anki.meta-damaged'
  | 'anki.newer-package'
  | 'anki.collection-missing'
  | 'anki.not-sqlite'
  | 'anki.db-damaged'
  | 'anki.not-collection'
  | 'anki.not-a-table'
  | 'anki.computed-columns'
  | 'anki.missing-columns'
  | 'anki.json-invalid'
  | 'anki.json-damaged'
  | 'anki.json-damaged-at'
  | 'anki.empty-collection'
  | 'anki.notetype-damaged'
  | 'anki.template-damaged'
  | 'anki.deck-damaged'
  | 'anki.media-list-json'
  | 'anki.media-list-shape'
  | 'anki.media-list-damaged'
  | 'anki.no-guid'
  | 'anki.duplicate-guid'
  | 'anki.unknown-notetype'
  // Zip archives (the container of .apkg and .colpkg).
  | 'zip.not-zip'
  | 'zip.truncated'
  | 'zip.zip64-archive'
  | 'zip.zip64-entry'
  | 'zip.multi-part'
  | 'zip.directory-outside'
  | 'zip.directory-cut'
  | 'zip.encrypted'
  | 'zip.method'
  | 'zip.sizes-differ'
  | 'zip.duplicate'
  | 'zip.entry-outside'
  | 'zip.ratio'
  | 'zip.too-big'
  | 'zip.entry-too-big'
  | 'zip.inflate-damaged'
  | 'zip.no-local-header'
  | 'zip.entry-cut'
  | 'zip.checksum'
  // zstd streams (collection.anki21b, its media).
  | 'zstd.corrupt'
  | 'zstd.too-big'
  | 'zstd.ratio'
  | 'zstd.ratio-at-least'
  // Things an import leaves out or changes, shown before the user confirms (they do not refuse it).
  | 'warn.empty-question'
  | 'warn.no-cloze'
  | 'warn.bad-cloze'
  | 'warn.image-occlusion'
  | 'warn.missing-template'
  | 'warn.no-cards'
  | 'warn.split-decks'
  | 'warn.unknown-deck'
  | 'warn.unknown-fields'
  | 'warn.review-other-cards'
  | 'warn.review-bad-ease'
  | 'warn.review-bad-time'
  | 'warn.active-removed'
  | 'warn.media-unused'
  | 'warn.media-bad-name'
  | 'warn.media-missing'
  | 'warn.tag-renamed'
  // The import as a whole.
  | 'import.more'
  | 'import.active-content'
  | 'import.duplicate-deck'
  | 'import.builtin-deck'
  | 'import.stopped'
  | 'import.not-read'
  | 'import.not-checked'
  | 'import.no-csv'
  // Backups.
  | 'backup.empty'
  | 'backup.too-large'
  | 'backup.not-backup'
  | 'backup.not-json'
  | 'backup.deck-file'
  | 'backup.not-gzip'
  | 'backup.incomplete'
  | 'backup.checksum'
  | 'backup.not-utf8'
  | 'backup.broken-json'
  | 'backup.bad-base64'
  | 'backup.newer-format'
  | 'backup.newer-version'
  | 'backup.bad-header'
  | 'backup.bad-rows'
  | 'backup.unknown-table'
  | 'backup.card-outside-deck'
  | 'backup.not-blob'
  | 'backup.duplicate-key'
  // Any error caught around the work: storage, cancellation, the unexpected.
  | 'storage.quota'
  | 'storage.closed'
  | 'storage.failed'
  | 'error.cancelled'
  | 'error.unexpected';
