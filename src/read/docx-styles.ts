/**
 * Heading levels of a Word document. A paragraph is a heading by its outline level, set on the
 * paragraph or on its style (inherited through basedOn), or failing that by the style's name: Word
 * names its built-in heading styles "heading 1"… whatever the UI language, WPS and localised templates
 * use "标题 1"…, and style ids vary ("Heading1", "1", "2"), so ids are matched only as a last resort.
 */
import { attr, child, childrenNamed, pathIn, type XNode } from './xml.js';

interface Style {
  name?: string;
  basedOn?: string;
  /** w:outlineLvl: 0 = level 1 … 8 = level 9, 9 = body text */
  outline?: number;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

export type HeadingOf = (p: XNode) => number | undefined;

export function headingResolver(styles: XNode[] | undefined): HeadingOf {
  const byId = new Map<string, Style>();
  let defaultId: string | undefined;
  const root = styles ? pathIn(styles, 'styles') : undefined;
  for (const s of root ? childrenNamed(root, 'style') : []) {
    if (attr(s, 'type') !== 'paragraph') continue;
    const id = attr(s, 'styleId');
    if (id === undefined) continue;
    if (attr(s, 'default') === '1' || attr(s, 'default') === 'true') defaultId = id;
    const lvl = outlineOf(child(s, 'pPr'));
    byId.set(id, {
      name: attrOf(child(s, 'name')),
      basedOn: attrOf(child(s, 'basedOn')),
      ...(lvl !== undefined ? { outline: lvl } : {}),
    });
  }

  const fromStyle = (id: string): number | undefined => {
    // the outline level, inherited through basedOn (a cycle or a long chain is cut short)
    const seen = new Set<string>();
    for (let s: string | undefined = id; s !== undefined && !seen.has(s) && seen.size < 20; s = byId.get(s)?.basedOn) {
      seen.add(s);
      const o = byId.get(s)?.outline;
      if (o !== undefined) return levelOf(o);
    }
    for (const s of seen) {
      const m = HEADING_NAME.exec(byId.get(s)?.name ?? '') ?? HEADING_NAME.exec(s.replace(/^heading(\d)$/i, 'heading $1'));
      if (m) return Number(m[1]);
    }
    return undefined;
  };

  return (p) => {
    const pPr = child(p, 'pPr');
    const own = outlineOf(pPr);
    if (own !== undefined) return levelOf(own);
    const id = attrOf(child(pPr ?? {}, 'pStyle')) ?? defaultId;
    return id === undefined ? undefined : fromStyle(id);
  };
}

const attrOf = (n: XNode | undefined) => (n ? attr(n, 'val') : undefined);

function outlineOf(pPr: XNode | undefined): number | undefined {
  const v = attrOf(pPr ? child(pPr, 'outlineLvl') : undefined);
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** outline level 0…8 → heading 1…9; 9 is body text */
const levelOf = (outline: number) => (outline <= 8 ? outline + 1 : undefined);
