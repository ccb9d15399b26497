/** Enum cells of the roster files read into the stored values (text already NFKC, trimmed). */
import {
  ENTITY_TYPES,
  EXPERT_STATUSES,
  INSPECTOR_STATUSES,
  type CreditGrade,
  type EntityType,
  type ExpertStatus,
  type InspectorStatus,
  type RegStatus,
} from '../domain/rosters';

export function parseEntityType(text: string): EntityType | null {
  if ((ENTITY_TYPES as readonly string[]).includes(text)) return text as EntityType;
  if (/个体/.test(text)) return '个体工商户';
  if (/合作社|合作联社/.test(text)) return '农民专业合作社';
  if (/事业单位|事业法人/.test(text)) return '事业单位';
  if (/社会团体|民办非企业|社会服务机构|基金会|社会组织/.test(text)) return '社会组织';
  if (/公司|企业|个人独资|合伙|分支机构|外国|外商|集体所有制|全民所有制|股份合作|常驻代表机构/.test(text))
    return '企业';
  return null;
}

export function parseCreditGrade(text: string): CreditGrade | null {
  const letter = /^([A-Da-d])\s*(类|级|档|类企业)?$/.exec(text);
  if (letter) return letter[1].toUpperCase() as CreditGrade;
  if (/^(信用)?风险低$|^低风险$/.test(text)) return 'A';
  if (/^(信用)?风险一般$|^一般风险$/.test(text)) return 'B';
  if (/^(信用)?风险较高$|^较高风险$/.test(text)) return 'C';
  if (/^(信用)?风险高$|^高风险$/.test(text)) return 'D';
  return null;
}

export function parseRegStatus(text: string): RegStatus | null {
  // "吊销，未注销" is 吊销: test it before 注销.
  if (/吊销/.test(text)) return '吊销';
  if (/注销/.test(text)) return '注销';
  if (/存续|在营|开业|在业|在册|正常|营业/.test(text)) return '存续';
  return null;
}

export function parseInspectorStatus(text: string): InspectorStatus | null {
  if ((INSPECTOR_STATUSES as readonly string[]).includes(text)) return text as InspectorStatus;
  if (/在职|正常|在编|在岗/.test(text)) return '在岗';
  if (/请假|休假|病假|产假|事假|外出|学习|培训/.test(text)) return '请假';
  if (/调离|调出|离职|退休|辞职|借调/.test(text)) return '调离';
  return null;
}

export function parseExpertStatus(text: string): ExpertStatus | null {
  if ((EXPERT_STATUSES as readonly string[]).includes(text)) return text as ExpertStatus;
  if (/正常|有效|可用|启用|在册/.test(text)) return '在库';
  if (/暂停|停用|冻结/.test(text)) return '暂停';
  if (/退出|注销|失效|解聘|移出/.test(text)) return '退出';
  return null;
}
