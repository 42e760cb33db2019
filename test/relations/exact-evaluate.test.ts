/**
 * The relation evaluator decides most comparisons on exact integer units (src/arith/exact.ts) and builds
 * Decimals only for what a finding shows. Its outcomes must be those of the Decimal intervals: checked
 * here against the interval arithmetic itself, over figures in 元, 万元 and 亿元 with mixed places, huge
 * values past the safe integers, tiny ones with many places, zeros and negatives, and sums long enough to
 * leave the safe range part way. What a finding shows (stated, computed, difference, tolerance, terms) must
 * be the Decimals the intervals give.
 */
import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { compare } from '../../src/arith/compare.js';
import { Interval } from '../../src/arith/interval.js';
import { moneyFactor, type MoneyUnit } from '../../src/arith/units.js';
import type { Stated } from '../../src/model/scalars.js';
import { Num, evaluate, isCheck, type Scope, type TermRef, type Val } from '../../src/relations/evaluate.js';
import { parseExpr, type CompareOp } from '../../src/relations/parse-expr.js';

const text = fc.oneof(
  fc.stringMatching(/^-?[1-9][0-9]{0,7}\.[0-9]{2}$/),
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.stringMatching(/^-?[1-9][0-9]{13,16}(\.[0-9]{1,2})?$/),
  fc.stringMatching(/^[1-9][0-9]{20,40}\.[0-9]{1,3}$/),
  fc.stringMatching(/^0\.0{8,20}[1-9]$/),
  fc.constantFrom('0', '0.00', '-0', '-0.00', '999999999999999', '9007199254740993', '0.5', '.5', '5.'),
);
const unit = fc.constantFrom<MoneyUnit>('元', '万元', '亿元');
const figure = fc.record({ text, unit });
type Figure = { text: string; unit: MoneyUnit };

const stated = (t: string): Stated => ({ value: new Decimal(t), text: t, decimals: t.includes('.') ? t.length - t.indexOf('.') - 1 : 0 });
const term = (name: string, f: Figure): TermRef => ({ label: name, path: [name], text: f.text, unit: f.unit });
const num = (name: string, f: Figure) => Num.stated(stated(f.text), term(name, f));
/** The figure as the Decimal intervals have it, in 元. */
const iv = (f: Figure) => {
  const s = stated(f.text);
  return Interval.stated(s.value, s.decimals).scale(moneyFactor(f.unit));
};

function scopeOf(vals: Record<string, Val>): Scope {
  return { docUnit: '万元', lookup: (name) => vals[name] };
}

/** What the comparison says on the Decimal intervals: the evaluator's rule, written on Decimals. */
function expected(op: CompareOp, a: Interval, b: Interval): string {
  switch (op) {
    case '<=':
      return a.point.lte(b.point) || !a.lo.gt(b.hi) ? 'consistent' : 'inconsistent';
    case '<':
      return a.point.lt(b.point) || !a.lo.gte(b.hi) ? 'consistent' : 'inconsistent';
    case '>=':
      return a.point.gte(b.point) || !a.hi.lt(b.lo) ? 'consistent' : 'inconsistent';
    case '>':
      return a.point.gt(b.point) || !a.hi.lte(b.lo) ? 'consistent' : 'inconsistent';
    case '!=':
      return a.point.eq(b.point) ? 'inconsistent' : 'consistent';
    case '==':
      return a.point.eq(b.point) ? 'consistent' : a.overlaps(b) ? 'rounding' : 'inconsistent';
  }
}

const same = (x: Decimal, y: Decimal) => x.eq(y) && x.toString() === y.toString();

describe('exact decisions in the relation evaluator', () => {
  const ops = fc.constantFrom<CompareOp>('==', '!=', '<=', '<', '>=', '>');

  it('a ± b ⋈ c and a * b ⋈ c decide as the Decimal intervals do, and show their Decimals', () => {
    fc.assert(
      fc.property(figure, figure, figure, fc.constantFrom('+', '-', '*'), ops, (fa, fb, fc_, arith, op) => {
        const scope = scopeOf({ a: num('a', fa), b: num('b', fb), c: num('c', fc_) });
        const r = evaluate(parseExpr(`a ${arith} b ${op} c`), scope);
        expect(isCheck(r)).toBe(true);
        if (!isCheck(r)) return;
        const left = arith === '+' ? iv(fa).plus(iv(fb)) : arith === '-' ? iv(fa).minus(iv(fb)) : iv(fa).times(iv(fb));
        expect(r.outcome).toBe(expected(op, left, iv(fc_)));
        const c = r.comparison;
        const want = compare(left, iv(fc_));
        expect(same(c.stated, want.stated) && same(c.computed, want.computed) && same(c.difference, want.difference) && same(c.tolerance, want.tolerance)).toBe(true);
        expect(r.left.terms.map((t) => t.label)).toEqual(['a', 'b']);
        expect(same(r.left.point, left.point)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a long written-out sum lists its terms in order, each list made once (60 terms: 2^60 if remade per read)', () => {
    const names = Array.from({ length: 60 }, (_, i) => `p${i}`);
    const scope = scopeOf(Object.fromEntries(names.map((n, i) => [n, num(n, { text: `${i}.5`, unit: '元' })])));
    const r = evaluate(parseExpr(`${names.join(' + ')} == 0`), scope);
    if (!isCheck(r)) throw new Error('not a check');
    expect(r.left.terms.map((t) => t.label)).toEqual(names);
    expect(r.left.terms).toBe(r.left.terms);
  });

  it('sum(list) ⋈ total decides as the Decimal sum does, also when the sum leaves the safe integers part way', () => {
    const big = fc.record({ text: fc.constantFrom('999999999999999', '900719925474099', '-999999999999999', '123456789012345.6'), unit });
    fc.assert(
      fc.property(fc.array(fc.oneof(figure, big), { maxLength: 30 }), figure, ops, (parts, total, op) => {
        const items = parts.map((f, i) => num(`p${i}`, f));
        const scope = scopeOf({ list: { kind: 'list', items }, t: num('t', total) });
        const r = evaluate(parseExpr(`-sum(list) + t ${op} 0`), scope);
        if (!isCheck(r)) throw new Error('not a check');
        const sum = parts.reduce((acc, f) => acc.plus(iv(f)), Interval.exact(0));
        expect(r.outcome).toBe(expected(op, sum.negate().plus(iv(total)), Interval.exact(0)));
        expect(r.left.terms.length).toBe(parts.length + 1);
      }),
      { numRuns: 1500 },
    );
  });

  it('a figure is zero, or true, as its Decimal says', () => {
    fc.assert(
      fc.property(figure, (f) => {
        const r = evaluate(parseExpr('not a'), scopeOf({ a: num('a', f) }));
        expect(r).toBe(new Decimal(f.text).isZero());
      }),
    );
  });

  it('decides at the edges: places apart, 万元 against 元, values past 2^53', () => {
    const check = (a: Figure, b: Figure, op: CompareOp = '==') => {
      const r = evaluate(parseExpr(`a ${op} b`), scopeOf({ a: num('a', a), b: num('b', b) }));
      return isCheck(r) ? r.outcome : r;
    };
    expect(check({ text: '2913.49', unit: '万元' }, { text: '29134900', unit: '元' })).toBe('consistent');
    expect(check({ text: '2913.49', unit: '万元' }, { text: '29134900.00', unit: '元' })).toBe('consistent');
    expect(check({ text: '2913.49', unit: '万元' }, { text: '29134901', unit: '元' })).toBe('rounding');
    expect(check({ text: '0.00000001', unit: '亿元' }, { text: '1', unit: '元' })).toBe('consistent');
    expect(check({ text: '9007199254740993', unit: '元' }, { text: '9007199254740992', unit: '元' })).toBe('rounding');
    expect(check({ text: '9007199254740993', unit: '元' }, { text: '9007199254740992', unit: '元' }, '>')).toBe('consistent');
    // past 20 significant digits decimal.js rounds, as it always did here: the decision is still its own
    const huge = [{ text: '123456789012345678901234567890.5', unit: '亿元' }, { text: '123456789012345678901234567890.4', unit: '亿元' }] as const;
    expect(check(huge[0], huge[1], '<')).toBe(expected('<', iv(huge[0]), iv(huge[1])));
    expect(check(huge[0], huge[1], '<')).toBe('inconsistent');
    expect(check({ text: '-0', unit: '元' }, { text: '0.00', unit: '万元' })).toBe('consistent');
  });
});
