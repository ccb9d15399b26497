/**
 * Every export writes through here: into a temp file beside the target, renamed over it only when the whole file is
 * written, so a failed export (a bad row, a full disk, a crash) leaves the file the clerk chose as it was.
 */
import { randomUUID } from 'node:crypto';
import { rm, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Runs `write` on a temp path beside `target` (same folder, so the rename is atomic), then renames it over. */
export async function writeThenRename<T>(target: string, write: (tempPath: string) => Promise<T>): Promise<T> {
  const temp = join(dirname(target), `~${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const result = await write(temp);
    await rename(temp, target);
    return result;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Bytes or text to `target`, through a temp file. */
export function writeFileSafely(target: string, data: string | Uint8Array): Promise<void> {
  return writeThenRename(target, (temp) => writeFile(temp, data, { flag: 'wx' }));
}
