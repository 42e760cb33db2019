import { defineRule, type Rule } from '../src/engine/rule.js';
import type { Catalogue } from '../src/relations/catalogue.js';
import { documentViews, type GridView } from '../src/relations/view.js';

/** 本部门无…，故本表为空表 and its variants. */
const EMPTY_STATEMENT = /无.{0,40}(空表|为空|不涉及|无数据)|空表|不涉及|无数据/;

export function tableCompleteness(cat: Catalogue): Rule<unknown> {
  return defineRule({
    meta: {
      id: 'table-completeness',
      type: 'problem',
      description: {
        zh: '按文档种类（预算/决算）应有的标准表格和说明部分都在；全为零的表须有“本部门无…，故本表为空表”的说明',
        en: 'The standard tables and narrative sections a kind of document must have are there; an all-zero table says why it is empty',
      },
      defaultSeverity: 'warn',
      messages: {
        missingTable: {
          zh: '缺少{{kindLabel}}“{{table}}”（{{kind}}）',
          en: 'the {{kindLabelEn}} lacks the {{tableEn}} ({{kind}})',
        },
        missingSection: {
          zh: '缺少{{kindLabel}}的“{{section}}”部分',
          en: 'the {{kindLabelEn}} lacks its "{{section}}" section',
        },
        emptyWithoutStatement: {
          zh: '“{{title}}”全为零或空白，但没有“本部门无…，故本表为空表”之类的说明',
          en: '"{{title}}" is all zero or blank but does not say why (e.g. 本部门无…，故本表为空表)',
        },
      },
      docs: 'docs/rules/table-completeness.md',
    },
    check(ctx) {
      const kind = ctx.doc.document?.kind;
      if (!kind) return;
      const profile = cat.profiles.get(kind);
      if (!profile) return;
      const views = documentViews(ctx.doc, cat, ctx.unit);
      const kindLabel = kind === 'budget' ? '部门预算' : '部门决算';
      const kindLabelEn = kind === 'budget' ? 'budget' : 'final accounts';
      // only a document with its tables is a whole disclosure; a fragment (the narrative, one table) is not held to it
      if (!ctx.doc.tables?.length) return;
      {
        for (const id of profile.tables) {
          if (views.some((v) => v.id === id)) continue;
          const name = cat.kinds.find((k) => k.id === id)?.name ?? { zh: id, en: id };
          ctx.report({ path: ['tables'], messageId: 'missingTable', data: { kind: id, table: name.zh, tableEn: name.en, kindLabel, kindLabelEn } });
        }
      }
      for (const section of profile.sections) {
        // a section is a name from the catalogue's profile: only the document's own parts count
        if (Object.hasOwn(ctx.doc, section) && (ctx.doc as Record<string, unknown>)[section] !== undefined) continue;
        ctx.report({ path: [], messageId: 'missingSection', data: { section, kindLabel, kindLabelEn } });
      }
      for (const v of views) {
        const allZero = [v.main, v.income, v.expenditure].every((g) => !g || allZeroGrid(g));
        if (allZero && !EMPTY_STATEMENT.test(v.note ?? '')) {
          ctx.report({ path: [...v.path, 'title'], messageId: 'emptyWithoutStatement', data: { title: v.title } });
        }
      }
    },
  });
}

/** Every amount of the rows and the total row is blank or zero. */
function allZeroGrid(g: GridView): boolean {
  for (const r of g.total ? [...g.rows, g.total] : g.rows) for (const c of r.cells.values()) if (c.stated && !c.stated.value.isZero()) return false;
  return true;
}
