/**
 * The fast path: parse without positions. Positions are resolved later, and only for what is reported
 * (src/load/locate.ts), because the position-keeping parser is an order of magnitude slower.
 * Numbers come out as NumberText, never as JS numbers, so no digit is lost before decimal.js sees it.
 */
import * as jsYaml from 'js-yaml';
import { FAILSAFE_SCHEMA, Type, load as loadYaml, YAMLException } from 'js-yaml';
import { NumberText } from '../arith/decimal.js';

export type Format = 'yaml' | 'json';

export interface ParseError {
  zh: string;
  en: string;
  /** offset into the text, when the parser says where */
  offset?: number;
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; data: unknown } | { ok: false; error: ParseError };

/** Above this many nodes a file is not a budget disclosure but an alias bomb or a runaway generator. */
export const MAX_NODES = 2_000_000;

const YAML_NUMBER = /^[-+]?(?:(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o[0-7_]+)$/;

function numberType(tag: string): Type {
  return new Type(tag, {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && YAML_NUMBER.test(data),
    construct: (data: string) => new NumberText(data),
    instanceOf: NumberText,
    represent: (o: object) => (o as NumberText).text,
  });
}

// js-yaml exports its built-in types, but its typings do not declare them.
const yamlTypes = (jsYaml as unknown as { types: Record<'null' | 'bool', Type> }).types;

const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [yamlTypes.null, yamlTypes.bool, numberType('tag:yaml.org,2002:int'), numberType('tag:yaml.org,2002:float')],
});

// Strings are matched whole so that digits inside them are left alone.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g;
// A private-use character: JSON.parse accepts it raw inside a string, and no budget text begins with it.
const SENTINEL = '\uE000#';

export function parse(text: string, format: Format): ParseResult {
  let data: unknown;
  try {
    data = format === 'json' ? parseJson(text) : loadYaml(text, { schema: SCHEMA, json: false });
  } catch (e) {
    return { ok: false, error: describe(format === 'json' ? originalJsonError(text, e) : e, text) };
  }
  const budget = { left: MAX_NODES };
  try {
    data = normalise(data, budget, format === 'json');
  } catch (e) {
    if (e instanceof TooLarge)
      return {
        ok: false,
        error: {
          zh: `文件展开后超过 ${MAX_NODES} 个节点（可能是 YAML 别名炸弹）`,
          en: `the file expands to more than ${MAX_NODES} nodes (a YAML alias bomb?)`,
          offset: 0,
        },
      };
    return { ok: false, error: describe(e, text) };
  }
  return { ok: true, data };
}

function parseJson(text: string): unknown {
  const marked = text.replace(JSON_TOKEN, (tok: string, num: string | undefined) => (num ? `"${SENTINEL}${num}"` : tok));
  return JSON.parse(marked);
}

/** The marked text's offsets are shifted: ask the parser again about the original text. */
function originalJsonError(text: string, fallback: unknown): unknown {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  return fallback;
}

class TooLarge extends Error {}

/** One walk: JSON sentinels become NumberText, and the node budget bounds the work on shared (aliased) nodes. */
function normalise(v: unknown, budget: { left: number }, json: boolean): unknown {
  if (--budget.left < 0) throw new TooLarge();
  if (typeof v === 'string') return json && v.startsWith(SENTINEL) ? new NumberText(v.slice(SENTINEL.length)) : v;
  if (v === null || typeof v !== 'object' || v instanceof NumberText) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalise(v[i], budget, json);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = normalise(o[k], budget, json);
  return o;
}

function describe(e: unknown, text: string): ParseError {
  if (e instanceof YAMLException) {
    const reason = e.reason || e.message;
    return {
      zh: `YAML 语法错误：${translateYaml(reason)}`,
      en: `YAML syntax error: ${reason}`,
      line: (e.mark?.line ?? 0) + 1,
      column: (e.mark?.column ?? 0) + 1,
    };
  }
  if (e instanceof SyntaxError) {
    const m = /position (\d+)/.exec(e.message);
    const offset = m ? Number(m[1]) : text.length;
    const msg = e.message.replaceAll(SENTINEL, '');
    return { zh: `JSON 语法错误：${msg}`, en: `JSON syntax error: ${msg}`, offset };
  }
  if (e instanceof RangeError) {
    return { zh: '嵌套层次过深，无法解析', en: 'nesting too deep to parse', offset: 0 };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `无法解析：${msg}`, en: `cannot parse: ${msg}`, offset: 0 };
}

const YAML_REASONS: [RegExp, string][] = [
  [/duplicated mapping key/, '重复的键'],
  [/bad indentation/, '缩进错误'],
  [/end of the stream or a document separator is expected/, '此处应为文档结束或分隔符（多半是缩进或冒号错误）'],
  [/unexpected end of the stream/, '文件意外结束'],
  [/can not read a block mapping entry; a multiline key may not be an implicit key/, '无法读取映射项：多行键必须显式声明（多半缺少冒号或缩进错误）'],
  [/unknown tag/, '未知标签'],
  [/incomplete explicit mapping pair/, '不完整的映射项'],
];

function translateYaml(reason: string): string {
  for (const [re, zh] of YAML_REASONS) if (re.test(reason)) return `${zh}（${reason}）`;
  return reason;
}
