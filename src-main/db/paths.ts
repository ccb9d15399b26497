import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'ssj-desk';
export const DB_FILE_NAME = 'ssj-desk.sqlite';
/** Where the desktop app notes the database the clerk opened last (系统 › 打开其他数据库). */
const CURRENT_FILE_NAME = 'current-database.json';

/**
 * The desktop app's database file, computed without Electron so the CLI finds the same file: `SSJ_DB` when set
 * (tests, scripts), else the file the app opened last if it still exists, else the default file in Electron's
 * userData folder for an app named `ssj-desk`.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SSJ_DB) return env.SSJ_DB;
  const dir = userDataDir(env, platform);
  return rememberedDbPath(dir) ?? join(dir, DB_FILE_NAME);
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** The database the app opened last, if noted and still there (a moved or deleted file falls back to the default). */
export function rememberedDbPath(dir: string): string | null {
  try {
    const noted: unknown = JSON.parse(readFileSync(join(dir, CURRENT_FILE_NAME), 'utf8'));
    const path = typeof noted === 'object' && noted !== null && 'dbPath' in noted ? noted.dbPath : null;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Notes the database now open, for the next start and the CLI's default; written whole or not at all. */
export function rememberDbPath(dir: string, dbPath: string): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, CURRENT_FILE_NAME);
  writeFileSync(`${target}.tmp`, JSON.stringify({ dbPath }));
  renameSync(`${target}.tmp`, target);
}
