/**
 * The importable columns of each roster: the header texts that name them (printed Chinese, and the pinyin initials of
 * database exports such as TYSHXYDM, QYMC, ZFZH), maximum length, whether required. Initials match case-insensitively
 * and only as whole header texts: two letters inside a Chinese header mean nothing.
 */
import {
  EXPERT_FIELD_LABELS,
  INSPECTOR_FIELD_LABELS,
  ITEM_FIELD_LABELS,
  ITEM_SUB_ITEM_FIELD_LABELS,
  type RosterKind,
} from '../domain/rosters';
import { ENTITY_FIELDS } from './entity-fields';
import { spec, type FieldSpec } from './field-spec';

export type { FieldSpec } from './field-spec';
export { ENTITY_FIELDS } from './entity-fields';

const I = INSPECTOR_FIELD_LABELS;
export const INSPECTOR_FIELDS: readonly FieldSpec[] = [
  spec(
    'name',
    I.name,
    ['人员姓名', '执法人员', '检查人员', '执法人员姓名', '检查人员姓名', 'xm'],
    50,
    '姓名（必填）。',
    true,
  ),
  spec(
    'badgeNo',
    I.badgeNo,
    [
      '执法证件号',
      '执法证编号',
      '执法证件编号',
      '执法证件号码',
      '行政执法证号',
      '执法证号码',
      '证号',
      'zfzh',
      'zfzjh',
      'zfzbh',
    ],
    50,
    '执法证号（必填，唯一），按文本填写。',
    true,
  ),
  spec(
    'office',
    I.office,
    [
      '所属单位',
      '所属部门',
      '单位',
      '部门',
      '工作单位',
      '所在单位',
      '科室',
      '所属单位/部门',
      '所在部门',
      'ssdw',
      'dw',
      'bm',
      'ssbm',
    ],
    100,
    '所在的市场监管所或科室。',
  ),
  spec(
    'tags',
    I.tags,
    [
      '业务专长',
      '专长',
      '执法资质',
      '资质',
      '标签',
      '执法领域',
      '专业领域',
      '资质标签',
      '业务专长/执法资质',
      'ywzc',
      'zz',
      'bq',
      'zfly',
    ],
    500,
    '多个用顿号分隔，如“食品、特种设备、计量”。抽查任务按此匹配所需资质。',
  ),
  spec(
    'status',
    I.status,
    ['人员状态', '在岗状态', '在岗情况', 'zt', 'ryzt'],
    20,
    '在岗 / 请假 / 调离。留空视为在岗。',
  ),
  spec('phone', I.phone, ['电话', '手机', '手机号码', '联系方式', 'lxdh', 'dh', 'sj'], 100, '联系电话，按文本填写。'),
];

const X = EXPERT_FIELD_LABELS;
export const EXPERT_FIELDS: readonly FieldSpec[] = [
  spec('name', X.name, ['专家姓名', 'xm', 'zjxm'], 50, '姓名（必填）。', true),
  spec(
    'idOrCertNo',
    X.idOrCertNo,
    [
      '证件号码',
      '身份证号',
      '身份证号码',
      '证书编号',
      '资格证书编号',
      '专家证号',
      '证件号',
      '专家编号',
      'sfzh',
      'zsbh',
      'zjhm',
      'zjbh',
    ],
    50,
    '身份证号或资格证书编号（必填，唯一），按文本填写。不公示。',
    true,
  ),
  spec(
    'organisation',
    X.organisation,
    ['所在单位', '单位', '所属机构', '机构名称', '单位名称', '工作单位/机构', 'gzdw', 'dw', 'szdw'],
    200,
    '所在单位或机构。',
  ),
  spec(
    'tags',
    X.tags,
    ['专业', '专长', '擅长领域', '专业方向', '标签', '专业特长', 'zy', 'zyly', 'zc'],
    500,
    '多个用顿号分隔，如“会计、审计”。',
  ),
  spec('phone', X.phone, ['电话', '手机', '手机号码', '联系方式', 'lxdh', 'dh', 'sj'], 100, '联系电话，按文本填写。'),
  spec('status', X.status, ['专家状态', 'zt'], 20, '在库 / 暂停 / 退出。留空视为在库。'),
];

const T = ITEM_FIELD_LABELS;
export const ITEM_FIELDS: readonly FieldSpec[] = [
  spec(
    'compiler',
    T.compiler,
    ['编制单位名称', '编制部门', '实施部门', '责任部门', '部门名称', '部门', 'bzdw'],
    200,
    '发布该事项的部门，如“省市场监管局”。合并单元格会向下沿用。',
  ),
  spec('seqNo', T.seqNo, ['编号', '事项序号', 'xh'], 50, '序号。合并单元格会向下沿用。'),
  spec(
    'category',
    T.category,
    ['领域', '监管领域', '抽查领域', '行业领域', '事项领域'],
    200,
    '事项所属领域，如“食品安全”（可留空）。',
  ),
  spec(
    'checkType',
    T.checkType,
    ['抽查项目', '检查类别', '检查项目', '抽查类型'],
    1000,
    '抽查类别，如“登记事项检查”。合并单元格会向下沿用。',
  ),
  // Published lists put whole paragraphs in 抽查事项 (Hainan 2020: up to 1,272 characters).
  spec(
    'name',
    T.name,
    ['事项名称', '抽查事项名称', '检查事项', '随机抽查事项', '检查事项名称'],
    4000,
    '抽查事项名称（必填）。每个事项一行；事项单元格合并到下面几行时，这几行的检查依据等内容都归入该事项。',
    true,
  ),
  spec('targets', T.targets, ['抽查对象', '检查对象范围', '检查对象类型'], 4000, '检查对象。'),
  spec('level', T.level, ['事项级别', '检查事项类别', '事项类型'], 20, '一般检查事项 / 重点检查事项。留空视为一般。'),
  spec('method', T.method, ['抽查方式', '检查方法'], 1000, '现场检查、书面检查、网络监测、委托专业机构等。'),
  spec('authority', T.authority, ['实施主体', '执法主体', '抽查主体', '检查机关'], 1000, '检查主体。'),
  spec(
    'basis',
    T.basis,
    ['抽查依据', '法律依据', '设定依据', '依据', '检查依据（法规条款）'],
    20000,
    '检查依据，可多行。',
  ),
  spec(
    'content',
    ITEM_SUB_ITEM_FIELD_LABELS.content,
    ['检查子项', '检查要点', '检查内容（子项）'],
    5000,
    '检查子项（一户一表的检查行）。一个事项有多个子项时，事项单元格合并、每个子项占一行；无此列时以事项名称作为唯一子项。',
  ),
  spec('remarks', T.remarks, ['说明'], 2000, '备注。'),
];

export const FIELDS_BY_KIND: Record<RosterKind, readonly FieldSpec[]> = {
  entities: ENTITY_FIELDS,
  inspectors: INSPECTOR_FIELDS,
  experts: EXPERT_FIELDS,
  items: ITEM_FIELDS,
};

/**
 * Header-normal form: NFKC (so full-width letters in a header still match), no white space, no 必填 marks or
 * trailing colons, Latin lower case, ASCII parentheses.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*＊※]/g, '')
    .replace(/[(（](必填|选填|必录|可选)[)）]/g, '')
    .replace(/[:：]$/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}
