/** Which files a directory walk lints: the sniff for a top-level `document` key in a file's first 64 KiB. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keepBudgetFiles, resolveFiles } from '../../src/cli/files.js';

let dir: string;
const comment = (bytes: number) => `# ${'注'.repeat(Math.ceil(bytes / 3))}\n`; // 3 bytes a character in UTF-8

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-files-'));
  mkdirSync(path.join(dir, 'sub'));
  const files: Record<string, string> = {
    'a-plain.yaml': 'document:\n  department: x\n',
    'b-bom.yaml': '\uFEFFdocument: {department: x}\n',
    // the key past the first read (4 KiB) but within 64 KiB: still a budget file
    'c-late.yaml': `${comment(10_000)}document:\n  department: x\n`,
    // the key past 64 KiB: not looked at, as before
    'd-too-late.yaml': `${comment(70_000)}document:\n  department: x\n`,
    'e.json': '{\n  "document": {"department": "x"}\n}\n',
    'f-ci.yml': 'on: push\njobs: {}\n',
    'g-nested.yaml': 'other:\n  document: x\n',
    'h-empty.yaml': '',
    'package.json': '{"document": 1}',
    'sub/i.yaml': 'document: {}\n',
    'sub/j.docx': 'x',
  };
  for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveFiles on a directory', () => {
  it('keeps YAML/JSON with a top-level document key in the first 64 KiB, wherever in those it is, and documents', async () => {
    const found = await resolveFiles([dir], '/');
    expect(found.map((f) => path.relative(dir, f))).toEqual(['a-plain.yaml', 'b-bom.yaml', 'c-late.yaml', 'e.json', path.join('sub', 'i.yaml'), path.join('sub', 'j.docx')]);
  });

  it('keepBudgetFiles sniffs the same way, and keeps a file it cannot open for the lint to report', async () => {
    const named = ['c-late.yaml', 'd-too-late.yaml', 'g-nested.yaml', 'missing.yaml'].map((f) => path.join(dir, f));
    expect((await keepBudgetFiles(named)).map((f) => path.basename(f))).toEqual(['c-late.yaml', 'missing.yaml']);
  });
});

describe('pairYears: a batch holding two years of a department', () => {
  it('pairs each file with the same department’s file one year earlier, by what their heads state', async () => {
    const { pairYears } = await import('../../src/cli/pair-years.js');
    const years = path.join(dir, 'years');
    mkdirSync(years);
    const files: Record<string, string> = {
      'a-2020.yaml': 'document:\n  department: 甲局\n  year: 2020\n',
      'a-2021.yaml': '# 2021\ndocument:\n  department: "甲局"\n  year: 2021\n',
      'a-2023.yaml': 'document:\n  department: 甲局\n  year: 2023\n', // 2022 missing: no pair
      'b-2021.json': '{"document": {"department": "乙局", "year": 2021}}',
      'b-2022.json': '{"document": {"department": "乙局", "year": "2022"}}',
      'c-2022.yaml': 'document:\n  department: 丙局\n  year: 2022\n', // 丙 2021 is not in the batch
      'no-year.yaml': 'document:\n  department: 甲局\n',
      // the year past the first 8 KiB is not read
      'late-2022.yaml': `${'#'.repeat(9000)}\ndocument:\n  department: 甲局\n  year: 2022\n`,
    };
    for (const [f, t] of Object.entries(files)) writeFileSync(path.join(years, f), t);
    const pairs = await pairYears([...Object.keys(files).map((f) => path.join(years, f)), path.join(dir, 'sub', 'j.docx')]);
    expect(Object.fromEntries([...pairs].map(([k, v]) => [path.basename(k), path.basename(v)]))).toEqual({
      'a-2021.yaml': 'a-2020.yaml',
      'b-2022.json': 'b-2021.json',
    });
  });
});
