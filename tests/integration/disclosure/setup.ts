/**
 * The results county with two drawn entities a regex masker would get wrong: a 个体工商户 known only by its 15-digit
 * 注册号 (it reads like an old ID number) and one without 字号, named after its operator 张三丰.
 */
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from '../results/setup';

export const OLD_REG_NO = '110105600123456';

export interface DisclosureCounty extends ResultsCounty {
  regNoEntity: number;
  operatorEntity: number;
  /** Index (in package order) of a drawn entity. */
  indexOf(entityId: number): number;
  /** Enters and approves the sheet; returns the result id. */
  approve(sheet: ReturnType<ResultsCounty['cleanSheet']>): number;
}

export async function disclosureCounty(): Promise<DisclosureCounty> {
  let picked: number[] = [];
  const c = await resultsCounty((county) => {
    const raw = county.conn.raw;
    picked = raw
      .prepare(
        `SELECT id FROM entities WHERE reg_status = '存续' AND industry IN ('食品销售', '餐饮服务')
         AND entity_type = '个体工商户' ORDER BY id LIMIT 2`,
      )
      .pluck()
      .all() as number[];
    raw
      .prepare('UPDATE entities SET uscc = NULL, reg_no = ?, phone = ? WHERE id = ?')
      .run(OLD_REG_NO, '13912345678', picked[0]);
    raw
      .prepare(
        "UPDATE entities SET name = '个体工商户（经营者：张三丰）', legal_rep = '张三丰', name_from_operator = 1, address = '某县城关镇幸福路8号' WHERE id = ?",
      )
      .run(picked[1]);
  });
  const order = c.conn.raw
    .prepare('SELECT entity_id FROM draw_selected WHERE draw_id = ? ORDER BY package_no, entity_id')
    .pluck()
    .all(c.drawId) as number[];
  return {
    ...c,
    regNoEntity: picked[0],
    operatorEntity: picked[1],
    indexOf: (id) => order.indexOf(id),
    approve(sheet) {
      const ids = saveEntry(c.conn.raw, c.ctx, sheet).resultIds;
      review(c.conn.raw, c.ctx, ids, 'approve');
      return ids[0];
    },
  };
}

/** The county, on 2026-11-25, with the 注册号 entity's clean result and the operator entity's 责令改正 one reviewed. */
export async function reviewedCounty(): Promise<DisclosureCounty> {
  const c = await disclosureCounty();
  c.ctx.clock.now = new Date('2026-11-25T02:00:00.000Z');
  c.approve(c.cleanSheet(c.indexOf(c.regNoEntity)));
  c.approve(c.problemSheet(c.indexOf(c.operatorEntity)));
  return c;
}
