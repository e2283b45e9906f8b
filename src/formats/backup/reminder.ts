// When to remind the user to back up: pure, from the last backup time (kept in settings) and the review counts.
import { z } from 'zod';
import { DAY_MS } from '../../domain/day';

/** The `settings` row with key `backup` holds this value. */
export interface BackupSetting {
  /** When the last backup file was made (epoch ms); null when never. */
  lastBackupAt: number | null;
  /** The reminder was dismissed until then (epoch ms). */
  snoozedUntil?: number;
}

export const BACKUP_SETTING_KEY = 'backup';

const settingSchema = z.object({
  lastBackupAt: z.nullable(z.number()),
  snoozedUntil: z.optional(z.number()),
});

/** The stored value, or "never" when it is missing or damaged. */
export function restoreBackupSetting(value: unknown): BackupSetting {
  const r = settingSchema.safeParse(value);
  if (!r.success) return { lastBackupAt: null };
  return r.data.snoozedUntil === undefined
    ? { lastBackupAt: r.data.lastBackupAt }
    : { lastBackupAt: r.data.lastBackupAt, snoozedUntil: r.data.snoozedUntil };
}

/** After a backup made at `at`: the later of the two times, and no snooze (the user just backed up). */
export function recordBackup(value: unknown, at: number): BackupSetting {
  const last = restoreBackupSetting(value).lastBackupAt;
  return { lastBackupAt: last === null ? at : Math.max(last, at) };
}

export interface ReminderPolicy {
  /** Remind when the last backup is at least this old and there were reviews since. */
  maxAgeDays: number;
  /** Never backed up: remind once this many reviews were made. */
  firstAfterReviews: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { maxAgeDays: 7, firstAfterReviews: 50 };

export interface ReminderInput {
  now: number;
  setting: BackupSetting;
  /** Reviews since the last backup (all reviews when never backed up). */
  reviewsSinceBackup: number;
}

export type BackupReminder =
  | { remind: false }
  | { remind: true; reason: 'never'; reviews: number }
  | { remind: true; reason: 'stale'; reviews: number; days: number };

/**
 * Remind when there is something to lose: never backed up and at least `firstAfterReviews` reviews, or the last
 * backup is `maxAgeDays` old or older and there were reviews since. Nothing while snoozed.
 */
export function backupReminder(input: ReminderInput, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): BackupReminder {
  const { now, setting, reviewsSinceBackup: reviews } = input;
  if (setting.snoozedUntil !== undefined && now < setting.snoozedUntil) return { remind: false };
  if (setting.lastBackupAt === null)
    return reviews >= policy.firstAfterReviews ? { remind: true, reason: 'never', reviews } : { remind: false };
  const days = Math.floor((now - setting.lastBackupAt) / DAY_MS);
  return days >= policy.maxAgeDays && reviews > 0
    ? { remind: true, reason: 'stale', reviews, days }
    : { remind: false };
}
