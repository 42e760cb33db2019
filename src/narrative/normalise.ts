/**
 * The text the narrative parser reads: one character per character of the source (so a position in it is a
 * position in the source), with traditional characters of the words it matches made simplified, full-width
 * digits and ASCII punctuation made the document's usual forms, and layout whitespace left out.
 */

/**
 * Traditional → simplified, for the words the parser matches (萬元, 億元, 佔, 較, 減少, 增長, 與, 預算, 其中,
 * 分別為…) and the characters budget labels share (經費, 項目, 財政撥款…), so that a label written in
 * traditional characters names the same thing. One character for one: positions do not move.
 */
const TRAD: Record<string, string> = {
  萬: '万', 億: '亿', 佔: '占', 較: '较', 減: '减', 長: '长', 與: '与', 預: '预', 為: '为', 爲: '为',
  計: '计', 總: '总', 經: '经', 費: '费', 項: '项', 額: '额', 變: '变', 無: '无', 別: '别', 於: '于',
  數: '数', 門: '门', 單: '单', 財: '财', 撥: '拨', 專: '专', 戶: '户', 統: '统', 購: '购', 車: '车',
  運: '运', 維: '维', 務: '务', 轉: '转', 結: '结', 餘: '余', 資: '资', 產: '产', 國: '国', 業: '业',
  員: '员', 類: '类', 這: '这', 個: '个', 們: '们', 來: '来', 過: '过', 對: '对', 實: '实', 際: '际',
  險: '险', 醫: '医', 療: '疗', 開: '开', 關: '关', 機: '机', 處: '处', 區: '区', 縣: '县', 鎮: '镇',
  鄉: '乡', 當: '当', 從: '从', 達: '达', 約: '约', 決: '决', 報: '报', 規: '规', 據: '据', 營: '营',
  屬: '属', 補: '补', 貼: '贴', 礎: '础', 養: '养', 職: '职', 調: '调', 劃: '划', 繳: '缴', 納: '纳',
  採: '采', 設: '设', 備: '备', 辦: '办', 編: '编', 製: '制', 贈: '赠', 幣: '币', 價: '价', 應: '应',
  則: '则', 擬: '拟', 種: '种', 將: '将', 幹: '干', 離: '离', 稅: '税', 貸: '贷', 償: '偿', 債: '债',
  權: '权', 級: '级', 縮: '缩', 漲: '涨', 陸: '陆', 續: '续', 慶: '庆', 並: '并', 況: '况', 說: '说',
  內: '内', 舊: '旧',
};

/** Full-width and ASCII forms → the forms the parser matches; again one for one. */
const FORMS: Record<string, string> = {
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
  '．': '.', '％': '%', '﹪': '%', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？',
  '－': '-', '−': '-', '﹣': '-', '＋': '+', '，': '，', '､': '、', '﹐': '，', '﹔': '；', '﹕': '：',
  'Ｘ': 'X', 'ｘ': 'x', '＊': '*',
};


/**
 * The compact text: `text` is the normalised text without layout whitespace; `at[i]` is the position in the
 * source of text[i]. A newline is kept only where it breaks the text: "\r" for a blank line, "\n" for a line
 * after a heading or before an enumeration mark; elsewhere (a PDF's wrapped lines) it is left out. A tab stays.
 */
export interface Compact {
  text: string;
  at: number[];
}

const ENUM_AT_LINE_START = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．]|\d+\.(?!\d)|[①-⑳]|第[一二三四五六七八九十]+部分)/;

function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 40 && ENUM_AT_LINE_START.test(t) && !/[。；！？]/.test(t) && !/[0-9]\s*(?:万元|亿元|元)/.test(t) && !/[，、：；。]$/.test(t);
}

/** The two tables by character code, for the scan. */
const BY_CODE = new Map<number, string>();
for (const [k, v] of Object.entries(TRAD)) BY_CODE.set(k.charCodeAt(0), v);
for (const [k, v] of Object.entries(FORMS)) BY_CODE.set(k.charCodeAt(0), v);

/** Layout whitespace; a tab is not (it separates the cells of a table written as text, and stays as "\t"). */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 0xa0 || code === 13 || code === 12 || code === 11;
}

export function compact(source: string): Compact {
  let text = '';
  const at: number[] = [];
  const n = source.length;
  let lineStart = 0;
  let prev = '';
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      // decide whether this newline breaks the text
      let j = i + 1;
      let blank = false;
      while (j < n) {
        const cj = source.charCodeAt(j);
        if (cj === 10) {
          blank = true;
          break;
        }
        if (!isSpaceCode(cj)) break;
        j++;
      }
      const hard = blank || isHeadingLine(source.slice(lineStart, i)) || ENUM_AT_LINE_START.test(source.slice(i + 1, Math.min(n, i + 61)));
      if (hard && text.length > 0) {
        if (prev === '\n' && blank) {
          text = text.slice(0, -1) + '\r';
          prev = '\r';
        } else if (prev !== '\n' && prev !== '\r') {
          prev = blank ? '\r' : '\n';
          text += prev;
          at.push(i);
        }
      }
      lineStart = i + 1;
      continue;
    }
    if (isSpaceCode(code)) continue;
    let m = BY_CODE.get(code) ?? source[i]!;
    if (code === 44) {
      // a thousands separator between digits stays ",", any other comma is the Chinese one
      m = prev >= '0' && prev <= '9' && /^\d{3}(?!\d)/.test(source.slice(i + 1, i + 5)) ? ',' : '，';
    }
    text += m;
    at.push(i);
    prev = m;
  }
  return { text, at };
}

/** One character normalised the way the parser reads it (for labels compared across statements). */
export function normaliseChar(c: string): string {
  return BY_CODE.get(c.charCodeAt(0)) ?? c;
}

/**
 * A label as rules compare it: simplified characters, no whitespace, no quotation marks, no "（类）" /
 * "（项）" annotations of a classification name, full-width brackets.
 */
export function normaliseLabel(label: string): string {
  let s = '';
  for (const c of label) {
    if (/\s/.test(c) || c === '“' || c === '”' || c === '"' || c === '‘' || c === '’' || c === '\'' || c === '「' || c === '」') continue;
    s += normaliseChar(c);
  }
  return s.replace(/（(?:类|款|项)）/g, '');
}

/**
 * Labels that do not name a quantity by themselves: a measure (预算数, 金额, 支出决算) whose subject is in an
 * earlier sentence ("1、…（项）。…年初预算为 1560.05 万元，支出决算为1511.89万元"). The same such label
 * stated twice is two quantities.
 */
export const GENERIC_LABEL =
  /^(?:本年|上年|当年|年初|年末|全年|本年度|上年度)?(?:预算|决算|支出预算|支出决算|收入预算|收入决算|预算数|决算数|执行数|调整预算|调整预算数|金额|资金|经费|费用|支出|收入|合计|小计|总计|共计|总额|余额|采购金额|预算金额|预算资金|项目预算资金|涉及金额|其他|其中|单价|价值|数额)?$/;

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL.test(normaliseLabel(label));
}
