// Loads sql.js (SQLite in WebAssembly) on first use only: imports and .apkg exports need it, nothing else does.
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSql(): Promise<SqlJsStatic> {
  loading ??= Promise.all([import('sql.js'), import('sql.js/dist/sql-wasm-browser.wasm?url')]).then(([mod, wasm]) =>
    mod.default({ locateFile: () => wasm.default }),
  );
  return loading;
}
