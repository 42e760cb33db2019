/** The report written as results arrive (src/format/types.ts ReportStream, src/format/output.ts HeldReport). */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { FileResult } from '../../src/engine/finding.js';
import { FORMAT_NAMES, FORMATS, STREAMS } from '../../src/format/index.js';
import { toMessage } from '../../src/format/json.js';
import { HeldReport } from '../../src/format/output.js';
import type { Lang } from '../../src/format/types.js';
import { ctx, file, finding } from './fixtures.js';

const many: FileResult[] = [
  file('data/a.yaml', [
    finding(),
    finding({ level: 'warn', ruleId: 'indicator-direction', line: 9 }),
    finding({ level: 'info', line: 12, arithmetic: { stated: '100.00', computed: '100.01', difference: '-0.01', tolerance: '0.015', unit: '万元' } }),
  ], [finding({ ruleId: 'text-consistency', line: 20, suppressed: { kind: 'directive', justification: '原文如此' } })]),
  file('clean.yaml', []),
  file('broken.yaml', [finding({ ruleId: null, fatal: true, line: 2, column: 1, message: { zh: '无法解析', en: 'cannot parse' } })]),
  file('report.docx', [finding({ line: 0, column: 0, location: { kind: 'docx', table: 3, row: 5, column: 2 } })]),
  file('notes.yaml', [finding({ level: 'info', ruleId: 'text-consistency' })]),
];

/** Lists that take each format's edge cases: none, one clean file, one with findings, info only, a batch. */
const lists: [string, FileResult[]][] = [
  ['no files', []],
  ['one clean file', [many[1]!]],
  ['one file with findings', [many[0]!]],
  ['info only', [many[4]!, many[1]!]],
  ['a batch', many],
];

describe('streamed reports', () => {
  for (const name of FORMAT_NAMES) {
    for (const lang of ['zh', 'en'] as Lang[]) {
      it(`${name} (${lang}): the stream, fed a result at a time, writes the whole-list formatter's bytes`, async () => {
        const whole = await FORMATS[name]();
        const open = await STREAMS[name]();
        for (const [, results] of lists) {
          const s = open(ctx(lang));
          let out = s.head;
          for (const r of results) out += s.file(r);
          out += s.end();
          expect(out).toBe(whole(results, ctx(lang)));
        }
      });
    }
  }

  it('json is the array JSON.stringify writes', async () => {
    const json = await FORMATS.json();
    const entry = (r: FileResult) => ({
      filePath: r.filePath,
      messages: r.findings.map((f) => toMessage(f, 'zh')),
      suppressedMessages: r.suppressed.map((f) => toMessage(f, 'zh')),
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    for (const [, results] of lists) expect(json(results, ctx())).toBe(JSON.stringify(results.map(entry)));
  });

  it('stylish, csv and github write a file’s text as its result comes, the totals at the end', async () => {
    for (const name of ['stylish', 'csv', 'github'] as const) {
      const s = (await STREAMS[name]())(ctx('en'));
      expect(s.file(many[0]!)).toContain('data/a.yaml');
      expect(s.file(many[1]!)).toBe('');
    }
    const stylish = (await STREAMS.stylish())(ctx('en'));
    stylish.file(many[0]!);
    stylish.file(many[4]!);
    expect(stylish.end()).toContain('1 of 2 files have errors');
  });
});

describe('HeldReport', () => {
  const spills = () => readdirSync(tmpdir()).filter((n) => n.startsWith('budgetlint-report-'));

  it('gives back what was written, in order, from memory', async () => {
    const held = new HeldReport();
    for (const s of ['[', '{"a":1}', '', ',{"b":"收支"}', ']']) held.write(s);
    const out: string[] = [];
    await held.deliver((t) => void out.push(t));
    expect(out.join('')).toBe('[{"a":1},{"b":"收支"}]');
  });

  it('past its size, from a temporary file: the same text, characters split across reads put together, the file removed', async () => {
    const before = spills().length;
    const held = new HeldReport(10);
    const parts: string[] = [];
    // multi-byte characters (3 bytes in UTF-8, 4 for the emoji) at every offset of the 1 MiB reads
    for (let i = 0; i < 60000; i++) parts.push(`${i}:收支€😀\n`);
    for (const p of parts) held.write(p);
    expect(spills().length).toBe(before + 1);
    const out: string[] = [];
    await held.deliver((t) => void out.push(t));
    expect(out.join('')).toBe(parts.join(''));
    expect(out.length).toBeGreaterThan(1);
    expect(spills().length).toBe(before);
  });

  it('discard() drops the text and the temporary file: a failed run writes nothing', async () => {
    const before = spills().length;
    const held = new HeldReport(4);
    held.write('some text that spills');
    expect(spills().length).toBe(before + 1);
    held.discard();
    expect(spills().length).toBe(before);
    const out: string[] = [];
    await held.deliver((t) => void out.push(t));
    expect(out.join('')).toBe('');
    expect(existsSync(tmpdir())).toBe(true);
  });
});
