/** A sealed draw's sheets made up for bench/sheets.ts: n entities of three items with twelve check rows each, 8 a package. */
import type { DrawSheets, EntitySheet, SheetItem, SheetMember } from '@shared/domain/sheets';

function items(n: number): SheetItem[] {
  return [1, 2, 3].map((i) => ({
    id: i,
    taskId: 1,
    name: `第${i}项 食品经营者经营条件和经营行为的检查(样例${n})`,
    rows: Array.from({ length: 12 }, (_, j) => ({
      itemId: i,
      subItemId: i * 100 + j,
      label: `${i}.${j + 1}`,
      content: `检查经营场所是否保持整洁,食品贮存条件是否符合要求,第${j + 1}项检查内容`,
      basis: `《中华人民共和国食品安全法》第${30 + j}条`,
      method: '现场检查',
    })),
  }));
}

export function sampleDraw(n: number): DrawSheets {
  const team: SheetMember[] = [
    {
      id: '检查员0001',
      badgeNo: '46900000001',
      name: '张敏',
      office: '城关市场监管所',
      phone: '13800000001',
      isExpert: false,
    },
    {
      id: '检查员0002',
      badgeNo: '46900000002',
      name: '刘强',
      office: '城南市场监管所',
      phone: '13800000002',
      isExpert: false,
    },
  ];
  const task = { id: 1, number: '某市监抽查〔2026〕1号', name: '食品经营者专项抽查', leadDepartment: '县市场监管局' };
  const entity = (i: number): EntitySheet => ({
    drawId: 1,
    entityId: i + 1,
    code: `92469006MA5T${String(i).padStart(6, '0')}`,
    codeKind: '统一社会信用代码',
    name: `某县样例食品经营部${i + 1}号店`,
    address: `某县城关镇人民路${i + 1}号`,
    legalRep: '王某某',
    phone: '0898-12345678',
    tasks: [{ ...task, startDate: '2026-05-01', endDate: '2026-06-30' }],
    visitId: null,
    startDate: '2026-05-01',
    endDate: '2026-06-30',
    items: items(i),
  });
  const packages = Array.from({ length: Math.ceil(n / 8) }, (_, p) => ({
    no: p + 1,
    area: null,
    team,
    entities: Array.from({ length: Math.min(8, n - p * 8) }, (_, k) => entity(p * 8 + k)),
  }));
  const seed = 'ab'.repeat(32);
  return {
    drawId: 1,
    taskId: 1,
    taskNumber: task.number,
    taskName: task.name,
    bureauName: '某县市场监督管理局',
    seed,
    sealedAt: '2026-04-20T02:00:00Z',
    packages,
  };
}
