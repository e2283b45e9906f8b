// Whether a key event belongs to the control that has the focus: a screen's shortcuts (Space to reveal, 1–4, letters)
// must leave a focused button, link or field to do its own job.

/** Roles of elements that act on keys themselves (ARIA widget roles). */
const CONTROL_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'slider',
  'spinbutton',
  'scrollbar',
  'treeitem',
  'gridcell',
]);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
/** Input types that take typed text (every other input type is a control that acts on a key or two). */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/**
 * What the focused element is, for a key event's target: `text` (a field that takes typed keys), `control` (a button,
 * link, select, checkbox… that acts on Enter or Space) or `null` (nothing that acts on keys: the page, a heading, the
 * card). A disabled control and a read-only field do nothing with the keys, so they count as nothing.
 */
export function focusedControl(target: EventTarget | null): 'text' | 'control' | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.isContentEditable) return 'text';
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || (tag === 'INPUT' && TEXT_INPUTS.has((target as HTMLInputElement).type))) {
    const field = target as HTMLInputElement | HTMLTextAreaElement;
    return field.disabled || field.readOnly ? null : 'text';
  }
  if (tag === 'INPUT' || tag === 'BUTTON' || tag === 'SELECT') {
    return (target as HTMLInputElement | HTMLButtonElement | HTMLSelectElement).disabled ? null : 'control';
  }
  if ((tag === 'A' || tag === 'AREA') && target.hasAttribute('href')) return 'control';
  if (tag === 'SUMMARY') return 'control';
  const role = target.getAttribute('role');
  if (role && TEXT_ROLES.has(role)) return 'text';
  if (role && CONTROL_ROLES.has(role)) return target.getAttribute('aria-disabled') === 'true' ? null : 'control';
  return null;
}

/** True while a dialog is open or has the focus: its own keys (Escape first) are its business, not the screen's. */
export function inDialog(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return true;
  return document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

/**
 * A pointer click leaves no focus behind on the button it pressed (a keyboard press keeps it there): after clicking
 * "Also show 中文" or a choice, Space still shows the answer instead of pressing that button again.
 */
export function releasePointerFocus(e: { detail: number; target: EventTarget }): void {
  if (e.detail === 0) return;
  const button = e.target instanceof Element ? e.target.closest('button') : null;
  if (button && button === document.activeElement) button.blur();
}
