/** One importable column of a roster file (see fields.ts). */
export interface FieldSpec {
  /** Code name of the column's target (a record field, or `content` for the item list's 检查内容). */
  key: string;
  label: string;
  /** Header texts that name the column (compared in header-normal form, see normaliseHeader); includes the label. */
  synonyms: readonly string[];
  /**
   * Longest cell accepted, in characters, before any other reading; longer is a row error (a 1 MB cell is never
   * normalised or stored). For codes it is a sanity bound on the raw text ("469006600187440.0" is 17 long);
   * their exact shape is checked afterwards.
   */
  maxLength: number;
  /** The file is unusable without this column. */
  required: boolean;
  /** Explanation for the template's header comment. */
  hint: string;
}

export function spec(
  key: string,
  label: string,
  synonyms: string[],
  maxLength: number,
  hint: string,
  required = false,
): FieldSpec {
  return { key, label, synonyms: [label, ...synonyms], maxLength, required, hint };
}
