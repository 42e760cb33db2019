/**
 * Which failures while linting one file refuse that file and let the run go on (src/cli/run.ts
 * outcomeOfFailure), and which stop it; and a batch around files it cannot read. `npm test` builds first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outcomeOfFailure } from '../../src/cli/run.js';
import { ConfigError } from '../../src/engine/config.js';
import { ReadError } from '../../src/read/blocks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist/budgetlint.js');
let dir: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEAD = (year: number) => `document:\n  department: 测试局\n  year: ${year}\n  kind: budget\n  unit: 万元\n`;
const CLEAN = (year: number) => `${HEAD(year)}expenditure:\n  total: 99.00\n  basic:\n    total: 40.00\n  project: 59.00\n`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-refusal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outcomeOfFailure', () => {
  const f = () => path.join(dir, 'x.docx');

  it('a document it cannot read: refused, named on its stderr line, its finding without the name', async () => {
    const o = await outcomeOfFailure(new ReadError('文件已损坏', 'the file is damaged'), f(), dir);
    expect('error' in o).toBe(false);
    if ('error' in o) return;
    expect(o.refused).toEqual({ zh: 'x.docx：文件已损坏', en: 'x.docx: the file is damaged' });
    expect(o.result.fatalErrorCount).toBe(1);
    expect(o.result.findings).toEqual([expect.objectContaining({ ruleId: null, fatal: true, line: 1, column: 1, message: { zh: '文件已损坏', en: 'the file is damaged' } })]);
  });

  it('a file system error: refused, with its code', async () => {
    let e: unknown;
    try {
      readFileSync(dir); // a directory: EISDIR, from the read system call
    } catch (x) {
      e = x;
    }
    const o = await outcomeOfFailure(e, f(), dir);
    expect('refused' in o && o.refused).toEqual({ zh: '无法读取 x.docx（EISDIR）', en: 'cannot read x.docx (EISDIR)' });
    expect('result' in o && o.result.findings[0]!.message).toEqual({ zh: '无法读取（EISDIR）', en: 'cannot be read (EISDIR)' });
  });

  it('a bug stops the run: an ordinary error, and Node’s own argument errors, which have a code but no system call', async () => {
    let nodeError: unknown;
    try {
      Buffer.alloc(-1);
    } catch (x) {
      nodeError = x;
    }
    expect((nodeError as NodeJS.ErrnoException).code).toBe('ERR_OUT_OF_RANGE');
    for (const e of [new TypeError('x is undefined'), nodeError]) {
      const o = await outcomeOfFailure(e, f(), dir);
      expect(o).toEqual({ error: { message: expect.stringMatching(/^x\.docx: /) } });
    }
  });

  it('a config error stops the run as it was thrown', async () => {
    const o = await outcomeOfFailure(new ConfigError('配置有误', 'bad config'), f(), dir);
    expect(o).toEqual({ error: { zh: '配置有误', en: 'bad config', path: true } });
  });
});

describe('a batch around a file it cannot read', () => {
  it('a previous year that does not parse: this year is linted as without it, last year reports its own error', () => {
    writeFileSync(path.join(dir, 'y2024.yaml'), CLEAN(2024));
    writeFileSync(path.join(dir, 'y2023.yaml'), `${CLEAN(2023)}narrative: [\n`);
    const alone = cli(['y2024.yaml', '-f', 'json']);
    expect(alone.code).toBe(0);
    const both = cli(['y2023.yaml', 'y2024.yaml', '-f', 'json']);
    expect(both.code).toBe(1); // y2023's syntax error: a finding, not a refusal
    expect(both.stderr).toBe('');
    const results = JSON.parse(both.stdout) as { filePath: string; fatalErrorCount: number }[];
    expect(results.map((r) => [path.basename(r.filePath), r.fatalErrorCount])).toEqual([
      ['y2023.yaml', 1],
      ['y2024.yaml', 0],
    ]);
    expect(results[1]).toEqual((JSON.parse(alone.stdout) as unknown[])[0]);
  });

  // a file that cannot be read, root or not: a link to /proc/self/mem, whose read fails (EIO) on Linux
  (existsSync('/proc/self/mem') ? it : it.skip)('an unreadable YAML file among others: refused by name, the others linted (pairing and sniffing do not stop)', () => {
    writeFileSync(path.join(dir, 'good.yaml'), CLEAN(2025));
    symlinkSync('/proc/self/mem', path.join(dir, 'mem.yaml'));
    for (const jobs of ['1', '2']) {
      const r = cli(['--jobs', jobs, '--only-budget-files', 'good.yaml', 'mem.yaml', 'y2024.yaml', '-f', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('budgetlint: 无法读取 mem.yaml（EIO）\n');
      const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; fatalErrorCount: number }[];
      expect(results.map((x) => [path.basename(x.filePath), x.errorCount, x.fatalErrorCount])).toEqual([
        ['good.yaml', 0, 0],
        ['mem.yaml', 1, 1],
        ['y2024.yaml', 0, 0],
      ]);
    }
  });
});
