/**
 * Just enough of the zip format to look inside an .xlsx before exceljs streams it: the entry list (is it an xlsx, which
 * sheet is first) and one entry as a stream (for the <mergeCells> after all rows). Random access through the central
 * directory keeps a large workbook to a few small reads.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { AppError } from '@shared/errors';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  path: string;
  entries: Map<string, ZipEntry>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function corrupt(detail: string): AppError {
  return new AppError(
    'import.corruptFile',
    `文件已损坏，无法作为 Excel 工作簿打开（${detail}）。请在 Excel 中打开并另存为 .xlsx 后重试。`,
  );
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function openZip(path: string): Promise<ZipDirectory> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record is the last 22 bytes plus a comment of at most 65,535 bytes.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt('找不到 zip 目录');
    const entryCount = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || entryCount === 0xffff) throw corrupt('不支持 ZIP64 格式');
    if (directoryOffset + directorySize > size) throw corrupt('zip 目录超出文件末尾，文件可能不完整');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < entryCount; n++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw corrupt('zip 目录不完整');
      const flags = directory.readUInt16LE(p + 8);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: directory.readUInt16LE(p + 10),
        encrypted: (flags & 1) === 1,
        compressedSize: directory.readUInt32LE(p + 20),
        uncompressedSize: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { path, entries };
  } finally {
    await handle.close();
  }
}

/** The entry's uncompressed bytes as a stream. */
export async function openEntryStream(zip: ZipDirectory, name: string): Promise<Readable> {
  const entry = zip.entries.get(name);
  if (!entry) throw corrupt(`缺少 ${name}`);
  if (entry.encrypted) {
    throw new AppError(
      'import.encrypted',
      '工作簿已加密（设置了打开密码），无法读取。请在 Excel 中取消密码后另存，再导入。',
    );
  }
  const handle = await open(zip.path, 'r');
  let header: Buffer;
  try {
    header = await readAt(handle, entry.localHeaderOffset, 30);
  } finally {
    await handle.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw corrupt(`${name} 的数据头损坏`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(zip.path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw corrupt(`${name} 使用了不支持的压缩方式 ${entry.method}`);
  const inflate = createInflateRaw();
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}

export async function readEntryText(zip: ZipDirectory, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = await openEntryStream(zip, name);
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (e) {
    throw corrupt(`${name} 解压失败：${(e as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
