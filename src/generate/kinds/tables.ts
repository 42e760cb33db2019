/**
 * Errors in the nine standard tables. The relations they break follow from the tables' structure
 * (rows 类/款/项 by code, the 合计 row, the cross-table totals): each kind states them; the narrative
 * figures a table cell is tied to (BUD.N.*) come from the oracle.
 */
import { num, setAt } from '../tree.js';
import { bumpCell, cellCents, codeOf, delta, tablePath, tableRows, type Ctx, type Kind } from './common.js';

export const TABLE_KINDS: Kind[] = [
  // ── the tables: relations within and across them ──
  {
    id: 'T3-row-cell',
    family: 'table',
    areas: () => ['T3'],
    apply(c) {
      const t = tablePath(c, 'T3');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T3);
      const cands = rows.map((r, i) => ({ r, i })).filter(({ r }) => codeOf(r).length === 7 && cellCents(r[4], u) > 0);
      const { r, i } = c.rng.pick(cands);
      const parent = rows.findIndex((x) => codeOf(x) === codeOf(r).slice(0, 5));
      const what = bumpCell(c, `${t}/rows/${i}/4`, delta(c), u);
      return {
        path: `${t}/rows/${i}/4`,
        description: `T3 ${r[1]} 项目支出 ${what}: the row no longer adds up, nor its section`,
        expected: [
          { rule: 'BUD.T3.row-sum', path: `${t}/rows/${i}/2` },
          { rule: 'BUD.T3.hierarchy', path: `${t}/rows/${parent}/4` },
        ],
      };
    },
  },
  {
    id: 'T2-row-cell',
    family: 'table',
    areas: () => ['T2'],
    apply(c) {
      const t = tablePath(c, 'T2');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T2);
      const { r, i } = c.rng.pick(rows.map((r, i) => ({ r, i })).filter(({ r }) => codeOf(r).length === 7 && cellCents(r[4], u) > 0));
      const parent = rows.findIndex((x) => codeOf(x) === codeOf(r).slice(0, 5));
      const what = bumpCell(c, `${t}/rows/${i}/4`, delta(c), u);
      return {
        path: `${t}/rows/${i}/4`,
        description: `T2 ${r[1]} 财政拨款收入 ${what}`,
        expected: [
          { rule: 'BUD.T2.row-sum', path: `${t}/rows/${i}/2` },
          { rule: 'BUD.T2.hierarchy', path: `${t}/rows/${parent}/4` },
        ],
      };
    },
  },
  {
    id: 'T5-section',
    family: 'table',
    areas: () => ['T5'],
    apply(c) {
      const t = tablePath(c, 'T5');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T5);
      const { r, i } = c.rng.pick(rows.map((r, i) => ({ r, i })).filter(({ r }) => codeOf(r).length === 5));
      const col = c.rng.pick([3, 4].filter((k) => cellCents(r[k], u) > 0));
      const cls = rows.findIndex((x) => codeOf(x) === codeOf(r).slice(0, 3));
      const d = delta(c);
      bumpCell(c, `${t}/rows/${i}/2`, d, u);
      const what = bumpCell(c, `${t}/rows/${i}/${col}`, d, u);
      return {
        path: `${t}/rows/${i}/${col}`,
        description: `T5 款 ${r[1]}: 合计 and ${col === 3 ? '基本支出' : '项目支出'} moved together (${what}): the row adds up, its class and its items no longer`,
        expected: [
          { rule: 'BUD.T5.hierarchy', path: `${t}/rows/${cls}/2` },
          { rule: 'BUD.T5.hierarchy', path: `${t}/rows/${cls}/${col}` },
          { rule: 'BUD.T5.hierarchy', path: `${t}/rows/${i}/2` },
          { rule: 'BUD.T5.hierarchy', path: `${t}/rows/${i}/${col}` },
        ],
      };
    },
  },
  {
    id: 'T5-total',
    family: 'table',
    areas: () => ['T5', 'T4'],
    apply(c) {
      const t = tablePath(c, 'T5');
      const what = bumpCell(c, `${t}/total/2`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/total/2`,
        description: `T5 合计 ${what}: against its classes, its own row and the appropriation summary`,
        expected: [
          { rule: 'BUD.X.T4-T5', path: `${t}/total/2` },
          { rule: 'BUD.T5.row-sum', path: `${t}/total/2` },
          { rule: 'BUD.T5.total', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T6-total-personnel',
    family: 'table',
    areas: () => ['T6', 'model-ie'],
    apply(c) {
      const t = tablePath(c, 'T6');
      const what = bumpCell(c, `${t}/total/3`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/total/3`,
        description: `T6 合计 人员经费 ${what}: against its classes, its row and the narrative`,
        expected: [
          { rule: 'BUD.T6.total', path: `${t}/total/3` },
          { rule: 'BUD.T6.row-sum', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T6-row-cell',
    family: 'table',
    areas: () => ['T6'],
    apply(c) {
      const t = tablePath(c, 'T6');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T6);
      const { r, i } = c.rng.pick(rows.map((r, i) => ({ r, i })).filter(({ r }) => codeOf(r).startsWith('302') && codeOf(r).length === 5));
      const cls = rows.findIndex((x) => codeOf(x) === '302');
      const what = bumpCell(c, `${t}/rows/${i}/4`, delta(c, 1, 5), u);
      return {
        path: `${t}/rows/${i}/4`,
        description: `T6 ${r[1]} 公用经费 ${what}`,
        expected: [
          { rule: 'BUD.T6.row-sum', path: `${t}/rows/${i}/2` },
          { rule: 'BUD.T6.hierarchy', path: `${t}/rows/${cls}/4` },
        ],
      };
    },
  },
  {
    id: 'T1-class',
    family: 'table',
    areas: () => ['T1', 'T3'],
    apply(c) {
      const t = tablePath(c, 'T1');
      const rows = tableRows(c.doc, c.info.tables.T1, '/expenditure');
      // a class: the rows above 本年支出合计, when the table has it
      const j = c.rng.int(0, (c.info.t1Subtotals?.expenditure ?? rows.length) - 1);
      const what = bumpCell(c, `${t}/expenditure/rows/${j}/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/expenditure/rows/${j}/1`,
        description: `T1 ${rows[j]![0]} ${what}: against the expenditure table's class and the totals`,
        expected: [
          { rule: 'BUD.X.T1-T3.classes', path: `${t}/expenditure/rows/${j}/1` },
          { rule: 'BUD.T1.expenditure-total', path: `${t}/expenditure/total/1` },
          { rule: 'BUD.X.T1-T3', path: `${tablePath(c, 'T3')}/total/2` },
          ...(c.info.t1Subtotals ? [{ rule: 'BUD.T1.expenditure-subtotal', path: `${t}/expenditure/rows/${c.info.t1Subtotals.expenditure}/1` }] : []),
        ],
      };
    },
  },
  {
    id: 'T1-item',
    family: 'table',
    areas: () => ['T1'],
    apply(c) {
      const t = tablePath(c, 'T1');
      const what = bumpCell(c, `${t}/income/rows/1/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/income/rows/1/1`,
        description: `T1 1. 一般公共预算资金 ${what}: no longer the part of 财政拨款收入 it was`,
        expected: [{ rule: 'BUD.T1.items', path: `${t}/income/rows/0/1` }],
      };
    },
  },
  {
    id: 'T4-row',
    family: 'table',
    areas: () => ['T4', 'T5'],
    apply(c) {
      const t = tablePath(c, 'T4');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T4, '/expenditure');
      const { r, i } = c.rng.pick(rows.map((r, i) => ({ r, i })).filter(({ r }) => cellCents(r[2], u) > 0));
      const what = bumpCell(c, `${t}/expenditure/rows/${i}/2`, delta(c), u);
      return {
        path: `${t}/expenditure/rows/${i}/2`,
        description: `T4 ${r[0]} 一般公共预算 ${what}`,
        expected: [
          { rule: 'BUD.T4.row-sum', path: `${t}/expenditure/rows/${i}/1` },
          { rule: 'BUD.X.T4-T5.classes', path: `${t}/expenditure/rows/${i}/2` },
          { rule: 'BUD.T4.expenditure-total', path: `${t}/expenditure/total/2` },
          { rule: 'BUD.X.T4-T5', path: `${tablePath(c, 'T5')}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T4-income',
    family: 'table',
    areas: () => ['T4', 'T2'],
    apply(c) {
      const t = tablePath(c, 'T4');
      const what = bumpCell(c, `${t}/income/rows/0/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/income/rows/0/1`,
        description: `T4 一般公共预算拨款收入 ${what}`,
        expected: [
          { rule: 'BUD.T4.income-total', path: `${t}/income/total/1` },
          { rule: 'BUD.X.T2-T4', path: `${tablePath(c, 'T2')}/total/4` },
        ],
      };
    },
  },
  {
    id: 'T7-reception',
    family: 'table',
    areas: () => ['T7', 'model-3p'],
    apply(c) {
      const t = tablePath(c, 'T7');
      const what = bumpCell(c, `${t}/rows/0/5`, delta(c, 1, 5), '万元');
      return { path: `${t}/rows/0/5`, description: `T7 公务接待费 ${what}`, expected: [{ rule: 'BUD.T7.sum', path: `${t}/rows/0/0` }] };
    },
  },
  {
    id: 'T8-row-cell',
    family: 'table',
    areas: (c) => (c.info.hasFund ? ['T8'] : undefined),
    apply(c) {
      const t = tablePath(c, 'T8');
      const rows = tableRows(c.doc, c.info.tables.T8);
      const i = rows.findIndex((r) => codeOf(r).length === 7);
      const what = bumpCell(c, `${t}/rows/${i}/4`, delta(c), c.info.tableUnit);
      return { path: `${t}/rows/${i}/4`, description: `T8 ${rows[i]![1]} 项目支出 ${what}`, expected: [{ rule: 'BUD.T8.row-sum', path: `${t}/rows/${i}/2` }] };
    },
  },
  {
    id: 'T3-total-basic',
    family: 'table',
    areas: () => ['T3', 'model-ie'],
    apply(c) {
      const t = tablePath(c, 'T3');
      const what = bumpCell(c, `${t}/total/3`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/total/3`,
        description: `T3 合计 基本支出 ${what}: against its classes, its row and the narrative`,
        expected: [
          { rule: 'BUD.T3.total', path: `${t}/total/3` },
          { rule: 'BUD.T3.row-sum', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T1-income-row',
    family: 'table',
    areas: () => ['T1', 'T2'],
    apply(c) {
      const t = tablePath(c, 'T1');
      const what = bumpCell(c, `${t}/income/rows/7/1`, Math.abs(delta(c)), c.info.tableUnit);
      return {
        path: `${t}/income/rows/7/1`,
        description: `T1 五、其他收入 ${what}: the income items no longer make the total, nor the income table's`,
        expected: [
          { rule: 'BUD.T1.income-total', path: `${t}/income/total/1` },
          { rule: 'BUD.X.T1-T2', path: `${tablePath(c, 'T2')}/total/2` },
          ...(c.info.t1Subtotals ? [{ rule: 'BUD.T1.income-subtotal', path: `${t}/income/rows/${c.info.t1Subtotals.income}/1` }] : []),
        ],
      };
    },
  },
  {
    id: 'T1-balance',
    family: 'table',
    areas: () => ['T1'],
    apply(c) {
      const t = tablePath(c, 'T1');
      const what = bumpCell(c, `${t}/expenditure/total/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/expenditure/total/1`,
        description: `T1 支出总计 ${what}: no longer the income total nor its items'`,
        expected: [
          { rule: 'BUD.T1.balance', path: `${t}/income/total/1` },
          { rule: 'BUD.T1.expenditure-total', path: `${t}/expenditure/total/1` },
        ],
      };
    },
  },
  {
    id: 'T1-subtotal',
    family: 'table',
    weight: 2,
    areas: (c) => (c.info.t1Subtotals ? ['T1'] : undefined),
    apply(c) {
      const t = tablePath(c, 'T1');
      // the side used less so far, so that a corpus breaks both subtotals
      const used = (s: string) => c.usage.get(`T1-subtotal:${s}`) ?? 0;
      const side = c.rng.shuffle(['income', 'expenditure'] as const).reduce((m, s) => (used(s) < used(m) ? s : m));
      c.usage.set(`T1-subtotal:${side}`, used(side) + 1);
      const row = c.info.t1Subtotals![side];
      const what = bumpCell(c, `${t}/${side}/rows/${row}/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/${side}/rows/${row}/1`,
        description: `T1 ${side === 'income' ? '本年收入合计' : '本年支出合计'} ${what}: not the sum of the items above it`,
        expected: [{ rule: `BUD.T1.${side}-subtotal`, path: `${t}/${side}/rows/${row}/1` }],
      };
    },
  },
  (() => {
    let col = 7;
    return {
      id: 'T2-total-cell',
      family: 'table',
      areas(c: Ctx) {
        col = c.rng.pick([4, 7, ...(c.info.carryover > 0 ? [3] : [])]);
        return col === 3 ? ['T2', 'T1', 'model-ie'] : ['T2'];
      },
      apply(c: Ctx) {
        const t = tablePath(c, 'T2');
        const what = bumpCell(c, `${t}/total/${col}`, Math.abs(delta(c)), c.info.tableUnit);
        const name = { 3: '上年结转', 4: '财政拨款收入', 7: '其他收入' }[col];
        return {
          path: `${t}/total/${col}`,
          description: `T2 合计 ${name} ${what}: not the sum of its classes, nor part of its row`,
          expected: [
            { rule: 'BUD.T2.total', path: `${t}/total/${col}` },
            { rule: 'BUD.T2.row-sum', path: `${t}/total/2` },
            ...(col === 4 ? [{ rule: 'BUD.X.T2-T4', path: `${t}/total/4` }] : []),
            ...(col === 3 ? [{ rule: 'BUD.X.T1-T2', path: `${t}/total/2` }] : []),
          ],
        };
      },
    } satisfies Kind;
  })(),
  {
    id: 'T3-total',
    family: 'table',
    areas: () => ['T3', 'T2', 'model-ie'],
    apply(c) {
      const t = tablePath(c, 'T3');
      const what = bumpCell(c, `${t}/total/2`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/total/2`,
        description: `T3 合计 ${what}: against its classes, its row, the income table, the summary and the narrative`,
        expected: [
          { rule: 'BUD.X.T2-T3', path: `${tablePath(c, 'T2')}/total/2` },
          { rule: 'BUD.T3.row-sum', path: `${t}/total/2` },
          { rule: 'BUD.T3.total', path: `${t}/total/2` },
          { rule: 'BUD.X.T1-T3', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T6-total',
    family: 'table',
    areas: () => ['T6'],
    apply(c) {
      const t = tablePath(c, 'T6');
      const what = bumpCell(c, `${t}/total/2`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/total/2`,
        description: `T6 合计 ${what}: against its classes, its row and the general budget table's basic spending`,
        expected: [
          { rule: 'BUD.X.T5-T6', path: `${t}/total/2` },
          { rule: 'BUD.T6.row-sum', path: `${t}/total/2` },
          { rule: 'BUD.T6.total', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T8-total',
    family: 'table',
    areas: () => ['T8'],
    apply(c) {
      const t = tablePath(c, 'T8');
      const what = bumpCell(c, `${t}/total/2`, Math.abs(delta(c)), c.info.tableUnit);
      return {
        path: `${t}/total/2`,
        description: `T8 合计 ${what}: not its row's sum, nor the appropriation summary's fund spending`,
        expected: [
          { rule: 'BUD.X.T4-T8', path: `${t}/total/2` },
          { rule: 'BUD.T8.row-sum', path: `${t}/total/2` },
        ],
      };
    },
  },
  {
    id: 'T4-state-capital',
    family: 'table',
    areas: () => ['T4', 'T9'],
    apply(c) {
      const t = tablePath(c, 'T4');
      const what = bumpCell(c, `${t}/expenditure/total/4`, Math.abs(delta(c)), c.info.tableUnit);
      return {
        path: `${t}/expenditure/total/4`,
        description: `T4 支出总计 国有资本经营预算 ${what}, while the state capital table is empty`,
        expected: [
          { rule: 'BUD.X.T4-T9', path: `${tablePath(c, 'T9')}/total/2` },
          { rule: 'BUD.T4.expenditure-total', path: `${t}/expenditure/total/4` },
          { rule: 'BUD.T4.row-sum', path: `${t}/expenditure/total/1` },
        ],
      };
    },
  },
  {
    id: 'T4-balance',
    family: 'table',
    areas: () => ['T4'],
    apply(c) {
      const t = tablePath(c, 'T4');
      const what = bumpCell(c, `${t}/income/total/1`, delta(c), c.info.tableUnit);
      return {
        path: `${t}/income/total/1`,
        description: `T4 收入总计 ${what}: not its items' sum nor the spending total`,
        expected: [
          { rule: 'BUD.T4.balance', path: `${t}/income/total/1` },
          { rule: 'BUD.T4.income-total', path: `${t}/income/total/1` },
        ],
      };
    },
  },
  {
    id: 'T7-vehicles',
    family: 'table',
    areas: () => ['T7'],
    apply(c) {
      const t = tablePath(c, 'T7');
      const col = c.rng.pick([3, 4]);
      const what = bumpCell(c, `${t}/rows/0/${col}`, Math.abs(delta(c, 1, 5)), '万元');
      return { path: `${t}/rows/0/${col}`, description: `T7 ${col === 3 ? '公务用车购置费' : '公务用车运行费'} ${what}`, expected: [{ rule: 'BUD.T7.vehicles', path: `${t}/rows/0/2` }] };
    },
  },
  {
    id: 'T9-cell',
    family: 'table',
    areas: () => ['T9'],
    apply(c) {
      const t = tablePath(c, 'T9');
      const what = bumpCell(c, `${t}/total/4`, Math.abs(delta(c)), c.info.tableUnit);
      return { path: `${t}/total/4`, description: `T9 合计 项目支出 ${what} in a table whose 合计 is blank`, expected: [{ rule: 'BUD.T9.row-sum', path: `${t}/total/2` }] };
    },
  },
  {
    id: 'T3-code-misplaced',
    family: 'table',
    areas: () => ['T3'],
    apply(c) {
      const t = tablePath(c, 'T3');
      const u = c.info.tableUnit;
      const rows = tableRows(c.doc, c.info.tables.T3);
      // the last 项 of a 款 that has others: its code moved to another 款 files it nowhere
      const cands = rows
        .map((r, i) => ({ r, i }))
        .filter(({ r, i }) => {
          const code = codeOf(r);
          const next = rows[i + 1] ? codeOf(rows[i + 1]!) : '';
          return code.length === 7 && !next.startsWith(code.slice(0, 5)) && rows.filter((x) => codeOf(x).length === 7 && codeOf(x).startsWith(code.slice(0, 5))).length >= 2;
        });
      if (cands.length === 0) return undefined;
      const { r, i } = c.rng.pick(cands);
      const code = codeOf(r);
      const kuan = rows.findIndex((x) => codeOf(x) === code.slice(0, 5));
      const moved = `${code.slice(0, 3)}${code.slice(3, 5) === '99' ? '98' : '99'}${code.slice(5)}`;
      const style = c.info.style.code;
      r[0] = style === 'number' ? num(moved) : style === 'compact' ? moved : `${moved.slice(0, 3)} ${moved.slice(3, 5)} ${moved.slice(5)}`;
      return {
        path: `${t}/rows/${i}/0`,
        description: `T3 ${r[1]}: code ${code} → ${moved}, no longer under its 款, which then misses it`,
        expected: [
          { rule: 'table-codes', path: `${t}/rows/${i}` },
          ...[2, 3, 4].filter((k) => cellCents(r[k], u) !== 0).map((k) => ({ rule: 'BUD.T3.hierarchy', path: `${t}/rows/${kuan}/${k}` })),
        ],
      };
    },
  },
  {
    id: 'T9-note',
    family: 'table',
    areas: () => ['T9'],
    apply(c) {
      const t = tablePath(c, 'T9');
      setAt(c.doc, `${t}/note`, undefined);
      return { path: `${t}/note`, description: 'the empty 国有资本经营预算支出表 no longer says why it is empty', expected: [{ rule: 'table-completeness', path: `${t}/title` }] };
    },
  },
];
