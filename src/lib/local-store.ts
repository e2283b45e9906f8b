// Small view choices kept in this browser's localStorage (a screen's sort, columns…): read back as `unknown` for the
// caller to check, and never an error when storage is full, disabled or holds something else.

export function readLocal(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Storage disabled, or not JSON (written by hand or by another version): as if nothing was kept.
    return undefined;
  }
}

export function writeLocal(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled: the choice is only not remembered.
  }
}
