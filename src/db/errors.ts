// The database's own errors, and what kind of storage failure a caught error is, told apart with instanceof.
import Dexie from 'dexie';

/** An undo of an answer after which the card was answered again (perhaps in another tab). */
export class UndoConflictError extends Error {
  constructor(cardId: string) {
    super(`Card ${cardId} was answered again after this answer (perhaps in another tab); undo that first.`);
    this.name = 'UndoConflictError';
  }
}

/** An undo of a suspend, bury or flag after which the card's marks changed again (perhaps in another tab). */
export class MarksConflictError extends Error {
  constructor(cardId: string) {
    super(`Card ${cardId} was changed again after this change (perhaps in another tab); nothing was undone.`);
    this.name = 'MarksConflictError';
  }
}

/** A save or undo of the presets after they were saved again elsewhere (another tab): nothing was written. */
export class PresetsConflictError extends Error {
  constructor() {
    super('The presets were changed since they were read (perhaps in another tab); nothing was saved.');
    this.name = 'PresetsConflictError';
  }
}

/**
 * An answer given to a card as it was on screen, after which the card was changed (answered, undone or rescheduled,
 * perhaps in another tab): grading it would grade a state the user never saw, so nothing was written.
 */
export class StaleCardError extends Error {
  constructor(cardId: string) {
    super(`Card ${cardId} changed since it was shown (perhaps in another tab); the answer was not written.`);
    this.name = 'StaleCardError';
  }
}

export class CardNotFoundError extends Error {
  constructor(cardId: string) {
    super(`Card ${cardId} no longer exists.`);
    this.name = 'CardNotFoundError';
  }
}

/** A full disk: Dexie's own error, or the browser's inside one (a DOMException's kind is only its name). */
export function isQuotaError(e: unknown): boolean {
  const inner: unknown = e instanceof Dexie.DexieError ? e.inner : e;
  return (
    e instanceof Dexie.QuotaExceededError ||
    inner instanceof Dexie.QuotaExceededError ||
    (inner instanceof DOMException && inner.name === 'QuotaExceededError') ||
    (e instanceof DOMException && e.name === 'QuotaExceededError')
  );
}

/** The database was closed under the caller: another tab upgraded it, or the browser closed it. */
export function isClosedError(e: unknown): boolean {
  return e instanceof Dexie.DatabaseClosedError || e instanceof Dexie.VersionChangeError;
}

/** How a worker tells the page what kind of write failure it met: storage full, the database closed, or another. */
export type WriteFailureKind = 'quota' | 'closed' | 'other';

export function writeFailureKind(e: unknown): WriteFailureKind {
  return isQuotaError(e) ? 'quota' : isClosedError(e) ? 'closed' : 'other';
}

/**
 * What a failed answer or undo of the review session means: a card changed since it was shown (another tab answered
 * it) is refreshed, not graded on a stale state (`stale`); a full or failing disk keeps the answer for a retry
 * (`retry`); a closed database (another tab upgraded it: reload) or a deleted card gives the card back (`refused`).
 */
export function writeOutcome(error: unknown): 'retry' | 'stale' | 'refused' {
  if (error instanceof StaleCardError || error instanceof UndoConflictError) return 'stale';
  if (isClosedError(error) || error instanceof CardNotFoundError) return 'refused';
  if (isQuotaError(error) || error instanceof Dexie.DexieError || error instanceof DOMException) return 'retry';
  return 'refused';
}
