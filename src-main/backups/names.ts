/**
 * Where backups go and what they are called: a folder beside the database, one file per backup named with the
 * bureau's (China's) date and time and its kind, so a clerk sorting the folder by name sorts it by time.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupEntry, BackupKind } from '@shared/ipc/channels/backups';

export const BACKUP_FOLDER_NAME = '备份';

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日',
  migration: '升级前',
  restore: '恢复前',
  manual: '手动',
};

const NAME = /^ssj-desk-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-(每日|升级前|恢复前|手动)(?:-\d+)?\.sqlite$/;

const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-03" and "171057" on the bureau's clock. */
export function bureauStamp(at: Date): { day: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of clock.formatToParts(at)) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}${p.minute}${p.second}` };
}

export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), BACKUP_FOLDER_NAME);
}

/** A name not yet taken in `folder`: a second backup in the same second gets "-2". */
export function backupFileName(folder: string, kind: BackupKind, at: Date): string {
  const { day, time } = bureauStamp(at);
  const base = `ssj-desk-${day}-${time}-${KIND_LABELS[kind]}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

export interface ParsedName {
  kind: BackupKind;
  /** The bureau's calendar day it was made on. */
  day: string;
  at: Date;
}

export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, label] = m;
  const kind = (Object.keys(KIND_LABELS) as BackupKind[]).find((k) => KIND_LABELS[k] === label) ?? 'manual';
  return { kind, day: `${y}-${mo}-${d}`, at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`) };
}

/** The backups in the folder, newest first (files named otherwise are not ours and are left alone). */
export function listBackups(folder: string): (BackupEntry & { path: string; day: string })[] {
  if (!existsSync(folder)) return [];
  const entries = [];
  for (const fileName of readdirSync(folder)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    const path = join(folder, fileName);
    entries.push({
      fileName,
      path,
      kind: parsed.kind,
      day: parsed.day,
      at: parsed.at.toISOString(),
      bytes: statSync(path).size,
    });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.fileName.localeCompare(a.fileName)));
}
