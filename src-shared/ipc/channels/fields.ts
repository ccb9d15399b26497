import { z } from '../zod';
import { calendarDateProblem } from '../../domain/calendar-date';
import { fileNameProblem } from '../../domain/file-names';
import { textProblem } from '../../domain/safe-text';
import { numberProblem, PLAN_YEAR, RATIO_BP, type NumberRule } from '../../domain/number-rules';

// Request fields several domains share. Messages are Chinese because they can reach a clerk verbatim.

/** A number checked by its field's rule: the one sentence the form shows at the field refuses it here too. */
export const ruledNumber = (rule: NumberRule) =>
  z.number({ error: rule.missing }).superRefine((value, ctx) => {
    const problem = numberProblem(rule, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const basisPoints = ruledNumber(RATIO_BP);

export const empty = z.object({}).strict();
export const fileToken = z.string({ error: '请先选择文件' }).uuid('文件标识无效，请重新选择文件');
/** A string free of control, broken and bidi characters: the base of every free-text field of every request. */
export const safeString = (label: string) =>
  z.string({ error: `${label}必须是文字` }).superRefine((value, ctx) => {
    const problem = textProblem(value, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Free text, trimmed, refused in Chinese when too long or holding a character `safeString` refuses. */
export const text = (label: string, max: number) => safeString(label).trim().max(max, `${label}不能超过 ${max} 个字`);
/** A bare file name (what a save dialog offers), never a path. */
export const fileName = (label: string, max: number) =>
  text(label, max).superRefine((value, ctx) => {
    const problem = fileNameProblem(value, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const tagList = z
  .array(text('标签', 30).min(1, '标签不能为空'), { error: '标签必须是列表' })
  .max(20, '标签不能超过 20 个');
export const gradeValues = ['A', 'B', 'C', 'D'] as const;
/** A real calendar date (YYYY-MM-DD) in a sane range: use for every date field of every request. */
export const calendarDate = (label = '日期') =>
  z.string({ error: `${label}必须是文字` }).superRefine((value, ctx) => {
    const problem = calendarDateProblem(value, label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const isoDate = calendarDate();
/** The id a renderer gives a long job, to poll its progress and cancel it. */
export const jobId = z
  .string({ error: '任务标识无效' })
  .min(1, '任务标识无效')
  .max(64, '任务标识无效')
  .regex(/^[A-Za-z0-9_-]+$/, '任务标识无效');
export const recordId = z.number({ error: '编号必须是数字' }).int('编号必须是整数').positive('编号无效');
export const planYear = ruledNumber(PLAN_YEAR);
