// A CSV or text file read as the import screen reads it with the suggested columns: its deck drafts, or a throw.
import { buildCsvDrafts } from '../../../src/formats/csv/read-cards';
import { parseCsvText } from '../../../src/formats/csv/parse';
import { suggestMapping } from '../../../src/formats/csv/mapping';
import type { DeckDraft } from '../../../src/formats/import/draft';

export async function csvDrafts(text: string, file: string): Promise<DeckDraft[]> {
  const t = await parseCsvText(file, text);
  if (!t.ok) throw new Error(JSON.stringify(t.issues));
  const r = await buildCsvDrafts(t.value, suggestMapping(t.value));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.drafts;
}
