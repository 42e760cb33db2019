import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadError, type Block, type ParagraphBlock, type ReadResult, type TableBlock } from '../../src/read/blocks.js';
import { readDocx } from '../../src/read/docx.js';
import { readText } from '../../src/read/text.js';
import { bombDocx, docx, docxFiles, lieAboutSizes, oleBytes, p, tbl, xlsx, zip } from '../support/ooxml.js';

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const texts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

/** The ReadError a promise rejects with (failing the test when it resolves or throws something else). */
async function readError(promise: Promise<unknown>): Promise<ReadError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

describe('readDocx', () => {
  let r: ReadResult;
  beforeAll(async () => {
    const body =
      p('预算公开说明', { style: 'Heading1' }) + // 1
      p('') + // 2: empty, counted, not kept
      p('一、收入\t2913.49\n万元', { style: '3' }) + // 3: WPS-like "标题 3" with id "3"
      p('正文') + // 4
      p('大纲二级', { outline: 1 }) + // 5
      p('我的标题', { style: 'MyTitle' }) + // 6: based on Heading1
      p('不算标题', { style: 'Heading2', outline: 9 }) + // 7: body-text outline level overrides the style
      tbl([
        [{ text: '项目', vMerge: 'restart' }, { text: '金额', span: 2 }],
        [{ vMerge: 'continue' }, '本年', '上年'],
        ['合计', { content: p('第一段') + p('第二段') + p('') }, { content: tbl([['a', 'b'], ['c', 'd']]) + p('') }],
        [{ text: '跨两列', span: 2, vMerge: 'restart' }, 'x'],
        [{ span: 2, vMerge: 'continue' }, 'y'],
      ]) +
      p('表后') + // 8
      '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' + p('控件中的段落') + '</w:sdtContent></w:sdt>' + // 9
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>' +
      '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>' + // 10
      '<w:p><w:r><w:t>图前</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>' + // 11
      tbl([['第二表']]);
    r = await readDocx(await docx(body));
  });

  it('reads paragraphs in body order, numbered among all top-level paragraphs', () => {
    expect(paragraphs(r.blocks).map((b) => [b.loc.kind === 'docx' && b.loc.paragraph, b.text])).toEqual([
      [1, '预算公开说明'],
      [3, '一、收入\t2913.49\n万元'],
      [4, '正文'],
      [5, '大纲二级'],
      [6, '我的标题'],
      [7, '不算标题'],
      [8, '表后'],
      [9, '控件中的段落'],
      [10, '保留插入链接'],
      [11, '图前'],
    ]);
    expect(r.blocks.map((b) => b.type)).toEqual([...Array(6).fill('paragraph'), 'table', ...Array(4).fill('paragraph'), 'table']);
  });

  it('finds heading levels by outline level, style inheritance, and style names', () => {
    expect(paragraphs(r.blocks).map((b) => b.heading)).toEqual([1, 3, undefined, 2, 1, undefined, undefined, undefined, undefined, undefined]);
  });

  it('finds headings by style id when there is no styles.xml', async () => {
    const res = await readDocx(await zip(docxFiles(p('一', { style: 'Heading2' }) + p('二', { style: '标题1' }), null)));
    expect(paragraphs(res.blocks).map((b) => b.heading)).toEqual([2, 1]);
  });

  it('repeats merged cells over the grid, with their flags, and flattens nested tables', () => {
    const [t, second] = tables(r.blocks);
    expect(t!.loc).toEqual({ kind: 'docx', table: 1 });
    expect(texts(t!)).toEqual([
      ['项目', '金额', '金额'],
      ['项目', '本年', '上年'],
      ['合计', '第一段\n第二段', 'a\tb\nc\td'],
      ['跨两列', '跨两列', 'x'],
      ['跨两列', '跨两列', 'y'],
    ]);
    const flags = t!.rows.map((row) => row.map((c) => `${c.mergedFromAbove ? 'A' : ''}${c.mergedFromLeft ? 'L' : ''}` || '-'));
    expect(flags).toEqual([
      ['-', '-', 'L'],
      ['A', '-', '-'],
      ['-', '-', '-'],
      ['-', 'L', '-'],
      ['A', 'AL', '-'],
    ]);
    expect(t!.rows[4]![1]!.loc).toEqual({ kind: 'docx', table: 1, row: 5, column: 2 });
    expect(second!.loc).toEqual({ kind: 'docx', table: 2 });
  });

  it('notes text it leaves out in text boxes and drawings', () => {
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.en).toMatch(/text boxes/);
    expect(r.notes[0]!.loc).toEqual({ kind: 'docx', paragraph: 11 });
    expect(JSON.stringify(r.blocks)).not.toMatch(/文本框|删除|PAGE/);
  });
});

describe('readDocx refuses what it cannot read', () => {
  it('a file that is not a zip, or a damaged one', async () => {
    const notZip = await readError(readDocx(new TextEncoder().encode('just some text')));
    expect(notZip.en).toMatch(/damaged or is not a Word document/);
    expect(notZip.zh).toMatch(/文件已损坏/);
    const good = await docx(p('x'));
    const truncated = await readError(readDocx(good.subarray(0, good.length - 30)));
    expect(truncated.en).toMatch(/damaged/);
  });

  it('an OLE file: an old .doc or an encrypted file', async () => {
    const old = await readError(readDocx(oleBytes(false)));
    expect(old.en).toMatch(/old binary \.doc\/\.xls.*or an encrypted Office file.*save it as \.docx\/\.xlsx/);
    expect(old.zh).toMatch(/另存为 \.docx\/\.xlsx/);
    const encrypted = await readError(readDocx(oleBytes(true)));
    expect(encrypted.en).toMatch(/encrypted \(password-protected\).*remove the password/);
    expect(encrypted.zh).toMatch(/取消密码/);
  });

  it('a PDF', async () => {
    const e = await readError(readDocx(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')));
    expect(e.en).toBe('PDF is not read yet: save the document as .docx, or copy its text into a .txt file');
  });

  it('a zip without word/document.xml, and a workbook', async () => {
    expect((await readError(readDocx(await zip({ 'a.txt': 'x' })))).en).toMatch(/has no word\/document\.xml/);
    const workbook = await xlsx([{ name: 'S', xml: '' }], []);
    expect((await readError(readDocx(workbook))).en).toMatch(/rename it to \.xlsx/);
  });

  it('an archive with too many entries, before listing them', async () => {
    const files = docxFiles(p('x'));
    for (let i = 0; i < 2001; i++) files[`word/media/f${i}.txt`] = '';
    const e = await readError(readDocx(await zip(files, 'STORE')));
    expect(e.en).toMatch(/entries, more than the limit of 2000/);
  });

  describe('zip bombs', () => {
    let bomb: Uint8Array;
    beforeAll(async () => {
      // 100 MiB of zeros deflate to about 100 KB
      bomb = await bombDocx(100);
      expect(bomb.length).toBeLessThan(1024 * 1024);
    }, 60_000);

    it('refuses a part whose declared size is too big, without inflating anything', async () => {
      const t0 = Date.now();
      const e = await readError(readDocx(bomb));
      expect(e.en).toMatch(/word\/document\.xml inflates to more than 64 MiB/);
      expect(Date.now() - t0).toBeLessThan(1000);
    });

    it('stops inflating a part that lies about its size as soon as it passes the limit', async () => {
      const liar = lieAboutSizes(bomb, 1000);
      const t0 = Date.now();
      const e = await readError(readDocx(liar));
      expect(e.en).toMatch(/word\/document\.xml inflates to more than 64 MiB/);
      expect(Date.now() - t0).toBeLessThan(10_000);
    }, 30_000);

    it('refuses an archive whose declared total is too big', async () => {
      const e = await readError(readDocx(lieAboutSizes(await docx(p('x')), 60 * 1024 * 1024)));
      expect(e.en).toMatch(/more than 200 MiB in total/);
    });
  });
});

const DOCS = path.resolve('..', 'shared', 'documents');
const REAL_DOCX = path.join(DOCS, 'dachang-zhengfawei-2021-budget.docx');
const REAL_TXT = path.join(DOCS, 'dachang-zhengfawei-2021-budget.txt');

// CI may not have the shared documents beside the repository: then these are skipped
(existsSync(REAL_DOCX) && existsSync(REAL_TXT) ? describe : describe.skip)('readDocx on the Dachang 2021 budget (.docx)', () => {
  let d: ReadResult;
  let t: ReadResult;
  beforeAll(async () => {
    d = await readDocx(readFileSync(REAL_DOCX));
    t = readText(readFileSync(REAL_TXT, 'utf8'));
  });

  /** A table as its trimmed cell texts, trailing empty cells dropped (the .docx pads its rows). */
  const shape = (x: TableBlock) =>
    x.rows
      .map((row) => {
        const cells = row.map((c) => c.text.trim());
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return cells.join(' | ');
      })
      .join('\n');

  it('reads the same paragraphs as the .txt rendering, in order', () => {
    const fromDocx = paragraphs(d.blocks).map((b) => b.text.trim());
    const fromText = paragraphs(t.blocks).map((b) => b.text.trim());
    // the .docx was made from the .txt and keeps as paragraphs three lines that are a cell's second and third paragraphs
    const cellLines = fromDocx.filter((x) => !fromText.includes(x));
    expect(cellLines.map((x) => x.slice(0, 6))).toEqual(['2.推进“群', '2.按照工作', '3.按照要求']);
    expect(fromDocx.filter((x) => !cellLines.includes(x))).toEqual(fromText);
  });

  it('reads the same tables as the .txt rendering', () => {
    const fromDocx = tables(d.blocks).map(shape);
    const textTables = tables(t.blocks);
    expect(fromDocx).toHaveLength(26);
    expect(textTables).toHaveLength(24);
    // all the same but for projects 9 and 20 (the .docx split them at a cell's second paragraph),
    // project 10 (the .docx kept "[bookmark: _GoBack]" as text) and project 17 (the .docx split a row at an empty paragraph)
    const differ = textTables.filter((x) => !fromDocx.includes(shape(x))).map((x) => x.loc.kind === 'text' && x.loc.line);
    expect(differ).toEqual([992, 1127, 1659, 1887]);
  });

  it('places cells by table, row and grid column, and finds the headings', () => {
    const dept = tables(d.blocks)[1]!;
    expect(dept.rows[12]![5]).toEqual({ text: '371.68', loc: { kind: 'docx', table: 2, row: 13, column: 6 } });
    const headings = paragraphs(d.blocks).filter((b) => b.heading === 1);
    expect(headings).toHaveLength(13);
    expect(headings[0]).toEqual({ type: 'paragraph', text: '一、部门职责及机构设置情况', loc: { kind: 'docx', paragraph: 4 }, heading: 1 });
    expect(d.notes).toEqual([]);
  });
});
