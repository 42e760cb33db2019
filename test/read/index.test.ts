import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadError } from '../../src/read/blocks.js';
import { readDocument } from '../../src/read/index.js';
import { docx, oleBytes, p, xlsx } from '../support/ooxml.js';

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

// a PDF is read (src/read/pdf.ts); these few bytes are not a whole one
const PDF_EN = 'the PDF file is damaged and cannot be read (Invalid PDF structure.)';

describe('readDocument', () => {
  it('reads .txt in UTF-8 or GBK', async () => {
    const gbk = new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3, 0x0a, 0x09, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]); // 预算\n\t金额\n
    const r = await readDocument('a.txt', gbk);
    expect(r.blocks.map((b) => b.type)).toEqual(['paragraph', 'table']);
    expect(r.blocks[0]).toMatchObject({ text: '预算' });
    const u = await readDocument('a.TEXT', new TextEncoder().encode('\ufeff说明'));
    expect(u.blocks[0]).toMatchObject({ text: '说明', loc: { kind: 'text', line: 1, column: 1 } });
  });

  it('refuses a binary file named .txt', async () => {
    expect((await readError(readDocument('a.txt', new Uint8Array([0x41, 0, 0x42])))).en).toMatch(/NUL: this is a binary file, not a text file/);
  });

  it('goes by the bytes before the name: PDF, OLE, zip', async () => {
    expect((await readError(readDocument('a.pdf', new TextEncoder().encode('%PDF-1.4\n')))).en).toBe(PDF_EN);
    expect((await readError(readDocument('a.docx', new TextEncoder().encode('%PDF-1.4\n')))).zh).toBe('PDF 文件已损坏，无法读取（Invalid PDF structure.）');
    expect((await readError(readDocument('a.doc', oleBytes(false)))).en).toMatch(/old binary \.doc\/\.xls/);
    expect((await readError(readDocument('a.xlsx', oleBytes(true)))).en).toMatch(/encrypted/);
    // a .docx saved under .doc, a workbook under .zip
    expect((await readDocument('a.doc', await docx(p('正文')))).blocks[0]).toMatchObject({ text: '正文' });
    const wb = await readDocument('a.zip', await xlsx([{ name: '表1', xml: '' }], []));
    expect(wb.blocks[0]).toMatchObject({ type: 'paragraph', text: '表1' });
  });

  it('says what it reads when the type is unknown, and that a non-zip .docx is damaged', async () => {
    expect((await readError(readDocument('a.csv', new TextEncoder().encode('a,b')))).en).toMatch(/unsupported file type "\.csv"/);
    expect((await readError(readDocument('a.docx', new TextEncoder().encode('hello')))).en).toMatch(/damaged/);
  });

  const pdf = path.resolve('..', 'shared', 'documents', 'putuo-czj-2025-budget.pdf');
  (existsSync(pdf) ? it : it.skip)('reads a real PDF (test/read/pdf.test.ts reads it in full)', async () => {
    const r = await readDocument(pdf, readFileSync(pdf));
    expect(r.blocks.filter((b) => b.type === 'table').length).toBeGreaterThanOrEqual(9);
  });
});
