// The preset form's draft: every preset's fields as the user types them (text for numbers and lists), turned back into
// presets to check and save. Pure.
import type { NewOrder, Preset, PresetBook, ReviewOrder } from '../../domain/presets';

export interface PresetDraft {
  id: string;
  name: string;
  desiredRetention: string;
  weights: string;
  learningSteps: string;
  relearningSteps: string;
  newPerDay: string;
  reviewsPerDay: string;
  maximumInterval: string;
  enableFuzz: boolean;
  enableShortTerm: boolean;
  newOrder: NewOrder;
  reviewOrder: ReviewOrder;
  burySiblings: boolean;
}

export interface BookDraft {
  presets: PresetDraft[];
  decks: Record<string, string>;
}

/** Parameters are shown to 4 decimals at most, as Anki does; the stored value is kept while the text is unchanged. */
export const weightsText = (w: readonly number[]) => w.map((x) => String(Math.round(x * 10000) / 10000)).join(', ');

export function toPresetDraft(p: Preset): PresetDraft {
  return {
    id: p.id,
    name: p.name,
    desiredRetention: String(p.desiredRetention),
    weights: weightsText(p.weights),
    learningSteps: p.learningSteps.join(' '),
    relearningSteps: p.relearningSteps.join(' '),
    newPerDay: String(p.newPerDay),
    reviewsPerDay: String(p.reviewsPerDay),
    maximumInterval: String(p.maximumInterval),
    enableFuzz: p.enableFuzz,
    enableShortTerm: p.enableShortTerm,
    newOrder: p.newOrder,
    reviewOrder: p.reviewOrder,
    burySiblings: p.burySiblings,
  };
}

export function toBookDraft(book: PresetBook): BookDraft {
  return { presets: book.presets.map(toPresetDraft), decks: { ...book.decks } };
}

// An empty box is no value, not 0 (which Number('') would make it).
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
const list = (s: string) => s.split(/[\s,]+/).filter(Boolean);

/**
 * The draft as presets; a field that does not parse becomes a value its rule refuses (NaN), so checkPresetBook names
 * it. Parameters whose text is unchanged keep their stored value in full precision (`base`).
 */
export function fromBookDraft(d: BookDraft, base: PresetBook): PresetBook {
  const presets = d.presets.map((p): Preset => {
    const stored = base.presets.find((b) => b.id === p.id);
    const weights =
      stored && weightsText(stored.weights) === p.weights ? [...stored.weights] : list(p.weights).map(num);
    return {
      id: p.id,
      name: p.name.trim(),
      desiredRetention: num(p.desiredRetention),
      weights,
      learningSteps: list(p.learningSteps) as Preset['learningSteps'],
      relearningSteps: list(p.relearningSteps) as Preset['relearningSteps'],
      newPerDay: num(p.newPerDay),
      reviewsPerDay: num(p.reviewsPerDay),
      maximumInterval: num(p.maximumInterval),
      enableFuzz: p.enableFuzz,
      enableShortTerm: p.enableShortTerm,
      newOrder: p.newOrder,
      reviewOrder: p.reviewOrder,
      burySiblings: p.burySiblings,
    };
  });
  return { presets, decks: { ...d.decks } };
}

export const sameDraft = (a: BookDraft, b: BookDraft) => JSON.stringify(a) === JSON.stringify(b);
