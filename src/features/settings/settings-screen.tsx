// Settings: daily limits, the day boundary, languages, the theme, and the FSRS scheduling options.
import { useEffect, useState, type FormEvent } from 'react';
import { checkSettings, THEMES, type Settings, type SettingsProblem, type Theme } from '../../domain/settings';
import type { Lang } from '../../domain/text';
import { db, reportStorageError } from '../../db/connection';
import { writeSettings } from '../../db/settings-repo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import { settingsMessages } from './settings-messages';
import { OptimizeSection } from './optimize-section';

interface Draft {
  newPerDay: string;
  reviewsPerDay: string;
  dayStartHour: string;
  studyLang: Lang;
  uiLang: Lang;
  theme: Theme;
  desiredRetention: string;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: string;
  enableFuzz: boolean;
}

function toDraft(s: Settings): Draft {
  return {
    newPerDay: String(s.study.newPerDay),
    reviewsPerDay: String(s.study.reviewsPerDay),
    dayStartHour: String(s.study.dayStartHour),
    studyLang: s.study.studyLang,
    uiLang: s.study.uiLang,
    theme: s.study.theme,
    desiredRetention: String(s.scheduler.desiredRetention),
    learningSteps: s.scheduler.learningSteps.join(' '),
    relearningSteps: s.scheduler.relearningSteps.join(' '),
    maximumInterval: String(s.scheduler.maximumInterval),
    enableFuzz: s.scheduler.enableFuzz,
  };
}

const steps = (s: string) => s.split(/[\s,]+/).filter(Boolean) as Settings['scheduler']['learningSteps'];
// An empty box is no value, not 0 (which Number('') would make it).
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

function fromDraft(d: Draft, base: Settings): Settings {
  return {
    study: {
      newPerDay: num(d.newPerDay),
      reviewsPerDay: num(d.reviewsPerDay),
      dayStartHour: num(d.dayStartHour),
      studyLang: d.studyLang,
      uiLang: d.uiLang,
      theme: d.theme,
    },
    scheduler: {
      ...base.scheduler,
      desiredRetention: num(d.desiredRetention),
      learningSteps: steps(d.learningSteps),
      relearningSteps: steps(d.relearningSteps),
      maximumInterval: num(d.maximumInterval),
      enableFuzz: d.enableFuzz,
    },
  };
}

type ProblemWords = ReturnType<typeof useMessages<keyof (typeof settingsMessages)['en']>>;

/** A problem in the user's language; `index` is the bad element of a list (a learning step), when it is one. */
function problemText(m: ProblemWords, problem: SettingsProblem, index: number | null): string {
  switch (problem.code) {
    case 'whole-number':
    case 'number':
      return m(`problem.${problem.code}`, { min: problem.min, max: problem.max });
    case 'one-of':
      return m('problem.one-of', { options: problem.options.join(', ') });
    case 'step':
      return m('problem.step', { n: (index ?? 0) + 1 });
    case 'weights':
      return m('problem.weights', { count: problem.count });
    default:
      return m(`problem.${problem.code}`);
  }
}

/** The words for each field's problems, by the field's path: a list's bad elements are shown at the list. */
function fieldProblems(m: ProblemWords, found: Record<string, SettingsProblem>): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const [path, problem] of Object.entries(found)) {
    const item = /^(.*)\.(\d+)$/.exec(path);
    const field = item ? item[1]! : path;
    (out[field] ??= []).push(problemText(m, problem, item ? Number(item[2]) : null));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' ')]));
}

export function SettingsScreen() {
  const t = useT();
  const pm = useMessages(settingsMessages);
  const { settings, loaded } = useSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [found, setFound] = useState<Record<string, SettingsProblem>>({});
  const [status, setStatus] = useState<MessageKey | null>(null);
  useEffect(() => {
    if (loaded && draft === null) setDraft(toDraft(settings));
  }, [loaded, settings, draft]);
  if (!draft) return null;
  // Put into words at each render, so that a change of language shows them in the new one.
  const problems = fieldProblems(pm, found);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setStatus(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = fromDraft(draft, settings);
    const bad = checkSettings(next);
    setFound(bad);
    if (Object.keys(bad).length > 0) {
      setStatus('settings.invalid');
      return;
    }
    try {
      await writeSettings(db(), next, clock.ms());
      setStatus('settings.saved');
    } catch (err) {
      reportStorageError(err);
    }
  };
  const field = (key: keyof Draft, path: string, label: MessageKey, type = 'number', extra: object = {}) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        type={type}
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={path in problems}
        aria-describedby={path in problems ? `${path}-error` : undefined}
        {...extra}
      />
      {path in problems && (
        <span className="error" id={`${path}-error`}>
          {problems[path]}
        </span>
      )}
    </label>
  );
  const langSelect = (key: 'studyLang' | 'uiLang', label: MessageKey) => (
    <label className="field">
      <span>{t(label)}</span>
      <select value={draft[key]} onChange={(e) => set(key, e.target.value as Lang)}>
        <option value="en">{t('lang.en')}</option>
        <option value="zh">{t('lang.zh')}</option>
      </select>
    </label>
  );

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.heading')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('settings.study')}</legend>
          {field('newPerDay', 'study.newPerDay', 'settings.new-per-day', 'number', { min: 0 })}
          {field('reviewsPerDay', 'study.reviewsPerDay', 'settings.reviews-per-day', 'number', { min: 0 })}
          {field('dayStartHour', 'study.dayStartHour', 'settings.day-start', 'number', { min: 0, max: 23 })}
          {langSelect('studyLang', 'settings.study-lang')}
          {langSelect('uiLang', 'settings.ui-lang')}
          <label className="field">
            <span>{pm('theme.label')}</span>
            <select value={draft.theme} onChange={(e) => set('theme', e.target.value as Theme)}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {pm(`theme.${theme}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.scheduler')}</legend>
          {field('desiredRetention', 'scheduler.desiredRetention', 'settings.retention', 'number', {
            min: 0.7,
            max: 0.99,
            step: 0.01,
          })}
          <p className="help">{t('settings.retention-help')}</p>
          {field('learningSteps', 'scheduler.learningSteps', 'settings.learning-steps', 'text')}
          {field('relearningSteps', 'scheduler.relearningSteps', 'settings.relearning-steps', 'text')}
          <p className="help">{t('settings.steps-help')}</p>
          {field('maximumInterval', 'scheduler.maximumInterval', 'settings.max-interval', 'number', { min: 1 })}
          <label className="field checkbox">
            <input type="checkbox" checked={draft.enableFuzz} onChange={(e) => set('enableFuzz', e.target.checked)} />
            <span>{t('settings.fuzz')}</span>
          </label>
        </fieldset>
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        {status && (
          <p role="status" className={status === 'settings.saved' ? 'ok' : 'error'}>
            {t(status)}
          </p>
        )}
      </form>
      <OptimizeSection />
    </section>
  );
}
