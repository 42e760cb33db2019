/**
 * Minimal valid .docx and .xlsx packages built in memory with JSZip, so that the readers' tests need no
 * binary fixtures in the repository; and the broken and hostile archives the readers must refuse.
 */
import JSZip from 'jszip';

export type Files = Record<string, string | Uint8Array>;

export async function zip(files: Files, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'uint8array', compression });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---- Word ------------------------------------------------------------------------------------------

/** A paragraph; `style` a w:pStyle id; `\t` and `\n` in the text become w:tab and w:br. */
export function p(text: string, opts: { style?: string; outline?: number } = {}): string {
  const pPr =
    opts.style !== undefined || opts.outline !== undefined
      ? `<w:pPr>${opts.style !== undefined ? `<w:pStyle w:val="${opts.style}"/>` : ''}${opts.outline !== undefined ? `<w:outlineLvl w:val="${opts.outline}"/>` : ''}</w:pPr>`
      : '';
  const runs = text
    .split(/(\t|\n)/)
    .map((part) => (part === '\t' ? '<w:tab/>' : part === '\n' ? '<w:br/>' : part ? `<w:t xml:space="preserve">${esc(part)}</w:t>` : ''))
    .join('');
  return `<w:p>${pPr}<w:r>${runs}</w:r></w:p>`;
}

export interface Tc {
  text?: string;
  /** raw cell content instead of one paragraph of `text` (several paragraphs, a nested table) */
  content?: string;
  span?: number;
  vMerge?: 'restart' | 'continue';
}

export function tbl(rows: (Tc | string)[][], gridCols?: number): string {
  const cols = gridCols ?? Math.max(...rows.map((r) => r.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(cols)}</w:tblGrid>`;
  const tr = (r: (Tc | string)[]) =>
    `<w:tr>${r
      .map((c) => {
        const cell = typeof c === 'string' ? { text: c } : c;
        const tcPr = `<w:tcPr>${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vMerge ? '<w:vMerge/>' : ''}</w:tcPr>`;
        return `<w:tc>${tcPr}${cell.content ?? p(cell.text ?? '')}</w:tc>`;
      })
      .join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${grid}${rows.map(tr).join('')}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** styles.xml with the built-in headings (ids Heading1, Heading2 with outline levels) and a WPS-like "标题 3" whose id is "3". */
export function stylesXml(): string {
  const style = (id: string, name: string, extra = '') =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`;
  return (
    `${XML}<w:styles xmlns:w="${W}">` +
    style('Normal', 'Normal').replace('<w:style ', '<w:style w:default="1" ') +
    style('Heading1', 'heading 1', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>') +
    style('Heading2', 'heading 2', '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>') +
    style('3', '标题 3', '<w:basedOn w:val="Normal"/>') +
    style('MyTitle', 'My title', '<w:basedOn w:val="Heading1"/>') +
    `</w:styles>`
  );
}

/** The parts of a .docx; `styles` null for none. */
export function docxFiles(body: string, styles: string | null = stylesXml()): Files {
  return {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (styles ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '') +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `${XML}<Relationships xmlns="${PKG_RELS}">${styles ? `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    'word/document.xml': documentXml(body),
    ...(styles ? { 'word/styles.xml': styles } : {}),
  };
}

export const docx = (body: string, styles?: string | null): Promise<Uint8Array> => zip(docxFiles(body, styles));

// ---- Excel -----------------------------------------------------------------------------------------

export interface SheetSpec {
  name: string;
  /** the <sheetData> rows and anything after it (mergeCells) */
  xml: string;
  hidden?: boolean;
}

/** Cell XML helpers: a shared string, an inline string, a number with a style. */
export const cs = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
export const ci = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
export const cn = (ref: string, value: string, style?: number) => `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${value}</v></c>`;
export const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;

export function xlsxFiles(sheets: SheetSpec[], sharedStrings: string[] | string, styles?: string): Files {
  const sst =
    typeof sharedStrings === 'string'
      ? sharedStrings
      : `${XML}<sst xmlns="${S}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const files: Files = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${S}" xmlns:r="${R}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PKG_RELS}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      (styles ? `<Relationship Id="rId${sheets.length + 2}" Type="${R}/styles" Target="styles.xml"/>` : '') +
      '</Relationships>',
    'xl/sharedStrings.xml': sst,
    ...(styles ? { 'xl/styles.xml': styles } : {}),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `${XML}<worksheet xmlns="${S}" xmlns:r="${R}">${s.xml.startsWith('<sheetData') ? s.xml : `<sheetData>${s.xml}</sheetData>`}</worksheet>`;
  });
  return files;
}

/** Cell styles by index: 0 General, 1 built-in 0.00 (id 2), 2 built-in #,##0.00 (id 4), 3 custom "0.00_ ", 4 a date, 5 0.00%. */
export function xlsxStyles(): string {
  return (
    `${XML}<styleSheet xmlns="${S}">` +
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="0.00_ "/></numFmts>' +
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="2" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs>' +
    '</styleSheet>'
  );
}

export const xlsx = (sheets: SheetSpec[], sharedStrings: string[] | string, styles?: string): Promise<Uint8Array> => zip(xlsxFiles(sheets, sharedStrings, styles));

// ---- hostile archives ------------------------------------------------------------------------------

/** A .docx whose document.xml is `mib` MiB of zero bytes: it deflates about a thousandfold. */
export function bombDocx(mib: number): Promise<Uint8Array> {
  const files = docxFiles('');
  files['word/document.xml'] = new Uint8Array(mib * 1024 * 1024);
  return zip(files);
}

/**
 * Make the entries of an archive (all, or the one named `only`) declare `size` bytes uncompressed, in
 * the local headers and the central directory: a bomb that lies about its size, so that only counting
 * while inflating stops it.
 */
export function lieAboutSizes(bytes: Uint8Array, size: number, only?: string): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = out.length - 22;
  while (eocd > 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
    if (only === undefined || name === only) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** An OLE compound file's header, optionally with an EncryptionInfo stream name in its directory. */
export function oleBytes(encrypted: boolean): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = encrypted ? 'EncryptionInfo' : 'WordDocument';
  for (let i = 0; i < name.length; i++) out[1024 + 2 * i] = name.charCodeAt(i);
  return out;
}
