import type { AppErrorCode } from './ipc/channels/app';
import type { AuditErrorCode } from './ipc/channels/audit';
import type { DemoErrorCode } from './ipc/channels/demo';
import type { DisclosureErrorCode } from './ipc/channels/disclosure';
import type { DrawErrorCode } from './ipc/channels/draws';
import type { ItemErrorCode } from './ipc/channels/items';
import type { PlanErrorCode } from './ipc/channels/plans';
import type { PublishErrorCode } from './ipc/channels/publish';
import type { ResultErrorCode } from './ipc/channels/results';
import type { RosterErrorCode } from './ipc/channels/rosters';
import type { SettingsErrorCode } from './ipc/channels/settings';
import type { SheetErrorCode } from './ipc/channels/sheets';
import type { StatsErrorCode } from './ipc/channels/stats';
import type { VisitErrorCode } from './ipc/channels/visits';
import type { BackupErrorCode } from './ipc/channels/backups';
import type { UserErrorCode } from './ipc/channels/users';

/** Codes of the parts no channel owns: the database file, the command line, the document renderers. */
export type DbErrorCode =
  | 'db.corrupt'
  | 'db.foreign'
  | 'db.newerVersion'
  | 'db.notWritable'
  | 'db.readOnly'
  | 'db.isFolder'
  | 'db.badPath'
  | 'db.emptyFile'
  | 'db.missing';
export type CliErrorCode =
  'cli.badKind' | 'cli.fileUnreadable' | 'cli.invalidJson' | 'cli.missingArgument' | 'cli.schemaOutdated';
export type DocumentErrorCode = 'documents.renderFailed';

/** Every error code, `domain.camelCase`: a code not listed in its domain's union does not compile. */
export type ErrorCode =
  | AppErrorCode
  | AuditErrorCode
  | RosterErrorCode
  | ItemErrorCode
  | DemoErrorCode
  | PlanErrorCode
  | DrawErrorCode
  | VisitErrorCode
  | ResultErrorCode
  | SheetErrorCode
  | PublishErrorCode
  | SettingsErrorCode
  | DisclosureErrorCode
  | UserErrorCode
  | StatsErrorCode
  | DbErrorCode
  | CliErrorCode
  | DocumentErrorCode
  | BackupErrorCode;

/**
 * The one error type services throw. `code` is stable and machine-readable (English, `domain.camelCase`);
 * `message` is the Chinese sentence a clerk reads. Only the IPC dispatcher and the CLI turn it
 * into a result or an exit status — nothing else catches it to swallow it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
