import type { ParseArgsConfig } from 'node:util';

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
