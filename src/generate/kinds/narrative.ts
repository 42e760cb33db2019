/**
 * Errors in the narrative's sentences (支出预算 = 基本支出 + 项目支出, shares, changes, a figure said
 * twice). The oracle works out what each breaks, except a blank, which the kind states.
 */
import { WAN, WAN_CENT, amountIn, hundredthsText, money, percentHundredths } from '../money.js';
import { Num, getAt, num, setAt, type Obj } from '../tree.js';
import { bumpFigure, cents, delta, numText, type Kind } from './common.js';

export const NARRATIVE_KINDS: Kind[] = [
  // ── the narrative's sentences (expectations from the oracle) ──
  {
    id: 'narrative-rate-base',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      const list = getAt(c.doc, '/narrative') as Obj[];
      const cands = list
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => {
          const ch = s.change as Obj | undefined;
          if (!ch || !(ch.rate instanceof Num) || !(ch.amount instanceof Num)) return false;
          const d = cents(numText(ch.amount), '万元');
          const cur = cents(numText(s.amount), '万元');
          return d > 0 && cur > 0 && Math.abs(percentHundredths(d, cur) - cents(numText(ch.rate), '元')) >= 30;
        });
      if (cands.length === 0) return undefined;
      const { s, i } = c.rng.pick(cands);
      const ch = s.change as Obj;
      const old = numText(ch.rate);
      const v = hundredthsText(percentHundredths(cents(numText(ch.amount), '万元'), cents(numText(s.amount), '万元')));
      setAt(c.doc, `/narrative/${i}/change/rate`, num(v));
      return { path: `/narrative/${i}/change/rate`, description: `the narrative's rate on the wrong base: ${s.label} ${old}% → ${v}%` };
    },
  },
  {
    id: 'narrative-share',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      const i = c.rng.pick([c.info.narrative!.basic, c.info.narrative!.project, c.info.narrative!.personnel, c.info.narrative!.public]);
      const p = `/narrative/${i}/share`;
      const old = numText(getAt(c.doc, p));
      const h = cents(old, '元');
      const v = hundredthsText(h + c.rng.int(150, 900) * (h > 5000 ? -1 : 1));
      setAt(c.doc, p, num(v));
      return { path: p, description: `a share in the narrative: ${(getAt(c.doc, `/narrative/${i}`) as Obj).label} ${old}% → ${v}%` };
    },
  },
  {
    id: 'narrative-part',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      const i = c.rng.pick([c.info.narrative!.project, c.info.narrative!.personnel, c.info.narrative!.public]);
      const r = bumpFigure(c, `/narrative/${i}`, delta(c, 5, 40));
      return r && { ...r, description: `a part in the narrative changed so its whole breaks: ${r.description}` };
    },
  },
  {
    id: 'narrative-repeat',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      const r = bumpFigure(c, `/narrative/${c.info.narrative!.threePublicAgain}`, delta(c, 1, 5));
      return r && { ...r, description: `a figure the narrative states twice, the second time otherwise: ${r.description}` };
    },
  },
  {
    id: 'narrative-blank',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      const i = c.rng.pick([c.info.narrative!.basic, c.info.narrative!.project]);
      const st = getAt(c.doc, `/narrative/${i}`) as Obj;
      const share = numText(st.share);
      // the share left blank, as a template: "占 %"
      delete st.share;
      st.blank = '占 %';
      st.text = (st.text as string).replace(`占${share}%`, '占 %');
      return {
        path: `/narrative/${i}/blank`,
        description: `a share left blank in the narrative: ${st.label} 占${share}% → 占 %`,
        // the placeholder is template text too, wherever it is written
        expected: [
          { rule: 'narrative-blank', path: `/narrative/${i}/blank` },
          { rule: 'text-consistency', path: `/narrative/${i}/blank` },
          { rule: 'text-consistency', path: `/narrative/${i}/text` },
        ],
      };
    },
  },
  {
    id: 'narrative-change-sum',
    family: 'narrative',
    areas: (c) => (c.info.narrative ? ['narrative'] : undefined),
    apply(c) {
      // a part whose change has a direction: 持平 with an amount would contradict itself instead
      const cands = [c.info.narrative!.basic, c.info.narrative!.project].filter((i) => (getAt(c.doc, `/narrative/${i}/change/direction`) as string) !== '持平');
      if (cands.length === 0) return undefined;
      const i = c.rng.pick(cands);
      const p = `/narrative/${i}/change/amount`;
      const old = numText(getAt(c.doc, p));
      const v = money(cents(old, '万元') + amountIn(c.rng, 5 * WAN, 30 * WAN, WAN_CENT), '万元');
      setAt(c.doc, p, num(v));
      return { path: p, description: `a part's change in the narrative: ${(getAt(c.doc, `/narrative/${i}`) as Obj).label} ${old} → ${v}` };
    },
  },
];
