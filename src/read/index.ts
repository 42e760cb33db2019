/**
 * A document file → blocks, whatever its format. The bytes decide first (a PDF named .docx is still a
 * PDF, an old .doc is an OLE file whatever its name), then the extension, then, for a zip under an
 * unknown name, what the archive holds.
 */
import { extname } from 'node:path';
import { DecodeError, decode } from '../load/decode.js';
import { ReadError, type ReadResult } from './blocks.js';
import { readDocx } from './docx.js';
import { oleError, rtfError, sniff } from './sniff.js';
import { readText } from './text.js';
import { readXlsx } from './xlsx.js';
import { packageKind } from './zip.js';

export { ReadError } from './blocks.js';
export type { Block, ParagraphBlock, ReadResult, SourceLoc, TableBlock, TableCell } from './blocks.js';
export { readDocx } from './docx.js';
export { readText } from './text.js';
export { readXlsx } from './xlsx.js';
export { ZIP_LIMITS } from './zip.js';

const TEXT = new Set(['.txt', '.text']);

export async function readDocument(filePath: string, bytes: Uint8Array): Promise<ReadResult> {
  const ext = extname(filePath).toLowerCase();
  switch (sniff(bytes)) {
    case 'pdf': {
      // pdf.js is large: loaded only when a PDF is read
      const { readPdf } = await import('./pdf.js');
      return readPdf(bytes);
    }
    case 'ole':
      throw oleError(bytes);
    case 'rtf':
      throw rtfError();
    case 'zip':
      if (ext === '.docx' || ext === '.docm' || ext === '.doc') return readDocx(bytes);
      if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') return readXlsx(bytes);
      return readZipByContent(bytes);
    case 'unknown':
      if (TEXT.has(ext)) return readText(decodeText(bytes));
      // not a zip under an Office name: the reader says the file is damaged
      if (ext === '.docx') return readDocx(bytes);
      if (ext === '.xlsx') return readXlsx(bytes);
      throw new ReadError(
        `不支持的文件类型“${ext || '（无扩展名）'}”：可读取 .docx、.xlsx、.pdf、.txt 文件`,
        `unsupported file type "${ext || '(no extension)'}": .docx, .xlsx, .pdf and .txt files can be read`,
      );
  }
}

/** A zip under another name (.zip, .wps saved as OOXML, no extension): Word or Excel by its main part. */
async function readZipByContent(bytes: Uint8Array): Promise<ReadResult> {
  const kind = await packageKind(bytes);
  if (kind === 'xlsx') return readXlsx(bytes);
  // not a workbook: read as Word, which says what is missing when it is not a document either
  return readDocx(bytes);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return decode(bytes).text;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    // decode() speaks of YAML and JSON when it meets a NUL byte: say it for a text document
    if (/NUL/.test(e.en)) {
      throw new ReadError(`第 ${e.offset} 字节为 NUL：这是二进制文件，不是文本文件`, `byte ${e.offset} is NUL: this is a binary file, not a text file`);
    }
    throw new ReadError(e.zh, e.en);
  }
}
