/**
 * The HTML report rendered in headless Chromium: it loads nothing, logs no error, shows the JSON format's
 * counts, its filters hide and show the right findings, it prints without the filters, and a screenshot.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`; no browser is downloaded)
 * and the built CLI (npm run build). Without Chromium the suite is skipped, saying why.
 * BUDGETLINT_KEEP_SCREENSHOTS=1 keeps the screenshots (their directory is printed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `skipped: ${CHROMIUM} is absent (install Debian's chromium: apt-get install -y chromium)`;
if (!HAVE_CHROMIUM) console.warn(`test/browser/html-report.test.ts ${SKIP_REASON}`);
const describeIfChromium = HAVE_CHROMIUM ? describe : describe.skip;

const FILES = ['examples/dachang-zhengfawei-2021.yaml', 'examples/standard-budget-errors.yaml', 'examples/clean.yaml'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; level: 'error' | 'warn' | 'info' }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

function cli(args: string[]) {
  const bin = path.join(root, 'dist/budgetlint.js');
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  const r = spawnSync(process.execPath, [bin, '--no-config-lookup', ...args, ...FILES], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  return r.stdout;
}

/** The findings shown (not hidden by a filter, not inside the closed "suppressed" details). */
const visibleFindings = (page: Page) =>
  page.$$eval('article.finding:not(.suppressed)', (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => ({ level: el.getAttribute('data-level'), rule: el.getAttribute('data-rule'), doc: el.getAttribute('data-doc') })));
const visibleDocs = (page: Page) => page.$$eval('section.doc', (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.getAttribute('data-file')));

function assertPng(file: string, minWidth: number, minHeight: number): void {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(buf.readUInt32BE(16)).toBeGreaterThanOrEqual(minWidth);
  expect(buf.readUInt32BE(20)).toBeGreaterThanOrEqual(minHeight);
  // a blank page compresses to a few hundred bytes: a rendered report is far more
  expect(statSync(file).size).toBeGreaterThan(20_000);
}

describeIfChromium(`html report in headless Chromium (${HAVE_CHROMIUM ? CHROMIUM : SKIP_REASON})`, () => {
  jest.setTimeout(120_000);
  let tmp: string;
  let context: BrowserContext;
  let page: Page;
  let results: JsonResult[];
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'budgetlint-html-'));
    const report = path.join(tmp, 'r.html');
    cli(['--format', 'html', '-o', report]);
    results = JSON.parse(cli(['--format', 'json'])) as JsonResult[];
    const { chromium } = await import('playwright-core');
    // a fresh profile each run
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, offline: true });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    page.on('request', (r) => requested.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (!tmp) return;
    if (process.env.BUDGETLINT_KEEP_SCREENSHOTS) {
      rmSync(path.join(tmp, 'profile'), { recursive: true, force: true });
      console.log(`screenshots kept in ${tmp}`);
    } else rmSync(tmp, { recursive: true, force: true });
  });

  it('renders, with no console error, no failed request, nothing loaded but the page itself', async () => {
    expect(await page.title()).toBe('budgetlint 检查报告');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.isVisible('#filters')).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requested.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
  });

  it('shows the counts of the JSON format, per document and overall', async () => {
    const shown = await page.$$eval('#summary tbody tr', (trs) =>
      trs.map((tr) => ({ file: tr.getAttribute('data-file'), ...Object.fromEntries(['error', 'warn', 'info', 'total'].map((k) => [k, Number(tr.querySelector(`[data-count="${k}"]`)!.textContent)])) })),
    );
    const expected = results.map((r) => ({ file: path.relative(root, r.filePath), error: r.errorCount, warn: r.warningCount, info: r.infoCount, total: r.messages.length }));
    expect(shown).toHaveLength(expected.length);
    expect(shown).toEqual(expect.arrayContaining(expected));
    const overall = await page.$$eval('#overview dl.counts div[data-level]', (ds) => Object.fromEntries(ds.map((d) => [d.getAttribute('data-level'), Number(d.querySelector('dd')!.textContent)])));
    expect(overall).toEqual({ error: sum(results, (r) => r.errorCount), warn: sum(results, (r) => r.warningCount), info: sum(results, (r) => r.infoCount) });
    // the rules that fire most: each rule's count as JSON gives it, the largest first
    // (the first ten in #top-rules, the rest folded in #other-rules)
    expect(await page.locator('#top-rules tbody tr').count()).toBe(Math.min(10, new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId))).size));
    const top = await page.$$eval('#top-rules tbody tr, #other-rules tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-rule'), Number(tr.querySelector('[data-count="total"]')!.textContent)] as const));
    const byRule = new Map<string, number>();
    for (const r of results) for (const m of r.messages) byRule.set(m.ruleId ?? '', (byRule.get(m.ruleId ?? '') ?? 0) + 1);
    expect(new Map(top)).toEqual(byRule);
    expect(top.map(([, n]) => n)).toEqual([...top.map(([, n]) => n)].sort((a, b) => b - a));
    // per document: the counts in its section too
    for (const r of results) {
      const file = path.relative(root, r.filePath);
      const counts = await page.$$eval(`section.doc[data-file="${file}"] dl.counts div[data-level]`, (ds) => ds.map((d) => Number(d.querySelector('dd')!.textContent)));
      expect(counts).toEqual([r.errorCount, r.warningCount, r.infoCount]);
      expect(await page.locator(`section.doc[data-file="${file}"] article.finding`).count()).toBe(r.messages.length);
    }
    const all = sum(results, (r) => r.messages.length);
    expect(await visibleFindings(page)).toHaveLength(all);
    expect(await page.textContent('#filter-status')).toBe(`显示 ${all} / ${all} 条发现`);
  });

  it('filters by severity, rule and document', async () => {
    const all = results.flatMap((r, i) => r.messages.map((m) => ({ ...m, doc: `doc-${i}` })));
    const expectShown = async (pred: (m: (typeof all)[number]) => boolean) => {
      const shown = await visibleFindings(page);
      expect(shown).toHaveLength(all.filter(pred).length);
      expect(await page.textContent('#filter-status')).toBe(`显示 ${shown.length} / ${all.length} 条发现`);
      return shown;
    };
    // severity: errors only, then warnings only
    await page.uncheck('input[name="level"][value="warn"]');
    await page.uncheck('input[name="level"][value="info"]');
    expect((await expectShown((m) => m.level === 'error')).every((f) => f.level === 'error')).toBe(true);
    await page.uncheck('input[name="level"][value="error"]');
    await page.check('input[name="level"][value="warn"]');
    expect((await expectShown((m) => m.level === 'warn')).every((f) => f.level === 'warn')).toBe(true);
    await page.click('button[type="reset"]');
    await expectShown(() => true);

    // rule
    await page.selectOption('#filter-rule', 'budget-balance');
    expect((await expectShown((m) => m.ruleId === 'budget-balance')).every((f) => f.rule === 'budget-balance')).toBe(true);
    // rule and document: budget-balance fires in the first document only; the second says none match
    await page.selectOption('#filter-doc', 'doc-1');
    await expectShown((m) => m.ruleId === 'budget-balance' && m.doc === 'doc-1');
    expect(await visibleDocs(page)).toEqual([FILES[1]]);
    expect(await page.isVisible('#doc-1 .none-match')).toBe(all.every((m) => !(m.ruleId === 'budget-balance' && m.doc === 'doc-1')));
    await page.selectOption('#filter-rule', '*');
    await expectShown((m) => m.doc === 'doc-1');
    expect(await page.isVisible('#doc-1 .none-match')).toBe(false);
    // document and severity
    await page.uncheck('input[name="level"][value="error"]');
    await expectShown((m) => m.doc === 'doc-1' && m.level !== 'error');
    // the clean document: no findings, its note shown
    await page.click('button[type="reset"]');
    await page.selectOption('#filter-doc', 'doc-2');
    await expectShown((m) => m.doc === 'doc-2');
    expect(await visibleDocs(page)).toEqual([FILES[2]]);
    expect(await page.isVisible('#doc-2 .clean')).toBe(true);
    // the print note says the page is filtered
    expect(await page.getAttribute('#print-note', 'data-filtered')).toBe('true');
    await page.click('button[type="reset"]');
    await expectShown(() => true);
    expect(await visibleDocs(page)).toEqual(FILES);
    expect(await page.getAttribute('#print-note', 'data-filtered')).toBe('false');
    expect(consoleErrors).toEqual([]);
  });

  it('prints without the filters, each document on a new page, no colour needed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#filters')).toBe(false);
    expect(await page.isVisible('#filter-status')).toBe(false);
    const breaks = await page.$$eval('section.doc', (els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(FILES.map(() => 'page'));
    // severity is a word, not only a colour; the text is black
    expect(await page.textContent('article.finding .sev')).toBe('错误');
    expect(await page.$eval('article.finding .sev', (el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('#filters')).toBe(true);
  });

  it('takes screenshots: the top of the report, and a finding with its arithmetic', async () => {
    const top = path.join(tmp, 'report-top.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: top });
    assertPng(top, 1280, 900);
    const withFigures = path.join(tmp, 'report-finding.png');
    const article = page.locator('article.finding:has(table.terms)').first();
    await article.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: withFigures });
    assertPng(withFigures, 1280, 900);
    expect(consoleErrors).toEqual([]);
    expect(failed).toEqual([]);
  });
});

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((n, x) => n + f(x), 0);
}
