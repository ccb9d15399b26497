/**
 * The data each printed document needs, as plain JSON-safe values. Services gather it from the database;
 * the renderers in src-main/documents/ turn it into PDF/xlsx; the renderer may show the same data on screen.
 * Field names follow the paper forms (DOMAIN.md), not the database.
 */

/** One row of the 年度抽查工作计划 as published (公示). */
export interface PlanPublicationRow {
  /** 检查主体: lead department, plus joining departments for 联合抽查 ("县市场监管局(牵头)、县卫健委"). */
  inspectingBody: string;
  /** 计划名称 / task name. */
  taskName: string;
  /** 检查事项: item names, one per line. */
  items: string[];
  /** 检查对象范围: the scope in words ("本县登记状态为存续的食品经营企业,片区:城东、城西"). */
  scope: string;
  /** 计划开展时间 ("2026年3月1日至2026年5月31日"). */
  period: string;
  /** 抽查比例 ("A级3%、B级5%、C级10%、D级30%" or "固定抽取50户"). */
  ratio: string;
  /** 抽查频次 ("每年1次"). */
  frequency: string;
  /** 预计抽查数量, computed from the roster at publication time. */
  expectedCount: number;
}

export interface PlanPublication {
  bureauName: string;
  /** e.g. "2026年度双随机抽查工作计划". */
  title: string;
  year: number;
  /** 1 for the first publication; each published change increments it. */
  version: number;
  /** ISO date-time of publication. */
  publishedAt: string;
  /** Why this version replaced the previous one (null for version 1). */
  changeReason: string | null;
  rows: PlanPublicationRow[];
}

/** People present at a draw. */
export interface DrawParticipants {
  operator: string;
  supervisor: string;
  /** Witnesses in the order they contributed entropy. */
  witnesses: { name: string; role?: string }[];
}

/** Part one of the 随机抽取情况记录表: printed at 承诺, before any witness value exists. */
export interface DrawRecordCommit {
  bureauName: string;
  /** 任务编号, e.g. "某县市监抽查〔2026〕3号". */
  taskNumber: string;
  taskName: string;
  /** 检查主体 (lead and joining departments). */
  inspectingBody: string;
  items: string[];
  /** ISO date-time of the commitment. */
  committedAt: string;
  place: string;
  operator: string;
  supervisor: string;
  /** 检查对象范围 in words. */
  scope: string;
  /** Per stratum: in-scope count, ratio in words, quota (应抽). */
  strata: { label: string; candidates: number; ratio: string; quota: number }[];
  inspectorPoolSize: number;
  teamSize: number;
  packageSize: number;
  /** Hex SHA-256 values from DRAW-SPEC §3. */
  inputDigest: string;
  nonceCommit: string;
  /** "ssj-draw/1". */
  protocol: string;
}

/** Part two: printed at 封存 (and reprinted after each 递补). */
export interface DrawRecordResult {
  commit: DrawRecordCommit;
  participants: DrawParticipants;
  /** Witness values in order, as entered (public values labelled as such). */
  entropy: { name: string; value: string; isPublicValue?: boolean }[];
  /** The revealed nonce and the seed, hex. */
  nonce: string;
  seed: string;
  /** ISO date-time of the seal. */
  sealedAt: string;
  /** Per stratum: 应抽 / 实抽 and the cut-off draw number (key of the last selected). */
  strata: { label: string; quota: number; selected: number; cutoffKey: string }[];
  /** Selected entities in package order. */
  packages: {
    packageNo: number;
    /** certNo: the id in the draw as the proof names them (检查员N, 专家N; the 执法证号 in draws sealed before). */
    team: { name: string; certNo: string; office: string }[];
    entities: { drawNo: number; uscc: string; name: string; address: string; stratum: string; key: string }[];
  }[];
  /** 递补 amendments in order (DRAW-SPEC §7). */
  amendments: { packageNo: number; replaced: string; replacement: string; reason: string; at: string }[];
  /** The operation log's chain head when this version was sealed (absent on records older than the chain). */
  auditHead?: string;
}
