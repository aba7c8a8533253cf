import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addF, divF, frac, mulF, type Fraction } from '../kernel/fraction';
import {
  checkContributionLinks, checkResultsTree, commitmentsByResult, contributionsByPartner, rollUp, type IndicatorPlacement, type ResultNode,
} from './results';

/** A vaccine alliance's framework: one goal, two outcomes, three outputs, five indicators. */
const NODES: ResultNode[] = [
  { id: 'g1', level: 'goal', parentId: null, title: 'Fewer children die of preventable disease' },
  { id: 'oc1', level: 'outcome', parentId: 'g1', title: 'Higher DTP3 coverage' },
  { id: 'oc2', level: 'outcome', parentId: 'g1', title: 'A reliable cold chain' },
  { id: 'op1', level: 'output', parentId: 'oc1', title: 'Health workers trained' },
  { id: 'op2', level: 'output', parentId: 'oc1', title: 'Outreach sessions held' },
  { id: 'op3', level: 'output', parentId: 'oc2', title: 'Solar fridges installed' },
];
const INDICATORS: IndicatorPlacement[] = [
  { id: 'i-trained', nodeId: 'op1' },
  { id: 'i-sessions', nodeId: 'op2' },
  { id: 'i-fridges', nodeId: 'op3' },
  { id: 'i-uptime', nodeId: 'op3' },
  { id: 'i-coverage', nodeId: 'oc1' },
];

const show = (f: Fraction | null): string | null => (f === null ? null : f.den === 1n ? `${f.num}` : `${f.num}/${f.den}`);
const progress = (entries: Record<string, Fraction | null>) => new Map(Object.entries(entries));

describe('checkResultsTree', () => {
  it('accepts goals -> outcomes -> outputs with indicators on any level', () => {
    expect(checkResultsTree(NODES, INDICATORS)).toEqual([]);
  });

  it('accepts weights on every child of a node, as whole numbers, decimals or ratios', () => {
    const nodes = NODES.map((n) => (n.parentId === 'g1' ? { ...n, weight: n.id === 'oc1' ? '2/3' : 0.25 } : n));
    expect(checkResultsTree(nodes, INDICATORS)).toEqual([]);
  });

  it.each<[string, ResultNode[], IndicatorPlacement[], string, string]>([
    ['a goal under another result', [{ id: 'g1', level: 'goal', parentId: 'g0', title: 'x' }], [], 'nodes.0.parentId', 'invalid_parent'],
    ['an outcome without a goal', [{ id: 'oc1', level: 'outcome', parentId: null, title: 'x' }], [], 'nodes.0.parentId', 'required'],
    ['an output directly under a goal', [NODES[0], { id: 'op1', level: 'output', parentId: 'g1', title: 'x' }], [], 'nodes.1.parentId', 'invalid_parent'],
    ['a parent that does not exist', [NODES[0], { id: 'oc1', level: 'outcome', parentId: 'g9', title: 'x' }], [], 'nodes.1.parentId', 'unknown_reference'],
    ['an unknown level', [{ id: 'x', level: 'impact' as ResultNode['level'], parentId: null, title: 'x' }], [], 'nodes.0.level', 'unknown_code'],
    ['a result without a title', [{ ...NODES[0], title: ' ' }], [], 'nodes.0.title', 'required'],
    ['one id twice', [NODES[0], { ...NODES[0] }], [], 'nodes.1.id', 'duplicate'],
    ['an indicator with the id of a result', NODES, [{ id: 'g1', nodeId: 'op1' }], 'indicators.0.id', 'duplicate'],
    ['an indicator on an unknown result', NODES, [{ id: 'i', nodeId: 'nowhere' }], 'indicators.0.nodeId', 'unknown_reference'],
    ['a zero weight', [{ ...NODES[0], weight: 0 }], [], 'nodes.0.weight', 'invalid_weight'],
    ['a negative weight', [{ ...NODES[0], weight: '-1' }], [], 'nodes.0.weight', 'invalid_weight'],
    ['a weight divided by zero', [{ ...NODES[0], weight: '1/0' }], [], 'nodes.0.weight', 'invalid_weight'],
    ['a weight with a percent sign', [{ ...NODES[0], weight: '50%' }], [], 'nodes.0.weight', 'invalid_weight'],
    ['one outcome weighted and its sibling not', NODES.map((n) => (n.id === 'oc1' ? { ...n, weight: 2 } : n)), [], 'nodes.2.weight', 'missing_weight'],
    ['a weighted indicator beside an unweighted output', NODES, [{ id: 'i-coverage', nodeId: 'oc1', weight: 1 }], 'nodes.3.weight', 'missing_weight'],
    ['one goal weighted and another not', [NODES[0], { id: 'g2', level: 'goal', parentId: null, title: 'x', weight: 1 }], [], 'nodes.0.weight', 'missing_weight'],
  ])('names the problem with %s', (_name, nodes, indicators, field, code) => {
    expect(checkResultsTree(nodes, indicators)).toContainEqual(expect.objectContaining({ field, code }));
  });
});

describe('rolling progress up the tree', () => {
  it('averages the children of each result when they carry no weights', () => {
    const r = rollUp(NODES, INDICATORS, progress({ 'i-trained': frac(1), 'i-sessions': frac(1, 2), 'i-fridges': frac(1, 4), 'i-uptime': frac(3, 4), 'i-coverage': frac(0) }));
    expect(show(r.nodes.get('op3')!.progress)).toBe('1/2');
    // oc1 = mean(op1 = 1, op2 = 1/2, i-coverage = 0)
    expect(show(r.nodes.get('oc1')!.progress)).toBe('1/2');
    expect(show(r.nodes.get('g1')!.progress)).toBe('1/2');
    expect(r.nodes.get('g1')!.method).toBe('average');
    expect(show(r.overall.progress)).toBe('1/2');
  });

  it('weighs the children when they carry weights: sum(w x p) / sum(w)', () => {
    const nodes = NODES.map((n) => (n.id === 'oc1' ? { ...n, weight: 3 } : n.id === 'oc2' ? { ...n, weight: 1 } : n));
    const r = rollUp(nodes, INDICATORS, progress({ 'i-trained': frac(1), 'i-sessions': frac(1), 'i-coverage': frac(1), 'i-fridges': frac(0), 'i-uptime': frac(0) }));
    expect(show(r.nodes.get('g1')!.progress)).toBe('3/4');
    expect(r.nodes.get('g1')!.method).toBe('weighted');
    expect(r.nodes.get('g1')!.percent).toBe(75);
  });

  it('weights are relative: 2 and 1 weigh like 2/3 and 1/3', () => {
    const data = progress({ 'i-trained': frac(1), 'i-sessions': frac(1), 'i-coverage': frac(1), 'i-fridges': frac(0), 'i-uptime': frac(0) });
    const w = (a: string | number, b: string | number) => NODES.map((n) => (n.id === 'oc1' ? { ...n, weight: a } : n.id === 'oc2' ? { ...n, weight: b } : n));
    expect(rollUp(w(2, 1), INDICATORS, data).overall.progress).toEqual(rollUp(w('2/3', '1/3'), INDICATORS, data).overall.progress);
  });

  it('caps each child at 0-100% before rolling up: 300% on one indicator does not hide 0% on another', () => {
    const r = rollUp(NODES, INDICATORS, progress({ 'i-fridges': frac(3), 'i-uptime': frac(0) }));
    expect(show(r.nodes.get('op3')!.progress)).toBe('1/2');
    const worse = rollUp(NODES, INDICATORS, progress({ 'i-fridges': frac(-2), 'i-uptime': frac(1) }));
    expect(show(worse.nodes.get('op3')!.progress)).toBe('1/2');
  });

  it('skips missing data by default: the progress of what is known, and the coverage says how much that is', () => {
    const r = rollUp(NODES, INDICATORS, progress({ 'i-fridges': frac(1, 2), 'i-uptime': null }));
    const op3 = r.nodes.get('op3')!;
    expect(show(op3.progress)).toBe('1/2');
    expect(show(op3.coverage)).toBe('1/2');
    expect(op3.missing).toEqual(['i-uptime']);
    expect(r.nodes.get('oc1')!.progress).toBeNull();
    expect(r.nodes.get('oc1')!.missing).toEqual(['op1', 'op2', 'i-coverage']);
    // g1 has data only through oc2
    expect(show(r.nodes.get('g1')!.progress)).toBe('1/2');
    expect(show(r.nodes.get('g1')!.coverage)).toBe('1/2');
  });

  it('counts missing data as zero when asked: the cautious view', () => {
    const r = rollUp(NODES, INDICATORS, progress({ 'i-fridges': frac(1, 2) }), 'zero');
    expect(show(r.nodes.get('op3')!.progress)).toBe('1/4');
    expect(show(r.nodes.get('g1')!.progress)).toBe('1/8');
  });

  it('a result with no data at all below it has no progress, under either policy', () => {
    for (const policy of ['skip', 'zero'] as const) {
      expect(rollUp(NODES, INDICATORS, progress({}), policy).overall).toMatchObject({ progress: null, percent: null, missing: ['g1'] });
    }
  });

  it('shows 99%, not 100%, until everything is complete', () => {
    const r = rollUp(NODES, INDICATORS, progress({ 'i-fridges': frac(1), 'i-uptime': frac(199, 200) }));
    expect(r.nodes.get('op3')!.percent).toBe(99);
  });

  const arbP = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => frac(Math.min(n, d), d));

  it('with equal weights, or none, a result’s progress is the average of its children’s', () => {
    fc.assert(
      fc.property(fc.array(arbP, { minLength: 1, maxLength: 12 }), fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), (ps, weight) => {
        const nodes: ResultNode[] = [{ id: 'g', level: 'goal', parentId: null, title: 'g' }];
        const indicators = ps.map((_, i) => ({ id: `i${i}`, nodeId: 'g', weight }));
        const r = rollUp(nodes, indicators, new Map(ps.map((p, i) => [`i${i}`, p])));
        expect(r.nodes.get('g')!.progress).toEqual(divF(ps.reduce(addF, frac(0)), frac(ps.length)));
        expect(r.overall.progress).toEqual(r.nodes.get('g')!.progress);
      }),
    );
  });

  it('a weighted roll-up stays between the lowest and highest child, and does not depend on the order of the children', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbP, fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 10 }), (rows) => {
        const nodes: ResultNode[] = [{ id: 'g', level: 'goal', parentId: null, title: 'g' }];
        const placed = rows.map(([, w], i) => ({ id: `i${i}`, nodeId: 'g', weight: w }));
        const data = new Map(rows.map(([p], i) => [`i${i}`, p]));
        const p = rollUp(nodes, placed, data).overall.progress!;
        const total = rows.reduce((a, [, w]) => a + w, 0);
        expect(p).toEqual(divF(rows.reduce((a, [q, w]) => addF(a, mulF(q, frac(w))), frac(0)), frac(total)));
        expect(rollUp(nodes, [...placed].reverse(), data).overall.progress).toEqual(p);
        const lo = rows.reduce((m, [q]) => (q.num * m.den < m.num * q.den ? q : m), rows[0][0]);
        const hi = rows.reduce((m, [q]) => (q.num * m.den > m.num * q.den ? q : m), rows[0][0]);
        expect(p.num * lo.den >= lo.num * p.den && p.num * hi.den <= hi.num * p.den).toBe(true);
      }),
    );
  });
});

describe('contributions', () => {
  const commitments = [
    { id: 'c-doses', partnerId: 'org-pharma' },
    { id: 'c-trucks', partnerId: 'org-logistics' },
    { id: 'c-fridges', partnerId: 'org-pharma' },
    { id: 'c-idle', partnerId: 'org-idle' },
  ];
  const links = [
    { commitmentId: 'c-doses', nodeId: 'oc1' },
    { commitmentId: 'c-fridges', nodeId: 'op3' },
    { commitmentId: 'c-trucks', nodeId: 'op3' },
  ];

  it('gives each partner the results its commitments feed, and the results above them', () => {
    expect(contributionsByPartner(links, commitments, NODES)).toEqual([
      {
        partnerId: 'org-pharma',
        results: [
          { nodeId: 'g1', level: 'goal', direct: false, commitmentIds: ['c-doses', 'c-fridges'] },
          { nodeId: 'oc1', level: 'outcome', direct: true, commitmentIds: ['c-doses'] },
          { nodeId: 'oc2', level: 'outcome', direct: false, commitmentIds: ['c-fridges'] },
          { nodeId: 'op3', level: 'output', direct: true, commitmentIds: ['c-fridges'] },
        ],
      },
      {
        partnerId: 'org-logistics',
        results: [
          { nodeId: 'g1', level: 'goal', direct: false, commitmentIds: ['c-trucks'] },
          { nodeId: 'oc2', level: 'outcome', direct: false, commitmentIds: ['c-trucks'] },
          { nodeId: 'op3', level: 'output', direct: true, commitmentIds: ['c-trucks'] },
        ],
      },
    ]);
  });

  it('lists no partner whose commitments feed nothing', () => {
    expect(contributionsByPartner(links, commitments, NODES).map((c) => c.partnerId)).not.toContain('org-idle');
  });

  it('gives each result the commitments that feed it', () => {
    const by = commitmentsByResult(links, NODES);
    expect(by.get('g1')).toEqual(['c-doses', 'c-fridges', 'c-trucks']);
    expect(by.get('oc2')).toEqual(['c-fridges', 'c-trucks']);
    expect(by.get('op1')).toBeUndefined();
  });

  it.each([
    ['a result that does not exist', [{ commitmentId: 'c-doses', nodeId: 'nowhere' }], 'links.0.nodeId', 'unknown_reference'],
    ['a commitment of another partnership', [{ commitmentId: 'c-x', nodeId: 'oc1' }], 'links.0.commitmentId', 'unknown_reference'],
    ['the same link twice', [links[0], links[0]], 'links.1', 'duplicate'],
  ])('checkContributionLinks names %s', (_name, ls, field, code) => {
    expect(checkContributionLinks(ls, new Set(NODES.map((n) => n.id)), new Set(commitments.map((c) => c.id)))).toContainEqual(expect.objectContaining({ field, code }));
  });
});
