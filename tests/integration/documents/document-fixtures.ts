/**
 * Realistic data for the printed documents (tests and bench/documents.ts): a county plan with long item lists, a
 * draw with Chinese names of companies, people and places, rare characters, witnesses, amendments and as many
 * selected entities as asked. Deterministic (no Math.random): the same call gives the same documents.
 */
import { createHash } from 'node:crypto';
import type { DrawRecordCommit, DrawRecordResult, PlanPublication } from '../../../src-shared/domain/documents';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const ITEMS = [
  '食品经营者经营许可情况的检查',
  '食品经营者落实食品安全主体责任情况的检查',
  '食品经营场所环境卫生、经营条件的检查',
  '特种设备使用单位安全管理情况的检查',
  '广告发布行为的检查',
  '计量器具使用情况的检查',
  '企业公示信息情况的检查',
  '商品条码使用情况的检查',
  '药品零售企业执行药品经营质量管理规范情况的检查',
  '医疗器械经营企业经营条件的检查',
  '产品质量监督抽查',
  '价格行为的检查',
];

export function samplePlan(rows = 14): PlanPublication {
  const depts = ['县市场监管局', '县市场监管局(牵头)、县卫健委', '县市场监管局(牵头)、县商务局、县消防救援大队', '县市场监管局(牵头)、县农业农村局'];
  return {
    bureauName: '鄄城县市场监督管理局',
    title: '2026年度双随机抽查工作计划',
    year: 2026,
    version: 2,
    publishedAt: '2026-03-20T02:30:00.000Z',
    changeReason: '根据省局部署,增加“校园周边食品安全联合抽查”一项,取消第三季度重复的计量专项抽查。',
    rows: Array.from({ length: rows }, (_, i) => ({
      inspectingBody: depts[i % depts.length],
      taskName: `${['食品经营', '特种设备', '广告发布', '计量器具', '企业公示信息', '药品经营', '校园周边食品安全联合'][i % 7]}双随机抽查(第${i + 1}批)`,
      items: ITEMS.slice(i % 5, (i % 5) + 1 + (i % 4) * 2),
      scope: `本县登记状态为存续的${['食品经营企业', '特种设备使用单位', '广告经营者', '集贸市场经营户', '企业', '药品零售企业'][i % 6]},片区:城东、城西、旧城、什集`,
      period: `2026年${(i % 9) + 3}月1日至2026年${(i % 9) + 4}月30日`,
      ratio: i % 3 === 0 ? '固定抽取50户' : 'A级3%、B级5%、C级10%、D级30%',
      frequency: i % 2 ? '每年1次' : '每半年1次',
      expectedCount: 37 + ((i * 131) % 900),
    })),
  };
}

export function sampleCommit(): DrawRecordCommit {
  return {
    bureauName: '鄄城县市场监督管理局',
    taskNumber: '鄄城县市监抽查〔2026〕3号',
    taskName: '2026年第一批食品经营企业“双随机、一公开”抽查',
    inspectingBody: '鄄城县市场监督管理局(牵头)、鄄城县卫生健康局',
    items: ITEMS.slice(0, 6),
    committedAt: '2026-04-08T01:30:00.000Z',
    place: '县局三楼会议室(投影公开抽取)',
    operator: '王晓燕',
    supervisor: '赵建国(驻局纪检监察组)',
    scope: '本县登记状态为存续、近三年未被抽查的食品经营企业及个体工商户,片区:城东、城西、旧城、什集、彭楼、董口',
    strata: [
      { label: 'A级(信用风险低)', candidates: 4120, ratio: '3%', quota: 124 },
      { label: 'B级(信用风险一般)', candidates: 9630, ratio: '5%', quota: 482 },
      { label: 'C级(信用风险较高)', candidates: 2210, ratio: '10%', quota: 221 },
      { label: 'D级(信用风险高)', candidates: 341, ratio: '30%', quota: 103 },
    ],
    inspectorPoolSize: 86,
    teamSize: 2,
    packageSize: 8,
    inputDigest: sha('inputs'),
    nonceCommit: sha('nonce-commit'),
    protocol: 'ssj-draw/1',
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建华', '晓燕', '志强', '秀英', '海涛', '丽娟', '国庆', '玉兰', '明轩', '淑芬', '喆', '堃', '犇', '昇', '玥', '翀', '珺', '晔', '燊', '璟'];
const SHOPS = ['食品商行', '副食超市', '餐饮店', '烧烤城', '粮油经营部', '水产批发部', '熟食店', '蛋糕房', '便利店', '小吃部', '农家乐', '茶叶店'];
const ROADS = ['人民路', '建设路', '胜利街', '古泉路', '鄄州大道', '黄河路', '凤凰路', '工业园区纬一路', '什集镇政府驻地', '彭楼镇舜王城村'];
const OFFICES = ['城区市场监管所', '什集市场监管所', '彭楼市场监管所', '董口市场监管所', '旧城市场监管所', '局机关执法大队'];

function uscc(i: number): string {
  const body = String(i).padStart(8, '0');
  return `92371726MA${body}`.slice(0, 18).padEnd(18, 'X');
}

/** `selected` entities in packages of `packageSize`, strata A–D, two amendments, five witnesses. */
export function sampleResult(selected = 120, packageSize = 8): DrawRecordResult {
  const commit = sampleCommit();
  const strata = ['A级', 'B级', 'C级', 'D级'];
  const entities = Array.from({ length: selected }, (_, i) => {
    const surname = SURNAMES[i % SURNAMES.length];
    const given = GIVEN[(i * 7) % GIVEN.length];
    return {
      drawNo: i + 1,
      uscc: uscc(100000 + i * 37),
      name: i % 3 === 0 ? `鄄城县${surname}${given}${SHOPS[i % SHOPS.length]}` : `鄄城县${given}${SHOPS[i % SHOPS.length]}有限公司`,
      address: `山东省菏泽市鄄城县${ROADS[i % ROADS.length]}${(i % 400) + 1}号${i % 5 === 0 ? '综合楼一层东数第三间门面房' : ''}`,
      stratum: strata[i % 4],
      key: sha(`key-${i}`),
    };
  });
  const packageCount = Math.ceil(selected / packageSize);
  const packages = Array.from({ length: packageCount }, (_, p) => ({
    packageNo: p + 1,
    team: [0, 1].map((m) => {
      const k = p * 2 + m;
      return { name: `${SURNAMES[(k * 5) % SURNAMES.length]}${GIVEN[k % GIVEN.length]}`, certNo: `ZF3717${String(1000 + (k % 86)).padStart(6, '0')}`, office: OFFICES[k % OFFICES.length] };
    }),
    entities: entities.filter((_, i) => i % packageCount === p),
  }));
  // Two 递补: the replacement is the one named on the team (none when nothing was drawn).
  const amendments = packages.length
    ? [
        { packageNo: 1, replaced: '周海涛', replacement: packages[0].team[1].name, reason: '与检查对象负责人系近亲属,依法回避', at: '2026-04-08T02:10:00.000Z' },
        { packageNo: Math.min(3, packageCount), replaced: '钱丽娟', replacement: packages[Math.min(3, packageCount) - 1].team[0].name, reason: '因病住院,无法参加检查', at: '2026-04-09T06:45:00.000Z' },
      ]
    : [];
  return {
    commit,
    participants: {
      operator: commit.operator,
      supervisor: commit.supervisor,
      witnesses: [
        { name: '孙丽华', role: '县人大代表' },
        { name: '陈志远', role: '县政协委员' },
        { name: '刘  芳', role: '鄄城融媒体中心记者' },
        { name: '郭德昇', role: '个体工商户代表' },
        { name: '冯堃', role: '企业代表' },
      ],
    },
    entropy: [
      { name: '孙丽华', value: '314159' },
      { name: '陈志远', value: '黄河入海流' },
      { name: '刘  芳', value: '271828182845' },
      { name: '郭德昇', value: '6 3 5 1 2' },
      { name: '中国福利彩票双色球第2026039期开奖号码', value: '03 11 17 22 28 31 + 09', isPublicValue: true },
    ],
    nonce: sha('nonce'),
    seed: sha('seed'),
    sealedAt: '2026-04-08T02:05:00.000Z',
    strata: strata.map((s, i) => ({
      label: s,
      quota: entities.filter((e) => e.stratum === s).length,
      selected: entities.filter((e) => e.stratum === s).length,
      cutoffKey: sha(`cutoff-${i}`),
    })),
    packages,
    amendments,
  };
}
