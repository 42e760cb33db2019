import { sumRule } from '../src/functions/sum-rule.js';

export default sumRule(
  'budget-balance',
  {
    zh: '收支平衡：本年收入 + 上年结转 = 本年支出 + 结转下年（或收入总计 = 支出总计）',
    en: 'Income and spending balance: income + carry-over = spending + carry-forward (or grand totals agree)',
  },
  ['balance', 'grand-totals', 'expenditure-grand-total'],
);
