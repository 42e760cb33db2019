/**
 * What a file is by its first bytes, whatever its name says, and the errors for the formats we do not
 * read. Publishers rename files freely (.doc that is really .docx, .xls saved from WPS), so the bytes
 * decide the format and the extension only breaks ties.
 */
import { ReadError } from './blocks.js';

export type Magic = 'zip' | 'ole' | 'pdf' | 'rtf' | 'unknown';

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

export function sniff(bytes: Uint8Array): Magic {
  // local file header, or the end record of an empty archive
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // %PDF may follow a BOM or whitespace that a server prepended; not just anywhere, or a text that
  // mentions "%PDF-" would be taken for a PDF
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (/^(?:\xef\xbb\xbf)?\s*%PDF-/.test(head)) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return 'unknown';
}

/**
 * An OLE compound file is either an old binary .doc/.xls/.wps/.et or an encrypted .docx/.xlsx (Office
 * stores password-protected OOXML inside OLE, with an "EncryptionInfo" stream). The directory holds the
 * stream names in UTF-16LE, so a byte search finds it without an OLE parser.
 */
export function oleError(bytes: Uint8Array): ReadError {
  if (containsUtf16(bytes, 'EncryptionInfo')) {
    return new ReadError(
      '该文件是加密（设有打开密码）的 Office 文件，无法读取：请在 Word/Excel 中打开并取消密码（文件 → 信息 → 保护文档/工作簿 → 用密码进行加密，清空密码），保存后再检查',
      'this is an encrypted (password-protected) Office file and cannot be read: open it in Word/Excel, remove the password (File → Info → Protect Document/Workbook → Encrypt with Password, clear it), save, and check it again',
    );
  }
  return new ReadError(
    '该文件是 OLE 复合文档：旧版二进制 .doc/.xls（或 WPS .wps/.et）文件，或加密的 Office 文件，无法读取：请在 Word/Excel/WPS 中另存为 .docx/.xlsx；如设有密码，请先取消密码',
    'this is an OLE compound file: an old binary .doc/.xls (or WPS .wps/.et) file, or an encrypted Office file, which cannot be read: save it as .docx/.xlsx in Word/Excel/WPS; if it has a password, remove the password first',
  );
}

export const pdfError = (): ReadError =>
  new ReadError(
    '暂不支持读取 PDF：请将文档另存为 .docx，或将其文字复制到 .txt 文件中',
    'PDF is not read yet: save the document as .docx, or copy its text into a .txt file',
  );

export const rtfError = (): ReadError =>
  new ReadError('不支持 RTF 文件：请在 Word/WPS 中另存为 .docx', 'RTF files are not read: save the document as .docx in Word/WPS');

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const pat = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pat[2 * i] = s.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pat) >= 0;
}
