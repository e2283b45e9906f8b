// The import's first step: drop or pick a file (the drop zone is itself the picker button), or paste text.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useMessages } from '../../lib/i18n';
import { importMessages } from './import-messages';

const ACCEPT =
  '.json,.csv,.tsv,.tab,.txt,.apkg,.colpkg,.anki2,.anki21,application/json,text/csv,text/plain,text/tab-separated-values';

export function ImportSource({
  includeScheduling,
  onIncludeScheduling,
  onFile,
  onText,
  notice,
  autoFocus,
}: {
  includeScheduling: boolean;
  onIncludeScheduling(on: boolean): void;
  onFile(file: File): void;
  onText(text: string, fileName: string): void;
  notice: 'cancelled' | null;
  /** Focus the drop zone (coming back to this step after a cancel or another import). */
  autoFocus: boolean;
}) {
  const m = useMessages(importMessages);
  const input = useRef<HTMLInputElement>(null);
  const zone = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) zone.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the step appears
  }, []);
  const [active, setActive] = useState(false);
  const [oneFile, setOneFile] = useState(false);
  const ids = { scheduling: useId(), help: useId(), hint: useId() };

  const take = (files: FileList | null | undefined) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      setOneFile(true);
      return;
    }
    setOneFile(false);
    onFile(files[0]!);
  };
  const takeRef = useRef(take);
  takeRef.current = take;
  // A file dropped anywhere on the page is taken (a near miss of the zone must not open the file in the tab).
  useEffect(() => {
    const onDrop = (e: globalThis.DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setActive(false);
      takeRef.current(e.dataTransfer.files);
    };
    document.addEventListener('drop', onDrop);
    return () => document.removeEventListener('drop', onDrop);
  }, []);
  const onDragOver = (e: DragEvent) => {
    // Only files: dragged text or links are not imports.
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setActive(true);
  };

  return (
    <div className="import-source">
      {notice === 'cancelled' && (
        <p className="import-notice" role="status">
          {m('import.cancelled')}
        </p>
      )}
      {oneFile && (
        <p className="error" role="alert">
          {m('import.one-file')}
        </p>
      )}
      <button
        ref={zone}
        type="button"
        className={active ? 'drop-zone active' : 'drop-zone'}
        onClick={() => input.current?.click()}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setActive(false)}
        aria-describedby={ids.hint}
      >
        <span className="drop-zone-title">{active ? m('import.drop-active') : m('import.drop')}</span>
        <span className="drop-zone-hint" id={ids.hint}>
          {m('import.drop-hint')}
        </span>
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={ACCEPT}
        aria-label={m('import.file-input')}
        tabIndex={-1}
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file picked again must fire change again.
          e.currentTarget.value = '';
        }}
      />
      <div className="field checkbox">
        <input
          id={ids.scheduling}
          type="checkbox"
          checked={includeScheduling}
          aria-describedby={ids.help}
          onChange={(e) => onIncludeScheduling(e.currentTarget.checked)}
        />
        <label htmlFor={ids.scheduling}>{m('import.scheduling')}</label>
      </div>
      <p className="help" id={ids.help}>
        {m('import.scheduling-help')}
      </p>
      <PasteText onText={onText} />
    </div>
  );
}

/** CSV or tab-separated text pasted in, read like a dropped file named "Pasted text". */
function PasteText({ onText }: { onText(text: string, fileName: string): void }) {
  const m = useMessages(importMessages);
  const [text, setText] = useState('');
  const id = useId();
  return (
    <form
      className="import-paste"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') onText(text, m('import.paste-name'));
      }}
    >
      <label htmlFor={id}>{m('import.paste-label')}</label>
      <textarea id={id} rows={5} value={text} spellCheck={false} onChange={(e) => setText(e.currentTarget.value)} />
      <button type="submit" disabled={text.trim() === ''}>
        {m('import.paste-read')}
      </button>
    </form>
  );
}
