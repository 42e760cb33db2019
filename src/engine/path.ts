/** A data path into the document: keys and array indexes, as zod reports them. */
export type Path = readonly (string | number)[];

/** RFC 6901 JSON Pointer, the form paths take in every output. */
export function toPointer(path: Path): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** "expenditure.basic.total" or "performance.projects[2].funds" → path. */
export function parseDotted(text: string): Path {
  const out: (string | number)[] = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function getAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}
