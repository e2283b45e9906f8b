// When to remind about backups: never backed up after enough reviews, or a week old with reviews since; snoozing.
import { backupReminderStatus, createBackup, snoozeBackupReminder } from '../../src/db/backup-repo';
import {
  BACKUP_SETTING_KEY,
  backupReminder,
  recordBackup,
  restoreBackupSetting,
} from '../../src/formats/backup/reminder';
import { freshDb } from './backup-fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 10);

describe('backupReminder', () => {
  const never = { lastBackupAt: null };
  test('never backed up: only once there is something to lose (50 reviews by default)', () => {
    expect(backupReminder({ now: NOW, setting: never, reviewsSinceBackup: 0 })).toEqual({ remind: false });
    expect(backupReminder({ now: NOW, setting: never, reviewsSinceBackup: 49 })).toEqual({ remind: false });
    expect(backupReminder({ now: NOW, setting: never, reviewsSinceBackup: 50 })).toEqual({
      remind: true,
      reason: 'never',
      reviews: 50,
    });
  });
  test('backed up: when 7 days old or older and there were reviews since', () => {
    const at = (days: number) => ({ lastBackupAt: NOW - days * DAY });
    expect(backupReminder({ now: NOW, setting: at(6.9), reviewsSinceBackup: 500 })).toEqual({ remind: false });
    expect(backupReminder({ now: NOW, setting: at(7), reviewsSinceBackup: 1 })).toEqual({
      remind: true,
      reason: 'stale',
      reviews: 1,
      days: 7,
    });
    expect(backupReminder({ now: NOW, setting: at(30), reviewsSinceBackup: 0 })).toEqual({ remind: false });
  });
  test('a snooze silences it until it ends; the policy can be changed', () => {
    const setting = { lastBackupAt: NOW - 10 * DAY, snoozedUntil: NOW + 1 };
    expect(backupReminder({ now: NOW, setting, reviewsSinceBackup: 5 })).toEqual({ remind: false });
    expect(backupReminder({ now: NOW + 1, setting, reviewsSinceBackup: 5 })).toMatchObject({
      remind: true,
      reason: 'stale',
    });
    expect(
      backupReminder(
        { now: NOW, setting: { lastBackupAt: NOW - 2 * DAY }, reviewsSinceBackup: 1 },
        { maxAgeDays: 1, firstAfterReviews: 1 },
      ),
    ).toMatchObject({ remind: true });
  });
  test('stored values: damaged ones read as never; a backup clears the snooze and never moves the time back', () => {
    expect(restoreBackupSetting(undefined)).toEqual({ lastBackupAt: null });
    expect(restoreBackupSetting({ lastBackupAt: 'x' })).toEqual({ lastBackupAt: null });
    expect(restoreBackupSetting({ lastBackupAt: 5, snoozedUntil: 9 })).toEqual({ lastBackupAt: 5, snoozedUntil: 9 });
    expect(recordBackup({ lastBackupAt: 5, snoozedUntil: 9 }, 7)).toEqual({ lastBackupAt: 7 });
    expect(recordBackup({ lastBackupAt: 9 }, 7)).toEqual({ lastBackupAt: 9 });
  });
});

test('from the database: counts reviews since the stored backup time; a backup resets it; snooze is stored', async () => {
  const db = freshDb('reminder');
  const log = (id: string, review: number) => ({
    id,
    cardId: 'd/c',
    deckId: 'd',
    rating: 'good' as const,
    review,
    state: 2 as const,
    elapsedDays: 1,
    scheduledDays: 3,
    durationMs: 1000,
    kind: 'review' as const,
    before: {
      due: 0,
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0 as const,
      lastReview: null,
    },
    after: {
      due: 0,
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2 as const,
      lastReview: 0,
    },
  });
  await db.reviewLogs.bulkAdd(Array.from({ length: 60 }, (_, i) => log(`l${i}`, NOW - 20 * DAY + i)));
  expect(await backupReminderStatus(db, NOW)).toEqual({ remind: true, reason: 'never', reviews: 60 });
  await createBackup(db, NOW - 10 * DAY);
  expect((await db.settings.get(BACKUP_SETTING_KEY))?.value).toEqual({ lastBackupAt: NOW - 10 * DAY });
  expect(await backupReminderStatus(db, NOW)).toEqual({ remind: false }); // no reviews since
  await db.reviewLogs.add(log('new', NOW - DAY));
  expect(await backupReminderStatus(db, NOW)).toEqual({ remind: true, reason: 'stale', reviews: 1, days: 10 });
  await snoozeBackupReminder(db, NOW + DAY, NOW);
  expect(await backupReminderStatus(db, NOW)).toEqual({ remind: false });
  expect(await backupReminderStatus(db, NOW + DAY)).toMatchObject({ remind: true });
  await db.delete();
});
