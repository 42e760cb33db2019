/**
 * The rule pages keep themselves true: every rule documented in docs/rules/ (the built-in rules and the
 * table rules) has docs/rules/<id>.md, and the YAML examples on it do what the page says when linted with
 * all rules (the relation rules included) at their defaults, as `budgetlint` runs without a config.
 * The relation rules are documented in docs/relations.md: each one's anchor is a heading there.
 *
 * - 错误示例 / Incorrect: every yaml block gets at least one error or warning from the rule (and no
 *   schema finding, unless the rule is schema); the messages it gets are pasted on the page.
 * - 正确示例 / Correct: every yaml block gets no finding at all, from any rule, info included.
 * - 舍入示例 / Rounding (optional): every yaml block gets only info findings, all from the rule.
 * - 选项 / Options: every yaml block is a valid budgetlint.config.yaml that configures the rule.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { lintDocumentFile } from '../../src/engine/lint-document.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { allRules } from '../../rules/index.js';
import { ConfigFile, resolveRules } from '../../src/engine/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText, SCHEMA_RULE_ID } from '../../src/engine/lint.js';
import { parse } from '../../src/load/parse.js';
import { anchorOf } from '../../src/relations/doc.js';
import { loadCatalogue } from '../../src/relations/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.join(root, 'docs/rules');
const pageOf = (id: string) => path.join(docsDir, `${id}.md`);

/** Every rule `budgetlint` runs: the built-in rules, the table rules and the relation rules. */
const catalogue = await loadCatalogue();
const rules = allRules(catalogue);
/** The rules with a page of their own in docs/rules/. */
const pageRules = rules.filter((r) => r.meta.docs.startsWith('docs/rules/'));
/** The relation rules, documented under a heading of docs/relations.md. */
const relationRules = rules.filter((r) => !r.meta.docs.startsWith('docs/rules/'));

/** All rules at their default severities and options, as `budgetlint` runs without a config. */
const defaults = resolveRules(rules, []);

type SectionKind = 'incorrect' | 'correct' | 'rounding' | 'options';

const HEADINGS: Record<SectionKind, RegExp> = {
  incorrect: /^(?:错误示例|Incorrect)/,
  correct: /^(?:正确示例|Correct)/,
  rounding: /^(?:舍入示例|Rounding)/,
  options: /^(?:选项|Options)/,
};

/** The ```yaml blocks under each "## " heading of a kind (up to the next "## " heading). */
function yamlBlocks(md: string, kind: SectionKind): string[] {
  const out: string[] = [];
  for (const chunk of md.split(/^## /m).slice(1)) {
    const heading = chunk.slice(0, chunk.indexOf('\n'));
    if (!HEADINGS[kind].test(heading.trim())) continue;
    for (const m of chunk.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)) out.push(m[1]!);
  }
  return out;
}

const shown = (f: Finding) => `${f.line}:${f.column} ${f.level} ${f.ruleId ?? '(fatal)'}: ${f.message.en}`;

async function lint(yaml: string, name: string, previous?: unknown): Promise<Finding[]> {
  return (await lintText(yaml, name, defaults, previous === undefined ? {} : { previous })).findings;
}

/**
 * Rules that compare two documents: their examples are this year's, checked against the one yaml block
 * under "## 上年文档 / Previous year's document"; a Correct example must also be clean linted alone.
 */
const PREVIOUS_RULES = new Set(['previous-year']);

function previousOf(md: string): unknown {
  for (const chunk of md.split(/^## /m).slice(1)) {
    if (!/^(?:上年文档|Previous year)/.test(chunk.trim())) continue;
    const m = /^```ya?ml[^\n]*\n([\s\S]*?)^```/m.exec(chunk);
    if (!m) break;
    const p = parse(m[1]!, 'yaml');
    if (!p.ok) throw new Error(`the previous year's document does not parse: ${p.error.en}`);
    return p.data;
  }
  throw new Error('a rule that compares two documents needs a "## 上年文档 / Previous year\'s document" section with one yaml block');
}

/** The importer's page shows documents, not data: its examples are ```text blocks, linted as .txt files. */
const DOCUMENT_RULES = new Set(['import']);

function textBlocks(md: string, kind: SectionKind): string[] {
  const out: string[] = [];
  for (const chunk of md.split(/^## /m).slice(1)) {
    const heading = chunk.slice(0, chunk.indexOf('\n'));
    if (!HEADINGS[kind].test(heading.trim())) continue;
    // the first text block of a section is the example; later ones show the output
    const m = /^```text[^\n]*\n([\s\S]*?)^```/m.exec(chunk);
    if (m) out.push(m[1]!);
  }
  return out;
}

async function lintDocument(text: string, name: string): Promise<Finding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-doc-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return (await lintDocumentFile(file, defaults, catalogue)).result.findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const examples = (id: string, md: string, kind: SectionKind) => (DOCUMENT_RULES.has(id) ? textBlocks(md, kind) : yamlBlocks(md, kind));
const lintExample = (id: string, src: string, name: string, previous?: unknown) =>
  DOCUMENT_RULES.has(id) ? lintDocument(src, name.replace(/\.yaml$/, '.txt')) : lint(src, name, previous);

function read(id: string): string {
  const file = pageOf(id);
  if (!existsSync(file)) throw new Error(`docs/rules/${id}.md is missing: every rule needs a page`);
  return readFileSync(file, 'utf8');
}

describe('rule docs', () => {
  it('covers the built-in rules and the table rules', () => {
    expect(pageRules.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['schema', 'table-completeness', 'table-codes']));
    expect(relationRules.length).toBeGreaterThan(0);
  });

  for (const rule of pageRules) {
    const { id } = rule.meta;

    describe(id, () => {
      it('has a page at docs/rules/<id>.md, named in its metadata', () => {
        expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
        expect(existsSync(pageOf(id))).toBe(true);
      });

      it('opens with the id, the description (zh and en) and the default severity', () => {
        const md = read(id);
        expect(md.split('\n')[0]).toBe(`# ${id}`);
        expect(md).toContain(rule.meta.description.zh);
        expect(md).toContain(rule.meta.description.en);
        expect(md).toMatch(new RegExp(`默认严重级别[^\\n]*\`${rule.meta.defaultSeverity}\``));
        for (const section of ['为什么', '错误示例', '正确示例', '选项', '何时不用']) expect(md).toMatch(new RegExp(`^## ${section}`, 'm'));
      });

      it('reports every Incorrect example, and the page shows the messages', async () => {
        const md = read(id);
        const blocks = examples(id, md, 'incorrect');
        expect(blocks.length).toBeGreaterThan(0);
        const previous = PREVIOUS_RULES.has(id) ? previousOf(md) : undefined;
        for (const [i, yaml] of blocks.entries()) {
          const all = await lintExample(id, yaml, `${id}-incorrect-${i + 1}.yaml`, previous);
          const own = all.filter((f) => f.ruleId === id);
          // the importer's notes are info by design: what it could not read is said, never an error
          expect({ example: i + 1, reported: own.some((f) => f.level !== 'info' || DOCUMENT_RULES.has(id)) }).toEqual({ example: i + 1, reported: true });
          if (id !== SCHEMA_RULE_ID) {
            expect(all.filter((f) => f.ruleId === SCHEMA_RULE_ID || f.ruleId === null).map(shown)).toEqual([]);
          }
          for (const f of own) {
            expect(md).toContain(f.message.zh);
            expect(md).toContain(f.message.en);
          }
        }
      });

      it('reports nothing at all on every Correct example', async () => {
        const md = read(id);
        const blocks = examples(id, md, 'correct');
        expect(blocks.length).toBeGreaterThan(0);
        const previous = PREVIOUS_RULES.has(id) ? previousOf(md) : undefined;
        for (const [i, yaml] of blocks.entries()) {
          const all = await lintExample(id, yaml, `${id}-correct-${i + 1}.yaml`);
          expect({ example: i + 1, findings: all.map(shown) }).toEqual({ example: i + 1, findings: [] });
          if (previous === undefined) continue;
          const paired = await lintExample(id, yaml, `${id}-correct-${i + 1}.yaml`, previous);
          expect({ example: i + 1, withPrevious: paired.map(shown) }).toEqual({ example: i + 1, withPrevious: [] });
        }
      });

      it('gives only rounding-level info on every Rounding example', async () => {
        const md = read(id);
        for (const [i, yaml] of yamlBlocks(md, 'rounding').entries()) {
          const all = await lint(yaml, `${id}-rounding-${i + 1}.yaml`);
          expect(all.length).toBeGreaterThan(0);
          expect(all.filter((f) => f.ruleId !== id || f.level !== 'info').map(shown)).toEqual([]);
          for (const f of all) expect(md).toContain(f.message.zh);
        }
      });

      it('shows config snippets that budgetlint accepts', () => {
        const blocks = yamlBlocks(read(id), 'options');
        expect(blocks.length).toBeGreaterThan(0);
        for (const yaml of blocks) {
          const config = ConfigFile.parse(load(yaml));
          expect(Object.keys(config.rules ?? {})).toContain(id);
          expect(() => resolveRules(rules, [{ source: `docs/rules/${id}.md`, rules: config.rules ?? {} }])).not.toThrow();
        }
      });
    });
  }

  it('docs/rules/README.md lists every rule, linked to its page, with its severity and description', () => {
    const readme = readFileSync(path.join(docsDir, 'README.md'), 'utf8');
    for (const rule of pageRules) {
      const row = readme.split('\n').find((l) => l.includes(`[${rule.meta.id}](${rule.meta.id}.md)`));
      expect({ id: rule.meta.id, row: row !== undefined }).toEqual({ id: rule.meta.id, row: true });
      expect(row).toContain(`\`${rule.meta.defaultSeverity}\``);
      expect(row).toContain(rule.meta.description.zh.replace(/\|/g, '\\|')); // "|" is escaped in a table cell
    }
  });

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(pageRules.map((r) => r.meta.id));
    const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.filter((f) => !ids.has(f.slice(0, -3)))).toEqual([]);
  });

  it('every relation rule points at its heading and anchor in docs/relations.md', () => {
    // headings outside the code blocks (a YAML comment is no heading)
    const md = readFileSync(path.join(root, 'docs/relations.md'), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    const headings = [...md.matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1]!);
    // explicit anchors: GitHub's own heading slugs drop the dots of the ids
    const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
    for (const rule of relationRules) {
      const [file, anchor] = rule.meta.docs.split('#');
      expect({ id: rule.meta.id, file }).toEqual({ id: rule.meta.id, file: 'docs/relations.md' });
      expect({ id: rule.meta.id, heading: headings.includes(rule.meta.id) }).toEqual({ id: rule.meta.id, heading: true });
      expect({ id: rule.meta.id, anchor: anchor !== undefined && anchors.has(anchor) && anchor === anchorOf(rule.meta.id) }).toEqual({ id: rule.meta.id, anchor: true });
    }
  });
});
