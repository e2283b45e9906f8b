// The fields of each card type in the editor: front and back, a cloze text with its gap button, mcq choices with the
// right answer, classify categories and items, a typed answer with other spellings; and what every card has.
import { useRef } from 'react';
import type { DeckSource, Text } from '../../domain/deck-schema';
import { sourceName } from '../../domain/source';
import type { Lang } from '../../domain/text';
import { useUiLang } from '../../lib/i18n';
import { newKey, nextClozeNumber, wrapCloze, type Draft } from './card-editor-draft';
import { BiField, FieldError, LineField, useEditor, useInvalid } from './card-editor-fields';
import { slotLabel } from './card-editor-problems';

type TextKey = 'front' | 'back' | 'text' | 'extra' | 'question' | 'explanation' | 'prompt' | 'note' | 'typedAnswer';

/** A bilingual text of the draft itself (not of a list entry). */
function DraftText({ k, name, short, help }: { k: TextKey; name?: string; short?: boolean; help?: string }) {
  const api = useEditor();
  const path = name ?? k;
  return (
    <BiField
      name={path}
      label={slotLabel(path, api.draft, api.m)}
      value={api.draft[k]}
      onChange={(v) => api.update((d) => ({ ...d, [k]: v }), [`${path}.en`, `${path}.zh`])}
      {...(short ? { short } : {})}
      {...(help ? { help } : {})}
    />
  );
}

export function TypeFields() {
  const { draft } = useEditor();
  switch (draft.type) {
    case 'basic':
    case 'reverse':
      return (
        <>
          <DraftText k="front" />
          <DraftText k="back" />
        </>
      );
    case 'cloze':
      return (
        <>
          <ClozeText />
          <DraftText k="extra" />
        </>
      );
    case 'mcq':
      return (
        <>
          <DraftText k="question" />
          <McqChoices />
          <DraftText k="explanation" />
        </>
      );
    case 'classify':
      return (
        <>
          <DraftText k="prompt" />
          <ClassifyCategories />
          <ClassifyItems />
        </>
      );
    case 'type-in':
      return (
        <>
          <DraftText k="prompt" />
          <DraftText k="typedAnswer" name="answer" short />
          <AcceptField />
        </>
      );
  }
}

/** The cloze text, with a button under each language that wraps the selection in the next `{{cN::…}}`. */
function ClozeText() {
  const api = useEditor();
  const { text } = api.draft;
  const other = (lang: Lang) => text[lang === 'en' ? 'zh' : 'en'];
  const wrap = (lang: Lang) => {
    const el = document.getElementById(api.idOf(`text.${lang}`)) as HTMLTextAreaElement | null;
    if (!el) return;
    const n = nextClozeNumber(text[lang], other(lang));
    const next = wrapCloze(text[lang], el.selectionStart, el.selectionEnd, n);
    api.update((d) => ({ ...d, text: { ...d.text, [lang]: next.text } }), [`text.${lang}`]);
    // After React has put the new text in: the gap's answer selected, to type over.
    setTimeout(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    }, 0);
  };
  return (
    <BiField
      name="text"
      label={slotLabel('text', api.draft, api.m)}
      value={text}
      help={api.m('help.cloze')}
      onChange={(v) => api.update((d) => ({ ...d, text: v }), ['text.en', 'text.zh'])}
      onKeyDown={(lang, e) => {
        // Anki's key for a new gap.
        if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'c') {
          e.preventDefault();
          wrap(lang);
        }
      }}
      below={(lang) => {
        const n = nextClozeNumber(text[lang], other(lang));
        return (
          <button
            type="button"
            className="cloze-wrap"
            aria-label={api.m('cloze.wrap-in', { n, lang: api.m(`lang.${lang}`) })}
            // Keep the selection in the text field: a click would otherwise move focus (and, on some browsers, clear it).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => wrap(lang)}
          >
            {api.m('cloze.wrap', { n })}
          </button>
        );
      }}
    />
  );
}

/** The mcq choices (2 to 8), each with its radio button for "right answer", and add and remove. */
function McqChoices() {
  const api = useEditor();
  const { choices, answer } = api.draft;
  const group = useInvalid('choices');
  const right = useInvalid('answer');
  const setChoice = (i: number, text: Text) =>
    api.update(
      (d) => ({ ...d, choices: d.choices.map((c, j) => (j === i ? { ...c, text } : c)) }),
      [`choices[${i}].en`, `choices[${i}].zh`],
    );
  const remove = (i: number) =>
    api.update(
      (d) => ({
        ...d,
        choices: d.choices.filter((_, j) => j !== i),
        answer: d.answer === null || d.answer === i ? null : d.answer > i ? d.answer - 1 : d.answer,
      }),
      ['choices', 'answer'],
    );
  return (
    <fieldset className="editor-list" aria-describedby={group.attrs['aria-describedby']}>
      <legend>{api.m('field.choices')}</legend>
      <p className="help">{api.m('mcq.help')}</p>
      <FieldError slot="choices" />
      <FieldError slot="answer" />
      <ol className="editor-entries">
        {choices.map((c, i) => (
          <li key={c.key} className="editor-entry">
            <label className="right-answer">
              <input
                type="radio"
                name={`${api.idOf('answer')}-radio`}
                checked={answer === i}
                onChange={() => api.update((d) => ({ ...d, answer: i }), ['answer'])}
                aria-label={api.m('mcq.right-of', { n: i + 1 })}
                {...right.attrs}
              />
              <span aria-hidden="true">{api.m('mcq.right')}</span>
            </label>
            <BiField
              name={`choices[${i}]`}
              label={api.m('field.choice', { n: i + 1 })}
              value={c.text}
              short
              onChange={(t) => setChoice(i, t)}
            />
            <button type="button" disabled={choices.length <= 2} onClick={() => remove(i)}>
              {api.m('mcq.remove', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={choices.length >= 8}
        onClick={() =>
          api.update(
            (d) => ({ ...d, choices: [...d.choices, { key: newKey(), text: { en: '', zh: '' } }] }),
            ['choices'],
          )
        }
      >
        {api.m('mcq.add')}
      </button>
    </fieldset>
  );
}

function ClassifyCategories() {
  const api = useEditor();
  const { categories } = api.draft;
  const group = useInvalid('categories');
  return (
    <fieldset className="editor-list" aria-describedby={group.attrs['aria-describedby']}>
      <legend>{api.m('field.categories')}</legend>
      <p className="help">{api.m('classify.help')}</p>
      <FieldError slot="categories" />
      <ol className="editor-entries">
        {categories.map((c, i) => (
          <li key={c.key} className="editor-entry">
            <BiField
              name={`categories[${i}].label`}
              label={api.m('field.category', { n: i + 1 })}
              value={c.label}
              short
              onChange={(label) =>
                api.update(
                  (d) => ({ ...d, categories: d.categories.map((x, j) => (j === i ? { ...x, label } : x)) }),
                  [`categories[${i}].label.en`, `categories[${i}].label.zh`],
                )
              }
            />
            <button
              type="button"
              disabled={categories.length <= 2}
              onClick={() =>
                api.update((d) => ({ ...d, categories: d.categories.filter((_, j) => j !== i) }), ['categories'])
              }
            >
              {api.m('classify.remove-category', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          api.update(
            (d) => ({ ...d, categories: [...d.categories, { key: newKey(), label: { en: '', zh: '' } }] }),
            ['categories'],
          )
        }
      >
        {api.m('classify.add-category')}
      </button>
    </fieldset>
  );
}

function ClassifyItems() {
  const api = useEditor();
  const { items, categories } = api.draft;
  const uiLang = useUiLang();
  const group = useInvalid('items');
  const setItem = (i: number, change: Partial<Draft['items'][number]>, slots: string[]) =>
    api.update((d) => ({ ...d, items: d.items.map((x, j) => (j === i ? { ...x, ...change } : x)) }), slots);
  return (
    <fieldset className="editor-list" aria-describedby={group.attrs['aria-describedby']}>
      <legend>{api.m('field.items')}</legend>
      <FieldError slot="items" />
      <ol className="editor-entries">
        {items.map((item, i) => (
          <li key={item.key} className="editor-entry">
            <BiField
              name={`items[${i}].text`}
              label={api.m('field.item', { n: i + 1 })}
              value={item.text}
              short
              onChange={(text) => setItem(i, { text }, [`items[${i}].text.en`, `items[${i}].text.zh`])}
            />
            <ItemCategory
              i={i}
              value={item.category}
              options={categories.map((c, n) => ({
                key: c.key,
                label: c.label[uiLang].trim() || api.m('classify.unnamed', { n: n + 1 }),
              }))}
              onChange={(category) => setItem(i, { category }, [`items[${i}].category`])}
            />
            <button
              type="button"
              disabled={items.length <= 1}
              onClick={() => api.update((d) => ({ ...d, items: d.items.filter((_, j) => j !== i) }), ['items'])}
            >
              {api.m('classify.remove-item', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          api.update(
            (d) => ({ ...d, items: [...d.items, { key: newKey(), text: { en: '', zh: '' }, category: '' }] }),
            ['items'],
          )
        }
      >
        {api.m('classify.add-item')}
      </button>
    </fieldset>
  );
}

function ItemCategory(props: {
  i: number;
  value: string;
  options: { key: string; label: string }[];
  onChange(key: string): void;
}) {
  const api = useEditor();
  const slot = `items[${props.i}].category`;
  const { attrs } = useInvalid(slot);
  return (
    <div className="field">
      <label htmlFor={api.idOf(slot)}>{api.m('field.item-category', { n: props.i + 1 })}</label>
      <select
        id={api.idOf(slot)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => api.touch(slot)}
        {...attrs}
      >
        <option value="">{api.m('classify.choose')}</option>
        {props.options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError slot={slot} />
    </div>
  );
}

function AcceptField() {
  const api = useEditor();
  return (
    <LineField
      slot="accept"
      label={api.m('field.accept')}
      value={api.draft.accept}
      multiline
      help={api.m('help.accept')}
      onChange={(accept) => api.update((d) => ({ ...d, accept }), ['accept'])}
    />
  );
}

/** What every card has: tags, its source (a document or a page, and the section), a note. */
export function CommonFields({ sources }: { sources: readonly DeckSource[] }) {
  const api = useEditor();
  const ref = useRef(`${api.idOf('source.ref')}-list`);
  return (
    <>
      <LineField
        slot="tags"
        label={api.m('field.tags')}
        value={api.draft.tags}
        help={api.m('help.tags')}
        onChange={(tags) => api.update((d) => ({ ...d, tags }), ['tags'])}
      />
      <div className="editor-source">
        <LineField
          slot="source.ref"
          label={api.m('field.source')}
          value={api.draft.sourceRef}
          list={ref.current}
          onChange={(sourceRef) => api.update((d) => ({ ...d, sourceRef }), ['source.ref'])}
        />
        <datalist id={ref.current}>
          {sources.map((s) => (
            <option key={sourceName(s)} value={sourceName(s)} />
          ))}
        </datalist>
        <LineField
          slot="source.section"
          label={api.m('field.section')}
          value={api.draft.section}
          onChange={(section) => api.update((d) => ({ ...d, section }), ['source.section'])}
        />
      </div>
      <DraftText k="note" />
    </>
  );
}
