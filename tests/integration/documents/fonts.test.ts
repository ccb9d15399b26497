/**
 * The bundled PDF fonts: found in every layout the program runs in, licensed, small enough, covering what county
 * paperwork contains; and the text rules built on them (fallback runs, line breaking, hashes, dates).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FONT_FILES, loadFonts, resourcesDir, runs, textWidth, wrapText } from '../../../src-main/documents/fonts';
import { formatDate, formatDateTime, groupHex, numberedLines } from '../../../src-main/documents/format';

const REPO_RESOURCES = resolve(__dirname, '../../../resources');

/** GB 2312's 6,763 hanzi (rows 16–87), decoded by the runtime's own GBK decoder. */
function gb2312Hanzi(): string[] {
  const dec = new TextDecoder('gbk', { fatal: true });
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue; // the five empty cells at the end of row 55
      out.push(dec.decode(new Uint8Array([hi, lo])));
    }
  }
  return out;
}

describe('bundled fonts', () => {
  const saved = { env: process.env.SSJ_RESOURCES, rp: (process as { resourcesPath?: string }).resourcesPath };
  afterEach(() => {
    if (saved.env === undefined) delete process.env.SSJ_RESOURCES;
    else process.env.SSJ_RESOURCES = saved.env;
    (process as { resourcesPath?: string }).resourcesPath = saved.rp;
  });

  it('are found from source (tests, CLI, dev), in a packaged app, and where SSJ_RESOURCES points', () => {
    expect(resourcesDir()).toBe(REPO_RESOURCES);

    // The packaged layout: electron-builder copies resources/fonts to <process.resourcesPath>/fonts.
    const packaged = mkdtempSync(join(tmpdir(), 'ssj-res-'));
    try {
      mkdirSync(join(packaged, 'fonts'));
      for (const f of Object.values(FONT_FILES))
        symlinkSync(join(REPO_RESOURCES, 'fonts', f), join(packaged, 'fonts', f));
      (process as { resourcesPath?: string }).resourcesPath = packaged;
      expect(resourcesDir()).toBe(packaged);

      process.env.SSJ_RESOURCES = packaged;
      (process as { resourcesPath?: string }).resourcesPath = undefined;
      expect(resourcesDir()).toBe(packaged);
      process.env.SSJ_RESOURCES = join(packaged, 'nowhere');
      expect(() => resourcesDir()).toThrow(/SSJ_RESOURCES/);
    } finally {
      rmSync(packaged, { recursive: true, force: true });
    }
  });

  it('ship with their OFL licence and stay under 10 MiB together', () => {
    const ofl = readFileSync(join(REPO_RESOURCES, 'fonts', 'OFL.txt'), 'utf8');
    expect(ofl).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(ofl).toContain('Copyright 2014-2021 Adobe');
    const total = Object.values(FONT_FILES).reduce((s, f) => s + statSync(join(REPO_RESOURCES, 'fonts', f)).size, 0);
    expect(total).toBeLessThan(10 * 1024 * 1024);
    // The licence travels inside the files too (name table: copyright, licence).
    const { faces } = loadFonts();
    expect(faces.regular.copyright).toContain('Adobe');
    expect(faces.regular.postscriptName).toBe('NotoSansCJKsc-Regular');
  });

  it('cover GB2312 in every face with text, all 20,976 basic-block ideographs of the face in Regular, hex in Mono', () => {
    const { coverage } = loadFonts();
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    for (const ch of hanzi) {
      expect(coverage.regular.has(ch.codePointAt(0)!), ch).toBe(true);
      expect(coverage.bold.has(ch.codePointAt(0)!), ch).toBe(true);
    }
    let basic = 0;
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) if (coverage.regular.has(cp)) basic++;
    expect(basic).toBe(20976);
    for (const ch of '0123456789abcdef ，。、；：（）《》“”〔〕—…·×℃№①')
      expect(coverage.regular.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '0123456789abcdefABCDEF:/- ') expect(coverage.mono.has(ch.codePointAt(0)!), ch).toBe(true);
  });
});

describe('text set in the bundled faces', () => {
  it('keeps a covered string as it is, and splits runs only where a face lacks a character', () => {
    const report = { missing: new Set<string>() };
    expect(runs('鄄城县市场监督管理局', true, report)).toBe('鄄城县市场监督管理局');
    // 堃 is not in GB2312: the bold title keeps its bold runs and sets 堃 in Regular.
    expect(runs('堃城县市场监督管理局', true, report)).toEqual([
      { text: '堃', bold: false },
      { text: '城县市场监督管理局' },
    ]);
    expect(runs('王堃', false, report)).toBe('王堃');
    expect(report.missing.size).toBe(0);
    const ext = String.fromCodePoint(0x30000);
    expect(runs(`张${ext}`, false, report)).toEqual([{ text: '张' }, { text: '〔U+30000〕', bold: false }]);
    expect([...report.missing]).toEqual([ext]);
  });

  it('breaks lines within the width, never before a closing mark nor after an opening one, keeping numbers whole', () => {
    const size = 8;
    const text = '山东省菏泽市鄄城县工业园区纬一路108号综合楼(一层)东数第三间门面房,联系人:王晓燕。';
    for (const width of [40, 60, 90, 130, 200]) {
      const lines = wrapText(text, 'regular', size, width);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(textWidth(line, 'regular', size)).toBeLessThanOrEqual(width + 1e-9);
        expect('，。、；：？！）》」』】〕”’,.;:!?)'.includes(line[0]), `${width}: ${line}`).toBe(false);
        expect('（《「『【〔“‘('.includes(line[line.length - 1]), `${width}: ${line}`).toBe(false);
      }
      if (width >= 40) expect(lines.some((l) => l.includes('108'))).toBe(true);
    }
    expect(wrapText('甲\n乙', 'regular', size, 100)).toEqual(['甲', '乙']);
  });

  it('prints a SHA-256 value in groups of eight, four to a line, and anything else as it is', () => {
    const hex = 'ab'.repeat(32);
    expect(groupHex(hex)).toBe('abababab abababab abababab abababab\nabababab abababab abababab abababab');
    expect(groupHex(hex, 8).split('\n')).toHaveLength(1);
    expect(groupHex('not a hash')).toBe('not a hash');
  });

  it('prints dates in China time whatever the machine zone, and numbers item lists', () => {
    expect(formatDateTime('2026-04-08T16:30:00.000Z')).toBe('2026年4月9日 00:30');
    expect(formatDate('2026-03-20T02:30:00Z')).toBe('2026年3月20日');
    expect(() => formatDate('yesterday')).toThrow();
    expect(numberedLines(['甲'])).toBe('甲');
    expect(numberedLines(['甲', '乙'])).toBe('1. 甲\n2. 乙');
  });
});
