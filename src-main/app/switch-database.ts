/** 打开其他数据库 / 新建数据库: the dialog, then the live database opens the chosen file in place of the current one. */
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { FileTokens } from './file-tokens';
import type { SwitchDatabase } from './live-database';

const FILTERS = [{ name: '数据库文件', extensions: ['sqlite', 'db'] }];

export async function switchDatabase(
  files: FileTokens,
  switchTo: SwitchDatabase | undefined,
  { mode }: ParsedReq<'app:switch-database'>,
): Promise<{ fileName: string; dbPath: string } | null> {
  if (!switchTo) {
    throw new AppError('app.switchUnavailable', '此处不能切换数据库；命令行请用 --db 指定数据库文件。');
  }
  const dialogMode = mode === 'open' ? 'open' : 'save';
  const choice = await files.choose(
    mode === 'open'
      ? { mode: dialogMode, title: '打开数据库', filters: FILTERS }
      : { mode: dialogMode, title: '新建数据库', defaultName: '新数据库.sqlite', filters: FILTERS },
  );
  if (!choice) return null;
  const path = files.resolve(choice.token, dialogMode);
  await switchTo(path, mode === 'create');
  return { fileName: basename(path), dbPath: path };
}
