import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, detailLines, targetName } from '../../../src-shared/domain/audit-labels';

const SRC = resolve(__dirname, '../../../src-main');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every action literal the code hands to the log: `action: '…'` (either branch of a ternary) and auditDraw's. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const sites = [...text.matchAll(/action: [^,}\n]+/g), ...text.matchAll(/auditDraw\([^;]+?\);/gs)];
    for (const site of sites) for (const m of site[0].matchAll(/'([a-z-]+:[a-z-]+)'/g)) found.add(m[1]);
  }
  // Built from a union: `results:${'approve' | 'return'}` (review.ts), `offices:${'insert' | 'update' | 'delete'}`.
  for (const a of ['approve', 'return']) found.add(`results:${a}`);
  for (const a of ['insert', 'update', 'delete']) found.add(`offices:${a}`);
  return found;
}

describe('the operation log for people', () => {
  it('has a Chinese name for every action the code writes', () => {
    const actions = [...writtenActions()];
    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((a) => !/^[\u4e00-\u9fa5]+$/.test(AUDIT_ACTION_NAMES[a] ?? ''))).toEqual([]);
  });

  it('shows a target and a change as a clerk reads them', () => {
    expect(targetName('draws:12')).toBe('抽取 12');
    expect(detailLines({ bureauName: { from: '甲县局', to: '乙县局' } })).toEqual(['局名称：甲县局 → 乙县局']);
    expect(detailLines({ before: null, after: { name: '执法一科' } })).toEqual(['（空） → 名称 执法一科']);
    expect(detailLines({ resultIds: [1, 2, 3, 4, 5, 6], reason: '照片不清' })).toEqual([
      '检查结果：共 6 项',
      '原因：照片不清',
    ]);
  });
});
