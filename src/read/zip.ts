/**
 * An OOXML package (.docx, .xlsx) opened with the limits that keep a hostile or broken archive from
 * taking the linter down: a zip bomb inflates a few hundred kilobytes into gigabytes, and an archive of
 * a million empty entries costs as much to list as to read. Both are refused with a ReadError before
 * the damage: the entry count from the end record before JSZip lists anything, the declared sizes
 * before anything is inflated, and the actual size while inflating (declared sizes can lie).
 */
import JSZip from 'jszip';
import { ReadError } from './blocks.js';
import { oleError, pdfError, rtfError, sniff } from './sniff.js';
import { parseXml, type XNode } from './xml.js';

const MiB = 1024 * 1024;

export const ZIP_LIMITS = {
  /** entries in the archive (a real .docx/.xlsx has tens to a few hundred) */
  maxEntries: 2000,
  /** one XML part once inflated (word/document.xml, a worksheet, the shared strings) */
  maxPartBytes: 64 * MiB,
  /** all entries together, as declared in the archive and as actually inflated by us */
  maxTotalBytes: 200 * MiB,
} as const;

export type PackageKind = 'docx' | 'xlsx';

const KIND = {
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)', main: 'word/document.xml' },
  xlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)', main: 'xl/workbook.xml' },
} as const;

/** What JSZip keeps of each entry but does not declare in its types. */
interface EntryInternals {
  _data?: { uncompressedSize?: number };
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
}

export class OoxmlPackage {
  /** part name in lower case → name in the archive: part names are case-insensitive in OPC */
  private readonly names = new Map<string, string>();
  private inflated = 0;

  constructor(
    private readonly zip: JSZip,
    readonly kind: PackageKind,
  ) {
    for (const name of Object.keys(zip.files)) this.names.set(name.toLowerCase(), name);
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  /** A part's XML tree, or undefined when the part is absent. */
  async xml(part: string): Promise<XNode[] | undefined> {
    const text = await this.text(part);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (e) {
      throw new ReadError(`${KIND[this.kind].zh}中的 ${part} 不是有效的 XML：${(e as Error).message}`, `${part} in ${KIND[this.kind].en} is not valid XML: ${(e as Error).message}`);
    }
  }

  async text(part: string): Promise<string | undefined> {
    const name = this.names.get(part.toLowerCase());
    const entry = name === undefined ? undefined : this.zip.files[name];
    if (!entry || entry.dir) return undefined;
    const bytes = await this.inflate(part, entry as unknown as EntryInternals);
    // OOXML parts are UTF-8, rarely UTF-16 with a BOM
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return new TextDecoder('utf-8').decode(bytes);
  }

  /** Inflate through JSZip's internal stream, counting bytes and stopping as soon as a limit is passed. */
  private inflate(part: string, entry: EntryInternals): Promise<Uint8Array> {
    const declared = entry._data?.uncompressedSize;
    if (declared !== undefined && declared > ZIP_LIMITS.maxPartBytes) return Promise.reject(tooBigPart(this.kind, part));
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let done = false;
      const stream = entry.internalStream('uint8array');
      const fail = (e: ReadError) => {
        if (done) return;
        done = true;
        stream.pause();
        chunks.length = 0;
        reject(e);
      };
      stream
        .on('data', (chunk) => {
          if (done) return;
          size += chunk.length;
          this.inflated += chunk.length;
          if (size > ZIP_LIMITS.maxPartBytes) return fail(tooBigPart(this.kind, part));
          if (this.inflated > ZIP_LIMITS.maxTotalBytes) return fail(tooBigTotal(this.kind));
          chunks.push(chunk);
        })
        .on('error', (e) => fail(corrupt(this.kind, `${part}: ${e.message}`)))
        .on('end', () => {
          if (done) return;
          done = true;
          resolve(concat(chunks, size));
        })
        .resume();
    });
  }
}

/**
 * Open bytes that should be an OOXML package of this kind. Every way it can fail is a ReadError that
 * says what the file is and what to do, in Chinese and English.
 */
export async function openPackage(bytes: Uint8Array, kind: PackageKind): Promise<OoxmlPackage> {
  const pkg = await loadZip(bytes, kind);
  if (!pkg.has(KIND[kind].main)) throw missingMain(pkg, kind);
  return pkg;
}

/** Which kind of package a zip is, by its main part; undefined when it is neither. */
export async function packageKind(bytes: Uint8Array): Promise<PackageKind | undefined> {
  const pkg = await loadZip(bytes, 'docx');
  return pkg.has(KIND.docx.main) ? 'docx' : pkg.has(KIND.xlsx.main) ? 'xlsx' : undefined;
}

async function loadZip(bytes: Uint8Array, kind: PackageKind): Promise<OoxmlPackage> {
  const magic = sniff(bytes);
  if (magic === 'ole') throw oleError(bytes);
  if (magic === 'pdf') throw pdfError();
  if (magic === 'rtf') throw rtfError();
  if (magic !== 'zip') throw corrupt(kind, 'not a zip archive');

  const count = declaredEntryCount(bytes);
  if (count !== undefined && count > ZIP_LIMITS.maxEntries) throw tooManyEntries(kind, count);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corrupt(kind, (e as Error).message);
  }
  const entries = Object.values(zip.files);
  if (entries.length > ZIP_LIMITS.maxEntries) throw tooManyEntries(kind, entries.length);
  let total = 0;
  for (const e of entries) total += (e as unknown as EntryInternals)._data?.uncompressedSize ?? 0;
  if (total > ZIP_LIMITS.maxTotalBytes) throw tooBigTotal(kind);
  return new OoxmlPackage(zip, kind);
}

/** The entry count of the end-of-central-directory record, read before JSZip lists the entries. */
function declaredEntryCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the record is 22 bytes plus a comment of at most 65535
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      const n = view.getUint16(i + 10, true);
      return n === 0xffff ? undefined : n; // ZIP64: JSZip's own listing is counted instead
    }
  }
  return undefined;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const mib = (n: number) => `${n / MiB} MiB`;

function corrupt(kind: PackageKind, detail: string): ReadError {
  const k = KIND[kind];
  return new ReadError(
    `文件已损坏，或不是${k.zh}（无法作为 zip 压缩包读取：${detail}）：请用 Word/Excel/WPS 打开后重新另存为 .${kind}`,
    `the file is damaged or is not ${k.en} (it cannot be read as a zip archive: ${detail}): open it in Word/Excel/WPS and save it again as .${kind}`,
  );
}

function tooManyEntries(kind: PackageKind, n: number): ReadError {
  return new ReadError(
    `压缩包内有 ${n} 个条目，超过上限 ${ZIP_LIMITS.maxEntries}：这不像正常的${KIND[kind].zh}，已拒绝读取`,
    `the archive has ${n} entries, more than the limit of ${ZIP_LIMITS.maxEntries}: this does not look like ${KIND[kind].en}; refused`,
  );
}

function tooBigPart(kind: PackageKind, part: string): ReadError {
  return new ReadError(
    `${part} 解压后超过 ${mib(ZIP_LIMITS.maxPartBytes)}：可能是压缩炸弹，已拒绝读取`,
    `${part} inflates to more than ${mib(ZIP_LIMITS.maxPartBytes)}: possibly a zip bomb; refused`,
  );
}

function tooBigTotal(kind: PackageKind): ReadError {
  return new ReadError(
    `压缩包解压后总大小超过 ${mib(ZIP_LIMITS.maxTotalBytes)}：可能是压缩炸弹，已拒绝读取`,
    `the archive inflates to more than ${mib(ZIP_LIMITS.maxTotalBytes)} in total: possibly a zip bomb; refused`,
  );
}

/** A zip without the main part: say what it looks like instead, the usual case being a misnamed file. */
function missingMain(pkg: OoxmlPackage, kind: PackageKind): ReadError {
  const k = KIND[kind];
  const other: PackageKind = kind === 'docx' ? 'xlsx' : 'docx';
  if (pkg.has(KIND[other].main)) {
    return new ReadError(
      `该文件不是${k.zh}，而是${KIND[other].zh}（缺少 ${k.main}）：请将扩展名改为 .${other}`,
      `the file is not ${k.en} but ${KIND[other].en} (it has no ${k.main}): rename it to .${other}`,
    );
  }
  return new ReadError(
    `该 zip 压缩包不是${k.zh}：缺少 ${k.main}`,
    `this zip archive is not ${k.en}: it has no ${k.main}`,
  );
}
