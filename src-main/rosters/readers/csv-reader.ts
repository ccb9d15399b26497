/**
 * .csv and tab-separated text → grid rows, streaming. Without a BOM, a sample that is not strict UTF-8 is GB18030 (what
 * Excel on a Chinese Windows writes), decoded by Node's full-ICU TextDecoder. Every cell is text, judged by the ID-cell
 * rules; row numbers count records, as Excel numbers the rows when it opens the file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '@shared/errors';
import type { GridRow } from '@shared/import/grid';
import { cancelled } from './xlsx-reader';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface CsvShape {
  encoding: TextEncoding;
  /** Bytes of BOM to skip. */
  bomLength: number;
  delimiter: string;
}

const SAMPLE_BYTES = 64 * 1024;

/** Drop an incomplete UTF-8 sequence cut by the sample's end, so a valid file is not judged invalid. */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (back < 4 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = end - back - 1;
  if (lead < 0) return bytes;
  const byte = bytes[lead];
  const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  if (need > back + 1) end = lead;
  return bytes.subarray(0, end);
}

export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(sample));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

/** The separator that splits the first record most consistently: comma, tab, semicolon or 竖线. */
export function detectDelimiter(firstLines: string): string {
  const lines = firstLines
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best = ',';
  let bestScore = 0;
  for (const candidate of [',', '\t', ';', '|']) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const max = Math.max(0, ...counts);
    // Prefer the separator that appears most in the widest line (a header has the most columns).
    if (max > bestScore) {
      best = candidate;
      bestScore = max;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}

export async function sniffCsv(path: string): Promise<CsvShape> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const { encoding, bomLength } = detectEncoding(sample);
    const text = new TextDecoder(encoding).decode(sample.subarray(bomLength));
    return { encoding, bomLength, delimiter: detectDelimiter(text) };
  } finally {
    await handle.close();
  }
}

/** Bytes in any of our encodings → UTF-8 bytes for csv-parse, decoding across chunk boundaries. */
class ToUtf8 extends Transform {
  private readonly decoder: TextDecoder;
  constructor(encoding: TextEncoding) {
    super();
    this.decoder = new TextDecoder(encoding);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    done(null, Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8'));
  }
  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(this.decoder.decode(), 'utf8'));
  }
}

export async function* readCsvRows(path: string, shape: CsvShape, signal?: AbortSignal): AsyncGenerator<GridRow> {
  const input = createReadStream(path, { start: shape.bomLength, highWaterMark: 256 * 1024 });
  const parser = parse({
    delimiter: shape.delimiter,
    // Files stitched together by hand mix CRLF and LF; csv-parse would otherwise fix the first one it sees.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  });
  const decoder = new ToUtf8(shape.encoding);
  input.on('error', (e) => parser.destroy(e));
  decoder.on('error', (e) => parser.destroy(e));
  input.pipe(decoder).pipe(parser);
  let rowNo = 0;
  try {
    for await (const record of parser) {
      if (signal?.aborted) throw cancelled();
      rowNo++;
      const cells = (record as string[]).map((v) => (v === '' ? null : v));
      yield { rowNo, cells, inherited: [] };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import.corruptFile', `CSV 文件第 ${rowNo + 1} 行附近无法解析（${(e as Error).message}）。`);
  } finally {
    input.destroy();
    parser.destroy();
  }
}
