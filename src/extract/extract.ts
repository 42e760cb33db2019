/**
 * Blocks of a published document → the budget model, with a source map from every data path to its
 * place in the original. What is not understood is kept as a note (an info finding), never dropped.
 */
import { NumberText } from '../arith/decimal.js';
import type { Path } from '../engine/path.js';
import type { Block, ParagraphBlock, SourceLoc, TableBlock } from '../read/blocks.js';
import type { Catalogue } from '../relations/catalogue.js';
import { recogniseTable } from '../relations/catalogue.js';
import { clean, rowTexts } from './cells.js';
import { isIndicatorTable, readIndicatorTable } from './indicators.js';
import { readNarrative } from './narrative-map.js';
import { SourceMap } from './source-map.js';
import { readAssets, readProcurement, readStandardTable } from './tables.js';

export interface Note {
  zh: string;
  en: string;
  loc?: SourceLoc;
}

export interface Extraction {
  data: Record<string, unknown>;
  map: SourceMap;
  notes: Note[];
}

/** Headings as these documents number them: 一、 / （一） / 1、 / 第一部分. */
const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))/;

/** A line that states a table's unit (or its compiler and unit), printed between the title and the table. */
const UNIT_LINE = /^(?:金额)?单位[:：]|^(?:编制|填报)(?:单位|部门)[:：].*单位[:：]/;

/** Which part of the model a heading opens. */
const PARTS: [RegExp, string][] = [
  // named parts first: "机关运行经费支出情况" is about 机关运行经费, not 支出
  [/三公/, 'three_public'],
  [/机关运行经费/, 'operating_costs'],
  [/收入说明|收入预算|收入情况/, 'income'],
  [/支出说明|支出预算|支出情况/, 'expenditure'],
  [/比上年增减|增减情况|增减变化/, 'change'],
  [/政府采购/, 'procurement'],
  [/国有资产|资产占用|资产信息/, 'assets'],
  [/绩效/, 'performance'],
  [/名词解释|其他需要说明/, 'other'],
];

export function extractDocument(blocks: readonly Block[], cat: Catalogue, opts: { source?: string } = {}): Extraction {
  const map = new SourceMap();
  const notes: Note[] = [];
  const data: Record<string, unknown> = {};
  const doc: Record<string, unknown> = { kind: 'budget', unit: '万元' };
  data.document = doc;
  const projects: Record<string, unknown>[] = [];
  const tables: Record<string, unknown>[] = [];
  let department: Record<string, unknown> | undefined;
  let part = '';
  const titles: Record<string, string> = {};
  const paragraphs: ParagraphBlock[] = [];
  let lastHeading: ParagraphBlock | undefined;
  let sinceTable: ParagraphBlock[] = [];
  let tableNo = 0;
  let collectingGoal: ParagraphBlock[] | undefined;
  let deptGoal: ParagraphBlock[] | undefined;
  /** a 绩效目标 printed as a table of its own, its indicator table following after a few paragraphs */
  let pendingGoal: { text: string; loc: SourceLoc } | undefined;
  let lastTableTitle: ParagraphBlock | undefined;
  /** the standard table just read: a "注：…" line right under it is its note */
  let lastStd: Record<string, unknown> | undefined;

  // document: the department and year from the first lines ("…委员会" / "2021年部门预算信息公开情况说明")
  const head = blocks.slice(0, 6).filter((b): b is ParagraphBlock => b.type === 'paragraph');
  head.forEach((p, i) => {
    const m = /^(.*?)(\d{4})年度?(?:[省市区县]级)?(?:部门)?(预算|决算)/.exec(clean(p.text));
    if (!m || doc.year) return;
    doc.year = new NumberText(m[2]!);
    doc.kind = m[3] === '决算' ? 'final' : 'budget';
    doc.title = clean([m[1] ? '' : clean(head[i - 1]?.text ?? ''), clean(p.text)].join(''));
    const dept = m[1]?.trim() || (i > 0 ? clean(head[i - 1]!.text) : '');
    if (dept) {
      doc.department = dept;
      map.set(['document', 'department'], m[1]?.trim() ? p.loc : head[i - 1]!.loc);
    }
    map.set(['document', 'year'], p.loc);
    map.set(['document', 'title'], p.loc);
  });
  // "预算主管部门：…" under a title that names the region, not the department
  for (const p of head) {
    const m = /^(?:预算主管部门|主管部门)[:：]\s*(\S.*)$/.exec(clean(p.text));
    if (m) {
      doc.department = m[1]!.trim();
      map.set(['document', 'department'], p.loc);
      break;
    }
  }
  if (opts.source) doc.source = opts.source;

  for (const b of blocks) {
    if (b.type === 'paragraph') {
      const text = clean(b.text);
      if (!text) continue;
      // lines after a goal printed as a table of its own, before its indicators, continue the goal
      if (pendingGoal && /^\d+[.、．]/.test(text)) {
        pendingGoal.text += '\n' + text;
        continue;
      }
      paragraphs.push(b);
      sinceTable.push(b);
      if (lastStd && /^注[:：]/.test(text) && lastStd.note === undefined) {
        lastStd.note = text;
        map.set(['tables', tables.length - 1, 'note'], b.loc);
      }
      lastStd = undefined;
      if (/绩效目标(申报)?表$/.test(text)) lastTableTitle = b;
      if (b.heading !== undefined || (HEADING.test(text) && text.length <= 40)) {
        lastHeading = b;
        const p = PARTS.find(([re]) => re.test(text));
        if (p && !/^第[一二三四五六七八九十]+部分/.test(text)) {
          part = p[1];
          titles[part] ??= text;
        }
      }
      // 一、总体绩效目标: the department-wide goal, paragraphs up to the next heading
      if (lastHeading === b) {
        if (collectingGoal?.length) deptGoal ??= collectingGoal;
        collectingGoal = /总体绩效目标|部门整体绩效目标$|整体目标$/.test(text) ? [] : undefined;
      }
      else if (collectingGoal) collectingGoal.push(b);
      readNarrative(b, part, data, map, notes);
      continue;
    }
    tableNo++;
    lastStd = undefined;
    if (collectingGoal?.length) deptGoal ??= collectingGoal;
    collectingGoal = undefined;
    // the title is the last line before the table that is not its unit line ("单位：元", "编制部门：…　单位：万元")
    const title = [...sinceTable].reverse().find((p) => clean(p.text).length > 0 && !UNIT_LINE.test(clean(p.text).replace(/\s+/g, '')));
    const context = sinceTable.slice(-3).map((p) => clean(p.text));
    sinceTable = [];
    if (isIndicatorTable(b)) {
      const heading = title && /绩效目标|绩效指标/.test(clean(title.text)) ? title : lastTableTitle ?? lastHeading;
      lastTableTitle = undefined;
      const deptTable = !department && (part === 'performance' || /部门整体|整体支出/.test(clean(heading?.text ?? ''))) && /部门整体|整体支出|整体绩效/.test(context.join('') + clean(heading?.text ?? ''));
      const base: Path = deptTable ? ['performance', 'department'] : ['performance', 'projects', projects.length];
      const t = readIndicatorTable(b, heading, base, map, notes);
      if (!t.goal && pendingGoal) {
        t.goal = pendingGoal.text;
        map.set([...base, 'goal'], pendingGoal.loc);
      }
      pendingGoal = undefined;
      map.set(base, b.loc);
      if (deptTable) {
        department = { ...t, name: '部门整体' };
        if (!t.goal && deptGoal?.length) {
          department.goal = deptGoal.map((p) => clean(p.text)).join('\n');
          map.set([...base, 'goal'], deptGoal[0]!.loc);
        }
      } else projects.push(t as unknown as Record<string, unknown>);
      continue;
    }
    const procurement = readProcurement(b, ['procurement', 'items'], map);
    if (procurement) {
      const p = ((data.procurement as Record<string, unknown> | undefined) ??= {});
      p.items = procurement;
      continue;
    }
    const assets = readAssets(b, ['assets', 'categories'], map);
    if (assets) {
      const a = ((data.assets as Record<string, unknown> | undefined) ??= {});
      if (assets.total && a.total === undefined) a.total = assets.total;
      a.categories = assets.categories;
      const date = context.map((c) => /截止时间[:：]?\s*(.+)$/.exec(c)?.[1]).find(Boolean) ?? rowTexts(b.rows[0] ?? []).concat(rowTexts(b.rows[1] ?? [])).map((c) => /截止时间[:：]?\s*(.+)$/.exec(c)?.[1]).find(Boolean);
      if (date) a.date = date.trim();
      continue;
    }
    const firstRow = rowTexts(b.rows[0] ?? []);
    if (b.rows.length <= 2 && /^绩效目标$/.test(firstRow[0]?.replace(/\s+/g, '') ?? '')) {
      pendingGoal = { text: firstRow.slice(1).filter(Boolean).join('\n'), loc: b.rows[0]![1]?.loc ?? b.loc };
      continue;
    }
    const named = title && recogniseTable(cat, clean(title.text)) ? clean(title.text) : rowTexts(b.rows[0] ?? []).find((x) => recogniseTable(cat, x));
    const std = named ? readStandardTable(b, named, context, cat, ['tables', tables.length], map) : undefined;
    if (std) {
      tables.push(std);
      lastStd = std;
      continue;
    }
    notes.push({ zh: `表${tableNo}未能识别（既不是绩效目标表，也不是标准表格），未作检查`, en: `table ${tableNo} was not recognised (neither a performance table nor a standard table) and is not checked`, loc: b.loc });
  }

  // titles of the parts, as the document words them
  for (const [key, t] of Object.entries(titles)) {
    if (key === 'change' || key === 'other') continue;
    // a section the document has is there even when it states no figure the model takes (assets as counts)
    const target = ((data[key] as Record<string, unknown> | undefined) ??= {});
    target.title = t;
  }
  if (department || projects.length) {
    const perf = ((data.performance as Record<string, unknown> | undefined) ??= {});
    if (department) perf.department = department;
    if (projects.length) perf.projects = projects;
    fundsFromElsewhere(projects, data);
  }
  if (tables.length) data.tables = tables;
  return { data: order(data), map, notes };
}

/**
 * A project's funds when the document states them elsewhere: the 预算资金 of its procurement rows,
 * or a 成本 row named 预算资金 in its own table.
 */
function fundsFromElsewhere(projects: Record<string, unknown>[], data: Record<string, unknown>): void {
  const items = ((data.procurement as Record<string, unknown> | undefined)?.items ?? []) as Record<string, unknown>[];
  for (const p of projects) {
    if (p.funds !== undefined) continue;
    const name = String(p.name ?? '').replace(/\s+/g, '');
    const bought = items.find((it) => it.project_funds !== undefined && String(it.project ?? '').replace(/\s+/g, '') === name);
    if (bought) {
      p.funds = bought.project_funds;
      continue;
    }
  }
}

const ORDER = ['document', 'income', 'expenditure', 'operating_costs', 'three_public', 'performance', 'procurement', 'assets', 'tables', 'narrative'];

function order(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(ORDER.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}
