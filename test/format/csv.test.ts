import { describe, expect, it } from '@jest/globals';
import { CSV_COLUMNS, csv, csvField } from '../../src/format/csv.js';
import { ctx, file, finding, runCli } from './fixtures.js';

/** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes, nothing after a closing quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^",\r\n]*/.exec(text.slice(i))![0];
      field = m;
      i += m.length;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
}

function table(out: string): Record<string, string>[] {
  expect(out.startsWith('\uFEFF')).toBe(true);
  const [head, ...rows] = readCsv(out.slice(1));
  expect(head).toEqual([...CSV_COLUMNS]);
  for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe('csv', () => {
  it('starts with a UTF-8 BOM and the header, one finding a row, CRLF line ends', () => {
    const out = csv([file('data/a.yaml', [finding(), finding({ level: 'warn', ruleId: 'indicator-direction', line: 9 })]), file('b.yaml', [])], ctx());
    expect(out.split('\r\n')[0]).toBe('\uFEFFfile,line,column,place,severity,rule,section,path,message,stated,computed,difference,tolerance');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(table(out)).toEqual([
      { file: 'data/a.yaml', line: '7', column: '10', place: '', severity: 'error', rule: 'budget-balance', section: '部门收支总表 › 本年支出合计', path: '/expenditure/total', message: '本年支出合计 100.00万元 不等于 99.00万元', stated: '', computed: '', difference: '', tolerance: '' },
      expect.objectContaining({ line: '9', severity: 'warn', rule: 'indicator-direction' }),
    ]);
    expect(table(csv([], ctx()))).toEqual([]);
  });

  it('gives the arithmetic in its own columns, numbers left numbers', () => {
    const [r] = table(csv([file('a.yaml', [finding({ level: 'info', arithmetic: { stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015', unit: '万元' } })])], ctx()));
    expect(r).toMatchObject({ severity: 'info', stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015' });
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const message = '他说“a, b”和 "quoted" 以及\r\n第二行，末尾';
    const out = csv([file('dir, 1/a "b".yaml', [finding({ message: { zh: message, en: message } })])], ctx());
    expect(out).toContain('"dir, 1/a ""b"".yaml",7,10');
    expect(out).toContain('"他说“a, b”和 ""quoted"" 以及\r\n第二行，末尾"');
    const [r] = table(out);
    expect(r!.file).toBe('dir, 1/a "b".yaml');
    expect(r!.message).toBe(message);
  });

  it('keeps a text that a spreadsheet would run as a formula a text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1 元')).toBe("'+1 元");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2.12')).toBe('-2.12');
    expect(csvField('- 项目')).toBe("'- 项目");
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('gives an imported document its place and no line; a fatal error no rule', () => {
    const rows = table(
      csv(
        [
          file('report.docx', [finding({ line: 0, column: 0, location: { kind: 'docx', paragraph: 12, offset: 4 } })]),
          file('broken.yaml', [finding({ ruleId: null, fatal: true, section: '', pointer: '', line: 2, column: 1, message: { zh: '无法解析', en: 'cannot parse' } })]),
        ],
        ctx('en'),
      ),
    );
    expect(rows[0]).toMatchObject({ file: 'report.docx', line: '', column: '', place: 'paragraph 12 character 5' });
    expect(rows[1]).toMatchObject({ file: 'broken.yaml', line: '2', column: '1', place: '', rule: '', message: 'cannot parse' });
  });

  it('leaves suppressed findings out', () => {
    expect(table(csv([file('a.yaml', [], [finding({ suppressed: { kind: 'directive' } })])], ctx()))).toEqual([]);
  });

  it('end to end: the built CLI writes a CSV that reads back, one row per finding', () => {
    const { code, stdout, stderr } = runCli('csv');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const rows = table(stdout);
    const json = runCli('json');
    const [result] = JSON.parse(json.stdout) as { messages: unknown[] }[];
    expect(rows).toHaveLength(result!.messages.length);
    for (const r of rows) expect(r.file).toBe('examples/dachang-zhengfawei-2021.yaml');
    expect(rows.find((r) => r.rule === 'budget-balance')).toMatchObject({ line: '31', column: '13', severity: 'error', stated: '2913.49', computed: '2915.61', difference: '-2.12', tolerance: '0.015' });
  });
});
