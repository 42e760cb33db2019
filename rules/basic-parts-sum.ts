import { sumRule } from '../src/functions/sum-rule.js';

export default sumRule(
  'basic-parts-sum',
  { zh: '基本支出等于人员经费 + 公用经费', en: 'Basic spending equals personnel + public (operating) costs' },
  ['basic-parts'],
);
