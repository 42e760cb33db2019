/** Every built-in rule, in the order `budgetlint rules` lists them. */
import type { Rule } from '../src/engine/rule.js';
import type { Catalogue } from '../src/relations/catalogue.js';
import { relationRule } from '../src/relations/relation-rules.js';
import assetsSum from './assets-sum.js';
import basicPartsSum from './basic-parts-sum.js';
import budgetBalance from './budget-balance.js';
import changeDirection from './change-direction.js';
import changePrior from './change-prior.js';
import changeRate from './change-rate.js';
import changeReason from './change-reason.js';
import changeSum from './change-sum.js';
import expenditurePartsSum from './expenditure-parts-sum.js';
import incomeSourcesSum from './income-sources-sum.js';
import crossProjectPrices from './cross-project-prices.js';
import indicatorCoverage from './indicator-coverage.js';
import indicatorDates from './indicator-dates.js';
import indicatorDirection from './indicator-direction.js';
import indicatorName from './indicator-name.js';
import indicatorPercent from './indicator-percent.js';
import indicatorStructure from './indicator-structure.js';
import indicatorUnit from './indicator-unit.js';
import indicatorValueKind from './indicator-value-kind.js';
import satisfactionTarget from './satisfaction-target.js';
import textConsistency from './text-consistency.js';
import goalTextSum from './goal-text-sum.js';
import narrativeBlank from './narrative-blank.js';
import narrativeChange from './narrative-change.js';
import narrativeRepeat from './narrative-repeat.js';
import narrativeShare from './narrative-share.js';
import narrativeSum from './narrative-sum.js';
import indicatorConsistency from './indicator-consistency.js';
import indicatorValue from './indicator-value.js';
import operatingCostsPublic from './operating-costs-public.js';
import previousYear from './previous-year.js';
import procurementSum from './procurement-sum.js';
import schema from './schema.js';
import importRule from './import.js';
import shareRecompute from './share-recompute.js';
import { tableCodes } from './table-codes.js';
import { tableCompleteness } from './table-completeness.js';
import threePublicSum from './three-public-sum.js';
import unitCostQuantity from './unit-cost-quantity.js';

export const builtinRules: readonly Rule<unknown>[] = [
  schema,
  importRule,
  incomeSourcesSum,
  budgetBalance,
  expenditurePartsSum,
  basicPartsSum,
  threePublicSum,
  procurementSum,
  assetsSum,
  changeSum,
  changePrior,
  changeDirection,
  changeRate,
  previousYear,
  shareRecompute,
  changeReason,
  unitCostQuantity,
  goalTextSum,
  indicatorConsistency,
  operatingCostsPublic,
  indicatorValue,
  indicatorStructure,
  indicatorCoverage,
  indicatorDirection,
  indicatorPercent,
  satisfactionTarget,
  indicatorUnit,
  indicatorValueKind,
  indicatorName,
  crossProjectPrices,
  indicatorDates,
  textConsistency,
  narrativeSum,
  narrativeShare,
  narrativeChange,
  narrativeRepeat,
  narrativeBlank,
] as readonly Rule<unknown>[];

/** The built-in rules, the table rules and one rule per declarative relation of the catalogue. */
export function allRules(cat: Catalogue): Rule<unknown>[] {
  return [...builtinRules, tableCompleteness(cat), tableCodes(cat), ...cat.relations.map((r) => relationRule(r, cat))];
}
