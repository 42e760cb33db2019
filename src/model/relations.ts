/**
 * The sums a disclosure must satisfy (domain notes §2), read off the model. Sum rules check them;
 * the year-on-year rules reuse them, because a total's change is the sum of its parts' changes.
 * A relation is listed only when its total and its required parts are stated: missing data is
 * "not applicable", never a finding.
 */
import type { Figure } from './schema.js';
import type { BudgetDocument } from './schema.js';
import type { Path } from '../engine/path.js';
import type { Bilingual } from './scalars.js';
import { PerDocument } from '../engine/per-document.js';

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
  label: Bilingual;
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

function ref(label: Bilingual, path: Path, figure: Figure | undefined, sign: 1 | -1 = 1): FigureRef | undefined {
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

/**
 * The relations of a document, read once: the sum rules, the share and year-on-year rules all ask for them,
 * and no rule changes the model. What is returned is shared: never changed by a caller.
 */
export function sumRelations(doc: Doc): readonly SumRelation[] {
  let rels = RELATIONS.get(doc);
  if (!rels) RELATIONS.set(doc, (rels = readRelations(doc)));
  return rels;
}

const RELATIONS = new PerDocument<Doc, readonly SumRelation[]>();

function readRelations(doc: Doc): SumRelation[] {
  const out: (SumRelation | undefined)[] = [];
  const i = doc.income;
  const e = doc.expenditure;
  if (i) {
    out.push(
      relation(
        'income-sources',
        ref({ zh: '本年收入合计', en: 'income total' }, ['income', 'total'], i.total),
        [],
        [
          ref({ zh: '一般公共预算拨款收入', en: 'general budget appropriation' }, ['income', 'general_budget'], i.general_budget),
          ref({ zh: '政府性基金预算拨款收入', en: 'government fund appropriation' }, ['income', 'government_fund'], i.government_fund),
          ref({ zh: '国有资本经营预算拨款收入', en: 'state capital appropriation' }, ['income', 'state_capital'], i.state_capital),
          ref({ zh: '财政专户管理资金收入', en: 'special-account funds' }, ['income', 'special_account'], i.special_account),
          ref({ zh: '事业收入', en: 'institutional income' }, ['income', 'business'], i.business),
          ref({ zh: '事业单位经营收入', en: 'business income' }, ['income', 'operating'], i.operating),
          ref({ zh: '上级补助收入', en: 'subsidy from superior' }, ['income', 'superior_subsidy'], i.superior_subsidy),
          ref({ zh: '附属单位上缴收入', en: 'remittance from subordinates' }, ['income', 'subordinate_remit'], i.subordinate_remit),
          ref({ zh: '其他收入', en: 'other income' }, ['income', 'other'], i.other),
        ],
        1,
      ),
      // a grand total differs from the year's total by the carry-over: unstated, the sum cannot be checked
      relation('income-grand-total', ref({ zh: '收入总计', en: 'income grand total' }, ['income', 'grand_total'], i.grand_total), [
        ref({ zh: '本年收入合计', en: 'income total' }, ['income', 'total'], i.total),
        ref({ zh: '上年结转', en: 'carry-over from last year' }, ['income', 'carryover'], i.carryover),
      ]),
    );
  }
  if (e) {
    const b = e.basic;
    out.push(
      relation('expenditure-grand-total', ref({ zh: '支出总计', en: 'spending grand total' }, ['expenditure', 'grand_total'], e.grand_total), [
        ref({ zh: '本年支出合计', en: 'spending total' }, ['expenditure', 'total'], e.total),
        ref({ zh: '结转下年', en: 'carry-forward to next year' }, ['expenditure', 'carryforward'], e.carryforward),
      ]),
      relation(
        'expenditure-parts',
        ref({ zh: '本年支出合计', en: 'spending total' }, ['expenditure', 'total'], e.total),
        [ref({ zh: '基本支出', en: 'basic spending' }, ['expenditure', 'basic', 'total'], b?.total), ref({ zh: '项目支出', en: 'project spending' }, ['expenditure', 'project'], e.project)],
        [
          ref({ zh: '上缴上级支出', en: 'remittance to superior' }, ['expenditure', 'remit_to_superior'], e.remit_to_superior),
          ref({ zh: '事业单位经营支出', en: 'business spending' }, ['expenditure', 'operating'], e.operating),
          ref({ zh: '对附属单位补助支出', en: 'subsidy to subordinates' }, ['expenditure', 'subsidy_to_subordinate'], e.subsidy_to_subordinate),
        ],
      ),
      relation('basic-parts', ref({ zh: '基本支出', en: 'basic spending' }, ['expenditure', 'basic', 'total'], b?.total), [
        ref({ zh: '人员经费', en: 'personnel costs' }, ['expenditure', 'basic', 'personnel'], b?.personnel),
        ref({ zh: '公用经费', en: 'public costs' }, ['expenditure', 'basic', 'public'], b?.public),
      ]),
    );
  }
  if (i && e) {
    // With grand totals stated, the balance is between them; otherwise between this year's figures and the carry-overs.
    if (i.grand_total && e.grand_total) {
      out.push(relation('grand-totals', ref({ zh: '支出总计', en: 'spending grand total' }, ['expenditure', 'grand_total'], e.grand_total), [ref({ zh: '收入总计', en: 'income grand total' }, ['income', 'grand_total'], i.grand_total)]));
    } else if (doc.document?.kind !== 'final' || (i.carryover && e.carryforward)) {
      // a budget balances, with the carry-overs it states (an unstated one is none); a final account
      // only with both carry-overs stated, since it closes with whatever balance the year left
      out.push(
        relation(
          'balance',
          ref({ zh: '本年支出合计', en: 'spending total' }, ['expenditure', 'total'], e.total),
          [ref({ zh: '本年收入合计', en: 'income total' }, ['income', 'total'], i.total)],
          [ref({ zh: '上年结转', en: 'carry-over from last year' }, ['income', 'carryover'], i.carryover), ref({ zh: '结转下年', en: 'carry-forward to next year' }, ['expenditure', 'carryforward'], e.carryforward, -1)],
        ),
      );
    }
  }
  const t = doc.three_public;
  if (t) {
    const v = t.vehicles;
    out.push(
      relation('three-public', ref({ zh: '“三公”经费合计', en: '"three public" total' }, ['three_public', 'total'], t.total), [
        ref({ zh: '因公出国（境）费', en: 'overseas travel' }, ['three_public', 'overseas'], t.overseas),
        ref({ zh: '公务用车购置及运行费', en: 'official vehicles' }, ['three_public', 'vehicles', 'total'], v?.total),
        ref({ zh: '公务接待费', en: 'official reception' }, ['three_public', 'reception'], t.reception),
      ]),
      relation('vehicles', ref({ zh: '公务用车购置及运行费', en: 'official vehicles' }, ['three_public', 'vehicles', 'total'], v?.total), [
        ref({ zh: '公务用车购置费', en: 'vehicle purchase' }, ['three_public', 'vehicles', 'purchase'], v?.purchase),
        ref({ zh: '公务用车运行费', en: 'vehicle operation' }, ['three_public', 'vehicles', 'operation'], v?.operation),
      ]),
    );
  }
  const p = doc.procurement;
  if (p) {
    out.push(
      relation('procurement-categories', ref({ zh: '政府采购预算合计', en: 'procurement total' }, ['procurement', 'total'], p.total), [], [
        ref({ zh: '货物类', en: 'goods' }, ['procurement', 'goods'], p.goods),
        ref({ zh: '工程类', en: 'works' }, ['procurement', 'works'], p.works),
        ref({ zh: '服务类', en: 'services' }, ['procurement', 'services'], p.services),
      ], 2),
    );
  }
  return out.filter((r): r is SumRelation => !!r);
}
