/** The data shapes of ssj-draw/1 (DRAW-SPEC §2, §8). JSON-safe: strings, integers, booleans, null, arrays, objects. */

export const SPEC_ID = 'ssj-draw/1';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [name: string]: JsonValue };

export interface Candidate {
  code: string;
  office: string;
  area: string;
}

export interface Stratum {
  name: string;
  /** Integer basis points; when present, quota must equal ceil(len × ratioBp / 10000). */
  ratioBp?: number;
  quota: number;
  candidates: Candidate[];
}

export interface Inspector {
  id: string;
  office: string;
  tags: string[];
}

export type ClusterBy = 'none' | 'area';

export interface DrawInputs {
  spec: typeof SPEC_ID;
  /** Informational; any JSON fields. */
  task: { [name: string]: JsonValue };
  strata: Stratum[];
  packageSize: number;
  clusterBy: ClusterBy;
  inspectors: Inspector[];
  teamSize: number;
  maxPackagesPerInspector: number;
  requiredTags: string[];
  /** Declared avoidance pairs: [inspector id, entity code]. */
  conflicts: [string, string][];
  avoidOwnOffice: boolean;
  distinctOffices: boolean;
}

/** A witness value as typed, or with the witness's name kept beside it (only `value` enters the seed). */
export type Witness = string | { name: string; value: string };

export interface Entropy {
  witnesses: Witness[];
  public: string | null;
}

/** A substitution request (递补) before it is applied. */
export interface AmendmentRequest {
  package: number;
  out: string;
  reason: string;
}

export interface Amendment extends AmendmentRequest {
  in: string;
}

/** A case as in draw-vectors: everything the draw needs. */
export interface DrawCase {
  inputs: DrawInputs;
  /** 32 bytes, lower-case hex. */
  nonce: string;
  entropy: Entropy;
  amendments: AmendmentRequest[];
  info?: { [name: string]: JsonValue };
}

export interface SelectedEntity {
  stratum: string;
  code: string;
  key: string;
}

export interface DrawPackage {
  no: number;
  area: string | null;
  entities: string[];
  team: string[];
}

export interface DrawResult {
  selected: SelectedEntity[];
  packages: DrawPackage[];
}

export interface Commitment {
  inputDigest: string;
  nonceCommit: string;
}

export interface DrawProof {
  spec: typeof SPEC_ID;
  inputs: DrawInputs;
  commitment: Commitment;
  entropy: Entropy;
  nonce: string;
  seed: string;
  result: DrawResult;
  amendments: Amendment[];
  info?: { [name: string]: JsonValue };
}
