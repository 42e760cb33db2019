import { sumRule } from '../src/functions/sum-rule.js';

export default sumRule(
  'income-sources-sum',
  {
    zh: '本年收入合计等于各收入来源之和；收入总计等于本年收入加上年结转',
    en: 'Income total equals the sum of its sources; the grand total adds the carry-over',
  },
  ['income-sources', 'income-grand-total'],
);
