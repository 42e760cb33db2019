/**
 * A consistent budget document built from random parts, its totals computed exactly in cents: the
 * ground truth for property tests. Amounts are written with two decimals, as documents write them.
 */
export interface DocParts {
  personnel: number;
  publicCost: number;
  project: number;
  fund: number;
  other: number;
  carryover: number;
  overseas: number;
  purchase: number;
  operation: number;
  reception: number;
  assets: number[];
  /** prior-year values of the leaves, when year-on-year figures are wanted */
  prior?: { personnel: number; publicCost: number; project: number };
}

export const yuan = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const c = Math.abs(cents);
  return `${sign}${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
};

/** |Δ| / prior as a percentage with 2 decimals, rounded half up, computed in integers. */
function rate(delta: number, prior: number): string {
  const hundredths = (2n * BigInt(Math.abs(delta)) * 10000n + BigInt(prior)) / (2n * BigInt(prior));
  const s = hundredths.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

function figure(current: number, prior: number | undefined): string {
  if (prior === undefined) return yuan(current);
  const d = current - prior;
  const dir = d > 0 ? '增加' : d < 0 ? '减少' : '持平';
  const r = prior === 0 ? '' : `, rate: ${rate(d, prior)}`;
  return `{amount: ${yuan(current)}, prior: ${yuan(prior)}, change: {amount: ${yuan(Math.abs(d))}, direction: ${dir}${r}, reason: 测试}}`;
}

/** Paths of leaves that stand in exactly one sum relation (when there are no year-on-year figures). */
export const SINGLE_RELATION_LEAVES = [
  '/income/government_fund',
  '/income/other',
  '/expenditure/basic/personnel',
  '/expenditure/project',
  '/three_public/overseas',
  '/three_public/reception',
  '/three_public/vehicles/purchase',
  '/assets/categories/0/amount',
];

export function consistentDoc(p: DocParts, perturb?: { path: string; cents: number }): string {
  const v = (path: string, cents: number) => (perturb?.path === path ? cents + perturb.cents : cents);
  const basic = p.personnel + p.publicCost;
  const spending = basic + p.project;
  const income = spending - p.carryover;
  const general = income - p.fund - p.other;
  const vehicles = p.purchase + p.operation;
  const three = p.overseas + vehicles + p.reception;
  const assets = p.assets.reduce((a, b) => a + b, 0);
  const pr = p.prior;
  const priorBasic = pr ? pr.personnel + pr.publicCost : undefined;
  const priorSpending = pr ? priorBasic! + pr.project : undefined;
  return `document:
  department: 生成局
  year: 2024
  kind: budget
  unit: 万元
income:
  total: ${yuan(income)}
  general_budget: ${yuan(general)}
  government_fund: ${yuan(v('/income/government_fund', p.fund))}
  other: ${yuan(v('/income/other', p.other))}
  carryover: ${yuan(p.carryover)}
expenditure:
  total: ${figure(spending, priorSpending)}
  basic:
    total: ${figure(basic, priorBasic)}
    personnel: ${figure(v('/expenditure/basic/personnel', p.personnel), pr?.personnel)}
    public: ${figure(p.publicCost, pr?.publicCost)}
  project: ${figure(v('/expenditure/project', p.project), pr?.project)}
three_public:
  total: ${yuan(three)}
  overseas: ${yuan(v('/three_public/overseas', p.overseas))}
  vehicles:
    total: ${yuan(vehicles)}
    purchase: ${yuan(v('/three_public/vehicles/purchase', p.purchase))}
    operation: ${yuan(p.operation)}
  reception: ${yuan(v('/three_public/reception', p.reception))}
assets:
  total: ${yuan(assets)}
  categories:
${p.assets.map((a, i) => `    - name: 类别${i + 1}\n      amount: ${yuan(i === 0 ? v('/assets/categories/0/amount', a) : a)}`).join('\n')}
`;
}
