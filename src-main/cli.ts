// Headless entry on the same services as the desktop app. Runs under plain Node (`npm run ssj -- …`).
import { infoCommand, migrateCommand } from './cli/app-commands';
import { auditCommand } from './cli/audit-commands';
import type { CliCommand } from './cli/command';
import { DRAW_COMMANDS } from './cli/draw-commands';
import { publishCommand } from './cli/publish-commands';
import { ROSTER_COMMANDS } from './cli/roster-commands';
import { runCli } from './cli/run-cli';
import { SHEET_COMMANDS } from './cli/sheets-commands';
import { BACKUP_COMMANDS } from './cli/backup-commands';
import { statsCommand } from './cli/stats-commands';

/** The released command set. Names and options are stable: bureaus script them. */
export const COMMANDS: CliCommand[] = [
  infoCommand,
  migrateCommand,
  ...DRAW_COMMANDS,
  ...ROSTER_COMMANDS,
  ...SHEET_COMMANDS,
  auditCommand,
  ...BACKUP_COMMANDS,
  statsCommand,
  publishCommand,
];

runCli(process.argv.slice(2), COMMANDS, {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`程序内部错误：${String(e)}\n`);
    process.exitCode = 1;
  },
);
