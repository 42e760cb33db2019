/**
 * SARIF 2.1.0, as GitHub code scanning takes it (github/codeql-action/upload-sarif): one run, the rules that
 * the results refer to, one result per finding (suppressed ones too, marked), and the files that could not be
 * read as tool execution notifications.
 *
 * Choices:
 * - helpUri is left out. A rule's doc is a path in the package (docs/rules/<id>.md, docs/relations.md#…),
 *   and SARIF's helpUri must be an absolute URI; budgetlint has no published site, and a made-up address
 *   would be a dead link in every SARIF viewer. The path is given in help.text instead, where a reader finds
 *   it in the installed package. informationUri is given only when package.json names a homepage/repository.
 * - partialFingerprints hold a hash of the rule, the file (relative to cwd), the data path and the message id:
 *   not the line, so an alert stays the same alert when lines are added above it. Two findings with the same
 *   four (two typos in one text) are told apart by an occurrence number, as CodeQL does (`hash:2`).
 * - A finding in an imported .docx/.xlsx has no line: its result has no region, and its place ("表3 第5行
 *   第2列", "Sheet1!C7") is said in the message and given as a logical location.
 * - A file that could not be read or parsed (ruleId null, fatal) is not a result of any rule: it is an error
 *   notification. The run itself completed, so executionSuccessful stays true; SARIF readers take an
 *   error-level notification to mean the results may be incomplete (SARIF 2.1.0, appendix I).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, LogicalLocation, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../engine/finding.js';
import type { Level, RuleMeta, Severity } from '../engine/rule.js';
import { readPackageFile } from '../load/package-file.js';
import { displayPath, hasLine, placeOf } from './common.js';
import type { FormatContext, Formatter, Lang } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of budgetlint's fingerprint in partialFingerprints: versioned, should the recipe ever change. */
export const FINGERPRINT_KEY = 'budgetlintFinding/v1';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Level, Result.level> = { error: 'error', warn: 'warning', info: 'note' };
const DEFAULT_LEVEL: Record<Exclude<Severity, 'off'>, Result.level> = { error: 'error', warn: 'warning' };

interface PackageInfo {
  version?: string;
  informationUri?: string;
}
let pkg: PackageInfo | undefined;

/** budgetlint's own package.json, found from this module whether bundled (dist/) or not (src/). */
function packageInfo(): PackageInfo {
  if (pkg) return pkg;
  try {
    const json = JSON.parse(readPackageFile('package.json')) as { version?: unknown; homepage?: unknown; repository?: unknown };
    const repo = typeof json.repository === 'string' ? json.repository : (json.repository as { url?: unknown } | undefined)?.url;
    const uri = [json.homepage, typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : undefined].find(
      (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u),
    );
    pkg = { ...(typeof json.version === 'string' ? { version: json.version } : {}), ...(uri ? { informationUri: uri } : {}) };
  } catch {
    pkg = {};
  }
  return pkg;
}

/** The recipe of FINGERPRINT_KEY, without the occurrence number. */
export function fingerprint(ruleId: string | null, file: string, pointer: string, messageId: string | undefined): string {
  return createHash('sha256')
    .update([ruleId ?? '', file, pointer, messageId ?? ''].join('\0'))
    .digest('hex');
}

/** The file as SARIF refers to it: relative to %SRCROOT% (the cwd), each segment percent-encoded. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, filePath);
  if (!rel || path.isAbsolute(rel)) return { uri: pathToFileURL(filePath).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function descriptor(id: string, meta: RuleMeta<unknown> | undefined, lang: Lang): ReportingDescriptor {
  if (!meta) return { id };
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const docWord = lang === 'zh' ? '文档（在 budgetlint 软件包中）' : 'Documentation (in the budgetlint package)';
  return {
    id,
    shortDescription: { text: meta.description[lang] },
    fullDescription: { text: `${meta.description[lang]}\n\n${meta.description[other]}` },
    help: { text: `${meta.description[lang]}\n\n${docWord}: ${meta.docs}` },
    defaultConfiguration: meta.defaultSeverity === 'off' ? { enabled: false } : { level: DEFAULT_LEVEL[meta.defaultSeverity] },
    properties: { tags: [meta.type], docs: meta.docs },
  };
}

/** The finding's place in the file, and the same place said as the document's section and as the data's path. */
function location(f: Finding, file: { uri: string; uriBaseId?: string }, lang: Lang): Location {
  const logical: LogicalLocation[] = [];
  const place = placeOf(f, lang);
  if (place) logical.push({ name: place, kind: 'element' });
  if (f.section) logical.push({ name: f.section.split(' › ').pop()!, fullyQualifiedName: f.section, kind: 'namespace' });
  if (f.pointer) logical.push({ name: f.pointer.split('/').pop()!, fullyQualifiedName: f.pointer, kind: 'value' });
  return {
    physicalLocation: {
      artifactLocation: file,
      ...(hasLine(f)
        ? {
            region: {
              startLine: f.line,
              startColumn: Math.max(1, f.column),
              ...(f.endLine !== undefined && f.endLine > 0 ? { endLine: f.endLine } : {}),
              ...(f.endLine !== undefined && f.endColumn !== undefined && f.endColumn > 0 ? { endColumn: f.endColumn } : {}),
            },
          }
        : {}),
    },
    ...(logical.length ? { logicalLocations: logical } : {}),
  };
}

function messageText(f: Finding, lang: Lang): string {
  const place = hasLine(f) ? undefined : placeOf(f, lang);
  return place ? `${place}${lang === 'zh' ? '：' : ': '}${f.message[lang]}` : f.message[lang];
}

export function toSarif(results: Parameters<Formatter>[0], ctx: FormatContext): Log {
  const { lang, cwd } = ctx;
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.push(descriptor(id, ctx.rules.get(id), lang)) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };

  const out: Result[] = [];
  const notifications: Notification[] = [];
  const seen = new Map<string, number>();
  for (const r of results) {
    const file = artifactLocation(r.filePath, cwd);
    const name = displayPath(r.filePath, cwd);
    const all = [...r.findings, ...r.suppressed].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const f of all) {
      if (f.ruleId === null) {
        // not a rule's finding: the file could not be read, or a note on how it was read (its encoding)
        notifications.push({
          level: LEVEL[f.level],
          message: { text: messageText(f, lang) },
          locations: [location(f, file, lang)],
        });
        continue;
      }
      const hash = fingerprint(f.ruleId, name, f.pointer, f.messageId);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      out.push({
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: LEVEL[f.level],
        message: { text: messageText(f, lang) },
        locations: [location(f, file, lang)],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${n}` },
        ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind === 'baseline' ? 'external' : 'inSource', ...(f.suppressed.justification ? { justification: f.suppressed.justification } : {}) }] } : {}),
        properties: {
          section: f.section,
          pointer: f.pointer,
          ...(f.messageId ? { messageId: f.messageId } : {}),
          ...(placeOf(f, lang) ? { place: placeOf(f, lang) } : {}),
          ...(f.arithmetic ? { arithmetic: f.arithmetic } : {}),
          ...(f.related?.length ? { related: f.related } : {}),
        },
      });
    }
  }

  const { version, informationUri } = packageInfo();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'budgetlint',
            ...(version ? { version, semanticVersion: version } : {}),
            ...(informationUri ? { informationUri } : {}),
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        // budgetlint's columns count UTF-16 code units (JavaScript string offsets)
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
}

export const sarif: Formatter = (results, ctx) => JSON.stringify(toSarif(results, ctx), null, 2) + '\n';
