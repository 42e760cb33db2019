/** Streaming formats (src/format/types.ts ReportStream) as whole-list formatters: the same bytes either way. */
import type { FileResult } from '../engine/finding.js';
import type { Formatter, StreamingFormatter } from './types.js';

/** The formatter of a streaming format: the stream's head, each result's text and its end, joined. */
export function whole(open: StreamingFormatter): Formatter {
  return (results, ctx) => {
    const s = open(ctx);
    const parts = [s.head];
    for (const r of results) parts.push(s.file(r));
    parts.push(s.end());
    return parts.join('');
  };
}

/** A format that needs every result before it writes anything (html, sarif): held, then formatted at the end. */
export function collect(format: Formatter): StreamingFormatter {
  return (ctx) => {
    const results: FileResult[] = [];
    return {
      head: '',
      file(r) {
        results.push(r);
        return '';
      },
      end: () => format(results, ctx),
    };
  };
}
