import type { Migration } from './index';

/**
 * Local accounts. A database without a row here runs as before (no sign-in); the first row is the 管理员.
 * password_hash keeps the scrypt parameters and salt beside the hash, so they can be raised later.
 */
export const m0011Users: Migration = {
  version: 11,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        role            TEXT NOT NULL CHECK (role IN ('管理员', '操作员', '监督员', '录入员', '查看')),
        password_hash   TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
    `);
  },
};
