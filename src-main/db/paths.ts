import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'ssj-desk';
export const DB_FILE_NAME = 'ssj-desk.sqlite';

/**
 * The desktop app's database file, computed without Electron so the CLI finds the same file.
 * Mirrors Electron's userData folder for an app named `ssj-desk`. `SSJ_DB` overrides it (tests, scripts).
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SSJ_DB) return env.SSJ_DB;
  return join(userDataDir(env, platform), DB_FILE_NAME);
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
