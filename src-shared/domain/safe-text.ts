/**
 * Characters no clerk types and no record should hold: control characters (line breaks and tabs excepted), halves of
 * a surrogate pair (SQLite would store them as other characters), and bidi controls that make text read in a
 * different order than it is stored.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Why `value` cannot be kept as typed, in Chinese, or null when it can. */
export function textProblem(value: string, label: string): string | null {
  if (CONTROL.test(value)) return `${label}含有不可见的控制字符，请删除后重新输入`;
  if (LONE_SURROGATE.test(value)) return `${label}含有无法保存的残缺字符，请删除后重新输入`;
  if (BIDI_CONTROL.test(value)) return `${label}含有改变文字方向的隐藏字符，请删除后重新输入`;
  return null;
}
