/** Offsets → 1-based line and column, by binary search over line starts (built once per reported file). */
export class LineIndex {
  /** each line's offset, the 0-based line number as index */
  readonly starts: number[] = [0];
  private shape?: { indents: Int32Array; firsts: Int32Array };

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * Each line's indent (the spaces it starts with) and the code of the character after them (-1 at the end
   * of the text), by 0-based line number: what a scan of a block's lines by indentation looks at, computed
   * once, on first use, so that scanning a line again (a section, then a table in it) costs no string work.
   */
  get layout(): { indents: Int32Array; firsts: Int32Array } {
    if (!this.shape) {
      const { text, starts } = this;
      const indents = new Int32Array(starts.length);
      const firsts = new Int32Array(starts.length);
      for (let line = 0; line < starts.length; line++) {
        const start = starts[line]!;
        let i = start;
        while (text.charCodeAt(i) === 32) i++;
        indents[line] = i - start;
        firsts[line] = i < text.length ? text.charCodeAt(i) : -1;
      }
      this.shape = { indents, firsts };
    }
    return this.shape;
  }
}
