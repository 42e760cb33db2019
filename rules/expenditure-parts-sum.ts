import { sumRule } from '../src/functions/sum-rule.js';

export default sumRule(
  'expenditure-parts-sum',
  {
    zh: '本年支出合计等于基本支出 + 项目支出（+ 上缴上级、事业单位经营、对附属单位补助）',
    en: 'Spending total equals basic + project spending (+ remittances, operating spending, subsidies to subordinates)',
  },
  ['expenditure-parts'],
);
