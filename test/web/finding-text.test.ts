/**
 * The web app says each finding of the charter check in the reader's language from its code and params. In English
 * it must say exactly what the server's own sentence says, for charters (built from the shipped templates by
 * deliberate breakages) that between them raise every kind of finding; in French and Spanish it must say something
 * of its own for every finding, with no key or variable left over. A code the app does not know shows the server's
 * English sentence, marked as English.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { TRANSLATIONS } from '../../web/i18n/resources';
import { findingText } from '../../web/features/governance/finding-text';
import { checkCharter, FINDING_CODES, type Charter, type CharterIssue, type Seat } from '../../src/domain/governance/charter';
import { EITI_MSG, MSI_GENERAL_ASSEMBLY, PPP_STEERING_COMMITTEE, TEMPLATES } from '../../src/domain/governance/templates';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: TRANSLATIONS.en }, fr: { translation: TRANSLATIONS.fr }, es: { translation: TRANSLATIONS.es } }, lng: 'en', interpolation: { escapeValue: false } });

type Mutable = Charter & Record<string, unknown>;
/** A copy of a template's charter, changed by `change`. */
const from = (base: Charter, change: (c: Mutable) => void): Charter => {
  const c = structuredClone(base) as Mutable;
  change(c);
  return c;
};
const eiti = (change: (c: Mutable) => void) => from(EITI_MSG, change);
const msi = (change: (c: Mutable) => void) => from(MSI_GENERAL_ASSEMBLY, change);
const ppp = (change: (c: Mutable) => void) => from(PPP_STEERING_COMMITTEE, change);
/** A small charter of three constituencies with one rule, `pass` and `quorum` as given. */
const rule = (pass: unknown, quorum: unknown[] = []): Charter =>
  eiti((c) => {
    c.rules!.three_tier = { quorum, pass } as never;
  });
const bad = <T>(x: unknown): T => x as T;
const types = (c: Charter) => c.decisionTypes!;
const ladder = (c: Charter) => c.disputes!.ladder;

/** Deliberately broken charters; between them they raise every finding code (checked below). */
const BROKEN: [string, Charter][] = [
  // seats
  ['seats that are not a list', eiti((c) => void (c.seats = bad('everyone')))],
  ['a seat that is not an object', eiti((c) => void c.seats!.push(bad(null)))],
  ['a seat without an id', eiti((c) => void c.seats!.push({ id: '', group: 'industry' }))],
  ['a seat twice', eiti((c) => void c.seats!.push({ ...c.seats![0] }))],
  ['a name that is not text', eiti((c) => void (c.seats![0].name = bad(5)))],
  ['a seat in an unknown group', eiti((c) => void (c.seats![0].group = 'nowhere'))],
  ['a seat in a group that splits its share', msi((c) => void (c.seats![0].group = 'environmental'))],
  ['a voting seat in no group', eiti((c) => void c.seats!.push({ id: 'stray' }))],
  ['a weight that is not a number', eiti((c) => void (c.seats![0].weight = 'heavy'))],
  ['a weight with group shares', msi((c) => void (c.seats![0].weight = '2'))],
  // groups
  ['some siblings with a share, some without', msi((c) => void delete c.groups![0].share)],
  ['sub-group shares under a group without one', eiti((c) => void (c.groups![0].groups = [{ id: 'a', share: '1/2' }, { id: 'b', share: '1/2' }]))],
  ['a group id with a slash', eiti((c) => void c.groups!.push({ id: 'a/b' }))],
  ['a group twice', eiti((c) => void c.groups!.push({ id: 'industry' }))],
  ['a share above 1', msi((c) => void (c.groups![0].share = '3/2'))],
  ['an unknown spread', msi((c) => void (c.groups![0].groups![0].groups![0].spread = bad('evenly')))],
  ['no seats in a group', eiti((c) => void (c.groups![0].seats = 0))],
  ['shares that do not sum to 1', msi((c) => void (c.groups![0].share = '1/2'))],
  // requirements, scopes, quorums, conditions
  ['an unknown requirement', rule({ kind: 'threshold', require: { kind: 'most' }, base: 'votes_cast' })],
  ['a fraction above 1', rule({ kind: 'threshold', require: { kind: 'fraction', num: 3, den: 2 }, base: 'votes_cast' })],
  ['more than 100%', rule({ kind: 'threshold', require: { kind: 'fraction', num: 1, den: 1, strict: true }, base: 'votes_cast' })],
  ['group and eachGroup', rule({ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', group: 'industry', eachGroup: 'top' })],
  ['eachGroup top without groups', { seats: [{ id: 'a' }], rules: { amendment: { pass: { kind: 'min_yes', count: 1, eachGroup: 'top' } } } }],
  ['an unknown eachGroup', rule({ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', eachGroup: 'all' })],
  [
    'a condition over a group without a voting seat',
    eiti((c) => {
      c.groups!.push({ id: 'observers' });
      c.rules!.three_tier = { pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast', group: 'observers' } };
    }),
  ],
  ['fixed membership without a seat count', rule({ kind: 'threshold', require: { kind: 'majority' }, base: 'fixed_membership', measure: 'count' })],
  ['a threshold in the quorum', rule({ kind: 'consensus' }, [{ kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' }])],
  ['an unknown quorum measure', rule({ kind: 'consensus' }, [{ kind: 'quorum', measure: 'size' }])],
  ['a quorum count that is not whole', rule({ kind: 'consensus' }, [{ kind: 'quorum', count: 1.5 }])],
  ['a quorum of 0', rule({ kind: 'consensus' }, [{ kind: 'quorum', count: 0 }])],
  ['a quorum count by weight', rule({ kind: 'consensus' }, [{ kind: 'quorum', count: 2, measure: 'weight' }])],
  ['an unknown quorum base', rule({ kind: 'consensus' }, [{ kind: 'quorum', base: 'votes_cast' }])],
  ['a fixed-membership quorum by weight', rule({ kind: 'consensus' }, [{ kind: 'quorum', base: 'fixed_membership', seats: 12, measure: 'weight' }])],
  ['a quorum of those present', rule({ kind: 'consensus' }, [{ kind: 'quorum', base: 'present' }])],
  ['labels that are not text', rule({ kind: 'consensus', label: 5 }, [{ kind: 'quorum', label: 6 }])],
  ['a rule label that is not text', eiti((c) => void (c.rules!.amendment.label = bad(7)))],
  ['an unknown threshold base', rule({ kind: 'threshold', require: { kind: 'majority' }, base: 'everyone' })],
  ['a fixed-membership threshold by weight', rule({ kind: 'threshold', require: { kind: 'majority' }, base: 'fixed_membership', seats: 12 })],
  ['min_yes of 0', rule({ kind: 'min_yes', count: 0 })],
  ['more yes votes than each group has seats', rule({ kind: 'min_yes', count: 5, eachGroup: 'top' })],
  ['more yes votes than the body has seats', rule({ kind: 'min_yes', count: 20 })],
  ['more yes votes than a one-seat group has', ppp((c) => void (c.rules!.ordinary = { pass: { kind: 'min_yes', count: 2, group: 'public' } }))],
  ['a veto naming nothing', rule({ kind: 'veto' })],
  ['a veto with an unknown agreement', rule({ kind: 'veto', group: 'industry', agree: 'all' })],
  ['a veto by an unknown seat', rule({ kind: 'veto', seat: 'nobody' })],
  ['a veto by a non-voting seat', ppp((c) => void (c.rules!.ordinary = { pass: { kind: 'veto', seat: 'lenders' } }))],
  ['a consensus with stand-asides that are not whole', rule({ kind: 'consensus', maxStandAsides: -1 })],
  ['empty all and any', rule({ kind: 'all', of: [{ kind: 'any', of: [] }] })],
  ['an unknown condition kind', rule({ kind: 'ranked' })],
  ['a staged rule without stages', eiti((c) => void (c.rules!.three_tier = { kind: 'staged', stages: [] }))],
  [
    'stages with the same id, a grade that is not text, an unknown onFail',
    eiti((c) => {
      const stages = (c.rules!.three_tier as { stages: { id: string; grade?: unknown; onFail?: unknown }[] }).stages;
      stages[1].id = stages[0].id;
      stages[2].grade = 3;
      stages[1].onFail = 'retry';
    }),
  ],
  ['an unknown rule kind', eiti((c) => void (c.rules!.three_tier = bad({ kind: 'weighted', pass: { kind: 'consensus' } })))],
  // seat holders
  ['an empty holder', eiti((c) => void (c.seats![0].organisation = ''))],
  ['an organisation and a person', eiti((c) => void Object.assign(c.seats![0], { organisation: 'o-1', person: 'p-1' }))],
  ['an alternate without an organisation', eiti((c) => void (c.seats![0].alternate = 'p-2'))],
  ['flags that are not true or false', eiti((c) => void Object.assign(c.seats![0], { exOfficio: 'yes', recused: false }))],
  // bodies
  ['bodies that are not a list', eiti((c) => void (c.bodies = bad({})))],
  ['a body that is not an object', eiti((c) => void c.bodies!.push(bad(5)))],
  ['a body without an id', eiti((c) => void c.bodies!.push(bad({ kind: 'board' })))],
  ['a body twice', eiti((c) => void c.bodies!.push({ id: 'msg', kind: 'board' }))],
  ['an unknown body kind', eiti((c) => void (c.bodies![0].kind = bad('council')))],
  ['body seats that are not a list', eiti((c) => void (c.bodies![1].seats = bad('all')))],
  ['a body seat twice and an unknown one', eiti((c) => void (c.bodies![1].seats = ['industry-1', 'industry-1', 'nobody']))],
  // decision types
  ['decision types that are not an object', eiti((c) => void (c.decisionTypes = bad([])))],
  ['a decision type that is not an object', eiti((c) => void (types(c).budget = bad(5)))],
  ['a decision type without a rule', eiti((c) => void delete (types(c).budget as { rule?: string }).rule)],
  ['a decision type with an unknown rule', eiti((c) => void (types(c).budget.rule = 'nope'))],
  ['a decision type with a rule of a charter without rules', { seats: [{ id: 'a' }], rules: {}, decisionTypes: { motion: { rule: 'ordinary' } } }],
  ['a decision type with an unknown body', eiti((c) => void (types(c).budget.body = 'board'))],
  ['an unknown ballot', eiti((c) => void (types(c).budget.ballot = bad('ranked')))],
  ['a consent ballot on consensus and votes', eiti((c) => void (types(c).budget.ballot = 'consent'))],
  ['a consensus ballot on a consent rule', eiti((c) => void ((c.rules!.consent = { pass: { kind: 'consent' } }), (types(c).budget = { rule: 'consent', ballot: 'consensus' })))],
  ['a yes/no ballot on a consensus rule', eiti((c) => void ((c.rules!.consensus = { pass: { kind: 'consensus' } }), (types(c).budget = { rule: 'consensus', ballot: 'yes_no' })))],
  ['proposers that are not a list', eiti((c) => void (types(c).budget.proposers = bad('all')))],
  ['no proposers', eiti((c) => void (types(c).budget.proposers = []))],
  ['an unknown proposer', eiti((c) => void (types(c).budget.proposers = bad(['chair'])))],
  ['seconders that are not an object', eiti((c) => void (types(c).budget.seconders = bad(2)))],
  ['seconders that are not whole', eiti((c) => void (types(c).budget.seconders = { count: -1, distinctGroups: -1 }))],
  ['one seconder from three groups', eiti((c) => void (types(c).budget.seconders = { count: 1, distinctGroups: 3 }))],
  ['no seconder from two groups', eiti((c) => void (types(c).budget.seconders = { count: 0, distinctGroups: 2 }))],
  ['more distinct groups than the charter has', eiti((c) => void (types(c).budget.seconders = { count: 5, distinctGroups: 4 }))],
  ['two distinct groups of one', { groups: [{ id: 'all' }], seats: [{ id: 'a', group: 'all' }], rules: { amendment: { pass: { kind: 'consensus' } } }, decisionTypes: { amendment: { rule: 'amendment', seconders: { count: 3, distinctGroups: 2 } } } }],
  ['a window that is not an object', eiti((c) => void (types(c).budget.window = bad('a week')))],
  ['window hours that are not positive, a reversed window, flags that are not true or false', eiti((c) => void ((types(c).budget.window = bad({ minHours: 0, closeEarly: 'no' })), (types(c).ordinary.window = { minHours: 400, maxHours: 336 }), (types(c).amendment.anonymous = bad('no'))))],
  // amendment
  ['an amendment that is not text', eiti((c) => void (c.amendment = bad(5)))],
  ['no amendment type', eiti((c) => void (delete types(c).amendment, delete c.amendment))],
  ['an unknown named amendment type', eiti((c) => void (c.amendment = 'charter_change'))],
  ['no amendment rule', eiti((c) => void (delete c.decisionTypes, delete c.amendment, delete c.rules!.amendment))],
  ['no named amendment rule', eiti((c) => void (delete c.decisionTypes, (c.amendment = 'change')))],
  // proxies
  ['proxies that are not an object', eiti((c) => void (c.proxies = bad(true)))],
  ['proxies without allowed, a maxPerHolder that is not whole', eiti((c) => void (c.proxies = bad({ maxPerHolder: 1.5 })))],
  ['caps that are not a list', eiti((c) => void (c.proxies = bad({ allowed: true, caps: 'org' })))],
  ['caps that are not objects, of unknown classes, twice, not whole', eiti((c) => void (c.proxies = bad({ allowed: true, caps: [5, { memberClass: 'members', max: 1 }, { memberClass: 'industry', max: 1 }, { memberClass: 'industry', max: -1 }] })))],
  // dispute ladder
  ['a ladder that is not a list', eiti((c) => void (c.disputes = bad({ ladder: 'up' })))],
  ['an empty ladder', eiti((c) => void (c.disputes = { ladder: [] }))],
  [
    'steps that are not objects, without ids, with bad or repeated ids, empty names, unknown bodies, bad days',
    eiti((c) => {
      const l = ladder(c) as unknown[];
      l.push(5, { id: '' }, { id: 'Mediation' }, { id: 'mediation' }, { id: 'court', name: ' ', body: 'court', days: 0 });
    }),
  ],
  // who can vote
  ['a body and a decision type without a voting seat', eiti((c) => void (c.bodies![1].seats = []))],
  [
    'a charter without bodies whose seats do not vote',
    eiti((c) => {
      delete c.bodies;
      c.seats = c.seats!.map((s): Seat => ({ ...s, voting: false }));
      for (const t of Object.values(types(c))) delete t.body;
      ladder(c).forEach((s) => delete s.body);
    }),
  ],
  ['voting seats in no body', eiti((c) => void (c.bodies![0].seats = ['government-1']))],
  ['a group with a share and no seat', msi((c) => void (c.seats = c.seats!.filter((s) => !s.group?.startsWith('social/'))))],
];

const FINDINGS: [string, CharterIssue][] = BROKEN.flatMap(([name, charter]) => checkCharter(charter).map((f) => [name, f] as [string, CharterIssue]));

describe('charter findings in the reader’s language', () => {
  it('starts from templates that are clean', () => {
    for (const tpl of TEMPLATES) expect(checkCharter(tpl.charter)).toEqual([]);
  });

  it('raises every finding code with the broken charters, and no code outside the list', () => {
    const seen = new Set(FINDINGS.map(([, f]) => f.code));
    expect(FINDING_CODES.filter((c) => !seen.has(c))).toEqual([]);
    expect([...seen].filter((c) => !(FINDING_CODES as readonly (string | undefined)[]).includes(c))).toEqual([]);
  });

  it('raises at least one finding for every broken charter', () => {
    expect(BROKEN.filter(([, c]) => checkCharter(c).length === 0).map(([name]) => name)).toEqual([]);
  });

  it.each(BROKEN.map(([name, charter]) => [name, charter] as const))('says in English exactly what the server says: %s', (_name, charter) => {
    const t = i18n.getFixedT('en');
    for (const f of checkCharter(charter)) expect(findingText(f, t), `${f.code} ${JSON.stringify(f.params)}`).toEqual({ text: f.message, lang: undefined });
  });

  it('covers the variants one code is worded in: with and without a group or a body, no rules, one and several', () => {
    const params = (code: string) => FINDINGS.filter(([, f]) => f.code === code).map(([, f]) => f.params ?? {});
    const kinds = (code: string, of: (p: Record<string, string | number>) => unknown) => new Set(params(code).map(of));
    expect(kinds('never_passes_too_few_seats', (p) => p.group === undefined)).toEqual(new Set([true, false]));
    expect(kinds('never_passes_too_few_seats', (p) => p.seats === 1)).toEqual(new Set([true, false]));
    expect(kinds('type_without_voting_seat', (p) => p.body === undefined)).toEqual(new Set([true, false]));
    expect(kinds('unknown_rule', (p) => p.rules === '')).toEqual(new Set([true, false]));
    expect(kinds('unreachable_seconder_groups', (p) => p.seconders === 1)).toEqual(new Set([true, false]));
    expect(kinds('unreachable_top_groups', (p) => p.groups === 1)).toEqual(new Set([true, false]));
    expect(kinds('ballot_mismatch', (p) => p.ballot)).toEqual(new Set(['yes_no', 'consent', 'consensus']));
    expect(kinds('ballot_mismatch', (p) => String(p.families).includes(','))).toEqual(new Set([true, false]));
  });

  it.each(['fr', 'es'] as const)('has a wording of its own for every finding in %s', (lang) => {
    const t = i18n.getFixedT(lang);
    for (const [name, f] of FINDINGS) {
      const text = findingText(f, t);
      const where = `${name}: ${f.code}`;
      expect(text.lang, where).toBeUndefined();
      expect(text.text, where).not.toMatch(/finding\.|\{\{|\}\}|undefined/);
      expect(text.text, where).not.toBe(f.message);
      for (const v of Object.values(f.params ?? {})) if (typeof v === 'string' && v.length > 1 && !/^[a-z_]+(,[a-z_]+)*$/.test(v)) expect(text.text, where).toContain(v);
    }
  });

  it.each(['en', 'fr', 'es'] as const)('picks the plural form by the number in %s', (lang) => {
    const t = i18n.getFixedT(lang);
    const one = findingText({ field: 'x', message: '', code: 'unreachable_top_groups', severity: 'error', params: { groups: 1, distinct: 2 } }, t).text;
    const two = findingText({ field: 'x', message: '', code: 'unreachable_top_groups', severity: 'error', params: { groups: 2, distinct: 3 } }, t).text;
    expect(one).toMatch(/\b1\b/);
    expect(two).toMatch(/\b2\b/);
    expect(one.replace(/\d+/g, '#')).not.toBe(two.replace(/\d+/g, '#'));
  });

  it('shows the server’s English sentence, marked as English, for a code it does not know or no code', () => {
    const t = i18n.getFixedT('fr');
    expect(findingText({ field: 'charter', message: 'The charter cannot be read: boom', code: 'malformed', severity: 'error' }, t)).toEqual({ text: 'The charter cannot be read: boom', lang: 'en' });
    expect(findingText({ field: 'charter', message: 'Something new', severity: 'warning' }, t)).toEqual({ text: 'Something new', lang: 'en' });
    expect(findingText({ field: 'x', message: 'Ballot "x" does not fit', code: 'ballot_mismatch', severity: 'warning', params: { ballot: 'x', rule: 'r', families: 'vote' } }, t)).toEqual({ text: 'Ballot "x" does not fit', lang: 'en' });
  });
});
