/**
 * The bureau's 公示 rules: one rule per field (stored in the settings table under one key) and the 公示期 months,
 * and the maskers that apply them — each to its own field, never to text by pattern.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_DISCLOSURE_SETTINGS,
  DISCLOSURE_FIELDS,
  type DisclosureSettings,
  type FieldRule,
} from '@shared/domain/disclosure';
import { maskPersonName } from '@shared/domain/entity-names';
import { first, qb } from '../db/sql';

export const SETTINGS_KEY = 'disclosure';

/** The stored rules over the defaults; a field the law fixes keeps its fixed rule whatever is stored. */
export function readDisclosureSettings(raw: BetterSqlite3.Database): DisclosureSettings {
  const row = first(raw, qb.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY));
  const stored = row ? (JSON.parse(row.value) as Partial<DisclosureSettings>) : {};
  const rules = { ...DEFAULT_DISCLOSURE_SETTINGS.rules };
  for (const field of DISCLOSURE_FIELDS) {
    const rule = stored.rules?.[field];
    if (rule) rules[field] = rule;
  }
  return {
    rules,
    periodMonths: stored.periodMonths ?? DEFAULT_DISCLOSURE_SETTINGS.periodMonths,
    correctionMonths: stored.correctionMonths ?? DEFAULT_DISCLOSURE_SETTINGS.correctionMonths,
  };
}

/** A person's name as published when masked: the surname and ** (张三丰 → 张**, 欧阳明 → 欧阳**). */
export function maskName(name: string): string {
  const masked = maskPersonName(name);
  return masked === '' ? '' : `${masked.slice(0, -2)}**`;
}

/** An address masked: its first six characters (the county and town) and ****. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  return `${chars.slice(0, Math.min(6, Math.max(1, chars.length - 2))).join('')}****`;
}

/** The published name: a 个体工商户 without 字号 is named after its operator, masked. */
export function publishedName(e: { name: string; legal_rep: string; name_from_operator: number }): string {
  return e.name_from_operator ? `个体工商户（经营者：${maskName(e.legal_rep)}）` : e.name;
}

/** A person's name under its rule; undefined when the rule withholds the field. */
export function personField(rule: FieldRule, name: string): string | undefined {
  if (rule === '不公示') return undefined;
  return rule === '遮蔽' ? maskName(name) : name;
}

/** An entity's address under its rule; a 个体工商户's address is a personal one and never published. */
export function addressField(rule: FieldRule, address: string, entityType: string): string | undefined {
  if (rule === '不公示') return undefined;
  if (entityType === '个体工商户') return '';
  return rule === '遮蔽' ? maskAddress(address) : address;
}
