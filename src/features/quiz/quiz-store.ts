// A quiz in progress: which question, the answer being given, results so far, the leave dialog. A vanilla store,
// driven by keys or buttons and testable without rendering; the finished attempt goes to Dexie through `deps.save`.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { canOverride, markResponse, overrideResult } from '../../domain/quiz/marking';
import type { Question, QuestionResult, QuizConfig, Response } from '../../domain/quiz/quiz-schema';
import { summarizeAttempt } from '../../domain/quiz/summary';
import type { Lang } from '../../domain/text';
import type { QuizAttemptRow } from '../../db/database';

export interface QuizDeps {
  now(): number;
  newId(): string;
  /** Writes the attempt (and, if the config says so, its reviews) in one transaction. */
  save(attempt: QuizAttemptRow): Promise<void>;
  report(error: unknown): void;
}

export interface Draft {
  /** mcq and classify: the option; true/false: 0 = true, 1 = false. */
  choice: number | null;
  typed: string;
  /** Open questions: whether the model answer is shown, and the key points ticked. */
  revealed: boolean;
  ticked: number[];
  note: string;
}

const EMPTY_DRAFT: Draft = { choice: null, typed: '', revealed: false, ticked: [], note: '' };

export type Phase = 'running' | 'saving' | 'save-failed' | 'saved' | 'left';

export interface QuizState {
  config: QuizConfig;
  lang: Lang;
  questions: Question[];
  startedAt: number;
  /** When the time limit runs out (epoch ms), or null. */
  deadline: number | null;
  index: number;
  shownAt: number;
  draft: Draft;
  /** One per question; null until answered. The current question's result is its feedback. */
  results: Array<QuestionResult | null>;
  phase: Phase;
  /** The "leave the quiz?" dialog is open. */
  leaving: boolean;
  attemptId: string | null;
}

export interface QuizActions {
  choose(index: number): void;
  type(text: string): void;
  setNote(text: string): void;
  reveal(): void;
  toggleTick(index: number): void;
  /** Marks the current question from the draft; does nothing if it cannot be answered yet. */
  submit(): void;
  /** "I was right" on the current, wrongly marked typed answer. */
  override(): void;
  /** The next question, or the end of the quiz after the last one. */
  next(): Promise<void>;
  /** Time is up: unanswered questions stay unanswered, and the quiz ends. */
  timeUp(): Promise<void>;
  /** Writes the attempt (again, after a failure). */
  save(): Promise<void>;
  askLeave(): void;
  stay(): void;
  leave(): void;
}

export type QuizStore = StoreApi<QuizState & QuizActions>;

/** The response the draft stands for, or null when the question cannot be submitted yet. */
export function responseOf(q: Question, d: Draft): Response | null {
  switch (q.kind) {
    case 'mcq':
    case 'classify':
      return d.choice === null ? null : { kind: 'choice', index: d.choice };
    case 'true-false':
      return d.choice === null ? null : { kind: 'bool', value: d.choice === 0 };
    case 'type-in':
      return { kind: 'typed', text: d.typed };
    case 'open':
      return d.revealed ? { kind: 'open', ticked: [...d.ticked].sort((a, b) => a - b), text: d.note } : null;
  }
}

type Get = () => QuizState & QuizActions;
type Set = (patch: Partial<QuizState>) => void;

/** The attempt as stored: every question with its result, unanswered ones as "none". */
export function attemptRow(s: QuizState, now: number, newId: () => string): QuizAttemptRow {
  const questions = s.questions.map((question, i) => ({
    question,
    result: s.results[i] ?? {
      response: { kind: 'none' as const },
      correct: false,
      score: 0,
      overridden: false,
      durationMs: 0,
      answeredAt: now,
    },
  }));
  const sum = summarizeAttempt(questions);
  return {
    id: s.attemptId ?? newId(),
    startedAt: s.startedAt,
    finishedAt: now,
    scope: { config: s.config, lang: s.lang },
    questions,
    score: sum.points,
    total: sum.total,
  };
}

function initialState(input: { config: QuizConfig; lang: Lang; questions: Question[] }, start: number): QuizState {
  return {
    config: input.config,
    lang: input.lang,
    questions: input.questions,
    startedAt: start,
    deadline: input.config.timeLimitMin === null ? null : start + input.config.timeLimitMin * 60_000,
    index: 0,
    shownAt: start,
    draft: EMPTY_DRAFT,
    results: input.questions.map(() => null),
    phase: 'running',
    leaving: false,
    attemptId: null,
  };
}

/** The answer being given to the current question: only while it is open for editing. */
function answerActions(get: Get, set: Set, deps: QuizDeps) {
  const current = () => get().questions[get().index];
  const editable = () => get().phase === 'running' && !get().leaving && get().results[get().index] == null;
  const setDraft = (patch: Partial<Draft>) => set({ draft: { ...get().draft, ...patch } });
  return {
    choose(index: number) {
      const q = current();
      if (!q || !editable()) return;
      const n = q.kind === 'true-false' ? 2 : q.kind === 'mcq' || q.kind === 'classify' ? q.options.length : 0;
      if (index >= 0 && index < n) setDraft({ choice: index });
    },
    type(text: string) {
      if (editable()) setDraft({ typed: text });
    },
    setNote(text: string) {
      if (editable()) setDraft({ note: text });
    },
    reveal() {
      if (editable() && current()?.kind === 'open') setDraft({ revealed: true });
    },
    toggleTick(index: number) {
      const q = current();
      if (!q || q.kind !== 'open' || !editable() || !get().draft.revealed || index < 0 || index >= q.keyPoints.length)
        return;
      const ticked = get().draft.ticked;
      setDraft({ ticked: ticked.includes(index) ? ticked.filter((i) => i !== index) : [...ticked, index] });
    },
    submit() {
      const q = current();
      if (!q || !editable()) return;
      const response = responseOf(q, get().draft);
      if (!response) return;
      const now = deps.now();
      const mark = markResponse(q, response);
      const result: QuestionResult = {
        response,
        ...mark,
        overridden: false,
        durationMs: Math.max(0, now - get().shownAt),
        answeredAt: now,
      };
      set({ results: get().results.map((r, i) => (i === get().index ? result : r)) });
    },
    override() {
      const q = current();
      const r = get().results[get().index];
      if (!q || !r || get().phase !== 'running' || !canOverride(q, r)) return;
      set({ results: get().results.map((x, i) => (i === get().index ? overrideResult(r) : x)) });
    },
  };
}

/** Moving through the quiz: the next question, the end (time up or after the last), saving, leaving. */
function flowActions(get: Get, set: Set, deps: QuizDeps) {
  return {
    async next() {
      const s = get();
      if (s.phase !== 'running' || s.leaving || s.results[s.index] == null) return;
      if (s.index + 1 < s.questions.length) {
        set({ index: s.index + 1, shownAt: deps.now(), draft: EMPTY_DRAFT });
        return;
      }
      await get().save();
    },
    async timeUp() {
      if (get().phase !== 'running') return;
      set({ leaving: false });
      await get().save();
    },
    async save() {
      const s = get();
      if (s.phase !== 'running' && s.phase !== 'save-failed') return;
      const row = attemptRow(s, deps.now(), deps.newId);
      set({ phase: 'saving', attemptId: row.id });
      try {
        await deps.save(row);
        set({ phase: 'saved' });
      } catch (error) {
        set({ phase: 'save-failed' });
        deps.report(error);
      }
    },
    askLeave() {
      if (get().phase === 'running') set({ leaving: true });
    },
    stay() {
      set({ leaving: false });
    },
    leave() {
      if (get().phase === 'running' || get().phase === 'save-failed') set({ phase: 'left', leaving: false });
    },
  };
}

export function createQuizStore(
  input: { config: QuizConfig; lang: Lang; questions: Question[] },
  deps: QuizDeps,
): QuizStore {
  return createStore<QuizState & QuizActions>()((set, get) => ({
    ...initialState(input, deps.now()),
    ...answerActions(get, set, deps),
    ...flowActions(get, set, deps),
  }));
}
