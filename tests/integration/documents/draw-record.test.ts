/**
 * 随机抽取情况记录表, both parts: rendered from realistic data, then opened back with pdf.js and read as a person
 * would — title, labelled values, hashes complete, signature lines, amendments, the list over many pages.
 */
import { describe, expect, it } from 'vitest';
import { renderDrawRecordCommitPdf, renderDrawRecordResultPdf } from '../../../src-main/documents';
import { loadFonts } from '../../../src-main/documents/fonts';
import { sampleCommit, sampleResult, sha } from '../../fixtures/documents';
import { readPdf, type ReadPdf } from './pdf-text';

/** Occurrences of `needle` in `hay`. */
const count = (hay: string, needle: string) => hay.split(needle).length - 1;
/** The pages of the attached list (each carries the running header "…(第二部分)附表 <task number>"). */
const listPagesOf = (r: ReadPdf) => r.pages.filter((p) => p.text.includes('（第二部分）附表'));

function expectPageNumbers(r: ReadPdf) {
  r.pages.forEach((p, i) => expect(p.text, `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${r.pages.length} 页`));
}

function expectEmbeddedFonts(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  // Subset-embedded (ABCDEF+Name) CID fonts with their font files: nothing is left to the reader's machine.
  expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansMonoCJKsc-Regular/);
  expect(raw).toContain('/FontFile3');
}

describe('随机抽取情况记录表 — part one (承诺)', () => {
  it('prints the task, time, place, people, scope and counts, both hashes whole, how to verify, and signature lines', async () => {
    const c = sampleCommit();
    const pdf = await renderDrawRecordCommitPdf(c);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const r = await readPdf(pdf);

    expect(r.all).toContain('随机抽取情况记录表');
    expect(r.all).toContain('第一部分 抽取承诺');
    expect(r.title).toBe(`随机抽取情况记录表（第一部分）${c.taskNumber}`);
    // Labelled values: the label cell, then its value (white space between cells removed).
    for (const [label, value] of [
      ['任务编号：', c.taskNumber],
      ['抽查任务', c.taskName],
      ['检查主体', c.inspectingBody],
      ['承诺时间', '2026年4月8日09:30'], // 01:30 UTC, printed in China time whatever the machine's zone
      ['抽取地点', c.place],
      ['操作人员', c.operator],
      ['监督人员', c.supervisor],
      ['检查对象范围', c.scope],
      ['抽取规则', 'ssj-draw/1'],
    ]) {
      expect(r.compact, label).toContain(`${label}${value}`.replace(/\s+/g, ''));
    }
    c.items.forEach((item, i) => expect(r.compact).toContain(`${i + 1}.${item}`));
    // Scope and counts per stratum, and the total.
    expect(r.compact).toContain('层级范围内户数抽查比例应抽户数');
    expect(r.compact).toContain('A级（信用风险低）4,1203%124');
    expect(r.compact).toContain('D级（信用风险高）34130%103');
    expect(r.compact).toContain('合计16,301930');
    expect(r.compact).toContain('符合条件86人；每个检查组2人，每个名单包至多8户（分包后余下不足8户的，单独成一包）');
    // Both hashes, complete, in the order printed, each under its name.
    expect(r.compact).toContain(`输入摘要inputDigest:SHA-256（检查对象、人员、规则等全部抽取输入）${c.inputDigest}`);
    expect(r.compact).toContain(`承诺值nonceCommit:SHA-256（程序生成的随机数，抽取后揭示）${c.nonceCommit}`);
    // …printed in groups of eight.
    expect(r.all).toContain(`${c.inputDigest.slice(0, 8)} ${c.inputDigest.slice(8, 16)}`);
    // The verify page under the name the proof export gives it, never a path inside the program.
    expect(r.compact).toContain(`离线验证页「${c.taskNumber}-抽取证明-离线验证页.html」`);
    expect(r.compact).toContain(`抽取证明文件「${c.taskNumber}-抽取证明.json」`);
    expect(r.all).not.toContain('resources/');
    expect(r.all).not.toContain('verify.html');
    // Every list closes: the items, and the counts per stratum after their total.
    expect(r.compact).toContain(`${c.items.length}.${c.items.at(-1)}（以下空白）`);
    expect(r.compact).toContain('合计16,301930（以下空白）');
    expect(r.all).toContain('SHA-256');
    // Signature lines: operator and supervisor by name, three blank witness lines, each with a date.
    expect(r.compact).toContain(
      `签字确认（见证人提供随机值之前，已见到输入摘要${c.inputDigest.slice(0, 8)}…与承诺值${c.nonceCommit.slice(0, 8)}…）身份姓名签字日期`,
    );
    expect(r.compact).toContain(`操作人员${c.operator}年月日`);
    expect(r.compact).toContain(`监督人员${c.supervisor}年月日`.replace(/\s+/g, ''));
    expect(count(r.compact, '见证人年月日')).toBe(3);
    expectPageNumbers(r);
    for (const p of r.pages) expect(p.width).toBeLessThan(p.height); // portrait A4
    expectEmbeddedFonts(pdf);
  });
});

describe('随机抽取情况记录表 — part two (封存)', () => {
  it('prints entropy, nonce, seed, 应抽/实抽, the amendments and the signature lines', async () => {
    const d = sampleResult(120, 8);
    const r = await readPdf(await renderDrawRecordResultPdf(d));

    expect(r.all).toContain('第二部分 抽取结果 · 含递补 2 次');
    expect(r.compact).toContain(`任务编号：${d.commit.taskNumber}`);
    expect(r.compact).toContain('封存时间2026年4月8日10:05');
    // Part one's commitment repeated, then the revealed values, whole.
    for (const hex of [d.commit.inputDigest, d.commit.nonceCommit, d.nonce, d.seed]) expect(r.compact).toContain(hex);
    expect(r.compact).toContain(`随机数（揭示）nonce：其SHA-256应等于上列承诺值${d.nonce}`);
    expect(r.compact).toContain(`种子seed:`);
    // Witness values in order, as entered, Chinese included; the public value labelled as such.
    expect(r.compact).toContain('顺序提供人随机值（按录入原样）1孙丽华3141592陈志远黄河入海流3刘芳271828182845');
    expect(r.compact).toContain('中国福利彩票双色球第2026039期开奖号码（公开随机值）031117222831+09');
    expect(r.compact).toContain('见证人1.孙丽华（县人大代表）2.陈志远（县政协委员）');
    // Per stratum: 应抽, 实抽 and the cut-off draw number, whole.
    expect(r.compact).toContain('层级应抽实抽截止抽取号');
    for (const s of d.strata) expect(r.compact).toContain(`${s.label}${s.quota}${s.selected}${s.cutoffKey}`);
    expect(r.compact).toContain('共抽取检查对象120户，分为15个名单包（每包8户）');
    expect(r.compact).toContain(`离线验证页「${d.commit.taskNumber}-抽取证明-离线验证页.html」`);
    expect(r.all).not.toContain('resources/');
    // Each list of the form closes with 以下空白: witness values, strata, amendments.
    expect(r.compact).toContain('031117222831+09（以下空白）');
    const last = d.strata.at(-1)!;
    expect(r.compact).toContain(`${last.cutoffKey}（以下空白）`);
    expect(r.compact).toContain('2026年4月9日14:45（以下空白）');
    // The two 递补, in order, with reason and time; the replacement is marked on the team line.
    expect(r.compact).toContain('序号名单包回避/退出递补人员原因时间');
    const [a1, a2] = d.amendments;
    expect(r.compact).toContain(`1第1包${a1.replaced}${a1.replacement}${a1.reason}2026年4月8日10:10`);
    expect(r.compact).toContain(`2第${a2.packageNo}包${a2.replaced}${a2.replacement}${a2.reason}2026年4月9日14:45`);
    expect(r.compact).toContain(
      `${a1.replacement}（${d.packages[0].team[1].certNo}，${d.packages[0].team[1].office}）〔递补〕`,
    );
    // Signature lines for everyone present, by name, under a heading naming what they sign.
    expect(r.compact).toContain(
      `签字确认（种子${d.seed.slice(0, 8)}…，抽取结果、递补记录及附表名单120户）身份姓名签字日期`,
    );
    expect(r.compact).toContain(`操作人员${d.participants.operator}年月日`);
    for (const w of d.participants.witnesses) expect(r.compact).toContain(`见证人${w.name.replace(/\s+/g, '')}年月日`);
    expectPageNumbers(r);
  });
});

describe('随机抽取情况记录表 — part two (封存), the attached list', () => {
  it('lists every selected entity with its draw number, by package with its team, over landscape pages', async () => {
    const d = sampleResult(120, 8);
    const pdf = await renderDrawRecordResultPdf(d);
    const r = await readPdf(pdf);
    const listPages = listPagesOf(r);
    expect(listPages.length).toBeGreaterThan(1);
    for (const p of listPages) {
      expect(p.width).toBeGreaterThan(p.height); // landscape
      expect(p.text).toContain('统一社会信用代码'); // the column header on every page
    }
    expect(r.all).toContain('附表：抽中检查对象名单（120 户，按名单包）');
    for (const p of d.packages) {
      const team = p.team.map((m) => `${m.name}（${m.certNo}，${m.office}）`);
      expect(r.compact).toContain(`第${p.packageNo}包${p.entities.length}户检查组：${team[0]}`);
    }
    // One row per entity: its serial number 1..N through the packages, code, name, address, grade, rank, the key.
    const rowsInOrder = d.packages.flatMap((p) => p.entities);
    rowsInOrder.forEach((e, i) => {
      expect(r.compact).toContain(`${i + 1}${e.uscc}${e.name}${e.address}${e.stratum}${e.drawNo}${e.key}`);
    });
    expect(r.compact).toContain(
      '序号统一社会信用代码检查对象名称住所（经营场所）层级（信用等级）层级内名次抽取号（SHA-256）',
    );
    // The ranks repeat across strata; the serial numbers do not.
    expect(new Set(rowsInOrder.map((e) => e.drawNo)).size).toBeLessThan(rowsInOrder.length);
    // The list closes on its last page, after the last entity.
    expect(listPages.at(-1)!.text.replace(/\s+/g, '')).toMatch(new RegExp(`${rowsInOrder.at(-1)!.key}（以下空白）$`));
    expectPageNumbers(r);
    expectEmbeddedFonts(pdf);
    // The list pages reuse the fonts pdfmake embedded: three fonts in the file, not six.
    expect(pdf.toString('latin1').match(/\/FontName \//g)).toHaveLength(3);
  });

  it('states the package sizes as they are, the smaller ones too', async () => {
    const d = sampleResult(117, 8); // 15 packages: 12 of 8, 3 of 7
    const r = await readPdf(await renderDrawRecordResultPdf(d));
    expect(r.compact).toContain('共抽取检查对象117户，分为15个名单包（其中12个各8户，3个各7户）');
    for (const p of d.packages) expect(r.compact).toContain(`第${p.packageNo}包${p.entities.length}户检查组：`);
  });

  it('repeats a package heading (〔续〕) and the column header on every page a long package runs over', async () => {
    const d = sampleResult(150, 150); // one package of 150 entities
    const r = await readPdf(await renderDrawRecordResultPdf(d));
    const listPages = listPagesOf(r);
    expect(listPages.length).toBeGreaterThanOrEqual(4);
    expect(listPages[0].text).not.toContain('〔续〕');
    for (const p of listPages.slice(1)) {
      expect(p.text.replace(/\s+/g, '')).toContain('第1包150户检查组：');
      expect(p.text).toContain('〔续〕');
      expect(p.text).toContain('抽取号（SHA-256）');
    }
    // Nothing lost or doubled at the page breaks.
    for (const e of d.packages[0].entities) expect(count(r.compact, e.key)).toBe(1);
  });
});

describe('随机抽取情况记录表 — rare characters', () => {
  it('prints rare characters: bold text falls back to Regular, a character no face has is shown as 〔U+XXXX〕 and noted', async () => {
    const { coverage } = loadFonts();
    const cp = (ch: string) => ch.codePointAt(0)!;
    // The facts the test relies on, checked rather than assumed.
    expect(coverage.bold.has(cp('堃'))).toBe(false); // not GB2312
    expect(coverage.regular.has(cp('堃'))).toBe(true);
    expect(coverage.regular.has(cp('𠮷'))).toBe(true); // Ext. B, in the face
    expect(coverage.regular.has(cp('䶮'))).toBe(true); // Ext. A
    expect(coverage.regular.has(0x30000)).toBe(false); // Ext. G: no bundled face has it

    const d = sampleResult(16, 8);
    d.commit.bureauName = '堃城县市场监督管理局';
    d.commit.taskNumber = '堃城县市监抽查〔2026〕1号';
    d.packages[0].team[0].name = '刘䶮';
    d.packages[0].entities[0].name = '堃城县𠮷野家餐饮店';
    d.packages[1].entities[0].name = `堃城县${String.fromCodePoint(0x30000)}记小吃部`;
    d.participants.witnesses[0].name = '䶮堃';
    const r = await readPdf(await renderDrawRecordResultPdf(d));
    expect(r.compact).toContain('单位：堃城县市场监督管理局');
    expect(r.compact).toContain('第1包8户检查组：刘䶮（');
    expect(r.compact).toContain('堃城县𠮷野家餐饮店');
    expect(r.compact).toContain('见证人䶮堃年月日');
    expect(r.compact).toContain('堃城县〔U+30000〕记小吃部');
    expect(r.compact).toContain('注：本表中U+30000等字超出程序内置字库');

    const commit = sampleCommit();
    commit.bureauName = '堃城县市场监督管理局';
    commit.operator = '王䶮';
    const one = await readPdf(await renderDrawRecordCommitPdf(commit));
    expect(one.compact).toContain('操作人员王䶮');
    expect(one.all).not.toContain('超出程序内置字库');
  });
});

describe('随机抽取情况记录表 — long values', () => {
  it('never drops a value too long for one page: items, scope, strata, amendments and witnesses continue on (续) rows', async () => {
    const c = sampleCommit();
    c.items = Array.from({ length: 80 }, (_, i) => `第${i + 1}项抽查事项：食品经营者落实食品安全主体责任情况的检查`);
    c.scope = `本县登记状态为存续的食品经营企业，片区：${Array.from({ length: 400 }, (_, i) => `第${i + 1}片区`).join('、')}`;
    c.strata = Array.from({ length: 30 }, (_, i) => ({
      label: `第${i + 1}片区`,
      candidates: 1000 + i,
      ratio: '5%',
      quota: 50 + i,
    }));
    const one = await readPdf(await renderDrawRecordCommitPdf(c));
    for (let i = 1; i <= 80; i++) expect(one.compact).toContain(`${i}.第${i}项抽查事项`);
    expect(one.compact).toContain('检查事项（续）');
    expect(one.compact).toContain('第400片区');
    expect(one.compact).toContain('检查对象范围（续）');
    for (const s of c.strata)
      expect(one.compact).toContain(`${s.label}${s.candidates.toLocaleString('en-US')}5%${s.quota}`);
    expect(one.compact).toContain('抽取数量（续）');
    expect(one.compact).toContain(c.nonceCommit);
    expectPageNumbers(one);

    const d = sampleResult(24, 8);
    d.commit = c;
    d.amendments = Array.from({ length: 40 }, (_, i) => ({
      packageNo: 1 + (i % 3),
      replaced: `退出${i + 1}`,
      replacement: `递补${i + 1}`,
      reason: `第${i + 1}次递补：因公出差，无法参加检查`,
      at: '2026-04-08T03:00:00.000Z',
    }));
    d.participants.witnesses = Array.from({ length: 25 }, (_, i) => ({ name: `见证${i + 1}`, role: '群众代表' }));
    const two = await readPdf(await renderDrawRecordResultPdf(d));
    for (const a of d.amendments) expect(two.compact).toContain(`${a.replaced}${a.replacement}${a.reason}`);
    expect(two.compact).toContain('递补记录（续）');
    for (const w of d.participants.witnesses) expect(two.compact).toContain(`见证人${w.name}年月日`);
    expect(two.compact).toContain(d.seed);
    expectPageNumbers(two);
  });
});

describe('随机抽取情况记录表 — part two (封存), the smallest and a county-sized draw', () => {
  it('prints a draw with nothing selected and no amendments without failing', async () => {
    const d = sampleResult(0, 8);
    d.participants.witnesses = [];
    d.entropy = [];
    const r = await readPdf(await renderDrawRecordResultPdf(d));
    expect(r.compact).toContain('递补记录无');
    expect(r.compact).toContain('无（以下空白）');
    expect(r.all).not.toContain('含递补');
    expect(r.compact).toContain('附表：抽中检查对象名单（0户，按名单包）无');
    expect(r.compact).toContain('见证人年月日'); // a blank witness line to fill in by hand
    expectPageNumbers(r);
  });

  it('renders a county-sized list (1,500 selected) to about a hundred pages, every entity present', async () => {
    const d = sampleResult(1500, 8);
    const r = await readPdf(await renderDrawRecordResultPdf(d));
    expect(r.pages.length).toBeGreaterThan(60);
    expect(r.all).toContain(`第 ${r.pages.length} 页 共 ${r.pages.length} 页`);
    for (const p of d.packages) for (const e of p.entities) expect(r.compact).toContain(e.key);
    expect(r.compact).toContain(sha('key-1499'));
  });
});
