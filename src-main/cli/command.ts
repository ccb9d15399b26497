import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Role } from '@shared/domain/users';
import { AppError } from '@shared/errors';
import { withOpenDatabase, type DbConnection } from '../db/connection';
import { cliUser } from '../users/cli-sign-in';
import { cliPassword } from '../users/prompt';

/** What a command gets: its parsed options and positionals, and where to write. */
export interface CliContext {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  /** `--json`: print exactly one JSON object on stdout and nothing else there. */
  json: boolean;
  /** `--db PATH`, or the desktop app's default database file. */
  dbPath: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** `--user NAME`: who acts, once the database has users (src-main/users/cli-sign-in.ts). */
  user?: string;
  /** Where the password of `--user` comes from (default: SSJ_PASSWORD or the terminal). */
  password?: () => Promise<string>;
}

/**
 * One CLI command. Names and options are a public interface (bureaus script them): once released, never rename.
 * `run` returns the exit status; it throws AppError for a failure the user should read (printed in Chinese, exit 1
 * unless the error says otherwise via `exitCode`).
 */
export interface CliCommand {
  name: string;
  /** One line, Chinese, shown by --help. */
  summary: string;
  /** e.g. `draw-case CASE.json [--out PROOF.json]` */
  usage: string;
  /** Options beyond the global --db / --json / --help. */
  options?: ParseArgsConfig['options'];
  run(ctx: CliContext): Promise<number>;
}

/** Who the audit log names for a change made from the command line. */
export function cliActor(): string {
  return `命令行（${process.env.USER ?? process.env.USERNAME ?? '未知用户'}）`;
}

/** The actor of a command's writes: the signed-in `--user` once the database has users, else as before. */
export const cliWriter = (ctx: CliContext, roles: readonly Role[], dbPath = ctx.dbPath): Promise<string> =>
  cliUser(dbPath, { user: ctx.user, password: ctx.password ?? cliPassword(process.env) }, roles, cliActor());

/** `--dry-run`: check or preview only, write nothing. */
export const DRY_RUN_OPTION: ParseArgsConfig['options'] = { 'dry-run': { type: 'boolean' } };

/** `--out PATH`: where a command writes. */
export const OUT_OPTION: ParseArgsConfig['options'] = { out: { type: 'string' } };

export const isDryRun = (ctx: CliContext): boolean => ctx.options['dry-run'] === true;

/**
 * Opens the database file only to read its path, structure version and backup, then closes it: migrating it (a 0-byte
 * file only with `createEmpty`, when the user asked to create the database there), or read-only, writing nothing.
 */
export function databaseState(
  dbPath: string,
  migrate: boolean,
  createEmpty = false,
): Promise<{ path: string; schemaVersion: number; backupPath: string | null }> {
  const options = migrate ? { migrate, createEmpty } : { readonly: true };
  return withOpenDatabase(dbPath, options, ({ path, schemaVersion, backupPath }) => ({
    path,
    schemaVersion,
    backupPath,
  }));
}

/** The path given by `--name`, resolved; a refusal that says `missing` when it is absent. */
export function requiredPath(ctx: CliContext, name: string, missing: string): string {
  const value = ctx.options[name];
  if (typeof value !== 'string') throw new AppError('cli.missingArgument', missing);
  return resolve(value);
}

/** Runs `work` over the database file, brought to the latest structure, and closes it whatever happens. */
export const withDatabase = <T>(dbPath: string, work: (conn: DbConnection) => Promise<T> | T): Promise<T> =>
  withOpenDatabase(dbPath, { migrate: true }, work);
