/**
 * A published PDF with a text layer → blocks (src/read/pdf-layout.ts rebuilds paragraphs and tables
 * from the positioned text). pdf.js (pdfjs-dist, its legacy build for Node) reads the file, in-process:
 * its worker module is handed to it as globalThis.pdfjsWorker, so nothing is loaded by path and no
 * thread is started. A scanned page (an image, no text) is not read: there is no OCR.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ReadError, type ReadResult } from './blocks.js';
import { layoutPages, type PdfPageText, type PdfTextItem } from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded once. Its legacy build brings core-js polyfills, and on Node 20 some replace built-ins
 * that are already there (Array.prototype.push, JSON.parse, JSON.stringify) with slower JavaScript
 * versions, for the whole process: they are put back. What it adds (Promise.withResolvers, …) stays.
 */
export function loadPdfjs(): Promise<PdfJs> {
  return (loading ??= (async () => {
    const saved = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= worker;
      return pdfjs;
    } finally {
      Object.defineProperty(Array.prototype, 'push', { value: saved.push, writable: true, configurable: true, enumerable: false });
      JSON.parse = saved.parse;
      JSON.stringify = saved.stringify;
    }
  })());
}

/** pdf.js's CMaps and standard fonts, read from its package on disk. */
function dataDirs(): { cMapUrl: string; standardFontDataUrl: string } | undefined {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: path.join(dir, 'cmaps') + path.sep, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep };
  } catch {
    return undefined;
  }
}

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintSolidColorImageMask'];

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js may take the buffer over: give it a copy
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    ...(dataDirs() ?? {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw openError(e);
  }
  try {
    const imageOps = new Set(IMAGE_OPS.map((k) => (pdfjs.OPS as Record<string, number>)[k]).filter((x) => x !== undefined));
    const pages: PdfPageText[] = [];
    const scanned: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const m = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        const size = Math.hypot(m[2]!, m[3]!);
        // text run along the page's x axis (rotated text, a stamp, a margin note, is left out)
        if (Math.abs(m[1]!) > 0.01 * Math.abs(m[0]!) || m[0]! <= 0) continue;
        items.push({ text: it.str, x: m[4]!, y: m[5]!, width: it.width * (m[0]! / Math.hypot(it.transform[0] as number, it.transform[1] as number) || 1), size });
      }
      if (!items.length) {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((f) => imageOps.has(f))) scanned.push(n);
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    const textPages = pages.filter((p) => p.items.length).length;
    if (!textPages) {
      if (scanned.length) {
        throw new ReadError(
          '该 PDF 是扫描件（页面为图片，没有文字层），无法读取：budgetlint 不做文字识别（OCR）。请使用带文字的原始文件（.docx/.xlsx，或由其导出的 PDF）',
          'this PDF is a scan (its pages are images with no text layer) and cannot be read: budgetlint does no OCR. Use the original file with text (.docx/.xlsx, or a PDF exported from it)',
        );
      }
      throw new ReadError('该 PDF 没有可读取的文字', 'this PDF has no text to read');
    }
    const { blocks } = layoutPages(pages);
    const notes = scanned.map((n) => ({
      zh: `第${n}页是图片（扫描页，没有文字层），未读取：budgetlint 不做文字识别（OCR）`,
      en: `page ${n} is an image (a scanned page with no text layer) and was not read: budgetlint does no OCR`,
      loc: { kind: 'pdf' as const, page: n, x: 0, y: 0 },
    }));
    return { blocks, notes };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function openError(e: unknown): ReadError {
  const name = (e as { name?: string } | null)?.name;
  const message = (e as { message?: string } | null)?.message ?? String(e);
  if (name === 'PasswordException') {
    return new ReadError(
      '该 PDF 已加密（设有打开密码），无法读取：请使用未加密的文件，或在 PDF 阅读器中取消密码后另存',
      'this PDF is encrypted (it has a password to open it) and cannot be read: use an unencrypted copy, or remove the password in a PDF reader and save it again',
    );
  }
  return new ReadError(`PDF 文件已损坏，无法读取（${message}）`, `the PDF file is damaged and cannot be read (${message})`);
}
