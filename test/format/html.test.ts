import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CONTENT_SECURITY_POLICY, escapeHtml, html } from '../../src/format/html.js';
import { ctx, file, finding, runCli } from './fixtures.js';

/** An element of the page as parsed: its tag, attributes, children and all the text under it. */
interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: true });

function toEl(node: Record<string, unknown>): El | string {
  if ('#text' in node) return String(node['#text']);
  const tag = Object.keys(node).find((k) => k !== ':@')!;
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const kids = (node[tag] as Record<string, unknown>[]).map(toEl);
  const children = kids.filter((k): k is El => typeof k !== 'string');
  const text = kids.map((k) => (typeof k === 'string' ? k : k.text)).join('');
  return { tag, attrs, children, text };
}

/** The page checked well-formed (as XML: stricter than HTML needs) and parsed. */
function page(out: string): El {
  const ok = XMLValidator.validate(out);
  if (ok !== true) throw new Error(`not well-formed: ${JSON.stringify(ok)}`);
  // the validator lets a bare & or < in an attribute pass: checked here, outside the script's and style's CDATA
  const markup = out.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  expect(markup.match(/&(?!(amp|lt|gt|quot|#39);)/g)).toBeNull();
  expect(markup.match(/="[^"]*</g)).toBeNull();
  const nodes = (parser.parse(out) as Record<string, unknown>[]).map(toEl).filter((n): n is El => typeof n !== 'string');
  const root = nodes.find((n) => n.tag === 'html');
  expect(root).toBeDefined();
  return root!;
}

function all(el: El, pred: (e: El) => boolean, into: El[] = []): El[] {
  for (const c of el.children) {
    if (pred(c)) into.push(c);
    all(c, pred, into);
  }
  return into;
}
const byTag = (el: El, tag: string) => all(el, (e) => e.tag === tag);
const byClass = (el: El, cls: string) => all(el, (e) => (e.attrs.class ?? '').split(' ').includes(cls));
const one = (el: El, pred: (e: El) => boolean) => {
  const found = all(el, pred);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The facts of a finding or a summary: its dl as label → text (dt/dd pairs, or grouped in divs). */
function facts(el: El): Record<string, string> {
  const dl = one(el, (e) => e.tag === 'dl');
  const items = dl.children.flatMap((c) => (c.tag === 'div' ? c.children : [c]));
  const out: Record<string, string> = {};
  for (let i = 0; i < items.length; i += 2) {
    expect([items[i]!.tag, items[i + 1]!.tag]).toEqual(['dt', 'dd']);
    out[norm(items[i]!.text)] = norm(items[i + 1]!.text);
  }
  return out;
}
/** A table's body rows as arrays of cell texts. */
const rows = (table: El) => byTag(table, 'tr').filter((tr) => !tr.children.every((c) => c.tag === 'th' && c.attrs.scope === 'col')).map((tr) => tr.children.map((c) => norm(c.text)));

const ARITH = {
  stated: '2913.49',
  computed: '2915.61',
  difference: '-2.12',
  tolerance: '0.015',
  unit: '万元',
  terms: [
    { label: '本年收入合计', value: '2913.49', path: '/income/total/amount' },
    { label: '上年结转', value: '2.12', path: '/income/carryover/amount' },
  ],
};

function sample() {
  return [
    file('data/a.yaml', [
      finding({ arithmetic: ARITH, related: ['/income/total/amount', '/income/carryover/amount'] }),
      finding({ level: 'warn', ruleId: 'indicator-direction', line: 9, column: 3, section: '绩效目标 › 指标', pointer: '/performance/0' }),
      finding({ level: 'info', line: 12 }),
    ]),
    file('report.docx', [finding({ line: 0, column: 0, location: { kind: 'docx', table: 3, row: 5, column: 2 } }), finding({ ruleId: 'text-consistency', line: 0, column: 0, location: { kind: 'docx', paragraph: 12, offset: 4 } })]),
    file('clean.yaml', []),
    file('broken.yaml', [finding({ ruleId: null, fatal: true, section: '', pointer: '', line: 2, column: 1, message: { zh: '无法解析', en: 'cannot parse' } })]),
    file('quiet.yaml', [], [finding({ suppressed: { kind: 'directive', justification: '已核实' } })]),
  ];
}

describe('html', () => {
  it('is one page: a zh document, headings in order, a summary per document and overall', () => {
    const root = page(html(sample(), ctx()));
    expect(root.attrs.lang).toBe('zh-CN');
    expect(byTag(root, 'h1').map((h) => h.text)).toEqual(['budgetlint 检查报告']);
    expect(byTag(root, 'h2').map((h) => norm(h.text))).toEqual(['总览', '筛选', '文件：data/a.yaml', '文件：report.docx', '文件：clean.yaml', '文件：broken.yaml', '文件：quiet.yaml']);
    expect(byTag(root, 'title')[0]!.text).toBe('budgetlint 检查报告');

    // the overall summary: documents with errors (most errors first), counts by severity, the rules that fire most
    const overview = one(root, (e) => e.attrs.id === 'overview');
    expect(facts(overview)).toEqual({ 检查的文件: '5', 有错误的文件: '3', 发现: '6', 错误: '4', 警告: '1', 提示: '1' });
    expect(rows(one(root, (e) => e.attrs.id === 'summary'))).toEqual([
      ['report.docx', '有错误', '2', '0', '0', '2'],
      ['data/a.yaml', '有错误', '1', '1', '1', '3'],
      ['broken.yaml', '有错误', '1', '0', '0', '1'],
      ['clean.yaml', '无问题', '0', '0', '0', '0'],
      ['quiet.yaml', '无问题', '0', '0', '0', '0'],
    ]);
    // most findings first, then most errors
    expect(rows(one(root, (e) => e.attrs.id === 'top-rules'))).toEqual([
      ['budget-balance', '收支平衡', '2', '0', '1', '3', '2'],
      ['（无规则：无法读取或解析）', '', '1', '0', '0', '1', '1'],
      ['text-consistency', '文字前后一致', '1', '0', '0', '1', '1'],
      ['indicator-direction', '指标方向', '0', '1', '0', '1', '1'],
    ]);

    // per document: counts by severity and by rule
    const docs = byTag(root, 'section').filter((s) => s.attrs.class === 'doc');
    expect(docs.map((d) => d.attrs['data-file'])).toEqual(['data/a.yaml', 'report.docx', 'clean.yaml', 'broken.yaml', 'quiet.yaml']);
    const aCounts = one(docs[0]!, (e) => e.tag === 'dl' && e.attrs.class === 'counts');
    expect(aCounts.children.map((c) => norm(c.text))).toEqual(['发现3', '错误1', '警告1', '提示1']);
    expect(rows(one(docs[0]!, (e) => e.tag === 'table' && e.attrs.class === 'rules'))).toEqual([
      ['budget-balance', '收支平衡', '1', '0', '1', '2'],
      ['indicator-direction', '指标方向', '0', '1', '0', '1'],
    ]);
    expect(byClass(docs[2]!, 'clean').map((p) => p.text)).toEqual(['没有发现。']);
  });

  it('gives each finding its figures: the arithmetic, the terms with their data paths, related pointers, section and place', () => {
    const root = page(html(sample(), ctx()));
    const articles = byTag(root, 'article');
    expect(articles).toHaveLength(7);
    const first = articles[0]!;
    expect(first.attrs).toMatchObject({ class: 'finding level-error', 'data-level': 'error', 'data-rule': 'budget-balance', 'data-doc': 'doc-0' });
    expect(norm(byTag(first, 'h4')[0]!.text)).toBe('错误 budget-balance 7:10');
    expect(byClass(first, 'message')[0]!.text).toBe('本年支出合计 100.00万元 不等于 99.00万元');
    expect(facts(first)).toEqual({
      级别: '错误',
      规则: 'budget-balance 收支平衡',
      '位置（行:列）': '7:10',
      章节: '部门收支总表 › 本年支出合计',
      数据路径: '/expenditure/total',
      相关数据: '/income/total/amount/income/carryover/amount',
    });
    expect(byTag(first, 'li').map((l) => l.text)).toEqual(['/income/total/amount', '/income/carryover/amount']);
    const [arith, terms] = byTag(first, 'table');
    expect(byTag(arith!, 'caption')[0]!.text).toBe('算式（单位：万元）');
    expect(rows(arith!)).toEqual([
      ['所列数', '2913.49 万元'],
      ['计算数', '2915.61 万元'],
      ['差额', '-2.12 万元'],
      ['容差', '0.015 万元'],
    ]);
    expect(rows(terms!)).toEqual([
      ['本年收入合计', '2913.49', '/income/total/amount'],
      ['上年结转', '2.12', '/income/carryover/amount'],
    ]);
    // no arithmetic: no figures column
    expect(articles[1]!.attrs.class).toBe('finding level-warn no-figures');
    expect(byTag(articles[1]!, 'table')).toHaveLength(0);
    expect(facts(articles[2]!)).toMatchObject({ 级别: '提示' });

    // an imported document: its own place, no line
    expect(facts(articles[3]!)).toMatchObject({ 位置: '表3 第5行 第2列' });
    expect(facts(articles[4]!)).toMatchObject({ 位置: '第12段 第5字', 规则: 'text-consistency 文字前后一致' });
    // a file that cannot be parsed: no rule
    expect(articles[5]!.attrs['data-rule']).toBe('');
    expect(facts(articles[5]!)).toMatchObject({ 规则: '（无规则：无法读取或解析）', 文件无法读取或解析: '' });
    // a suppressed finding: in a closed <details>, with its justification
    expect(articles[6]!.attrs.class).toBe('finding level-error no-figures suppressed');
    expect(facts(articles[6]!)).toMatchObject({ 理由: '已核实' });
    expect(byTag(root, 'details').map((d) => d.attrs.open)).toEqual([undefined]);
  });

  it('in English with --lang en', () => {
    const root = page(html(sample(), ctx('en')));
    expect(root.attrs.lang).toBe('en');
    expect(byTag(root, 'h2').map((h) => norm(h.text)).slice(0, 3)).toEqual(['Overview', 'Filters', 'File: data/a.yaml']);
    const first = byTag(root, 'article')[0]!;
    expect(byClass(first, 'message')[0]!.text).toBe('spending total 100.00 is not 99.00');
    expect(facts(first)).toMatchObject({ Severity: 'Error', Rule: 'budget-balance Income and spending balance', 'Place (line:column)': '7:10' });
    expect(byTag(first, 'caption')[0]!.text).toBe('Arithmetic (unit: 万元)');
    expect(facts(byTag(root, 'article')[4]!)).toMatchObject({ Place: 'paragraph 12 character 5' });
  });

  it('has labelled filters for severity, rule and document, hidden until the script shows them', () => {
    const root = page(html(sample(), ctx()));
    const form = one(root, (e) => e.tag === 'form');
    expect(form.attrs.hidden).toBe('hidden');
    const boxes = byTag(form, 'input');
    expect(boxes.map((b) => [b.attrs.type, b.attrs.name, b.attrs.value, b.attrs.checked])).toEqual([
      ['checkbox', 'level', 'error', 'checked'],
      ['checkbox', 'level', 'warn', 'checked'],
      ['checkbox', 'level', 'info', 'checked'],
    ]);
    // each checkbox inside its label; each select named by a label for its id
    for (const l of byTag(form, 'label').filter((l) => byTag(l, 'input').length)) expect(norm(l.text)).toMatch(/^(错误|警告|提示)$/);
    const labelFor = byTag(form, 'label').map((l) => l.attrs.for).filter(Boolean);
    const selects = byTag(form, 'select');
    expect(selects.map((s) => s.attrs.id)).toEqual(labelFor);
    expect(byTag(selects[0]!, 'option').map((o) => [o.attrs.value, o.text])).toEqual([
      ['*', '全部规则'],
      ['', '（无规则：无法读取或解析） (1)'],
      ['budget-balance', 'budget-balance (3)'],
      ['indicator-direction', 'indicator-direction (1)'],
      ['text-consistency', 'text-consistency (1)'],
    ]);
    expect(byTag(selects[1]!, 'option').map((o) => o.attrs.value)).toEqual(['*', 'doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4']);
    // every finding carries what the filters match on
    for (const a of byTag(root, 'article')) expect(Object.keys(a.attrs)).toEqual(expect.arrayContaining(['data-level', 'data-rule', 'data-doc']));
  });

  it('escapes every text: messages, sections, file names, rule ids, terms, pointers, justifications', () => {
    const nasty = `<img src=x onerror="alert(1)"> & 'single' "double" </article></main><script src="https://evil.example/x.js"></script> ]]> \u0001 end`;
    const expected = nasty.replace('\u0001', '\ufffd');
    const f = finding({
      ruleId: `x"><script>alert(1)</script>`,
      message: { zh: nasty, en: nasty },
      section: nasty,
      pointer: `/a/<b>&"c"`,
      related: [nasty],
      arithmetic: { stated: '1<2', computed: '"3"', difference: '&', tolerance: "'", unit: '<元>', terms: [{ label: nasty, value: '<1>', path: `/p/"q"&<r>` }] },
    });
    const out = html([file(`dir/<a> & "b" 'c'.yaml`, [f]), file('quiet.yaml', [], [finding({ suppressed: { kind: 'directive', justification: nasty } })])], ctx());
    const root = page(out);
    // the user's text never becomes markup: one script element (the page's own), no img, no external src
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toMatch(/<img/);
    expect(byTag(root, 'script')).toHaveLength(1);
    expect(byTag(root, 'img')).toHaveLength(0);
    const a = byTag(root, 'article')[0]!;
    expect(a.attrs['data-rule']).toBe(`x"><script>alert(1)</script>`);
    expect(byClass(a, 'message')[0]!.text).toBe(expected);
    expect(facts(a)).toMatchObject({ 章节: norm(expected), 数据路径: `/a/<b>&"c"`, 相关数据: norm(expected) });
    expect(rows(byTag(a, 'table')[0]!)[0]).toEqual(['所列数', '1<2 <元>']);
    expect(rows(byTag(a, 'table')[1]!)).toEqual([[norm(expected), '<1>', `/p/"q"&<r>`]]);
    expect(one(root, (e) => e.tag === 'section' && e.attrs.id === 'doc-0').attrs['data-file']).toBe(`dir/<a> & "b" 'c'.yaml`);
    expect(facts(byTag(root, 'article')[1]!)).toMatchObject({ 理由: norm(expected) });
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
    expect(escapeHtml('a\u0000b\ud800c\u{1F600}')).toBe('a\ufffdb\ufffdc\u{1F600}');
  });

  it('loads nothing: no http(s) URL in src or href, and a policy that forbids any load but its own style and script', () => {
    const out = html(sample(), ctx());
    const root = page(out);
    for (const el of all(root, () => true)) {
      for (const k of ['src', 'href', 'action', 'srcset', 'data', 'poster']) if (el.attrs[k] !== undefined) expect(el.attrs[k]).not.toMatch(/^\s*(https?:)?\/\//i);
    }
    expect(out).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(out).not.toMatch(/@import|@font-face|url\(/);
    expect(byTag(root, 'link').map((l) => l.attrs.href)).toEqual(['data:,']);
    const csp = byTag(root, 'meta').find((m) => m.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content!;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/^default-src 'none'; /);
    // the hashes are those of the page's one style and one script, as the browser sees them
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(out)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(out)![1]!;
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(csp).toContain(`script-src ${hash(script)};`);
    expect(out).not.toMatch(/ style="/);
    expect(out).toMatch(/@media print \{[\s\S]*form\.filters[\s\S]*display: none[\s\S]*section\.doc \{ break-before: page;/);
  });

  it('shows the ten rules that fire most, the rest folded away', () => {
    const many = Array.from({ length: 12 }, (_, i) => Array.from({ length: 12 - i }, () => finding({ ruleId: `rule-${String(i).padStart(2, '0')}` }))).flat();
    const root = page(html([file('a.yaml', many)], ctx()));
    expect(rows(one(root, (e) => e.attrs.id === 'top-rules')).map((r) => [r[0], r[5]])).toEqual(Array.from({ length: 10 }, (_, i) => [`rule-${String(i).padStart(2, '0')}`, String(12 - i)]));
    const details = one(root, (e) => e.tag === 'details');
    expect(norm(byTag(details, 'summary')[0]!.text)).toBe('其余 2 条规则');
    expect(rows(one(details, (e) => e.attrs.id === 'other-rules')).map((r) => r[0])).toEqual(['rule-10', 'rule-11']);
  });

  it('with no files: the summary says so and there are no filters', () => {
    const root = page(html([], ctx()));
    expect(facts(one(root, (e) => e.attrs.id === 'overview'))).toMatchObject({ 检查的文件: '0', 有错误的文件: '0' });
    expect(byTag(root, 'form')).toHaveLength(0);
    expect(byTag(root, 'p').map((p) => p.text)).toContain('没有检查任何文件。');
  });

  it('end to end: the built CLI writes one article per finding of the JSON format', () => {
    const { code, stdout, stderr } = runCli('html');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const root = page(stdout);
    const [result] = JSON.parse(runCli('json').stdout) as { messages: { ruleId: string }[]; errorCount: number }[];
    expect(byTag(root, 'article')).toHaveLength(result!.messages.length);
    expect(rows(one(root, (e) => e.attrs.id === 'summary'))[0]!.slice(0, 3)).toEqual(['examples/dachang-zhengfawei-2021.yaml', '有错误', String(result!.errorCount)]);
    expect(byTag(root, 'article').filter((a) => a.attrs['data-rule'] === 'budget-balance')).toHaveLength(result!.messages.filter((m) => m.ruleId === 'budget-balance').length);
  });
});
