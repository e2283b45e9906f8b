// The card editor's inputs: a bilingual text (English and Chinese side by side), a one-line field, and the shared
// state they read (the draft, which problems to show, the ids that tie a field to its message).
import { createContext, useContext, type ReactNode } from 'react';
import type { Text } from '../../domain/deck-schema';
import { LANGS, type Lang } from '../../domain/text';
import type { Draft } from './card-editor-draft';
import type { EditorT } from './card-editor-problems';

export interface EditorApi {
  draft: Draft;
  m: EditorT;
  /** Changes the draft; `slots` are the fields the user changed (their problems show from now on). */
  update(change: (d: Draft) => Draft, slots?: readonly string[]): void;
  touch(slot: string): void;
  /** The problems of a slot that are shown: once the user changed or left it, or tried to save. */
  shown(slot: string): string[] | undefined;
  idOf(slot: string): string;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the card editor');
  return api;
}

/** The attributes that tie an input to its problems (and its help), for screen readers. */
export function useInvalid(slot: string, help?: string) {
  const api = useEditor();
  const msgs = api.shown(slot);
  const errId = `${api.idOf(slot)}-error`;
  const describedBy = [msgs ? errId : '', help ?? ''].filter((x) => x !== '').join(' ');
  return {
    msgs,
    errId,
    attrs: {
      'aria-invalid': msgs ? true : undefined,
      'aria-describedby': describedBy === '' ? undefined : describedBy,
    },
  };
}

export function FieldError({ slot }: { slot: string }) {
  const { msgs, errId } = useInvalid(slot);
  if (!msgs) return null;
  return (
    <p className="field-error" id={errId}>
      {msgs.join(' ')}
    </p>
  );
}

const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

interface BiProps {
  /** The field path of the text: `front`, `choices[2]`, `categories[0].label`. */
  name: string;
  label: string;
  value: Text;
  onChange(value: Text): void;
  /** One line (a choice, a category) instead of a paragraph. */
  short?: boolean;
  help?: string;
  /** Under each language's field (the cloze button). */
  below?: (lang: Lang) => ReactNode;
  onKeyDown?: (lang: Lang, e: React.KeyboardEvent<HTMLTextAreaElement>) => void;
}

/** A text in both languages, side by side (one above the other on a phone), each with its own problems. */
export function BiField({ name, label, value, onChange, short, help, below, onKeyDown }: BiProps) {
  const api = useEditor();
  const labelId = `${api.idOf(name)}-label`;
  return (
    <div className={short ? 'bi-field short' : 'bi-field'} role="group" aria-labelledby={labelId}>
      <span className="bi-label" id={labelId}>
        {label}
      </span>
      {help && (
        <p className="help" id={`${api.idOf(name)}-help`}>
          {help}
        </p>
      )}
      <div className="bi-langs">
        {LANGS.map((lang) => (
          <LangField
            key={lang}
            slot={`${name}.${lang}`}
            label={api.m('field.in-lang', { field: label, lang: api.m(`lang.${lang}`) })}
            lang={lang}
            value={value[lang]}
            short={short === true}
            onChange={(v) => onChange({ ...value, [lang]: v })}
            {...(help ? { help: `${api.idOf(name)}-help` } : {})}
            {...(onKeyDown ? { onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => onKeyDown(lang, e) } : {})}
          >
            {below?.(lang)}
          </LangField>
        ))}
      </div>
    </div>
  );
}

interface LangProps {
  slot: string;
  label: string;
  lang: Lang;
  value: string;
  short: boolean;
  help?: string;
  onChange(value: string): void;
  onKeyDown?: (e: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  children?: ReactNode;
}

function LangField({ slot, label, lang, value, short, help, onChange, onKeyDown, children }: LangProps) {
  const api = useEditor();
  const { attrs } = useInvalid(slot, help);
  const id = api.idOf(slot);
  return (
    <div className="bi-lang">
      <label htmlFor={id} className="lang-name">
        {api.m(`lang.${lang}`)}
      </label>
      <textarea
        id={id}
        aria-label={label}
        lang={LANG_TAG[lang]}
        rows={short ? 1 : 3}
        value={value}
        spellCheck={lang === 'en'}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => api.touch(slot)}
        {...(onKeyDown ? { onKeyDown } : {})}
        {...attrs}
      />
      <FieldError slot={slot} />
      {children}
    </div>
  );
}

interface LineProps {
  slot: string;
  label: string;
  value: string;
  onChange(value: string): void;
  help?: string;
  list?: string;
  multiline?: boolean;
}

/** One input of its own (tags, a source, accepted answers), with its problems under it. */
export function LineField({ slot, label, value, onChange, help, list, multiline }: LineProps) {
  const api = useEditor();
  const id = api.idOf(slot);
  const helpId = help ? `${id}-help` : undefined;
  const { attrs } = useInvalid(slot, helpId);
  const common = {
    id,
    value,
    onBlur: () => api.touch(slot),
    ...attrs,
  };
  return (
    <div className="field editor-line">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} {...(list ? { list } : {})} onChange={(e) => onChange(e.target.value)} />
      )}
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      <FieldError slot={slot} />
    </div>
  );
}
