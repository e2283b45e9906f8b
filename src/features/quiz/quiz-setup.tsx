// The quiz form: scope (decks, tags, or everything studied), length, time limit, question kinds, the schedule switch.
import type { QuizPrefs } from '../../domain/quiz/quiz-prefs';
import { TIME_LIMITS } from '../../domain/quiz/quiz-prefs';
import { QUIZ_LENGTHS } from '../../domain/quiz/generate';
import { QUESTION_KINDS, type QuestionKind, type QuizScope } from '../../domain/quiz/quiz-schema';
import type { Text } from '../../domain/deck-schema';
import { useMessages, useUiLang } from '../../lib/i18n';
import { quizMessages, type QuizMessageKey } from './quiz-messages';

export interface ScopeChoices {
  decks: Array<{ id: string; title: Text }>;
  tags: string[];
}

interface Props {
  prefs: QuizPrefs;
  choices: ScopeChoices | undefined;
  busy: boolean;
  onChange(prefs: QuizPrefs): void;
  onStart(): void;
}

/** Why the form cannot start yet, as a message key, or null. */
export function setupProblem(prefs: QuizPrefs): QuizMessageKey | null {
  const s = prefs.scope;
  if ((s.kind === 'decks' && s.deckIds.length === 0) || (s.kind === 'tags' && s.tags.length === 0))
    return 'setup.pick-scope';
  if (prefs.kinds.length === 0) return 'setup.pick-kind';
  return null;
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

type SetPrefs = (patch: Partial<QuizPrefs>) => void;

export function QuizSetup({ prefs, choices, busy, onChange, onStart }: Props) {
  const m = useMessages(quizMessages);
  const set: SetPrefs = (patch) => onChange({ ...prefs, ...patch });
  const problem = setupProblem(prefs);

  return (
    <form
      className="quiz-setup settings"
      aria-labelledby="quiz-setup-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && !busy) onStart();
      }}
    >
      <h2 id="quiz-setup-title">{m('setup.heading')}</h2>
      <ScopeFields scope={prefs.scope} choices={choices} onScope={(scope) => set({ scope })} />
      <LengthFields prefs={prefs} set={set} />
      <KindFields prefs={prefs} set={set} />
      {problem && <p className="error">{m(problem)}</p>}
      <button type="submit" className="primary" disabled={problem !== null || busy}>
        {busy ? m('setup.loading') : m('setup.start')}
      </button>
    </form>
  );
}

/** Everything studied, some decks, or some tags. */
function ScopeFields({
  scope,
  choices,
  onScope,
}: {
  scope: QuizScope;
  choices: ScopeChoices | undefined;
  onScope(scope: QuizScope): void;
}) {
  const m = useMessages(quizMessages);
  const lang = useUiLang();
  return (
    <fieldset>
      <legend>{m('setup.scope')}</legend>
      <label className="field checkbox">
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'studied'}
          onChange={() => onScope({ kind: 'studied' })}
        />
        {m('setup.scope-studied')}
      </label>
      <label className="field checkbox">
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'decks'}
          onChange={() => onScope({ kind: 'decks', deckIds: choices?.decks.map((d) => d.id) ?? [] })}
        />
        {m('setup.scope-decks')}
      </label>
      {scope.kind === 'decks' && (
        <div className="quiz-choices" role="group" aria-label={m('setup.scope-decks')}>
          {choices?.decks.map((d) => (
            <label key={d.id} className="field checkbox">
              <input
                type="checkbox"
                checked={scope.deckIds.includes(d.id)}
                onChange={() => onScope({ kind: 'decks', deckIds: toggle(scope.deckIds, d.id) })}
              />
              {d.title[lang]}
            </label>
          ))}
        </div>
      )}
      <label className="field checkbox">
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'tags'}
          onChange={() => onScope({ kind: 'tags', tags: [] })}
        />
        {m('setup.scope-tags')}
      </label>
      {scope.kind === 'tags' && (
        <div className="quiz-choices tags" role="group" aria-label={m('setup.scope-tags')}>
          {choices?.tags.length === 0 && <p className="help">{m('setup.no-tags')}</p>}
          {choices?.tags.map((tag) => (
            <label key={tag} className="field checkbox">
              <input
                type="checkbox"
                checked={scope.tags.includes(tag)}
                onChange={() => onScope({ kind: 'tags', tags: toggle(scope.tags, tag) })}
              />
              {tag}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** How many questions, and the time limit. */
function LengthFields({ prefs, set }: { prefs: QuizPrefs; set: SetPrefs }) {
  const m = useMessages(quizMessages);
  return (
    <fieldset>
      <legend>{m('setup.length')}</legend>
      <div className="quiz-inline">
        {QUIZ_LENGTHS.map((n) => (
          <label key={n} className="field checkbox">
            <input type="radio" name="length" checked={prefs.length === n} onChange={() => set({ length: n })} />
            {n === 0 ? m('setup.length-all') : m('setup.length-n', { n })}
          </label>
        ))}
      </div>
      <label className="field">
        {m('setup.time')}
        <select
          value={prefs.timeLimitMin ?? ''}
          onChange={(e) => set({ timeLimitMin: e.target.value === '' ? null : Number(e.target.value) })}
        >
          {TIME_LIMITS.map((n) => (
            <option key={n ?? 'none'} value={n ?? ''}>
              {n === null ? m('setup.time-none') : m('setup.time-min', { n })}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** Which kinds of question, and whether answers update the schedule. */
function KindFields({ prefs, set }: { prefs: QuizPrefs; set: SetPrefs }) {
  const m = useMessages(quizMessages);
  return (
    <fieldset>
      <legend>{m('setup.kinds')}</legend>
      <div className="quiz-inline">
        {QUESTION_KINDS.map((k: QuestionKind) => (
          <label key={k} className="field checkbox">
            <input
              type="checkbox"
              checked={prefs.kinds.includes(k)}
              onChange={() =>
                set({
                  kinds: QUESTION_KINDS.filter((x) => (x === k ? !prefs.kinds.includes(k) : prefs.kinds.includes(x))),
                })
              }
            />
            {m(`kind.${k}`)}
          </label>
        ))}
      </div>
      <label className="field checkbox">
        <input
          type="checkbox"
          checked={prefs.updateSchedule}
          onChange={() => set({ updateSchedule: !prefs.updateSchedule })}
          aria-describedby="quiz-update-help"
        />
        {m('setup.update')}
      </label>
      <p className="help" id="quiz-update-help">
        {m('setup.update-help')}
      </p>
    </fieldset>
  );
}
