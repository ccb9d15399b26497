import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppError } from '@shared/errors';
import { defaultDbPath } from '../db/paths';
import { PRODUCT_NAME, VERSION } from '../app/product';
import type { CliCommand } from './command';
import { cliPassword } from '../users/prompt';

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  user: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * Parses argv, runs one command, returns the exit status: 0 success, 1 failure (message on stderr,
 * in Chinese); commands may return other codes they document (draw-case: 2 = infeasible draw).
 */
export async function runCli(argv: string[], commands: CliCommand[], io: CliIo): Promise<number> {
  const first = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false });
  const name = first.positionals[0];
  if (!name || name === 'help') {
    io.out(helpText(commands));
    return name || first.values.help ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令：${name}。运行 --help 查看可用命令。`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(`参数错误：${(e as Error).message}\n用法：ssj ${command.usage}`);
    return 1;
  }
  if (parsed.values.help) {
    io.out(`${command.summary}\n用法：npm run ssj -- ${command.usage}`);
    return 0;
  }
  try {
    return await command.run({
      positionals: parsed.positionals.slice(1),
      options: parsed.values as Record<string, string | boolean | undefined>,
      json: parsed.values.json === true,
      dbPath: typeof parsed.values.db === 'string' ? parsed.values.db : defaultDbPath(io.env),
      out: io.out,
      err: io.err,
      user: typeof parsed.values.user === 'string' ? parsed.values.user : undefined,
      password: cliPassword(io.env ?? process.env),
    });
  } catch (e) {
    if (isAppError(e)) {
      io.err(`错误：${e.message}`);
      return 1;
    }
    io.err(`程序内部错误：${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${PRODUCT_NAME}（ssj-desk ${VERSION}）命令行`,
    '',
    '用法：npm run ssj -- <命令> [参数] [--db 数据库文件] [--json]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '通用参数：',
    '  --db PATH   使用指定的数据库文件（默认：桌面程序的数据库，或环境变量 SSJ_DB）',
    '  --json      在标准输出打印一个 JSON 对象，便于脚本处理',
    '  --user NAME 数据库已设用户时，以此用户身份写入（密码取自环境变量 SSJ_PASSWORD，否则在终端输入）',
    '  --help      显示帮助；<命令> --help 显示该命令的用法',
    '',
    '退出码：0 成功；1 失败（原因以中文输出到标准错误）；2 抽取不可行（draw-case）',
  ].join('\n');
}
