// Whether the database holds anything of the user's own: an answer given, or a deck they imported.
import type { DockdeckDB } from './database';

/** True once there is something a cleared browser storage would lose beyond the built-in decks. */
export async function hasOwnData(db: DockdeckDB): Promise<boolean> {
  const logs = await db.reviewLogs.limit(1).primaryKeys();
  if (logs.length > 0) return true;
  return (await db.decks.filter((d) => !d.builtin).count()) > 0;
}
