// Settings: the global part (the day boundary, languages, the theme), and the deck options presets below it (each
// preset's editor with the optimizer that fits its parameters).
import { useEffect, useState, type FormEvent } from 'react';
import { checkSettings, THEMES, type Settings, type SettingsProblem, type Theme } from '../../domain/settings';
import { fieldProblems } from './problem-text';
import { PresetsPanel } from './presets-panel';
import type { Lang } from '../../domain/text';
import { db, reportStorageError } from '../../db/connection';
import { writeSettings } from '../../db/settings-repo';
import { useSettings } from '../../db/react/use-settings';
import { clock } from '../../lib/clock';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import { settingsMessages } from './settings-messages';
import { CheckDatabase } from './check-database';
import { PresetOptimizer } from './optimize-section';

interface Draft {
  dayStartHour: string;
  studyLang: Lang;
  uiLang: Lang;
  theme: Theme;
}

function toDraft(s: Settings): Draft {
  return {
    dayStartHour: String(s.study.dayStartHour),
    studyLang: s.study.studyLang,
    uiLang: s.study.uiLang,
    theme: s.study.theme,
  };
}

// An empty box is no value, not 0 (which Number('') would make it).
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

function fromDraft(d: Draft): Pick<Settings, 'study'> {
  return {
    study: { dayStartHour: num(d.dayStartHour), studyLang: d.studyLang, uiLang: d.uiLang, theme: d.theme },
  };
}

/** `preset`: the preset the presets editor opens on (a deck page's link). */
export function SettingsScreen({ preset }: { preset?: string | undefined } = {}) {
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
    const next = fromDraft(draft);
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
      // Not "Settings saved." from an earlier save: the alert says what went wrong, the form keeps what was filled.
      setStatus(null);
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
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        {status && (
          <p role="status" className={status === 'settings.saved' ? 'ok' : 'error'}>
            {t(status)}
          </p>
        )}
      </form>
      <PresetsPanel {...(preset ? { initial: preset } : {})} optimizer={PresetOptimizer} />
      <CheckDatabase />
    </section>
  );
}
