/** docs/relations.md from the catalogue: the reference stays the data it documents. */
import type { Catalogue } from './catalogue.js';
import { MAX_FINDINGS, MAX_TERMS } from './relation-rules.js';

export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

const HEAD = `# Table relations 表间关系

The checks between and within the standard tables, and between the narrative and the tables, are
data: \`rules/tables.yaml\` (how tables are recognised, what their columns are called, what each kind of
document must contain) and \`rules/relations/standard.yaml\` (the relations). This page is generated
from them (\`npm run docs:relations\`). Each relation is a rule: \`budgetlint rules\` lists it, and its
severity is set in \`budgetlint.config.yaml\` like any rule's (\`rules: {BUD.T4.balance: warn}\`).

## Tables

A document's \`tables\` are recognised by title (after the year, spaces, quotation marks and 部门 are
removed; the first matching pattern wins) or by an explicit \`kind: T5\`. Columns are named by their
printed labels, mapped to keys (\`合计\` → \`total\`, \`基本支出\` → \`basic\` …), or written as keys.
A blank cell ("", "-", "—") is an exact 0. Rows are arrays aligned to the columns; codes may be
written with spaces (\`201 06 01\`). Codes of 3/5/7 digits are levels 1/2/3; rows numbered
一、/（一）/1. are levels 1/2.

\`\`\`yaml
tables:
  - title: 2025年部门支出预算总表
    unit: 元
    columns: [科目编码, 科目名称, 合计, 基本支出, 项目支出]
    rows:
      - ["201", 一般公共服务支出, 22186440.80, 16093326.00, 6093114.80]
      - ["201 06", 财政事务, 22186440.80, 16093326.00, 6093114.80]
      - ["201 06 01", 行政运行, 16231840.80, 16093326.00, 138514.80]
    total: [null, 合计, 31214205.80, 25121091.00, 6093114.80]
  - title: 2025年部门财务收支预算总表      # a two-sided table: income and expenditure halves
    unit: 元
    income:
      columns: [项目, 预算数]
      rows: [[一、财政拨款收入, 31214205.80], [1. 一般公共预算资金, 31214205.80]]
      total: [收入总计, 31214205.80]
    expenditure:
      columns: [项目, 预算数]
      rows: [[一、一般公共服务支出, 22186440.80]]
      total: [支出总计, 31214205.80]
\`\`\`

## The relation language

\`\`\`yaml
relations:
  - id: BUD.T3.row-sum            # letters, digits, ".", "-", "_"
    description: {zh: …, en: …}
    applies: budget               # budget | final | any (default)
    severity: error               # off | warn | error (default error)
    each: T3.allrows              # optional: check once per row, the row's cells in scope
    where: count(children) > 0    # optional: only the rows where this holds
    columns: [total, basic]       # optional: once per column, as $col ('*': every amount column)
    assert: total == basic + project + opt(remit)
    message: {zh: …, en: …}       # optional; the default shows every term, the result, the gap
\`\`\`

- Names: \`T1\`…\`T9\` (a table by kind), and the narrative parts \`income\`, \`expenditure\`,
  \`three_public\`, \`operating_costs\`, \`procurement\`, \`assets\` (a figure stands for its amount).
- A table: \`.rows\` (without the total row), \`.allrows\` (with it), \`.total\` (the total row),
  \`.income\` / \`.expenditure\` (the halves of a two-sided table). A row: its cells by column key, and
  \`code\`, \`name\`, \`level\`, \`children\` (the rows one level below).
- \`children\` as a printed table reads: a coded row's children are the following rows one level
  down whose codes extend its code (20401 under 204), up to the next row whose code does not extend
  it; the same code again starts a new group and closes the earlier one (a table that repeats a code
  with another name is reported by [table-codes](rules/table-codes.md)). Rows without a code nest by
  their numbering (一、 or none › （一） or 1. › 其中：), up to the next row at their level or above.
- Lists: \`list[*]\`, \`list[condition]\` (the condition sees each element's fields), \`list.key\`
  (that field of each element).
- Operators: \`+ - * /\`, comparisons \`== != <= >= < >\`, \`and or not\`, parentheses.
- Functions: \`sum(list)\`, \`count(list)\`, \`opt(x)\` (0 when x is absent), \`exists(x)\`, \`abs(x)\`,
  \`len(text)\`, \`startsWith(text, prefix)\`, \`matches(text, 'regex')\`.
- Every amount is converted exactly to 元 and carries the rounding its figure was written with; \`==\`
  holds when the two sides' intervals overlap (a nonzero gap within them is an info finding).
- Anything absent (a table, a column, a figure) makes the relation not applicable: nothing is said.
- Bounds, so that any input is checked in bounded time and output: a finding lists at most
  ${MAX_TERMS} terms and related figures (\`data.termsOmitted\` counts the rest; the sums and the
  difference are over every term), and a relation reports at most ${MAX_FINDINGS} findings in a
  document, then one finding (message id \`more\`) that counts the rest.
- Errors in a relation file (a bad expression, an unknown function, a wrong key) stop the run with the
  file, line and column (exit 2).

## A region's own template

\`budgetlint.config.yaml\`:

\`\`\`yaml
relations: [./relations/hebei.yaml]   # relative to the config file
\`\`\`

In that file, \`tables:\` adds title patterns (tried before the built-in ones) and column labels,
\`columns:\` adds labels for every table, \`profiles:\` changes what a document must contain, and
\`relations:\` adds relations or changes one by its id (any field; \`severity: off\` removes it).

## Built-in relations
`;

export function relationsDoc(cat: Catalogue): string {
  const entries = cat.relations.map((r) => {
    const lines = [`<a id="${anchorOf(r.id)}"></a>`, '', `### ${r.id}`, '', `${r.description.zh}  `, `${r.description.en}`, ''];
    lines.push(`- default severity: ${r.severity}${r.applies !== 'any' ? `; applies to: ${r.applies}` : ''}`);
    if (r.each) lines.push(`- each: \`${r.each}\`${r.where ? `, where \`${r.where}\`` : ''}`);
    if (r.columns) lines.push(`- columns: ${r.columns === '*' ? 'every amount column' : r.columns.map((c) => `\`${c}\``).join(', ')}`);
    lines.push(`- assert: \`${r.assert}\``);
    if (r.doc) lines.push('', r.doc);
    return lines.join('\n');
  });
  const kinds = cat.kinds.map((k) => `| ${k.id} | ${k.name.zh} | ${k.patterns.map((p) => `\`${p.source}\``).join(', ')} |`);
  const table = `| kind | table | title patterns |\n| --- | --- | --- |\n${kinds.join('\n')}\n\n`;
  return `${HEAD.replace('## The relation language', () => table + '## The relation language')}\n${entries.join('\n\n')}\n`;
}
