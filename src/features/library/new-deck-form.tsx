// The library's "New deck": a deck of the user's own, named in both languages, then its page (where its first card is
// written). A blank name is refused at its field, in the user's language; nothing is written then.
import { useId, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { createDeck } from '../../db/card-edit-repo';
import type { Text } from '../../domain/deck-schema';
import { IssueError } from '../../domain/errors';
import type { Issue } from '../../domain/issue';
import { LANGS, type Lang } from '../../domain/text';
import { issueMessage } from '../../formats/issue-text';
import { clock } from '../../lib/clock';
import { useMessages, useUiLang } from '../../lib/i18n';
import { editMessages } from './edit-messages';

type Field = 'title' | 'description';

export function NewDeckForm({ onCreated, onCancel }: { onCreated(deckId: string): void; onCancel(): void }) {
  const m = useMessages(editMessages);
  const uiLang = useUiLang();
  const uid = useId();
  const [text, setText] = useState<Record<Field, Text>>({
    title: { en: '', zh: '' },
    description: { en: '', zh: '' },
  });
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const idOf = (field: string) => `${uid}-${field.replace('.', '-')}`;
  const problem = (field: string) => issues.find((i) => i.field === field);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const d = text.description;
    try {
      const row = await createDeck(
        db(),
        { title: text.title, ...(d.en.trim() || d.zh.trim() ? { description: d } : {}) },
        clock.ms(),
      );
      onCreated(row.id);
    } catch (e) {
      if (e instanceof IssueError) {
        setIssues(e.issues);
        const first = e.issues[0]?.field;
        if (first) document.getElementById(idOf(first))?.focus();
      } else reportStorageError(e);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, lang: Lang) => {
    const path = `${field}.${lang}`;
    const bad = problem(path);
    return (
      <div className="field" key={path}>
        <label htmlFor={idOf(path)}>
          {m('newdeck.in-lang', {
            field: m(field === 'title' ? 'newdeck.name' : 'newdeck.description'),
            lang: m(`lang.${lang}`),
          })}
        </label>
        <input
          id={idOf(path)}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          value={text[field][lang]}
          onChange={(e) => {
            setText({ ...text, [field]: { ...text[field], [lang]: e.target.value } });
            setIssues(issues.filter((i) => i.field !== path));
          }}
          aria-invalid={bad ? true : undefined}
          aria-describedby={bad ? `${idOf(path)}-error` : undefined}
        />
        {bad && (
          <p className="field-error" id={`${idOf(path)}-error`}>
            {issueMessage(bad, uiLang)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="new-deck"
      aria-labelledby={idOf('title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={idOf('title')}>{m('newdeck.title')}</h2>
      <p className="help">{m('newdeck.help')}</p>
      <div className="new-deck-fields">{LANGS.map((lang) => input('title', lang))}</div>
      <div className="new-deck-fields">{LANGS.map((lang) => input('description', lang))}</div>
      {issues
        .filter((i) => !i.field?.match(/^(title|description)\.(en|zh)$/))
        .map((i, n) => (
          <p key={n} className="field-error" role="alert">
            {issueMessage(i, uiLang)}
          </p>
        ))}
      <div className="dialog-actions">
        <button type="submit" className="primary" aria-disabled={busy ? true : undefined}>
          {m('newdeck.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {m('newdeck.cancel')}
        </button>
      </div>
    </form>
  );
}
