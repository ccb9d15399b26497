import type { FileChoice } from './app';

/** 备份与恢复: automatic and manual backups, restore, and the data package that moves a bureau's data to another PC. */
export const BACKUP_CHANNELS = [
  'backups:overview',
  'backups:set-keep-days',
  'backups:create',
  'backups:choose-restore',
  'backups:restore',
  'backups:export-package',
  'backups:choose-package',
  'backups:import-package',
] as const;
export type BackupChannel = (typeof BACKUP_CHANNELS)[number];

/** 保留天数: at least one day, at most ten years. */
export const KEEP_DAYS = { min: 1, max: 3650 } as const;

/** 每日 (automatic), 升级前 (before a migration), 恢复前 (before a restore or an import), 手动 (a chosen folder). */
export type BackupKind = 'daily' | 'migration' | 'restore' | 'manual';

export interface BackupEntry {
  fileName: string;
  kind: BackupKind;
  /** When it was made (ISO). */
  at: string;
  bytes: number;
}

export interface BackupOverview {
  /** The folder beside the database where automatic backups go. */
  folder: string;
  /** 保留天数: automatic daily backups older than this are removed after each automatic backup. */
  keepDays: number;
  /** Newest first. */
  backups: BackupEntry[];
}

/** What a backup or a data package holds, read before anything is replaced. */
export interface BackupFacts {
  schemaVersion: number;
  bureauName: string | null;
  /** Rows of the tables a clerk recognises: 市场主体, 执法检查人员, 抽查计划, 抽查任务, 抽取, 操作日志. */
  counts: Record<string, number>;
}

export interface RestoreChoice extends FileChoice {
  facts: BackupFacts;
}

export interface RestoreOutcome {
  /** The backup of the replaced database, made just before (in the backup folder). */
  safetyCopy: string | null;
  schemaVersion: number;
}

export interface BackupResponses {
  'backups:overview': BackupOverview;
  'backups:set-keep-days': BackupOverview;
  /** A manual backup into a folder chosen in the dialog; null: cancelled. */
  'backups:create': { path: string } | null;
  /** The open dialog, then every check; refuses a newer, corrupt or broken backup before anything is replaced. */
  'backups:choose-restore': RestoreChoice | null;
  'backups:restore': RestoreOutcome;
  'backups:export-package': { path: string; facts: BackupFacts } | null;
  'backups:choose-package': (RestoreChoice & { programVersion: string }) | null;
  'backups:import-package': RestoreOutcome;
}

export type BackupErrorCode =
  | 'backups.failed'
  | 'backups.notFound'
  | 'backups.notOurs'
  | 'backups.newerVersion'
  | 'backups.corrupt'
  | 'backups.brokenChain'
  | 'backups.badPackage'
  | 'backups.reopenUnavailable'
  | 'backups.reopenFailed';
