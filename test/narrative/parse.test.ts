/**
 * parseNarrative on the phrasings real disclosures use (the sentences are quoted from the Dachang 2021 budget and
 * the Putuo 2024 final accounts and 2025 budget), on short made-up passages in the same style with known errors,
 * all of which the narrative rules must report, and with rounding-level gaps that are not errors.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Statement } from '../../src/model/schema.js';
import { isGenericLabel, normaliseLabel } from '../../src/narrative/normalise.js';
import { parseNarrative, type ParsedNarrative } from '../../src/narrative/parse.js';
import { lintNarrative, runRules, show } from './helpers.js';

/** A statement in a form that is easy to compare: amounts as written. */
function brief(s: Statement): Record<string, unknown> {
  const o: Record<string, unknown> = { label: s.label };
  if (s.amount) o.amount = s.amount.text;
  if (s.parent !== undefined) o.parent = s.parent;
  if (s.share) o.share = s.share.text;
  if (s.of !== undefined) o.of = s.of;
  if (s.change) {
    const c: Record<string, unknown> = {};
    if (s.change.direction) c.direction = s.change.direction;
    if (s.change.amount) c.amount = s.change.amount.text;
    if (s.change.rate) c.rate = s.change.rate.text;
    o.change = c;
  }
  if (s.blank !== undefined) o.blank = s.blank;
  return o;
}

const statements = (text: string) => parseNarrative(text).statements.map(brief);

/** The source text at a statement's field. */
function at(text: string, r: ParsedNarrative, statement: number, field: string): string[] {
  return r.offsets.filter((o) => o.statement === statement && o.field === field).map((o) => text.slice(o.start, o.end));
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ids = (text: string, unit: '元' | '万元' = '万元') => lintNarrative(text, unit).map((f) => `${f.level} ${f.ruleId}/${f.messageId} ${f.pointer}`);

describe('parseNarrative: the phrasings of real documents', () => {
  it('其中 and 包括: the parts of the figure before them, until the list ends', () => {
    const text = '2021年支出预算2913.49万元，其中基本支出541.96万元，包括人员类项目经费485.58万元和运转类公用经费56.38万元；项目支出2371.53万元。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '支出预算', amount: '2913.49' },
      { label: '基本支出', amount: '541.96', parent: 0 },
      { label: '人员类项目经费', amount: '485.58', parent: 1 },
      { label: '运转类公用经费', amount: '56.38', parent: 1 },
      { label: '项目支出', amount: '2371.53', parent: 0 },
    ]);
    expect(r.statements.every((s) => s.unit === '万元' && s.text === text)).toBe(true);
    expect(at(text, r, 1, 'label')).toEqual(['基本支出']);
    expect(at(text, r, 1, 'amount')).toEqual(['541.96万元']);
    expect(at(text, r, 3, 'label')).toEqual(['运转类公用经费']);
  });

  it('a change with its direction, attached to the figure it follows; the parts\' changes under 其中', () => {
    const text = '2021年预算收支安排2913.49万元，较2020年预算减少182.65万元，其中：基本支出增加29.49万元，主要为人员奖励支出；项目支出减少212.14万元，主要为减少了大厂县智慧综治工程村级建设项目系统项目支出。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '预算收支', amount: '2913.49', change: { direction: '减少', amount: '182.65' } },
      { label: '基本支出', parent: 0, change: { direction: '增加', amount: '29.49' } },
      { label: '项目支出', parent: 0, change: { direction: '减少', amount: '212.14' } },
    ]);
    expect(at(text, r, 0, 'change')).toEqual(['较2020年预算减少182.65万元']);
    expect(r.statements[1]!.unit).toBe('万元');
  });

  it('a change at the start of a sentence belongs to the figure the paragraph is about; a named one to its figure', () => {
    const text =
      '2021年，我部门财政拨款“三公”经费预算安排8.57万元。其中，因公出国（境）费0万元；公务用车购置及运维费8.3万元（其中：公务用车购置费为0万元，公务用车运维费8.3万元)；公务接待费0.27万元。与2020年相比增加0.11万元，公务接待费增加0.11万元，主要原因是接待费用按照人均公用经费总额的1.5%计提，人均经费2021年增长，所以公务接待费用增加。';
    expect(statements(text)).toEqual([
      { label: '财政拨款“三公”经费', amount: '8.57', change: { direction: '增加', amount: '0.11' } },
      { label: '因公出国（境）费', amount: '0', parent: 0 },
      { label: '公务用车购置及运维费', amount: '8.3', parent: 0 },
      { label: '公务用车购置费', amount: '0', parent: 2 },
      { label: '公务用车运维费', amount: '8.3', parent: 2 },
      { label: '公务接待费', amount: '0.27', parent: 0, change: { direction: '增加', amount: '0.11' } },
    ]);
  });

  it('占…的x%: a share with its whole as written; 占x%: a share of the parent', () => {
    const text = '本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他\n收入6.2万元，占0.21%；\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '本年收入合计', amount: '2946.25' },
      { label: '财政拨款收入', amount: '2940.05', parent: 0, share: '99.79' },
      { label: '其他收入', amount: '6.2', parent: 0, share: '0.21' },
      { label: '一般公共预算财政拨款支出', amount: '2940.05', share: '100.00', of: '本年支出合计' },
    ]);
    // a label wrapped over two lines of a PDF's text: the offsets span the line break
    expect(at(text, r, 2, 'label')).toEqual(['其他\n收入']);
    expect(at(text, r, 3, 'share')).toEqual(['占本年支出合计的100.00%']);
  });

  it('a share whose whole is named: 占一般公共预算支出的96.74%', () => {
    expect(statements('基本支出1200.00万元，占一般公共预算支出的96.74%。')).toEqual([
      { label: '基本支出', amount: '1200.00', share: '96.74', of: '一般公共预算支出' },
    ]);
  });

  it('同比减少…元，下降…%: a change amount and its rate, in 元', () => {
    const r = parseNarrative('2024年收入预算881437.50元，同比减少166271.4元，下降15.87%。');
    expect(r.statements.map(brief)).toEqual([{ label: '收入预算', amount: '881437.50', change: { direction: '减少', amount: '166271.4', rate: '15.87' } }]);
    expect(r.statements[0]!.unit).toBe('元');
  });

  it('与X相比，<label>减少…，下降…%: the change of the figure its label names', () => {
    const text = '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入\n支出总计减少56.95万元，下降1.87%。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([{ label: '收入支出总计', amount: '2995.39', change: { direction: '减少', amount: '56.95', rate: '1.87' } }]);
    expect(at(text, r, 0, 'change')).toEqual(['减少56.95万元']);
    expect(at(text, r, 0, 'rate')).toEqual(['下降1.87%']);
  });

  it('与2024年预算持平 and 与2024年预算一致0万元 (read as 持平, with a note)', () => {
    const r = parseNarrative('（二）公务车购置及运行费0万元，其中：公务用车购置费0万元，与2024年预算一致0万元；政府性基金拨款支出预算0万元，与2024年预算持平。');
    expect(r.statements.map(brief)).toEqual([
      { label: '公务车购置及运行费', amount: '0' },
      { label: '公务用车购置费', amount: '0', parent: 0, change: { direction: '持平', amount: '0' } },
      { label: '政府性基金拨款支出', amount: '0', parent: 0, change: { direction: '持平' } },
    ]);
    expect(r.notes.map((n) => n.zh)).toEqual(['“一致”按“持平”读取']);
  });

  it('其中： followed by enumerated items (（一）…（二）…) spans the items; a nested 其中 ends with its item', () => {
    const text =
      '2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：\n（一）因公出国（境）费0万元，与2024年预算持平，此项经费由区统筹安排。\n（二）公务车购置及运行费0万元，其中：公务用车购置费0万元，与2024年预算一致0万元，主要原因是本部门\n无公务用车；公务车用车运行费0万元，与2024年预算一致0万元，主要原因是本部门无公务用车。\n（三）公务接待费0.95万元，与2024年预算持平，主要原因是业务需要或跨部门协作交流等进行公务接待。\n二、机关运行经费预算\n2025年上海市普陀区财政局财政拨款的机关运行经费预算为229.43万元。';
    expect(statements(text)).toEqual([
      { label: '“三公”经费', amount: '0.95', change: { direction: '持平' } },
      { label: '因公出国（境）费', amount: '0', parent: 0, change: { direction: '持平' } },
      { label: '公务车购置及运行费', amount: '0', parent: 0 },
      { label: '公务用车购置费', amount: '0', parent: 2, change: { direction: '持平', amount: '0' } },
      { label: '公务车用车运行费', amount: '0', parent: 2, change: { direction: '持平', amount: '0' } },
      { label: '公务接待费', amount: '0.95', parent: 0, change: { direction: '持平' } },
      { label: '机关运行经费', amount: '229.43' },
    ]);
  });

  it('parallel series: items with 年初预算 and 支出决算 are parts of the two figures before 其中', () => {
    const text =
      '一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排，个别信息化项目和中介机构服务调减。其中：\n1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。\n2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。年初预算为 10.00 万元，支出决算为10.00万元。决算数与预算数基本持平。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '一般公共预算财政拨款支出年初预算', amount: '2993.92' },
      { label: '支出决算', amount: '2940.05' },
      { label: '年初预算', amount: '1560.05', parent: 0 },
      { label: '支出决算', amount: '1511.89', parent: 1 },
      { label: '年初预算', amount: '10.00', parent: 0 },
      { label: '支出决算', amount: '10.00', parent: 1 },
    ]);
    // 决算数与预算数基本持平 compares with the budget, not last year: no change
    expect(r.notes.map((n) => n.en)).toContain('a comparison with the budget, not with last year: not read as a change');
  });

  it('"X中，" and "X主要内容如下：" list the parts of a figure stated before; a second list restates it', () => {
    const text =
      '支出预算3,121.42万元，其中：财政拨款支出预算3,121.42万元，比2024年预算增加107.62万元。财政拨款支出预\n算中，一般公共预算拨款支出预算3,121.42万元，比2024年预算增加107.62万元；政府性基金拨款支出预算0万元，与\n2024年预算持平。\n财政拨款支出主要内容如下：\n1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于局本级及所属单位人员经\n费及公用经费等的基本支出。\n2.“一般公共服务支出（类）财政事务（款）一般行政管理事务（项）”10.00万元，主要用于财政业务指导与宣\n传。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '支出预算', amount: '3121.42' },
      { label: '财政拨款支出', amount: '3121.42', parent: 0, change: { direction: '增加', amount: '107.62' } },
      { label: '一般公共预算拨款支出', amount: '3121.42', parent: 1, change: { direction: '增加', amount: '107.62' } },
      { label: '政府性基金拨款支出', amount: '0', parent: 1, change: { direction: '持平' } },
      { label: '财政拨款支出', amount: '3121.42' },
      { label: '“一般公共服务支出（类）财政事务（款）行政运行（项）”', amount: '1623.18', parent: 4 },
      { label: '“一般公共服务支出（类）财政事务（款）一般行政管理事务（项）”', amount: '10.00', parent: 4 },
    ]);
    // the restatement has its label where the list names it, and no amount offset (the amount is not written there)
    expect(at(text, r, 4, 'label')).toEqual(['财政拨款支出']);
    expect(at(text, r, 4, 'amount')).toEqual([]);
  });

  it('labels: connectives, dates, the department and arrangement words trimmed; bracketed notes kept', () => {
    expect(statements('2021年，我部门机关运行经费共计安排56.38万元，主要用于本部门办公区的日常维修。')).toEqual([{ label: '机关运行经费', amount: '56.38' }]);
    expect(statements('2025年上海市普陀区财政局财政拨款的机关运行经费预算为229.43万元。')).toEqual([{ label: '机关运行经费', amount: '229.43' }]);
    expect(statements('中共大厂回族自治县委政法委员会上年末固定资产金额为4088.72万元，本年度拟购置固定资产70万元。')).toEqual([
      { label: '上年末固定资产金额', amount: '4088.72' },
      { label: '本年度拟购置固定资产', amount: '70' },
    ]);
    expect(statements('上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。')).toEqual([
      { label: '政府采购金额（以合同签订为准）', amount: '251.25' },
      { label: '货物采购金额', amount: '4.79', parent: 0 },
      { label: '工程采购金额', amount: '0', parent: 0 },
      { label: '服务采购金额', amount: '246.47', parent: 0 },
    ]);
  });

  it('spaced-out characters of a PDF\'s justified line', () => {
    expect(statements('其中：中介机构服务费418.80万\n元 ， 财 政 业 务 费 10.00 万 元 ， 援 滇 干 部 工 作 经 费 3.00 万 元 。')).toEqual([
      { label: '中介机构服务费', amount: '418.80' },
      { label: '财政业务费', amount: '10.00' },
      { label: '援滇干部工作经费', amount: '3.00' },
    ]);
  });

  it('thresholds, unit prices and counts are not figures; a count keeps 其中 from reaching past it', () => {
    const r = parseNarrative('由我局申请400.00万元以上基本建设项目；印制刊物2000份，每份5元。截至2024年12月31日，共有车辆0辆，其中：部级领导干部用车0辆；单价100万元（含）以上设备2台（套）。');
    expect(r.statements).toEqual([]);
    expect(r.notes.map((n) => n.en)).toEqual([
      'a threshold ("… 以上/以下"), not a stated figure',
      'a unit price, not a stated figure',
      'a threshold ("… 以上/以下"), not a stated figure',
    ]);
  });

  it('以上合计 / 以上约计: the total of the figures before it in the paragraph', () => {
    expect(statements('县综治二期建设经费（三级综治平台建设30%费用）511.89万元；县综治二期建设经费（雪亮工程建设30%费用）1064.49万元。以上约计1576.38万元。')).toEqual([
      { label: '县综治二期建设经费（三级综治平台建设30%费用）', amount: '511.89', parent: 2 },
      { label: '县综治二期建设经费（雪亮工程建设30%费用）', amount: '1064.49', parent: 2 },
      { label: '以上约计', amount: '1576.38' },
    ]);
    expect(ids('印制刊物2000份，每份5元，需1.00万元；手提袋5000个，每个3元，需1.50万元。以上合计3.00万元。')).toEqual(['error narrative-sum/mismatch /narrative/2/amount']);
  });

  it('A和B分别为X和Y: the amounts take the names in order', () => {
    expect(statements('支出预算500万元，其中基本支出和项目支出分别为300万元和200万元。')).toEqual([
      { label: '支出预算', amount: '500' },
      { label: '基本支出', amount: '300', parent: 0 },
      { label: '项目支出', amount: '200', parent: 0 },
    ]);
  });

  it('traditional characters: matched as simplified, kept as written', () => {
    const text = '2024年支出預算1,200.00萬元，其中基本支出800.00萬元，佔支出預算的66.67%；項目支出400.00萬元，佔33.33%。與2023年預算相比減少100.00萬元，下降7.69%。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '支出預算', amount: '1200.00', change: { direction: '减少', amount: '100.00', rate: '7.69' } },
      { label: '基本支出', amount: '800.00', parent: 0, share: '66.67', of: '支出預算' },
      { label: '項目支出', amount: '400.00', parent: 0, share: '33.33' },
    ]);
    expect(r.statements[0]!.unit).toBe('万元');
    expect(at(text, r, 0, 'amount')).toEqual(['1,200.00萬元']);
    expect(normaliseLabel('項目支出')).toBe(normaliseLabel('项目支出'));
  });

  it('amounts in 亿元 and full-width digits', () => {
    const r = parseNarrative('本年支出合计１．２５億元，其中项目支出0.5亿元。');
    expect(r.statements.map(brief)).toEqual([
      { label: '本年支出合计', amount: '1.25' },
      { label: '项目支出', amount: '0.5', parent: 0 },
    ]);
    expect(r.statements.map((s) => s.unit)).toEqual(['亿元', '亿元']);
  });

  it('blank placeholders: a statement with `blank`', () => {
    const text = '公务接待费4.50万元，占“三公”经费的 %。机关运行经费XX万元，比上年减少 万元，增长 %。支出预算 万元。';
    const r = parseNarrative(text);
    expect(r.statements.map(brief)).toEqual([
      { label: '公务接待费', amount: '4.50', blank: '占“三公”经费的 %' },
      { label: '机关运行经费', change: { direction: '减少' }, blank: '机关运行经费XX万元；比上年减少 万元；增长 %' },
      { label: '支出预算', blank: '支出预算 万元' },
    ]);
    expect(at(text, r, 1, 'blank')).toEqual(['机关运行经费XX万元', '比上年减少 万元', '增长 %']);
  });

  it('words that look like a change or a blank but are not: 增长，/ 减少了… / 单位：万元 / 人均经费2021年增长', () => {
    const r = parseNarrative('人均经费2021年增长，所以公务接待费用增加。主要为减少了项目支出。（单位：万元）导致相关支出略有增加。');
    expect(r.statements).toEqual([]);
  });

  it('never throws, and its offsets stay in the text', () => {
    const pieces = ['其中', '：', '，', '。', '；', '（', '）', '占', '的', '%', '万元', '元', '亿元', '增加', '减少', '下降', '持平', '较2020年', '与上年相比', '分别为', '包括', '1.', '（一）', '\n', '\n\n', ' ', 'XX', '12.5', '3,121.42', '-', '“', '”', '基本支出', '項目支出', '萬元', '中', '主要内容如下：'];
    const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        const r = parseNarrative(text);
        for (const o of r.offsets) {
          expect(o.start).toBeGreaterThanOrEqual(0);
          expect(o.end).toBeLessThanOrEqual(text.length);
          expect(o.start).toBeLessThanOrEqual(o.end);
          expect(o.statement).toBeLessThan(r.statements.length);
        }
        r.statements.forEach((s, i) => {
          if (s.parent !== undefined) {
            expect(s.parent).toBeGreaterThanOrEqual(0);
            expect(s.parent).toBeLessThan(r.statements.length);
            expect(s.parent).not.toBe(i);
          }
        });
      }),
      { numRuns: 2000 },
    );
    expect(parseNarrative('')).toEqual({ statements: [], offsets: [], notes: [] });
    expect(parseNarrative(undefined as unknown as string).statements).toEqual([]);
  });

  it('is linear: a long degenerate text parses quickly', () => {
    const t0 = performance.now();
    parseNarrative('100万元，其中'.repeat(20000));
    parseNarrative('（'.repeat(50000) + '1万元' + '）'.repeat(50000));
    parseNarrative('较2020年减少'.repeat(20000));
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('measure words are not names', () => {
    expect(['年初预算', '支出决算', '采购金额', '预算金额', '合计'].every(isGenericLabel)).toBe(true);
    expect(['基本支出', '机关运行经费', '“三公”经费'].some(isGenericLabel)).toBe(false);
  });
});

describe('the narrative rules on the real documents: every finding a real problem', () => {
  it('Dachang 2021 budget (sections 二、三、四、六、七)', () => {
    expect(ids(fixture('dachang-2021-budget-narrative.txt'))).toEqual([
      // 二、1: "2021年预算收入2913.49万元，其中：一般公共预算收入2913.49万元，…上年结转2.12万元": the parts come to 2915.61
      'error narrative-sum/exceeds /narrative/0/amount',
    ]);
  });

  it('Putuo 2024 final accounts (第三部分)', () => {
    expect(ids(fixture('putuo-czj-2024-final-accounts-narrative.txt'))).toEqual([
      // 五（二）: 2106.66 + 326.72 + 60.99 + 445.69 = 2940.06 for 2940.05: rounding
      'info narrative-sum/rounding /narrative/9/amount',
      // 五（三）: the eleven items' 年初预算 add up to 2993.93 (2993.92) and their 决算 to 2940.06 (2940.05): rounding
      'info narrative-sum/rounding /narrative/14/amount',
      'info narrative-sum/rounding /narrative/15/amount',
      // 十一（二）: 4.79 + 0 + 246.47 = 251.26 for 251.25: rounding
      'info narrative-sum/rounding /narrative/54/amount',
      // 五（二）: 一般公共服务支出 2106.66 ÷ 2940.05 = 71.65%, printed 71.73%: a slip, within the 0.1-point floor
      'info narrative-share/floor /narrative/10/share',
      // and so the four shares add up to 100.07%
      'info narrative-share/siblingsRounding /narrative/10/share',
    ]);
  });

  it('Putuo 2025 budget (编制说明, 其他相关情况说明, 项目经费情况说明)', () => {
    expect(ids(fixture('putuo-czj-2025-budget-narrative.txt'))).toEqual([
      // 财政拨款支出主要内容: item 7 printed 887.36万元 (the tables: 87.36): the items come to 3921.38 for 3121.42
      'error narrative-sum/exceeds /narrative/10/amount',
    ]);
  });
});

const DACHANG = new URL('../../../shared/documents/dachang-zhengfawei-2021-budget.txt', import.meta.url);

(existsSync(DACHANG) ? describe : describe.skip)('the whole Dachang document, tables and performance goals included', () => {
  const text = existsSync(DACHANG) ? readFileSync(DACHANG, 'utf8') : '';
  const found = (list: Statement[]) => runRules(list).map((f) => `${f.level} ${f.ruleId}/${f.messageId} ${f.message.zh.slice(0, 12)}`);

  it('read paragraph by paragraph (as an importer does), only the real finding', () => {
    const all: Statement[] = [];
    for (const p of text.split('\n')) {
      const base = all.length;
      for (const s of parseNarrative(p).statements) all.push(s.parent !== undefined ? { ...s, parent: s.parent + base } : s);
    }
    expect(found(all)).toEqual(['error narrative-sum/exceeds 预算收入写为 2913.']);
  });

  it('read as one text, the same', () => {
    expect(found(parseNarrative(text).statements)).toEqual(['error narrative-sum/exceeds 预算收入写为 2913.']);
  });
});

describe('made-up passages with known errors: all reported', () => {
  it('a rate on the wrong base (30 ÷ 120 instead of 30 ÷ 150)', () => {
    const f = lintNarrative('2024年，我部门机关运行经费支出120.00万元，比2023年度减少30.00万元，下降25.00%。');
    expect(f.map(show)).toEqual([
      'error narrative-change/wrongBase /narrative/0/change/rate: 机关运行经费支出减少幅度 25.00% 是用本年数 120.00 作分母算的（|30.00| ÷ 120.00 = 25.00%）；应除以上年数 150.00（= 120.00 − (-30.00)），得 20.00%',
    ]);
  });

  it('the same in traditional characters', () => {
    expect(ids('2024年支出預算1,200.00萬元，其中基本支出800.00萬元，佔支出預算的66.67%；項目支出400.00萬元，佔33.33%。與2023年預算相比減少100.00萬元，下降8.33%。')).toEqual([
      'error narrative-change/wrongBase /narrative/0/change/rate',
    ]);
  });

  it('shares over 100%: two parts\' shares, and one share by itself', () => {
    expect(ids('本年支出合计500.00万元，其中：基本支出320.00万元，占64.00%；项目支出200.00万元，占40.00%。公务接待费4.50万元，占“三公”经费的104.50%。')).toEqual([
      'error narrative-sum/mismatch /narrative/0/amount',
      'error narrative-share/overHundred /narrative/3/share',
      'error narrative-share/siblings /narrative/1/share',
    ]);
  });

  it('a total labelled as a part', () => {
    expect(ids('2024年支出预算500.00万元，其中：基本支出120.00万元，项目支出380.00万元，支出合计500.00万元。')).toEqual(['error narrative-sum/partIsTotal /narrative/0/amount']);
  });

  it('a blank share, a blank amount and a blank change', () => {
    expect(ids('2024年“三公”经费预算12.50万元，其中：因公出国（境）费0万元；公务用车购置及运行费8.00万元；公务接待费4.50万元，占“三公”经费的 %。机关运行经费XX万元，比上年减少 万元，增长 %。')).toEqual([
      'error narrative-blank/blank /narrative/3/blank',
      'error narrative-blank/blank /narrative/4/blank',
    ]);
  });

  it('a direction word against the rate, the parts\' changes against the whole\'s, one item with two amounts', () => {
    expect(ids('项目支出210.00万元，比上年增加10.00万元，下降5.00%。')).toEqual(['error narrative-change/rateSign /narrative/0/change/rate']);
    expect(ids('2024年预算收支安排1000.00万元，较2023年预算增加50.00万元，其中：基本支出增加20.00万元；项目支出增加20.00万元。')).toEqual([
      'error narrative-change/components /narrative/0/change/amount',
    ]);
    expect(ids('2024年，我部门机关运行经费共计安排56.38万元，主要用于办公区的日常维修。2024年机关运行经费预算为56.83万元。')).toEqual([
      'error narrative-repeat/mismatch /narrative/1/amount',
    ]);
  });

  it('rounding-level gaps are info, not errors', () => {
    const f = lintNarrative('本年支出合计100.00万元，其中：基本支出33.33万元，占33.33%；项目支出66.66万元，占66.66%。2024年收入预算881437.50元，同比减少166271.4元，下降15.86%。机关运行经费56.4万元。机关运行经费563800.00元。');
    expect(f.map((x) => `${x.level} ${x.ruleId}/${x.messageId}`)).toEqual(['info narrative-sum/rounding', 'info narrative-change/rounding', 'info narrative-repeat/rounding']);
    expect(f.map((x) => x.message.zh)).toEqual([
      '本年支出合计写为 100.00万元，所列各部分之和为 99.99（基本支出 33.33 + 项目支出 66.66），相差 0.01，在舍入容差 ±0.015 之内',
      '收入预算减少幅度写为 15.86%，计算值 15.87%，相差 -0.01 个百分点，在舍入容差 ±0.1 之内',
      '“机关运行经费”在文中写了两次：第 5 条为 56.4万元，此处为 563800.00元，相差 -0.02万元，在舍入容差 ±0.0501 之内',
    ]);
  });
});
