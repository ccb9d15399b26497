import { AppError } from '@shared/errors';

/** The password for `--user`: SSJ_PASSWORD, else typed at the terminal without echo; never from the arguments. */
export function cliPassword(env: NodeJS.ProcessEnv): () => Promise<string> {
  return async () => {
    const fromEnv = env.SSJ_PASSWORD;
    if (fromEnv) return fromEnv;
    if (!process.stdin.isTTY)
      throw new AppError(
        'users.signInRequired',
        '请在终端中运行以输入密码，或设置环境变量 SSJ_PASSWORD，未做任何更改。',
      );
    return readHidden('密码：');
  };
}

function readHidden(label: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(label);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new AppError('users.signInRequired', '已取消，未做任何更改。')));
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    const done = (finish: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      finish();
    };
    stdin.on('data', onData);
  });
}
