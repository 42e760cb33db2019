/**
 * Where a report's text waits until the run is over. The formats write as results arrive (ReportStream), but
 * a run that stops on an unreadable file (exit 2) writes no report at all, as before streaming, and an
 * --output-file is not touched then: so the text is held, and written only by deliver(). Past SPILL_CHARS
 * it goes to a temporary file instead of memory, so that a run over many files does not hold its whole
 * report (with no temporary directory to be had, it stays in memory).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Text held in memory before it goes to the temporary file: some megabytes, a few hundred documents' findings. */
export const SPILL_CHARS = 4 * 1024 * 1024;
/** How much of the temporary file is read back at a time. */
const READ_BYTES = 1024 * 1024;

export class HeldReport {
  private chunks: string[] = [];
  private chars = 0;
  private spill: { dir: string; fd: number; bytes: number } | undefined;
  private noSpill = false;
  private readonly cleanUp = () => this.discard();

  constructor(private readonly spillChars = SPILL_CHARS) {}

  write(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.chars += text.length;
    if (this.chars >= this.spillChars && !this.noSpill) this.toDisk();
  }

  /** The whole report, in order, a piece at a time to `out`; then nothing is held any more. */
  async deliver(out: (text: string) => void | Promise<void>): Promise<void> {
    try {
      if (this.spill) {
        this.toDisk();
        const { fd, bytes } = this.spill;
        const buf = Buffer.alloc(Math.min(READ_BYTES, Math.max(1, bytes)));
        // a character may straddle two reads: the decoder keeps its first bytes for the next
        const decoder = new StringDecoder('utf8');
        for (let at = 0; at < bytes; ) {
          const n = readSync(fd, buf, 0, buf.length, at);
          if (n === 0) break;
          at += n;
          await out(decoder.write(buf.subarray(0, n)));
        }
        const rest = decoder.end();
        if (rest) await out(rest);
      } else {
        await out(this.chunks.join(''));
      }
    } finally {
      this.discard();
    }
  }

  /** Drop what is held (the run failed), the temporary file too. */
  discard(): void {
    this.chunks = [];
    this.chars = 0;
    if (!this.spill) return;
    const { dir, fd } = this.spill;
    this.spill = undefined;
    process.off('exit', this.cleanUp);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(dir, { recursive: true, force: true });
  }

  private toDisk(): void {
    if (!this.spill) {
      try {
        const dir = mkdtempSync(path.join(tmpdir(), 'budgetlint-report-'));
        this.spill = { dir, fd: openSync(path.join(dir, 'report'), 'w+'), bytes: 0 };
        // a run ended early (a closed pipe exits the process) leaves no temporary file behind
        process.on('exit', this.cleanUp);
      } catch {
        this.noSpill = true; // no temporary directory: the report stays in memory
        return;
      }
    }
    const data = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.chars = 0;
    for (let at = 0; at < data.length; ) at += writeSync(this.spill.fd, data, at, data.length - at);
    this.spill.bytes += data.length;
  }
}
