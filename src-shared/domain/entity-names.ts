/**
 * Names of market entities as stored and as published. A 个体工商户 registered without a 字号 has no 名称: it is
 * named after its operator (经营者), in full inside the program and masked wherever the name is published.
 */

/** The roster page's mark and filter value for a name built from the operator, until the clerk checks it. */
export const NAME_PENDING = '待核实';

/** 复姓 kept whole when masking (the common ones; any other name keeps its first character). */
const COMPOUND_SURNAMES = (
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 ' +
  '南宫 西门 百里 呼延 澹台 公冶 宗政 濮阳 太史 申屠 钟离 闻人 赫连 万俟 第五 单于 拓跋'
).split(' ');

/**
 * A person's name as published: the surname and 某某 (周建国 → 周某某, 欧阳明 → 欧阳某某); '' stays ''. Applied to the
 * field that holds a person's name, never to text by pattern.
 */
export function maskPersonName(name: string): string {
  const text = name.normalize('NFC').trim();
  if (text === '') return '';
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s) && text.length > s.length);
  const surname = compound ?? Array.from(text)[0];
  return `${surname}某某`;
}

/** The name of a 个体工商户 without a 字号: 个体工商户（经营者：周建国）. */
export function operatorEntityName(operator: string): string {
  return `个体工商户（经营者：${operator}）`;
}

/** What a published name is built from: the stored name, or the operator when the name was built from it. */
export interface EntityNameFields {
  name: string;
  legalRep: string;
  nameFromOperator: boolean;
}

/** The entity's name as published (draw lists, records, PDFs): the operator masked when the name is built from him. */
export function publicEntityName(entity: EntityNameFields): string {
  return entity.nameFromOperator ? operatorEntityName(maskPersonName(entity.legalRep)) : entity.name;
}
