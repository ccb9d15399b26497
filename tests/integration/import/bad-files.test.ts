/**
 * Files that are not what their name says, or not readable at all: each is refused with a Chinese AppError naming
 * what is wrong, and a cancelled read stops with import.cancelled.
 */
import { writeFile, readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { detectMapping, openImportFile, readImportFile } from '../../../src-main/rosters/readers/index';
import { writeEntityXlsx } from '../../fixtures/roster-files';
import { expectAppError, U1, useTempDir } from './read-files';

const tmp = useTempDir();

/** A zip with uncompressed entries (enough to look like a .docx to a format sniffer). */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    // Both headers hold crc, sizes and name length in the same order, from offset `at`.
    const sizes = (header: Buffer, at: number) => {
      header.writeUInt32LE(crc, at);
      header.writeUInt32LE(data.length, at + 4);
      header.writeUInt32LE(data.length, at + 8);
      header.writeUInt16LE(nameBytes.length, at + 12);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    sizes(local, 14);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    sizes(central, 16);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function readAllOrThrow(path: string): Promise<void> {
  for await (const batch of readImportFile(path, 'entities')) void batch;
}

describe('bad files', () => {
  it('wrong type (PNG bytes, PDF)', async () => {
    const png = join(tmp.path, 'photo.xlsx');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    await expectAppError(detectMapping(png, 'entities'), 'import.unsupportedFile');
    const pdf = join(tmp.path, 'report.csv');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj\n');
    await expectAppError(detectMapping(pdf, 'entities'), 'import.unsupportedFile');
  });

  it('a zip that is not a workbook, and a truncated workbook', async () => {
    const good = join(tmp.path, 'good.xlsx');
    await writeEntityXlsx(good, 50);
    const bytes = await readFile(good);
    const truncated = join(tmp.path, 'truncated.xlsx');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectAppError(detectMapping(truncated, 'entities'), 'import.corruptFile');
    const corrupted = join(tmp.path, 'corrupted.xlsx');
    const damaged = Buffer.from(bytes);
    for (let i = 200; i < damaged.length - 2000; i += 97) damaged[i] ^= 0x5a; // flip bytes inside the deflate data
    await writeFile(corrupted, damaged);
    await expectAppError(readAllOrThrow(corrupted), 'import.corruptFile');
    const docx = join(tmp.path, 'not-a-workbook.xlsx');
    await writeFile(docx, storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await expectAppError(detectMapping(docx, 'entities'), 'import.unsupportedFile');
  });

  it('an encrypted workbook (OLE container with EncryptionInfo, as Office writes it)', async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const path = join(tmp.path, 'secret.xlsx');
    await writeFile(path, XLSX.CFB.write(container, { type: 'buffer' }) as Buffer);
    await expectAppError(detectMapping(path, 'entities'), 'import.encrypted');
  });

  it('an empty file, an empty sheet, a header that matches nothing, a missing required column', async () => {
    const empty = join(tmp.path, 'empty.csv');
    await writeFile(empty, '');
    await expectAppError(detectMapping(empty, 'entities'), 'import.emptyFile');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const emptySheet = join(tmp.path, 'empty-sheet.xlsx');
    await wb.xlsx.writeFile(emptySheet);
    await expectAppError(detectMapping(emptySheet, 'entities'), 'import.emptySheet');
    const nothing = join(tmp.path, 'nothing.csv');
    await writeFile(nothing, '甲,乙,丙\n1,2,3\n');
    const message = await expectAppError(detectMapping(nothing, 'entities'), 'import.headerNotFound');
    expect(message).toContain('统一社会信用代码');
    const noName = join(tmp.path, 'no-name.csv');
    await writeFile(noName, '统一社会信用代码,住所,联系电话\n' + `${U1},某路,123\n`);
    const missing = await expectAppError(openImportFile(noName, 'entities'), 'import.missingColumns');
    expect(missing).toContain('名称');
  });

  it('cancel: an aborted signal stops the read with import.cancelled', async () => {
    const path = join(tmp.path, 'cancel.xlsx');
    await writeEntityXlsx(path, 5000);
    const controller = new AbortController();
    let seen = 0;
    const run = (async () => {
      for await (const batch of readImportFile(path, 'entities', { signal: controller.signal, batchSize: 500 })) {
        seen += batch.length;
        if (seen >= 1000) controller.abort();
      }
    })();
    await expectAppError(run, 'import.cancelled');
    expect(seen).toBeLessThan(5000);
  });
});
