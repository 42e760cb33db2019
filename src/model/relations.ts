/**
 * The sums a disclosure must satisfy (domain notes §2), read off the model. Sum rules check them;
 * the year-on-year rules reuse them, because a total's change is the sum of its parts' changes.
 * A relation is listed only when its total and its required parts are stated: missing data is
 * "not applicable", never a finding.
 */
import type { Figure } from './schema.js';
import type { BudgetDocument } from './schema.js';
import type { Path } from '../engine/path.js';

export type RelationGroup =
  | 'income-sources'
  | 'balance'
  | 'income-grand-total'
  | 'expenditure-grand-total'
  | 'grand-totals'
  | 'expenditure-parts'
  | 'basic-parts'
  | 'three-public'
  | 'vehicles'
  | 'procurement-categories';

export interface FigureRef {
  label: string;
  path: Path;
  figure: Figure;
  sign?: 1 | -1;
}

export interface SumRelation {
  group: RelationGroup;
  total: FigureRef;
  parts: FigureRef[];
}

type Doc = Partial<BudgetDocument>;

function ref(label: string, path: Path, figure: Figure | undefined, sign: 1 | -1 = 1): FigureRef | undefined {
  return figure ? { label, path, figure, sign } : undefined;
}

function relation(
  group: RelationGroup,
  total: FigureRef | undefined,
  required: (FigureRef | undefined)[],
  optional: (FigureRef | undefined)[] = [],
  minParts = required.length,
): SumRelation | undefined {
  if (!total) return undefined;
  const req = required.filter((x): x is FigureRef => !!x);
  if (req.length < required.length && required.length > 0) return undefined;
  const parts = [...req, ...optional.filter((x): x is FigureRef => !!x)];
  if (parts.length < Math.max(1, minParts)) return undefined;
  return { group, total, parts };
}

export function sumRelations(doc: Doc): SumRelation[] {
  const out: (SumRelation | undefined)[] = [];
  const i = doc.income;
  const e = doc.expenditure;
  if (i) {
    out.push(
      relation(
        'income-sources',
        ref('本年收入合计', ['income', 'total'], i.total),
        [],
        [
          ref('一般公共预算拨款收入', ['income', 'general_budget'], i.general_budget),
          ref('政府性基金预算拨款收入', ['income', 'government_fund'], i.government_fund),
          ref('国有资本经营预算拨款收入', ['income', 'state_capital'], i.state_capital),
          ref('财政专户管理资金收入', ['income', 'special_account'], i.special_account),
          ref('事业收入', ['income', 'business'], i.business),
          ref('事业单位经营收入', ['income', 'operating'], i.operating),
          ref('上级补助收入', ['income', 'superior_subsidy'], i.superior_subsidy),
          ref('附属单位上缴收入', ['income', 'subordinate_remit'], i.subordinate_remit),
          ref('其他收入', ['income', 'other'], i.other),
        ],
        1,
      ),
      relation('income-grand-total', ref('收入总计', ['income', 'grand_total'], i.grand_total), [
        ref('本年收入合计', ['income', 'total'], i.total),
      ], [ref('上年结转', ['income', 'carryover'], i.carryover)]),
    );
  }
  if (e) {
    const b = e.basic;
    out.push(
      relation('expenditure-grand-total', ref('支出总计', ['expenditure', 'grand_total'], e.grand_total), [
        ref('本年支出合计', ['expenditure', 'total'], e.total),
      ], [ref('结转下年', ['expenditure', 'carryforward'], e.carryforward)]),
      relation(
        'expenditure-parts',
        ref('本年支出合计', ['expenditure', 'total'], e.total),
        [ref('基本支出', ['expenditure', 'basic', 'total'], b?.total), ref('项目支出', ['expenditure', 'project'], e.project)],
        [
          ref('上缴上级支出', ['expenditure', 'remit_to_superior'], e.remit_to_superior),
          ref('事业单位经营支出', ['expenditure', 'operating'], e.operating),
          ref('对附属单位补助支出', ['expenditure', 'subsidy_to_subordinate'], e.subsidy_to_subordinate),
        ],
      ),
      relation('basic-parts', ref('基本支出', ['expenditure', 'basic', 'total'], b?.total), [
        ref('人员经费', ['expenditure', 'basic', 'personnel'], b?.personnel),
        ref('公用经费', ['expenditure', 'basic', 'public'], b?.public),
      ]),
    );
  }
  if (i && e) {
    // With grand totals stated, the balance is between them; otherwise between this year's figures and the carry-overs.
    if (i.grand_total && e.grand_total) {
      out.push(relation('grand-totals', ref('支出总计', ['expenditure', 'grand_total'], e.grand_total), [ref('收入总计', ['income', 'grand_total'], i.grand_total)]));
    } else {
      out.push(
        relation(
          'balance',
          ref('本年支出合计', ['expenditure', 'total'], e.total),
          [ref('本年收入合计', ['income', 'total'], i.total)],
          [ref('上年结转', ['income', 'carryover'], i.carryover), ref('结转下年', ['expenditure', 'carryforward'], e.carryforward, -1)],
        ),
      );
    }
  }
  const t = doc.three_public;
  if (t) {
    const v = t.vehicles;
    out.push(
      relation('three-public', ref('“三公”经费合计', ['three_public', 'total'], t.total), [
        ref('因公出国（境）费', ['three_public', 'overseas'], t.overseas),
        ref('公务用车购置及运行费', ['three_public', 'vehicles', 'total'], v?.total),
        ref('公务接待费', ['three_public', 'reception'], t.reception),
      ]),
      relation('vehicles', ref('公务用车购置及运行费', ['three_public', 'vehicles', 'total'], v?.total), [
        ref('公务用车购置费', ['three_public', 'vehicles', 'purchase'], v?.purchase),
        ref('公务用车运行费', ['three_public', 'vehicles', 'operation'], v?.operation),
      ]),
    );
  }
  const p = doc.procurement;
  if (p) {
    out.push(
      relation('procurement-categories', ref('政府采购预算合计', ['procurement', 'total'], p.total), [], [
        ref('货物类', ['procurement', 'goods'], p.goods),
        ref('工程类', ['procurement', 'works'], p.works),
        ref('服务类', ['procurement', 'services'], p.services),
      ], 2),
    );
  }
  return out.filter((r): r is SumRelation => !!r);
}
