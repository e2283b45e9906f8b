// The presets form's state and actions: the draft of every preset and assignment, checked and saved only on Save
// (asking first whether to reschedule when a retention or the parameters changed), and the undo of the last save.
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { db, reportStorageError } from '../../db/connection';
import type { DeckRow } from '../../db/database';
import { listDecks } from '../../db/deck-repo';
import { PresetsConflictError, UndoConflictError } from '../../db/errors';
import { savePresetBook, undoPresetSave } from '../../db/preset-repo';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import { dayWindow } from '../../domain/day-window';
import {
  DEFAULT_PRESET_ID,
  changesSchedule,
  checkPresetBook,
  defaultBook,
  restorePresetBook,
  type Preset,
  type PresetBook,
} from '../../domain/presets';
import type { SettingsProblem } from '../../domain/settings';
import { clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { useMessages } from '../../lib/i18n';
import { fromBookDraft, sameDraft, toBookDraft, toPresetDraft, type BookDraft, type PresetDraft } from './preset-draft';
import { presetMessages } from './preset-messages';
import type { Question } from './preset-question';
import { presetUndo } from './preset-undo';
import { fieldProblems } from './problem-text';
import { settingsMessages } from './settings-messages';
import { useWorkload, type WorkloadEstimate } from './use-workload';

type PM = keyof (typeof presetMessages)['en'];
/** The reschedule's progress is shown at most this often (the status is a live region, read out on each change). */
const PROGRESS_MS = 1000;

/** Saves the presets, rescheduling the cards of `reschedule`'s presets with the progress in the status. */
function saveBook(base: PresetBook, next: PresetBook, reschedule: string[], setStatus: (s: Status) => void) {
  return savePresetBook(db(), base, next, { now: clock.ms(), reschedule, onProgress: progressStatus(setStatus) });
}

/** A reschedule's progress as the status, at most every PROGRESS_MS (the end is said by the save's own status). */
function progressStatus(setStatus: (s: Status) => void): (done: number, total: number) => void {
  let said = -Infinity;
  return (done, total) => {
    const at = performance.now();
    if (at - said < PROGRESS_MS || done >= total) return;
    said = at;
    setStatus({ key: 'rescheduling', params: { done, total } });
  };
}

export type Status = { key: PM; params?: Record<string, string | number>; error?: boolean } | null;

/** The presets whose retention or parameters differ between `before` and `after` (only presets both have). */
function rescheduleCandidates(before: PresetBook, after: PresetBook): string[] {
  return after.presets
    .filter((p) => {
      const old = before.presets.find((b) => b.id === p.id);
      return old !== undefined && changesSchedule(old, p);
    })
    .map((p) => p.id);
}

/** Options good enough to simulate a workload with (the name and the retention being typed do not matter). */
function simulable(p: Preset | undefined): Preset | null {
  if (!p) return null;
  const bad = Object.keys(checkPresetBook({ presets: [p], decks: {} }));
  return bad.every((k) => k.endsWith('.name') || k.endsWith('.desiredRetention')) ? p : null;
}

/** The draft with a new preset, a copy of the default preset as the draft has it. */
function withCopyOfDefault(draft: BookDraft, base: PresetBook, id: string, name: string): BookDraft {
  const from = fromBookDraft(draft, base).presets.find((p) => p.id === DEFAULT_PRESET_ID) ?? defaultBook().presets[0]!;
  return { ...draft, presets: [...draft.presets, toPresetDraft({ ...from, id, name })] };
}

/** The problem words of one preset, by its field's name (`newPerDay`). */
function problemsOfPreset(all: Record<string, string>, id: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all)
      .filter(([k]) => k.startsWith(`${id}.`))
      .map(([k, v]) => [k.slice(id.length + 1), v]),
  );
}

/** The draft, started from the stored presets and following them (another tab's save) while it is unchanged. */
function useDraft() {
  const { settings, loaded } = useSettings();
  const stored = settings.presets;
  const [base, setBase] = useState<PresetBook | null>(null);
  const [draft, setDraft] = useState<BookDraft | null>(null);
  const dirty = draft !== null && base !== null && !sameDraft(draft, toBookDraft(base));
  // Follows a change of the stored presets (not a lag of the live query behind this form's own save).
  const [seen, setSeen] = useState<string | null>(null);
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    if (!loaded || storedKey === seen) return;
    setSeen(storedKey);
    if (base === null || !dirty) {
      setBase(stored);
      setDraft(toBookDraft(stored));
    }
  }, [loaded, stored, storedKey, seen, base, dirty]);
  const reset = (book: PresetBook) => {
    setBase(book);
    setDraft(toBookDraft(book));
  };
  return { base, draft, setDraft, dirty, reset, dayStartHour: settings.study.dayStartHour };
}

export interface PresetForm {
  draft: BookDraft;
  decks: DeckRow[] | undefined;
  deckIds: string[];
  preset: PresetDraft;
  /** The decks the preset being edited has in the draft. */
  presetDecks: string[];
  /** The parameters of the preset being edited, as its draft gives them (NaN where the text is not a number). */
  weights: number[];
  /** Problem words of the preset being edited, by field. */
  problems: Record<string, string>;
  estimate: WorkloadEstimate;
  retention: number | null;
  canUndo: boolean;
  busy: boolean;
  status: Status;
  dirty: boolean;
  question: Question | null;
  nameOf: (p: { id: string; name: string }) => string;
  edit: (next: BookDraft) => void;
  change: (c: Partial<PresetDraft>) => void;
  add: () => void;
  askDelete: () => void;
  save: () => void;
  undo: () => Promise<void>;
  select: (id: string) => void;
  closeQuestion: () => void;
}

export function usePresetForm(initial: string = DEFAULT_PRESET_ID): PresetForm | null {
  const m = useMessages(presetMessages);
  const pm = useMessages(settingsMessages);
  const { base, draft, setDraft, dirty, reset, dayStartHour } = useDraft();
  const decks = useLiveQuery(() => listDecks(db()), []);
  const [selected, setSelected] = useState(initial);
  const [found, setFound] = useState<Record<string, SettingsProblem>>({});
  const [status, setStatus] = useState<Status>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useStore(presetUndo, (s) => s.last);

  const preset = draft?.presets.find((p) => p.id === selected) ?? draft?.presets[0];
  const deckIds = useMemo(() => (decks ?? []).map((d) => d.id), [decks]);
  const assigned = draft?.decks;
  const presetDecks = useMemo(
    () => (assigned && preset ? deckIds.filter((d) => (assigned[d] ?? DEFAULT_PRESET_ID) === preset.id) : []),
    [deckIds, assigned, preset],
  );
  const parsedPreset = draft && base ? fromBookDraft(draft, base).presets.find((p) => p.id === preset?.id) : undefined;
  const retention =
    parsedPreset && Number.isFinite(parsedPreset.desiredRetention) ? parsedPreset.desiredRetention : null;
  const todayStart = dayWindow(clock.ms(), dayStartHour).start;
  const estimate = useWorkload(presetDecks, retention, simulable(parsedPreset), todayStart);
  if (!draft || !base || !preset) return null;

  const problems = problemsOfPreset(fieldProblems(pm, found), preset.id);
  const nameOf = (p: { id: string; name: string }) =>
    p.id === DEFAULT_PRESET_ID && p.name.trim() === '' ? m('default-name') : p.name;
  const edit = (next: BookDraft) => {
    setDraft(next);
    setStatus(null);
  };
  const count = (id: string) => deckIds.filter((d) => (draft.decks[d] ?? DEFAULT_PRESET_ID) === id).length;
  const remove = () => {
    const decksLeft = Object.fromEntries(Object.entries(draft.decks).filter(([, p]) => p !== preset.id));
    edit({ presets: draft.presets.filter((p) => p.id !== preset.id), decks: decksLeft });
    setSelected(DEFAULT_PRESET_ID);
    setQuestion(null);
  };

  const run = async (work: () => Promise<void>, conflict: PM) => {
    setQuestion(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      if (err instanceof PresetsConflictError || err instanceof UndoConflictError)
        setStatus({ key: conflict, error: true });
      else {
        setStatus(null);
        reportStorageError(err);
      }
    } finally {
      setBusy(false);
    }
  };
  const write = (next: PresetBook, reschedule: string[]) =>
    run(async () => {
      setStatus({ key: 'saving' });
      const done = await saveBook(base, next, reschedule, setStatus);
      presetUndo.setState({ last: done });
      reset(restorePresetBook(next));
      setStatus(
        reschedule.length > 0 ? { key: 'saved-rescheduled', params: { n: done.rescheduled.length } } : { key: 'saved' },
      );
    }, 'conflict');

  return {
    draft,
    decks,
    deckIds,
    preset,
    presetDecks,
    weights: parsedPreset?.weights ?? [],
    problems,
    estimate,
    retention,
    canUndo: last !== null,
    busy,
    status,
    dirty,
    question,
    nameOf,
    edit,
    change: (c) => edit({ ...draft, presets: draft.presets.map((p) => (p.id === preset.id ? { ...p, ...c } : p)) }),
    add: () => {
      const id = newId();
      edit(withCopyOfDefault(draft, base, id, m('new-name', { n: draft.presets.length })));
      setSelected(id);
    },
    askDelete: () => setQuestion({ kind: 'delete', name: nameOf(preset), decks: count(preset.id), onYes: remove }),
    save: () => {
      const next = fromBookDraft(draft, base);
      const bad = checkPresetBook(next);
      setFound(bad);
      if (Object.keys(bad).length > 0) {
        const first = next.presets.find((p) => Object.keys(bad).some((k) => k.startsWith(`${p.id}.`)));
        if (first) setSelected(first.id);
        setStatus({ key: 'invalid', error: true });
        return;
      }
      const ids = rescheduleCandidates(base, next);
      if (ids.length === 0) return void write(next, []);
      const names = ids.map((id) => nameOf(next.presets.find((p) => p.id === id)!)).join(', ');
      setQuestion({ kind: 'reschedule', names, onYes: () => void write(next, ids), onNo: () => void write(next, []) });
    },
    undo: () =>
      run(async () => {
        if (!last) return;
        await undoPresetSave(db(), last, clock.ms());
        presetUndo.setState({ last: null });
        reset(restorePresetBook(last.before));
        setFound({});
        setStatus({ key: 'undone' });
      }, 'undo-conflict'),
    select: setSelected,
    closeQuestion: () => setQuestion(null),
  };
}
