import { describe, expect, it } from '@jest/globals';
import { escapeData, escapeProperty, github } from '../../src/format/github.js';
import { ctx, file, finding, runCli } from './fixtures.js';

/** A workflow command read back the way the runner reads it: split at the first '::' and on ',' and '=', then unescaped. */
function read(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unProp = (s: string) => unData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const props = Object.fromEntries(
    m[2]!.split(',').map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i), unProp(kv.slice(i + 1))];
    }),
  );
  return { command: m[1]!, props, message: unData(m[3]!) };
}

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('github', () => {
  it('writes one annotation per finding: error, warning, notice, with the place and the rule as title', () => {
    const out = github(
      [file('data/a.yaml', [finding(), finding({ level: 'warn', ruleId: 'indicator-direction', line: 9, column: 3, endLine: 11, endColumn: 2 }), finding({ level: 'info', line: 12, endLine: undefined, endColumn: undefined })])],
      ctx('en'),
    );
    const [e, w, n] = lines(out).map(read);
    expect(e).toEqual({
      command: 'error',
      props: { file: 'data/a.yaml', line: '7', col: '10', endLine: '7', endColumn: '16', title: 'budget-balance' },
      message: 'spending total 100.00 is not 99.00\n› 部门收支总表 › 本年支出合计',
    });
    expect(lines(out)[0]).toBe('::error file=data/a.yaml,line=7,col=10,endLine=7,endColumn=16,title=budget-balance::spending total 100.00 is not 99.00%0A› 部门收支总表 › 本年支出合计');
    expect(w!.command).toBe('warning');
    expect(w!.props).toMatchObject({ line: '9', col: '3', endLine: '11', endColumn: '2', title: 'indicator-direction' });
    expect(n!.command).toBe('notice');
    expect(n!.props).toEqual({ file: 'data/a.yaml', line: '12', col: '10', title: 'budget-balance' });
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\dir,with%\n')).toBe('C%3A\\dir%2Cwith%25%0A');
    const nasty = '差 5%: a,b\r\nline two %0A literal';
    const out = github([file('dir,1/a:b%.yaml', [finding({ ruleId: 'x:y,z', section: '', message: { zh: nasty, en: nasty } })])], ctx());
    expect(lines(out)).toHaveLength(1);
    const a = read(lines(out)[0]!);
    expect(a.props.file).toBe('dir,1/a:b%.yaml');
    expect(a.props.title).toBe('x:y,z');
    expect(a.message).toBe(nasty);
    expect(out).toContain('::差 5%25: a,b%0D%0Aline two %250A literal');
  });

  it('annotates a finding in an imported document on the file, its place first; a fatal error as budgetlint', () => {
    const out = github(
      [
        file('report.docx', [finding({ line: 0, column: 0, section: '', location: { kind: 'xlsx', sheet: '表1', cell: 'C7' } })]),
        file('broken.yaml', [finding({ ruleId: null, fatal: true, section: '', line: 2, column: 1, endLine: undefined, endColumn: undefined, message: { zh: '无法解析', en: 'cannot parse' } })]),
      ],
      ctx(),
    );
    const [doc, fatal] = lines(out).map(read);
    expect(doc).toEqual({ command: 'error', props: { file: 'report.docx', title: 'budget-balance' }, message: '表1!C7：本年支出合计 100.00万元 不等于 99.00万元' });
    expect(fatal).toEqual({ command: 'error', props: { file: 'broken.yaml', line: '2', col: '1', title: 'budgetlint' }, message: '无法解析' });
  });

  it('leaves suppressed findings out, and writes nothing for clean files', () => {
    expect(github([file('a.yaml', [], [finding({ suppressed: { kind: 'directive' } })]), file('b.yaml', [])], ctx())).toBe('');
  });

  it('end to end: the built CLI writes one workflow command a line for the example disclosure', () => {
    const { code, stdout, stderr } = runCli('github');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const all = lines(stdout);
    expect(all.length).toBeGreaterThan(10);
    for (const l of all) {
      expect(l).toMatch(/^::(error|warning|notice) file=examples\/dachang-zhengfawei-2021\.yaml,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[\w.-]+::\S/);
      expect(l).not.toMatch(/\r/);
    }
    expect(all.map(read).find((a) => a.props.title === 'budget-balance')).toMatchObject({ command: 'error', props: { line: '31', col: '13' } });
  });
});
