/** 单位: the bureau's own departments (局机关), its 市场监管所, and other agencies that join inspections. */
export type OfficeKind = '局机关' | '市场监管所' | '其他部门';

/**
 * The kind of an office from its name, for offices first seen in an import (the user can correct it):
 * "…市场监管所/…所/…分局" supervise entities; "…科/…室/…队/…局机关" are the bureau's own departments.
 */
export function officeKindOf(name: string): OfficeKind {
  if (/(所|分局)$/.test(name)) return '市场监管所';
  if (/(科|室|股|队|中心|局机关|办公室)$/.test(name)) return '局机关';
  return '其他部门';
}
