import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import { AppError } from '@shared/errors';
import { shortGrams } from '@shared/domain/search-grams';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { makeBackup } from '../backups/copy';
import type { Database } from './schema';
import { assertWritable, checkPath, readHeader, type FileHeader } from './probe';

/** The largest memory map this SQLite build allows (SQLITE_MAX_MMAP_SIZE); a larger file's tail is read as before. */
const READ_MAP_BYTES = 0x7fff0000;

export interface DbConnection {
  path: string;
  db: Kysely<Database>;
  /** The raw handle, for migrations and measured hot bulk paths only. */
  raw: BetterSqlite3.Database;
  schemaVersion: number;
  /** Where the pre-migration copy went, when one was made at this open. */
  backupPath: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations (the app and every writing CLI command do; `info` does not). */
  migrate?: boolean;
  /** Open for reading only (info, previews): nothing is written, not even the WAL switch; the file must exist. */
  readonly?: boolean;
  /** Initialise an existing 0-byte file: only when the user asked to create the database there (`migrate`). */
  createEmpty?: boolean;
  /** For the pre-migration backup's file name (the bureau's date and time); injectable for tests. */
  now?: () => Date;
}

/**
 * Opens (creating if needed) the database file. Refuses — before writing a single byte — a file that is
 * not a SQLite database, one from another program, one from a newer version of this program, or a
 * folder it cannot write to; each with a Chinese message that says what to do.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<DbConnection> {
  const fullPath = resolve(path);
  const state = inspectDatabase(path, options.createEmpty);
  if (options.readonly && !state.exists)
    throw new AppError('db.missing', `数据库文件（${fullPath}）不存在。请先运行 migrate 创建，或另选数据库文件。`);
  if (!options.readonly) {
    if (!state.exists) ensureFolder(fullPath);
    assertWritable(fullPath);
  }

  let raw: BetterSqlite3.Database;
  try {
    raw = options.readonly
      ? new BetterSqlite3(fullPath, { readonly: true, fileMustExist: true })
      : new BetterSqlite3(fullPath);
    if (!options.readonly) raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // Reads use the file mapped in place, not a copy of each page: 统计分析 looks up ~50,000 scattered roster rows
    // at city scale, a third less CPU so (docs/performance.md). Writes still go through the WAL.
    raw.pragma(`mmap_size = ${READ_MAP_BYTES}`);
    registerSqlFunctions(raw);
  } catch (e) {
    throw translateSqliteError(e, fullPath);
  }

  let backupPath: string | null = null;
  try {
    if (options.migrate) {
      backupPath = await backupBeforeMigration(raw, fullPath, (options.now ?? (() => new Date()))());
      runMigrations(raw);
    }
  } catch (e) {
    raw.close();
    throw translateSqliteError(e, fullPath);
  }

  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  return {
    path: fullPath,
    db,
    raw,
    schemaVersion: readUserVersion(raw),
    backupPath,
    async close() {
      await db.destroy(); // closes `raw` once Kysely has used it; not before
      if (raw.open) raw.close();
    },
  };
}

/** Runs `work` over the database file opened with `options`, and closes it whatever happens. */
export async function withOpenDatabase<T>(
  path: string,
  options: OpenOptions,
  work: (conn: DbConnection) => Promise<T> | T,
): Promise<T> {
  const conn = await openDatabase(path, options);
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

/**
 * Every Kysely transaction begins IMMEDIATE, like the raw ones: in WAL mode a deferred transaction that reads then
 * writes fails at once with SQLITE_BUSY_SNAPSHOT (no busy timeout) when another connection committed in between (the
 * draw worker, an import, a second clerk). IMMEDIATE takes the write lock first and waits its turn.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * SQL functions the schema's triggers call (migration 0002: the short-query search index). Registered on every
 * connection before anything else, since a trigger that calls a missing function aborts the write.
 */
export function registerSqlFunctions(raw: BetterSqlite3.Database): void {
  raw.function('ssj_short_grams', { deterministic: true, varargs: true }, (...texts: unknown[]) =>
    shortGrams(texts.map((t) => (typeof t === 'string' ? t : null))),
  );
}

/**
 * What the path holds, refusing what this program must not open (a folder, an impossible path, a 0-byte file unless
 * `allowEmpty`, a corrupt, foreign or newer database), with nothing written.
 */
export function inspectDatabase(path: string, allowEmpty = false): { exists: boolean; schemaVersion: number } {
  const fullPath = resolve(path);
  try {
    checkPath(fullPath, path);
    if (!existsSync(fullPath)) return { exists: false, schemaVersion: 0 };
    const header = existsSync(`${fullPath}-wal`) ? liveHeader(fullPath) : readHeader(fullPath);
    if (header === 'empty') {
      if (allowEmpty) return { exists: true, schemaVersion: 0 };
      throw new AppError(
        'db.emptyFile',
        `文件（${fullPath}）是空文件（0 字节），不是数据库。若要在此新建数据库，请运行 migrate；否则请另选数据库文件。文件未作任何修改。`,
      );
    }
    if (header === 'notSqlite') throw Object.assign(new Error('not a database'), { code: 'SQLITE_NOTADB' });
    refuseForeign(fullPath, header);
    return { exists: true, schemaVersion: header.userVersion };
  } catch (e) {
    throw translateSqliteError(e, fullPath);
  }
}

/** A database another connection holds open (its -wal exists): SQLite reads it with the WAL's latest pages. */
function liveHeader(fullPath: string): FileHeader {
  const probe = new BetterSqlite3(fullPath, { readonly: true, fileMustExist: true });
  try {
    const hasSchema = probe.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() !== undefined;
    return { userVersion: readUserVersion(probe), hasSchema };
  } finally {
    probe.close();
  }
}

function refuseForeign(fullPath: string, { userVersion: version, hasSchema }: FileHeader): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'db.newerVersion',
      `数据库文件（${fullPath}）由更新版本的本程序创建（结构版本 ${version}），当前程序最高支持结构版本 ${LATEST_SCHEMA_VERSION}。` +
        '请升级本程序后再打开。文件未作任何修改。',
      { version, latest: LATEST_SCHEMA_VERSION },
    );
  }
  if (version === 0 && hasSchema) {
    throw new AppError(
      'db.foreign',
      `文件（${fullPath}）是 SQLite 数据库，但不是本程序的数据库。请选择本程序的数据库文件。文件未作任何修改。`,
    );
  }
}

function ensureFolder(fullPath: string): void {
  try {
    mkdirSync(dirname(fullPath), { recursive: true });
  } catch (e) {
    const translated = translateSqliteError(e, fullPath);
    if (translated instanceof AppError) throw translated;
    throw new AppError(
      'db.badPath',
      `无法在「${dirname(fullPath)}」建立数据库文件夹。请另选数据库文件的位置。未写入任何内容。`,
      { cause: (e as { code?: string }).code ?? String(e) },
    );
  }
}

function readUserVersion(raw: BetterSqlite3.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

/**
 * Before migrating a file that holds data: an online backup in the backup folder beside it. Returns its path, or
 * null when there is nothing to migrate or nothing to protect.
 */
export async function backupBeforeMigration(
  raw: BetterSqlite3.Database,
  fullPath: string,
  at: Date,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string | null> {
  const from = readUserVersion(raw);
  if (from === 0 || !migrations.some((m) => m.version > from)) return null;
  return makeBackup(raw, fullPath, 'migration', at);
}

/** Runs every pending migration in ONE transaction: all or nothing. */
export function runMigrations(raw: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const from = readUserVersion(raw);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  raw
    .transaction(() => {
      for (const m of pending) {
        m.up(raw);
        raw.pragma(`user_version = ${m.version}`);
      }
    })
    .immediate();
}

/** SQLite and file-system failures become messages a clerk can act on. */
export function translateSqliteError(e: unknown, fullPath: string): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new AppError(
      'db.corrupt',
      `数据库文件（${fullPath}）已损坏或不是数据库文件，无法打开。请从备份恢复，或另选数据库文件。文件未作任何修改。`,
      { sqlite: code || message },
    );
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'EACCES' ||
    code === 'EROFS' ||
    code === 'EPERM' ||
    code === 'ENOTDIR'
  ) {
    return new AppError(
      'db.notWritable',
      `无法写入数据库文件所在的文件夹（${dirname(fullPath)}）。请检查该文件夹是否只读或无权限，或用 --db 指定其他位置。未写入任何内容。`,
      { cause: code || message },
    );
  }
  return e;
}
