/** Characters no file name may hold on Windows, macOS or Linux: a name holding one is a path or refused by the OS. */
const NOT_IN_FILE_NAME = /[\\/:*?"<>|]/;
const NOT_IN_FILE_NAME_ALL = /[\\/:*?"<>|]/g;

/** Why `name` is not a bare file name, in Chinese, or null when it is one. */
export function fileNameProblem(name: string, label = '文件名'): string | null {
  if (NOT_IN_FILE_NAME.test(name)) return `${label}不能含路径或下列字符：\\ / : * ? " < > |`;
  if (/^\.+$/.test(name.trim())) return `${label}不能只由句点组成`;
  return null;
}

/** A name built from the clerk's text (a plan or task name) made into a file name to suggest in a save dialog. */
export function suggestedFileName(name: string): string {
  const cleaned = name.replace(NOT_IN_FILE_NAME_ALL, '-').trim();
  return /^\.*$/.test(cleaned) ? '导出文件' : cleaned;
}
