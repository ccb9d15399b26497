/** One demo record at a time, drawn from the seeded generator (the order of its draws fixes the county for a seed). */
import { regNoCheckDigit, usccCheckChar, USCC_ALPHABET } from '@shared/domain/uscc';
import { itemKeyOf } from '../rosters/import';
import {
  BUREAU_DEPARTMENTS,
  DEMO_ITEMS,
  ENTITY_TAGS,
  EXPERT_FIELDS,
  GIVEN,
  INDUSTRIES,
  INDUSTRY_SHORT,
  INSPECTOR_TAGS,
  SHOP_WORDS,
  STATION_NAMES,
  SURNAMES,
} from './demo-lists';

export interface DemoRandom {
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
}

/** The county's 市场监管所 and their areas (two per 所), sized to the number of entities. */
export interface DemoCounty {
  stationCount: number;
  stations: string[];
  areas: string[];
}

/** A valid USCC: department code 9/1/5, category, region, the i-th 主体标识码, check character. */
function demoUscc(prefix: string, i: number): string {
  let body = '';
  let n = i;
  for (let k = 0; k < 9; k++) {
    body = USCC_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `${prefix}469006${body}`;
  return first17 + usccCheckChar(first17);
}

function demoRegNo(i: number): string {
  const first14 = `469006${String(i).padStart(8, '0')}`;
  return first14 + regNoCheckDigit(first14);
}

function entityKind(roll: number): [string, string] {
  return roll < 0.62
    ? ['个体工商户', '92']
    : roll < 0.95
      ? ['企业', '91']
      : roll < 0.98
        ? ['农民专业合作社', '93']
        : roll < 0.99
          ? ['事业单位', '12']
          : ['社会组织', '52'];
}

function nameSuffix({ random, pick }: DemoRandom, entityType: string): string {
  return entityType === '企业'
    ? random() < 0.7
      ? '有限公司'
      : '有限责任公司'
    : entityType === '个体工商户'
      ? pick(['店', '经营部', '商行', '馆'])
      : entityType === '农民专业合作社'
        ? '专业合作社'
        : entityType === '事业单位'
          ? '服务中心'
          : '协会';
}

/** The i-th entity (1-based). */
export function demoEntity(r: DemoRandom, county: DemoCounty, i: number) {
  const { random, pick } = r;
  const [entityType, prefix] = entityKind(random());
  const stationIndex = Math.floor(random() * county.stationCount);
  const industry = pick(INDUSTRIES);
  const gradeRoll = random();
  const statusRoll = random();
  const person = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
  const suffix = nameSuffix(r, entityType);
  const oldRegNoOnly = entityType === '个体工商户' && random() < 0.03;
  return {
    uscc: oldRegNoOnly ? null : demoUscc(prefix, i),
    reg_no: oldRegNoOnly || random() < 0.2 ? demoRegNo(i) : null,
    name: `${STATION_NAMES[stationIndex]}${pick(SHOP_WORDS)}${INDUSTRY_SHORT[industry]}${suffix}${entityType === '个体工商户' ? `（${person}）` : ''}`,
    entity_type: entityType,
    industry,
    address: `${STATION_NAMES[stationIndex]}镇${pick(SHOP_WORDS)}路${1 + Math.floor(random() * 400)}号`,
    area: county.areas[stationIndex * 2 + (random() < 0.6 ? 0 : 1)],
    office: county.stations[stationIndex],
    legal_rep: person,
    phone: `1${pick(['3', '5', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    credit_grade: gradeRoll < 0.15 ? 'A' : gradeRoll < 0.85 ? 'B' : gradeRoll < 0.97 ? 'C' : 'D',
    reg_status: statusRoll < 0.96 ? '存续' : statusRoll < 0.99 ? '注销' : '吊销',
    tags: random() < 0.15 ? JSON.stringify([pick(ENTITY_TAGS)]) : '[]',
    last_inspected_on:
      random() < 0.2
        ? `20${22 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
        : null,
    flags: '[]',
  };
}

/** The i-th inspector (1-based). */
export function demoInspector({ random, pick }: DemoRandom, county: DemoCounty, i: number) {
  const statusRoll = random();
  const tags: string[] = [...new Set([pick(INSPECTOR_TAGS), ...(random() < 0.5 ? [pick(INSPECTOR_TAGS)] : [])])];
  return {
    badge_no: `4690${String(i).padStart(7, '0')}`,
    name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
    office: random() < 0.75 ? pick(county.stations) : pick(BUREAU_DEPARTMENTS),
    tags: JSON.stringify(tags),
    status: statusRoll < 0.92 ? '在岗' : statusRoll < 0.97 ? '请假' : '调离',
    phone: `1${pick(['3', '5', '8'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    flags: '[]',
  };
}

/** The i-th expert (1-based). */
export function demoExpert({ random, pick }: DemoRandom, i: number) {
  const [organisation, tags]: [string, string[]] = pick(EXPERT_FIELDS);
  return {
    id_or_cert_no: `ZJ${String(i).padStart(6, '0')}`,
    name: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
    organisation: `县${organisation}`,
    tags: JSON.stringify(tags),
    phone: `1${pick(['3', '5', '8'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    status: random() < 0.95 ? '在库' : '暂停',
    flags: '[]',
  };
}

/** The item row of DEMO_ITEMS[index]. */
export function demoItem(d: (typeof DEMO_ITEMS)[number], index: number) {
  return {
    item_key: itemKeyOf(d),
    compiler: d.compiler,
    seq_no: String(index + 1),
    category: '',
    check_type: d.checkType,
    name: d.name,
    targets: d.targets,
    level: d.level,
    method: d.method,
    method_kinds: JSON.stringify(
      ['实地', '书面', '网络监测', '委托专业机构'].filter((k) => d.method.includes(k === '实地' ? '现场' : k)),
    ),
    authority: '县市场监督管理局',
    basis: d.basis,
    remarks: '',
  };
}
