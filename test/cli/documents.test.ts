/**
 * Published documents through the built binary: places in every output format, `extract`, `--explain`,
 * and what is refused (exit 2, one line naming the file, never a stack trace). `npm test` builds first;
 * every fixture is built here, in a temporary directory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NARRATIVE, T3_SHEET, t3Docx, t3With, t3Xlsx } from '../support/budget-documents.js';
import { bombDocx, ci, lieAboutSizes, oleBytes, row, xlsxFiles, zip } from '../support/ooxml.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
const shared = path.resolve(root, '..', 'shared', 'documents');
let dir: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A refused file as users should see it: one line naming the file, exit 2, no trace of the code. Linted, it
 * is also in the report, as its file's one fatal finding (the message without the name the header gives);
 * `extract` writes nothing.
 */
function expectRefused(r: ReturnType<typeof cli>, file: string, says: RegExp, report = false) {
  expect(r.code).toBe(2);
  if (report) {
    const [head, finding, ...rest] = r.stdout.trim().split('\n');
    expect(head).toBe(file);
    expect(finding).toMatch(/^\s+1:1\s+(错误|error)\s+/);
    expect(finding).toMatch(says);
    expect(finding).not.toContain(file);
    expect(rest.join('\n')).toMatch(/✖ 1 (个问题（1 个错误|problem \(1 error)/);
  } else expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^budgetlint: ${file.replace(/\./g, '\\.')}(：|: )`));
  expect(lines[0]).toMatch(says);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+|Error:|内部错误|internal error/);
}

/** rule id and data path of each finding but the importer's notes, as the json format gives them */
function keys(json: string): string[] {
  const results = JSON.parse(json) as { messages: { ruleId: string; path?: string }[] }[];
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId !== 'import').map((m) => `${m.ruleId} ${m.path ?? ''}`)).sort();
}

const OFF = ['--rule', 'table-completeness:off'];
const WRONG = t3With(2, 5, '710.00');

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-cli-documents-'));
  const put = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(dir, name), bytes);
  put('t3.docx', await t3Docx(WRONG));
  put('t3.xlsx', await t3Xlsx(WRONG));
  put('narrative.txt', NARRATIVE.join('\n') + '\n');
  // what is refused
  put('report.pdf', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  put('renamed.docx', '%PDF-1.4\n1 0 obj\n');
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < ole.length; i++) ole[i] = (i * 7919) % 251;
  put('old.doc', ole);
  put('locked.docx', oleBytes(true));
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) % 256;
  put('corrupt.docx', junk);
  put('truncated.docx', (await t3Docx()).subarray(0, 600));
  // 65 MiB of zeros in word/document.xml, one limit over; and one that declares 1000 bytes and inflates to 70 MiB
  put('bomb.docx', await bombDocx(65));
  put('liar.docx', lieAboutSizes(await bombDocx(70), 1000));
  const noWorkbook = xlsxFiles([{ name: 'Sheet1', xml: row(1, ci('A1', '2025年部门支出预算总表')) }], []);
  delete noWorkbook['xl/workbook.xml'];
  put('no-workbook.xlsx', await zip(noWorkbook));
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a wrong cell of a .docx table', () => {
  it('is shown as 表1 第5行 第5列 in stylish', () => {
    const r = cli(['t3.docx', ...OFF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/表1 第5行 第5列\s+错误\s+支出总表：每行合计[^\n]*710\.00[^\n]*BUD\.T3\.row-sum/);
    expect(r.stdout).toMatch(/表1 第4行 第5列\s+错误[^\n]*BUD\.T3\.hierarchy/);
    expect(r.stdout).toContain('› 2025年部门支出预算总表 › 201 06 01 行政运行 › 合计');
  });

  it('is shown as table 1 row 5 column 5 with --lang en', () => {
    const r = cli(['t3.docx', ...OFF, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/table 1 row 5 column 5\s+error\s+expenditure table: each row total[^\n]*BUD\.T3\.row-sum/);
  });
});

describe('a wrong cell of an .xlsx sheet', () => {
  const place = `${T3_SHEET}!E7`;

  it('stylish', () => {
    const r = cli(['t3.xlsx', ...OFF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${place}\\s+错误[^\\n]*BUD\\.T3\\.row-sum`));
  });

  it('json: location and its text', () => {
    const r = cli(['t3.xlsx', ...OFF, '-f', 'json']);
    const m = (JSON.parse(r.stdout) as { messages: Record<string, unknown>[] }[])[0]!.messages.find((x) => x.ruleId === 'BUD.T3.row-sum')!;
    expect(m.location).toEqual({ kind: 'xlsx', sheet: T3_SHEET, cell: 'E7', text: place });
    expect(m.path).toBe('/tables/0/rows/2/2');
  });

  it('csv: the place column', () => {
    const r = cli(['t3.xlsx', ...OFF, '-f', 'csv']);
    const line = r.stdout.split('\n').find((l) => l.includes('BUD.T3.row-sum'))!;
    expect(line.split(',').slice(0, 6)).toEqual(['t3.xlsx', '', '', place, 'error', 'BUD.T3.row-sum']);
  });

  it('sarif: in the message and as a logical location', () => {
    const r = cli(['t3.xlsx', ...OFF, '-f', 'sarif']);
    const res = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { logicalLocations?: { name: string }[] }[] }[] }[] }).runs[0]!.results.find((x) => x.ruleId === 'BUD.T3.row-sum')!;
    expect(res.message.text.startsWith(place)).toBe(true);
    expect(res.locations[0]!.logicalLocations?.map((l) => l.name)).toContain(place);
  });
});

describe('a narrative .txt', () => {
  it('places each error at its line:column', () => {
    const r = cli(['narrative.txt', ...OFF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\n\s+6:10\s+错误[^\n]*expenditure-parts-sum/);
    expect(r.stdout).toMatch(/\n\s+8:14\s+错误[^\n]*narrative-share/);
    expect(r.stdout).toMatch(/\n\s+9:14\s+错误[^\n]*narrative-blank/);
    expect(r.stdout).toMatch(/\n\s+11:34\s+错误[^\n]*change-rate/);
    expect(r.stdout).not.toMatch(/\n\s+7:\d+\s+错误/);
  });

  it('--explain prints where each figure was read', () => {
    const r = cli(['narrative.txt', ...OFF, '--explain']);
    expect(r.stdout).toContain('narrative.txt：读取的内容及其在原文中的位置');
    // 收入预算1000.00万元 on line 4, its amount at column 10
    expect(r.stdout).toMatch(/^\s+4:10\s+\/income\/total\/amount\s+1000\.00$/m);
    expect(r.stdout).toMatch(/^\s+11:34\s+\/expenditure\/total\/change\/rate\s+20\.00$/m);
    expect(cli(['narrative.txt', ...OFF, '--explain', '--lang', 'en']).stdout).toContain('narrative.txt: what was read, and where from');
  });

  it('--explain on a .docx names cells', () => {
    expect(cli(['t3.docx', ...OFF, '--explain']).stdout).toMatch(/^\s+表1 第5行 第5列\s+\/tables\/0\/rows\/2\/2\s+710\.00$/m);
  });
});

describe('extract', () => {
  it('writes YAML that lints as the document does, numbers unquoted', () => {
    const w = cli(['extract', 't3.docx', '-o', 't3.yaml']);
    expect(w.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 't3.yaml'), 'utf8');
    expect(yaml).toMatch(/^# 由 budgetlint extract 从 t3\.docx 读出/m);
    expect(yaml).toMatch(/^ {2}year: 2025$/m);
    expect(yaml).toMatch(/- 710\.00$/m);
    expect(keys(cli(['t3.yaml', ...OFF, '-f', 'json']).stdout)).toEqual(keys(cli(['t3.docx', ...OFF, '-f', 'json']).stdout));
  });

  it('--format json parses, numbers as numbers', () => {
    const r = cli(['extract', 'narrative.txt', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\\u0000');
    const data = JSON.parse(r.stdout) as { document: { year: unknown }; income: { total: { amount: unknown } } };
    expect(data.document.year).toBe(2024);
    expect(data.income.total.amount).toBe(1000);
    // and the JSON written lints as the text does
    writeFileSync(path.join(dir, 'narrative.json'), r.stdout);
    expect(keys(cli(['narrative.json', ...OFF, '-f', 'json']).stdout)).toEqual(keys(cli(['narrative.txt', ...OFF, '-f', 'json']).stdout));
  });

  it('refuses to write over the document read (exit 2)', () => {
    for (const o of ['t3.docx', path.join(dir, 't3.docx'), './t3.docx']) {
      const r = cli(['extract', 't3.docx', '-o', o]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('budgetlint: -o 不能是被读取的文件本身\n');
    }
    expect(readFileSync(path.join(dir, 't3.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 2 for a missing file', () => {
    const r = cli(['extract', 'missing.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('budgetlint: 没有这个文件：missing.docx\n');
  });

  it('exits 2 for a file it cannot read, naming it', () => {
    expectRefused(cli(['extract', 'report.pdf']), 'report.pdf', /PDF/);
  });

  const maybe = existsSync(path.join(shared, 'dachang-zhengfawei-2021-budget.docx')) ? it : it.skip;
  maybe.each(['txt', 'docx'])('round trip: dachang-zhengfawei-2021-budget.%s → YAML lints alike', (ext) => {
    const doc = path.join(shared, `dachang-zhengfawei-2021-budget.${ext}`);
    const w = cli(['extract', doc, '-o', `dachang-${ext}.yaml`]);
    expect(w.code).toBe(0);
    const fromYaml = keys(cli([`dachang-${ext}.yaml`, '-f', 'json']).stdout);
    expect(fromYaml.length).toBeGreaterThan(20);
    expect(fromYaml).toEqual(keys(cli([doc, '-f', 'json']).stdout));
    const json = cli(['extract', doc, '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { document: { department: string } }).document.department).toBe('中共大厂回族自治县委政法委员会');
  }, 60000);
});

describe('input it refuses: exit 2, one line naming the file, and a fatal finding in the report', () => {
  it.each([
    // PDFs are read now: these are not whole ones
    ['report.pdf', /PDF 文件已损坏/],
    ['renamed.docx', /PDF 文件已损坏/],
    ['old.doc', /OLE 复合文档.*另存为 \.docx\/\.xlsx/],
    ['locked.docx', /加密.*取消密码/],
    ['corrupt.docx', /文件已损坏/],
    ['truncated.docx', /文件已损坏/],
    ['bomb.docx', /压缩炸弹/],
    ['liar.docx', /压缩炸弹/],
    ['no-workbook.xlsx', /缺少 xl\/workbook\.xml/],
  ])('%s', (file, says) => {
    expectRefused(cli([file]), file, says, true);
  });

  it('in English too', () => {
    expectRefused(cli(['old.doc', '--lang', 'en']), 'old.doc', /OLE compound file/, true);
    expectRefused(cli(['locked.docx', '--lang', 'en']), 'locked.docx', /encrypted \(password-protected\)/, true);
    expectRefused(cli(['bomb.docx', '--lang', 'en']), 'bomb.docx', /possibly a zip bomb; refused/, true);
  });

  it('goes on past it among good files: they are linted and reported as without it, and the run still exits 2', () => {
    // an auditor's batch with one scanned or damaged filing still gets the findings of all the others
    const alone = JSON.parse(cli(['narrative.txt', '-f', 'json']).stdout) as { filePath: string }[];
    const r = cli(['old.doc', 'narrative.txt', 'corrupt.docx', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^budgetlint: old\.doc：.*OLE/), expect.stringMatching(/^budgetlint: corrupt\.docx：/)]);
    const results = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number; messages: { fatal?: boolean; ruleId: string | null }[] }[];
    expect(results.map((x) => path.basename(x.filePath))).toEqual(['old.doc', 'narrative.txt', 'corrupt.docx']);
    expect(results[1]).toEqual(alone[0]);
    for (const k of [0, 2]) {
      expect(results[k]!.fatalErrorCount).toBe(1);
      expect(results[k]!.messages).toEqual([expect.objectContaining({ fatal: true, ruleId: null })]);
    }
    // -o gets the same report
    expect(cli(['old.doc', 'narrative.txt', 'corrupt.docx', '-f', 'json', '-o', 'refused.json']).code).toBe(2);
    expect(readFileSync(path.join(dir, 'refused.json'), 'utf8')).toBe(r.stdout);
  });

  it('is refused again by the next run: a refusal is not cached', () => {
    for (let run = 0; run < 2; run++) {
      const r = cli(['--cache', '--cache-location', '.refusal-cache', 'narrative.txt', 'corrupt.docx']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^budgetlint: corrupt\.docx：/);
    }
  });
});
