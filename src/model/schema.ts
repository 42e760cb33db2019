/**
 * The budget disclosure model: the single source of truth. Types are inferred from it, the JSON Schema
 * for editors is generated from it (scripts/generate-schema.ts), and every rule reads its output.
 * Keys are English; each carries its Chinese name as the description editors show on hover.
 */
import { z } from 'zod';
import { NumberText } from '../arith/decimal.js';
import { Amount, CellRow, Percent, Quantity, Text, Year } from './scalars.js';

const d = (zh: string) => ({ description: zh });

export const DIRECTIONS = ['增加', '增长', '上升', '减少', '下降', '降低', '持平', '无变化', '不变'] as const;

export const Change = z
  .strictObject({
    amount: Amount.optional().meta(d('增减金额（按所写，配合增减方向；也可写带符号的数）')),
    direction: z.enum(DIRECTIONS).optional().meta(d('增减方向：增加/减少/持平…')),
    rate: Percent.optional().meta(d('增减幅度（%）')),
    reason: Text.optional().meta(d('增减原因')),
  })
  .meta(d('比上年增减'));

export const Share = z
  .strictObject({
    percent: Percent.meta(d('占比（%）')),
    of: Text.meta(d('占谁的比例：模型中的路径，如 expenditure.total')),
  })
  .meta(d('占比'));

export const FigureObject = z.strictObject({
  amount: Amount.meta(d('金额')),
  prior: Amount.optional().meta(d('上年数')),
  change: Change.optional(),
  share: Share.optional(),
  label: Text.optional().meta(d('文档中的名称')),
  note: Text.optional().meta(d('备注')),
});

/** A figure is written either as a bare amount or with its prior year, change and share. */
export const Figure = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof NumberText) ? v : { amount: v }),
  FigureObject,
);

const part = { title: Text.optional().meta(d('本部分在文档中的标题，用于定位，如 "四、财政拨款“三公”经费预算情况"')) };

export const DocumentInfo = z.strictObject({
  department: Text.meta(d('部门名称')),
  year: Year.meta(d('预算（决算）年度')),
  kind: z.enum(['budget', 'final']).meta(d('budget 部门预算 | final 部门决算')),
  unit: z.enum(['元', '万元', '亿元']).default('万元').meta(d('金额单位')),
  region: Text.optional().meta(d('地区')),
  title: Text.optional().meta(d('文档标题')),
  source: Text.optional().meta(d('来源（文件名或网址）')),
});

export const Income = z.strictObject({
  ...part,
  total: Figure.optional().meta(d('本年收入合计')),
  general_budget: Figure.optional().meta(d('一般公共预算拨款收入')),
  government_fund: Figure.optional().meta(d('政府性基金预算拨款收入')),
  state_capital: Figure.optional().meta(d('国有资本经营预算拨款收入')),
  special_account: Figure.optional().meta(d('财政专户管理资金收入')),
  business: Figure.optional().meta(d('事业收入')),
  operating: Figure.optional().meta(d('事业单位经营收入')),
  superior_subsidy: Figure.optional().meta(d('上级补助收入')),
  subordinate_remit: Figure.optional().meta(d('附属单位上缴收入')),
  other: Figure.optional().meta(d('其他收入')),
  carryover: Figure.optional().meta(d('上年结转（结余）')),
  grand_total: Figure.optional().meta(d('收入总计')),
});

export const Basic = z.strictObject({
  total: Figure.optional().meta(d('基本支出')),
  personnel: Figure.optional().meta(d('人员经费')),
  public: Figure.optional().meta(d('公用经费')),
});

export const Expenditure = z.strictObject({
  ...part,
  total: Figure.optional().meta(d('本年支出合计')),
  basic: Basic.optional().meta(d('基本支出')),
  project: Figure.optional().meta(d('项目支出')),
  remit_to_superior: Figure.optional().meta(d('上缴上级支出')),
  operating: Figure.optional().meta(d('事业单位经营支出')),
  subsidy_to_subordinate: Figure.optional().meta(d('对附属单位补助支出')),
  carryforward: Figure.optional().meta(d('结转下年')),
  grand_total: Figure.optional().meta(d('支出总计')),
});

export const OperatingCosts = z.strictObject({
  ...part,
  amount: Figure.meta(d('机关运行经费')),
  text: Text.optional().meta(d('说明')),
});

export const ThreePublic = z.strictObject({
  ...part,
  total: Figure.optional().meta(d('“三公”经费合计')),
  overseas: Figure.optional().meta(d('因公出国（境）费')),
  vehicles: z
    .strictObject({
      total: Figure.optional().meta(d('公务用车购置及运行（运维）费')),
      purchase: Figure.optional().meta(d('公务用车购置费')),
      operation: Figure.optional().meta(d('公务用车运行（运维）费')),
    })
    .optional()
    .meta(d('公务用车购置及运行费')),
  reception: Figure.optional().meta(d('公务接待费')),
  reason: Text.optional().meta(d('增减变化原因')),
});

export const ProcurementItem = z.strictObject({
  project: Text.optional().meta(d('政府采购项目来源（项目名称）')),
  project_funds: Amount.optional().meta(d('项目预算资金')),
  item: Text.meta(d('采购物品名称')),
  catalogue_code: Text.optional().meta(d('政府采购目录序号')),
  unit: Text.optional().meta(d('计量单位')),
  quantity: Quantity.optional().meta(d('数量')),
  unit_price: Amount.optional().meta(d('单价')),
  amount: Amount.optional().meta(d('政府采购金额')),
  category: z.enum(['货物', '工程', '服务']).optional().meta(d('品目类别')),
});

export const Procurement = z.strictObject({
  ...part,
  total: Figure.optional().meta(d('政府采购预算合计')),
  goods: Figure.optional().meta(d('货物类')),
  works: Figure.optional().meta(d('工程类')),
  services: Figure.optional().meta(d('服务类')),
  sme: Figure.optional().meta(d('面向中小企业预留')),
  items: z.array(ProcurementItem).optional().meta(d('采购明细')),
});

export interface AssetCategoryInput {
  name: unknown;
  quantity?: unknown;
  unit?: unknown;
  amount?: unknown;
  children?: AssetCategoryInput[];
}
export const AssetCategory: z.ZodType = z.lazy(() =>
  z.strictObject({
    name: Text.meta(d('资产类别')),
    quantity: Quantity.optional().meta(d('数量')),
    unit: Text.optional().meta(d('数量单位，如 平方米、台（辆）')),
    amount: Amount.optional().meta(d('价值')),
    children: z.array(AssetCategory).optional().meta(d('其中项（部分，不要求合计相等）')),
  }),
);

export const Assets = z.strictObject({
  ...part,
  date: Text.optional().meta(d('截止时间')),
  total: Figure.optional().meta(d('资产总额')),
  planned_purchase: Figure.optional().meta(d('本年度拟购置固定资产')),
  categories: z.array(AssetCategory).optional().meta(d('资产分类')),
});

export const Indicator = z.strictObject({
  level1: Text.meta(d('一级指标')),
  level2: Text.optional().meta(d('二级指标')),
  name: Text.meta(d('三级指标（指标名称）')),
  description: Text.optional().meta(d('绩效指标描述')),
  operator: Text.optional().meta(d('符号（分列填写时）')),
  value: Text.optional().meta(d('指标值，按原文，如 "≥2500把"')),
  unit: Text.optional().meta(d('单位（分列填写时）')),
  basis: Text.optional().meta(d('指标值确定依据')),
});

export const PerformanceTable = z.strictObject({
  title: Text.optional().meta(d('表标题')),
  name: Text.meta(d('项目名称')),
  goal: Text.optional().meta(d('绩效目标')),
  funds: Amount.optional().meta(d('项目资金（有说明时）')),
  indicators: z.array(Indicator).meta(d('指标')),
});

export const Performance = z.strictObject({
  ...part,
  department: PerformanceTable.optional().meta(d('部门整体绩效目标表')),
  projects: z.array(PerformanceTable).optional().meta(d('项目（资金）绩效目标表')),
});

/** One grid of a table: its columns as printed (or as keys) and its rows as arrays aligned to them. */
export const Grid = {
  columns: z.array(Text).optional().meta(d('列名（按原表，或用键名：code, name, total, basic, project…）')),
  rows: z.array(CellRow).optional().meta(d('各行，按列顺序')),
  total: CellRow.optional().meta(d('合计行（按列顺序）')),
};

export const GridObject = z.strictObject(Grid);

export const Table = z.strictObject({
  title: Text.meta(d('表名（按原文）')),
  kind: Text.optional().meta(d('标准表编号或种类（T1…T9），缺省时按表名识别')),
  unit: z.enum(['元', '万元', '亿元']).optional().meta(d('本表金额单位（缺省为文档单位）')),
  ...Grid,
  income: GridObject.optional().meta(d('收入部分（收支总表的左半）')),
  expenditure: GridObject.optional().meta(d('支出部分（收支总表的右半）')),
  note: Text.optional().meta(d('表注，如“本部门无…，故本表为空表”')),
});

/**
 * A figure as the narrative states it ("2021年支出预算2913.49万元，其中基本支出541.96万元…"): its label, its
 * amount, the statement it is a part of (其中), its share of a whole (占…的x%), its change from last
 * year. The importer reads these from the text; a YAML author may write them too.
 */
export const Statement = z.strictObject({
  label: Text.meta(d('所述项目，如 基本支出')),
  amount: Amount.optional().meta(d('金额')),
  unit: z.enum(['元', '万元', '亿元']).optional().meta(d('金额单位（缺省为文档单位）')),
  parent: z
    .preprocess((v) => (v instanceof NumberText && /^\d+$/.test(v.text) ? Number(v.text) : v), z.number().int().min(0))
    .optional()
    .meta(d('所属的上级陈述（“其中”）在 narrative 中的序号')),
  share: Percent.optional().meta(d('占比（%）')),
  of: Text.optional().meta(d('占谁的比例，按原文')),
  change: Change.optional(),
  blank: Text.optional().meta(d('原文留空的占位，如 “占 %”')),
  text: Text.optional().meta(d('原文句子')),
  at: Text.optional().meta(d('在原文中的位置')),
});

export const BudgetDocument = z.strictObject({
  $schema: z.string().optional(),
  document: DocumentInfo.meta(d('文档信息')),
  income: Income.optional().meta(d('收入')),
  expenditure: Expenditure.optional().meta(d('支出')),
  operating_costs: OperatingCosts.optional().meta(d('机关运行经费')),
  three_public: ThreePublic.optional().meta(d('财政拨款“三公”经费')),
  procurement: Procurement.optional().meta(d('政府采购')),
  assets: Assets.optional().meta(d('国有资产占用')),
  performance: Performance.optional().meta(d('预算绩效信息')),
  tables: z.array(Table).optional().meta(d('公开表格')),
  narrative: z.array(Statement).optional().meta(d('文字说明中的数字')),
});

export type BudgetDocument = z.output<typeof BudgetDocument>;
export type Figure = z.output<typeof FigureObject>;
export type Change = z.output<typeof Change>;
export type Indicator = z.output<typeof Indicator>;
export type Table = z.output<typeof Table>;
export type Statement = z.output<typeof Statement>;
export type Grid = z.output<typeof GridObject>;
export type PerformanceTable = z.output<typeof PerformanceTable>;
export type ProcurementItem = z.output<typeof ProcurementItem>;
export interface AssetCategory {
  name: string;
  quantity?: import('./scalars.js').Stated;
  unit?: string;
  amount?: import('./scalars.js').Stated;
  children?: AssetCategory[];
}
