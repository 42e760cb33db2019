/**
 * Errors in the words: the department's name misspelt, template text left in.
 */
import { getAt, setAt } from '../tree.js';
import { TYPO_CHARS } from '../vocab.js';
import type { Kind } from './common.js';

export const TEXT_KINDS: Kind[] = [
  // ── text ──
  {
    id: 'department-name-typo',
    family: 'text',
    areas: () => ['title'],
    apply(c) {
      const name = c.info.department;
      const title = getAt(c.doc, '/document/title') as string;
      const k = c.rng.int(2, name.length - 3);
      const ch = c.rng.pick([...TYPO_CHARS].filter((x) => !name.includes(x)));
      const typo = name.slice(0, k) + ch + name.slice(k + 1);
      setAt(c.doc, '/document/title', title.replace(name, typo));
      return { path: '/document/title', description: `the department's name misspelt in the title: ${name} → ${typo}`, expected: [{ rule: 'text-consistency', path: '/document/title' }] };
    },
  },
  {
    id: 'placeholder',
    family: 'text',
    areas: () => ['opcost-text'],
    apply(c) {
      const p = '/operating_costs/text';
      const text = getAt(c.doc, p) as string;
      const v = text.replace(/预算[\d.]+万元/, '预算XX万元');
      setAt(c.doc, p, v);
      return { path: p, description: 'template text left in: the amount of 机关运行经费 written "XX万元"', expected: [{ rule: 'text-consistency', path: p }] };
    },
  },
];
