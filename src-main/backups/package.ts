/**
 * The data package: one file that moves a bureau's data to another PC. A first line names the format, a second holds
 * the manifest (program and structure version, bureau, counts, SHA-256 and size of the database), then the database's
 * bytes. An import checks all of it on a copy before anything is replaced.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { BackupFacts } from '@shared/ipc/channels/backups';
import { VERSION } from '../app/product';
import { onlineBackup } from './copy';
import { checkDatabaseFile } from './check';

const MAGIC = 'SSJ-DESK-DATA-PACKAGE/1\n';
const HEADER_LIMIT = 64 * 1024;
const UNCHANGED = '当前数据库未作任何修改。';

const manifestSchema = z.object({
  program: z.literal('ssj-desk'),
  programVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  bureauName: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  createdAt: z.string(),
});
export type PackageManifest = z.infer<typeof manifestSchema>;

/** Writes the package at `target` (through "<target>.part", renamed when complete). */
export async function exportPackage(raw: BetterSqlite3.Database, target: string, at: Date): Promise<BackupFacts> {
  const snapshot = `${target}.db.part`;
  const part = `${target}.part`;
  try {
    await onlineBackup(raw, snapshot);
    const facts = checkDatabaseFile(snapshot);
    const { sha256, bytes } = await digest(snapshot);
    const manifest: PackageManifest = {
      program: 'ssj-desk',
      programVersion: VERSION,
      ...facts,
      sha256,
      bytes,
      createdAt: at.toISOString(),
    };
    const out = createWriteStream(part);
    out.write(MAGIC + JSON.stringify(manifest) + '\n');
    await pipeline(createReadStream(snapshot), out);
    renameSync(part, target);
    return facts;
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(part, { force: true });
  }
}

/** The manifest and where the database bytes begin; refuses a file that is not a package of this program. */
export function readManifest(path: string): { manifest: PackageManifest; offset: number } {
  const bad = (why: string) =>
    new AppError('backups.badPackage', `文件（${basename(path)}）不是有效的数据包：${why}。${UNCHANGED}`);
  const head = Buffer.alloc(HEADER_LIMIT);
  const read = readHead(path, head);
  const text = head.subarray(0, read).toString('latin1');
  if (!text.startsWith(MAGIC)) throw bad('文件开头不是本程序的数据包标记');
  const end = text.indexOf('\n', MAGIC.length);
  if (end < 0) throw bad('清单不完整');
  let parsed;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')));
  } catch {
    throw bad('清单无法读取');
  }
  if (!parsed.success) throw bad('清单内容不完整');
  return { manifest: parsed.data, offset: end + 1 };
}

/**
 * Extracts the database to `stage` and checks it against the manifest: size, SHA-256, then every restore check, then
 * the structure version, bureau and counts the manifest promised. The stage is removed on any refusal.
 */
export async function stagePackage(
  path: string,
  stage: string,
): Promise<{ manifest: PackageManifest; facts: BackupFacts }> {
  const { manifest, offset } = readManifest(path);
  const bad = (why: string) =>
    new AppError('backups.badPackage', `数据包（${basename(path)}）校验未通过：${why}。${UNCHANGED}`);
  try {
    await pipeline(createReadStream(path, { start: offset }), createWriteStream(stage));
    const { sha256, bytes } = await digest(stage);
    if (bytes !== manifest.bytes) throw bad(`数据库大小应为 ${manifest.bytes} 字节，实际 ${bytes} 字节（文件不完整）`);
    if (sha256 !== manifest.sha256) throw bad('数据库的 SHA-256 与清单不符（文件已被改动或损坏）');
    const facts = checkDatabaseFile(stage, basename(path));
    if (facts.schemaVersion !== manifest.schemaVersion) throw bad('结构版本与清单不符');
    if (facts.bureauName !== manifest.bureauName) throw bad('机关名称与清单不符');
    if (JSON.stringify(facts.counts) !== JSON.stringify(manifest.counts)) throw bad('记录数与清单不符');
    return { manifest, facts };
  } catch (e) {
    rmSync(stage, { force: true });
    throw e;
  }
}

function readHead(path: string, head: Buffer): number {
  try {
    const fd = openSync(path, 'r');
    try {
      return readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new AppError('backups.notFound', `无法读取数据包（${path}）。${UNCHANGED}`);
  }
}

async function digest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    createReadStream(path),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done();
      },
    }),
  );
  return { sha256: hash.digest('hex'), bytes };
}
