// Builds the JSON Schema of deck files from the Zod deck schema, so editors can check decks as people type.
import { z } from 'zod';
import {
  basicCardSchema,
  classifyCardSchema,
  clozeCardSchema,
  deckSchema,
  idSchema,
  mcqCardSchema,
  reverseCardSchema,
  sourceSchema,
  textSchema,
  traitTableSchema,
  typeInCardSchema,
} from '../../src/domain/deck-schema';

export const DECK_JSON_SCHEMA_ID = 'urn:dockdeck:schema:deck@1';

type Meta = { id?: string; title?: string; description?: string };

/**
 * Names and descriptions live in a private registry rather than on the schemas themselves: the app's
 * schemas stay free of editor-only metadata, and named parts become readable `$defs` instead of
 * being inlined dozens of times. Being private, it also hides any `.meta()` put on the app's
 * schemas, so editor descriptions belong here.
 */
function metadata(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  registry.add(idSchema, {
    id: 'Id',
    description: 'Lower-case slug (a-z, 0-9, "-"). Ids key review history: keep them stable when editing text.',
  });
  registry.add(textSchema, {
    id: 'Text',
    description: 'Bilingual Markdown text: both "en" and "zh" are required and must not be blank.',
  });
  registry.add(sourceSchema, {
    id: 'Source',
    description:
      'Where the fact comes from: "doc" is a file name listed in the deck\'s "sources"; "section" is the heading as cited by `npm run decks:coverage`.',
  });
  registry.add(basicCardSchema, { id: 'BasicCard', description: 'Front → back.' });
  registry.add(reverseCardSchema, {
    id: 'ReverseCard',
    description: 'Studied in both directions: front → back and back → front.',
  });
  registry.add(clozeCardSchema, {
    id: 'ClozeCard',
    description:
      'Text with {{c1::answer}} or {{c1::answer::hint}} markers in both languages; one study card per cloze number.',
  });
  registry.add(mcqCardSchema, {
    id: 'McqCard',
    description: 'Multiple choice: "answer" is the 0-based index into "choices".',
  });
  registry.add(classifyCardSchema, {
    id: 'ClassifyCard',
    description: 'Sort items into categories; one study card per item. Each item\'s "category" is a category id.',
  });
  registry.add(typeInCardSchema, {
    id: 'TypeInCard',
    description: 'Type the answer; "accept" lists other accepted spellings.',
  });
  registry.add(traitTableSchema, {
    id: 'TraitTable',
    description:
      'Rows of traits compared across columns (e.g. container / VM). The app makes a compare card per row and a "which column?" card per cell. Every row needs one cell per column id.',
  });
  registry.add(mcqCardSchema.shape.answer, { description: '0-based index into "choices" of the correct choice.' });
  registry.add(basicCardSchema.shape.note, {
    description: 'Where the document is out of date or inaccurate: the current state, shown with the answer.',
  });
  return registry;
}

/** The JSON Schema of the input side of a deck file: fields with defaults (tags, sources, tables…) are optional. */
export function deckJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(deckSchema, { io: 'input', metadata: metadata() }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    $id: DECK_JSON_SCHEMA_ID,
    title: 'dockdeck deck (dockdeck/deck@1)',
    description:
      'A dockdeck deck file. Generated from src/domain/deck-schema.ts by `npm run decks:schema`; do not edit by hand. Rules a schema cannot express (unique ids, cited sources listed, mcq answer in range…) are checked by `npm run decks:check`.',
    ...rest,
  };
}
