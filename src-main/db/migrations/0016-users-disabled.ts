import type { Migration } from './index';

/**
 * 停用 an account instead of deleting it: its name stays in the log and in sealed records, but it cannot sign in.
 * disabled_at is the time it was disabled (null: in use).
 */
export const m0016UsersDisabled: Migration = {
  version: 16,
  name: 'users disabled',
  up(db) {
    db.exec(`ALTER TABLE users ADD COLUMN disabled_at TEXT;`);
  },
};
