/** The output formats by name, each loaded only when asked for. */
import { collect } from './stream.js';
import type { Formatter, StreamingFormatter } from './types.js';

export const FORMATS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).html,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/**
 * The formats as streams, for the CLI: the report is written as the results arrive, and a result is let go
 * once its text is written. A format whose beginning depends on every result (html's overview) is given
 * them all at the end (collect).
 */
export const STREAMS: Record<FormatName, () => Promise<StreamingFormatter>> = {
  stylish: async () => (await import('./stylish.js')).stylishStream,
  json: async () => (await import('./json.js')).jsonStream,
  sarif: async () => collect((await import('./sarif.js')).sarif),
  junit: async () => collect((await import('./junit.js')).junit),
  github: async () => (await import('./github.js')).githubStream,
  csv: async () => (await import('./csv.js')).csvStream,
  html: async () => collect((await import('./html.js')).html),
};
