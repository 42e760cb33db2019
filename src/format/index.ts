/** The output formats by name, each loaded only when asked for. */
import type { Formatter } from './types.js';

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
