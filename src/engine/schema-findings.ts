/** zod issues → findings with bilingual messages; the model's own errors are reported like any rule's. */
import type { z } from 'zod';
import { knownKeys } from '../model/introspect.js';
import type { BilingualParams } from '../model/scalars.js';
import { getAt, type Path } from './path.js';
import type { Bilingual } from './rule.js';
import { closest } from '../text/distance.js';

export interface SchemaFinding {
  path: Path;
  at: 'key' | 'value';
  message: Bilingual;
}

const TYPE_ZH: Record<string, string> = {
  object: '对象（键: 值）',
  array: '列表',
  string: '文本',
  number: '数字',
  boolean: '布尔值',
};

function describeValue(v: unknown): Bilingual {
  if (v === undefined) return { zh: '缺失', en: 'missing' };
  if (v === null) return { zh: '空值', en: 'null' };
  if (Array.isArray(v)) return { zh: '列表', en: 'a list' };
  if (typeof v === 'object' && v.constructor === Object) return { zh: '对象', en: 'an object' };
  return { zh: `"${String(v)}"`, en: `"${String(v)}"` };
}

/** A key absent from a mapping that exists (not a value of the wrong type under a normalised path). */
function isMissing(raw: unknown, path: Path): boolean {
  const parent = getAt(raw, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && parent.constructor === Object && !(String(path[path.length - 1]) in parent);
}

export function schemaFindings(issues: readonly z.core.$ZodIssue[], raw: unknown, prefix: Path = []): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(path);
        for (const key of issue.keys) {
          const hint = closest(key, known);
          out.push({
            path: [...path, key],
            at: 'key',
            message: {
              zh: `未知字段 "${key}"${hint ? `，是否应为 "${hint}"？` : ''}（可用字段：${known.join('、')}）`,
              en: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''} (known keys: ${known.join(', ')})`,
            },
          });
        }
        break;
      }
      case 'invalid_type': {
        const got = getAt(raw, path);
        if (got === undefined) {
          const key = String(path[path.length - 1]);
          out.push({ path, at: 'key', message: { zh: `缺少必填字段 "${key}"`, en: `missing required key "${key}"` } });
        } else {
          const g = describeValue(got);
          out.push({
            path,
            at: 'value',
            message: {
              zh: `应为${TYPE_ZH[issue.expected] ?? issue.expected}，实为${g.zh}`,
              en: `expected ${issue.expected}, got ${g.en}`,
            },
          });
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const g = describeValue(getAt(raw, path));
        out.push({
          path,
          at: 'value',
          message: { zh: `应为以下之一：${values.join('、')}，实为${g.zh}`, en: `expected one of ${values.join(', ')}, got ${g.en}` },
        });
        break;
      }
      case 'custom': {
        if (isMissing(raw, path)) {
          const key = String(path[path.length - 1]);
          out.push({ path, at: 'key', message: { zh: `缺少必填字段 "${key}"`, en: `missing required key "${key}"` } });
          break;
        }
        const p = issue.params as BilingualParams | undefined;
        out.push({ path, at: 'value', message: p?.zh ? { zh: p.zh, en: p.en } : { zh: issue.message, en: issue.message } });
        break;
      }
      default:
        out.push({ path, at: 'value', message: { zh: `数据不符合模型：${issue.message}`, en: `does not fit the model: ${issue.message}` } });
    }
  }
  return out;
}
