import { describe, it, expect } from 'vitest';
import { ANONYMOUS, allowedActions, can, ORGANISATION_ACTIONS, PARTNERSHIP_ACTIONS, PLATFORM_ACTIONS, type Actor, type Resource } from './can';
import type { PersonRole } from '../partnerships/partnership';
import type { OrganisationRole } from '../organisations/organisation';

const user = (opts: { id?: string; isAdmin?: boolean; p?: [string, PersonRole[]][]; o?: [string, OrganisationRole][] } = {}): Actor => ({
  kind: 'user',
  id: opts.id ?? 'u1',
  isAdmin: opts.isAdmin ?? false,
  partnershipRoles: new Map(opts.p ?? []),
  organisationRoles: new Map(opts.o ?? []),
});
const priv: Resource = { type: 'partnership', id: 'p1', visibility: 'private' };
const pub: Resource = { type: 'partnership', id: 'p2', visibility: 'public' };
const org: Resource = { type: 'organisation', id: 'o1' };
const platform: Resource = { type: 'platform' };

describe('can: the one access rule', () => {
  it('lets a platform admin do everything, even without any role', () => {
    const admin = user({ isAdmin: true });
    for (const a of PARTNERSHIP_ACTIONS) expect(can(admin, a, priv)).toBe(true);
    for (const a of ORGANISATION_ACTIONS) expect(can(admin, a, org)).toBe(true);
    for (const a of PLATFORM_ACTIONS) expect(can(admin, a, platform)).toBe(true);
  });

  it('lets anonymous visitors read the public directory and public partnerships, and nothing else', () => {
    expect(can(ANONYMOUS, 'organisation.read', org)).toBe(true);
    expect(can(ANONYMOUS, 'partnership.read', pub)).toBe(true);
    expect(can(ANONYMOUS, 'partnership.read', priv)).toBe(false);
    const allowed = [
      ...allowedActions(ANONYMOUS, PARTNERSHIP_ACTIONS, pub),
      ...allowedActions(ANONYMOUS, ORGANISATION_ACTIONS, org),
      ...allowedActions(ANONYMOUS, PLATFORM_ACTIONS, platform),
    ];
    // the charter is as public as the partnership; decisions and disputes are not
    expect(allowed).toEqual(['partnership.read', 'partnership.charter.read', 'organisation.read']);
  });

  it('hides a private partnership from a signed-in person who takes no part in it', () => {
    const stranger = user({ p: [['p-other', ['convener']]] });
    expect(can(stranger, 'partnership.read', priv)).toBe(false);
    expect(allowedActions(stranger, PARTNERSHIP_ACTIONS, priv)).toEqual([]);
  });

  it('reads the roles of the partnership asked about, not those held in another one', () => {
    const convenerElsewhere = user({ p: [['p2', ['convener']]] });
    expect(can(convenerElsewhere, 'partnership.update', pub)).toBe(true);
    expect(can(convenerElsewhere, 'partnership.update', priv)).toBe(false);
  });

  // the power of each role, from the rule: participants read (the charter and decisions too); all but observers
  // read the audit log and take part in decisions; representatives also propose and raise disputes (which they
  // and conveners read); conveners change things
  // read the accountability records (pledges, the ledger, risks, results); representatives also pledge, deliver, confirm
  // what they received, report results and keep the risk register with the conveners
  const READ = [
    'partnership.read', 'partnership.readPrivate', 'partnership.people.read', 'partnership.events.subscribe', 'partnership.charter.read', 'partnership.decisions.read',
    'partnership.resources.read', 'partnership.risks.read', 'partnership.results.read',
  ] as const;
  const expected: Record<PersonRole, (typeof PARTNERSHIP_ACTIONS)[number][]> = {
    convener: [...PARTNERSHIP_ACTIONS],
    representative: [
      ...READ, 'partnership.audit.read', 'partnership.decisions.participate', 'partnership.decisions.propose', 'partnership.disputes.read', 'partnership.disputes.raise',
      'partnership.commitments.pledge', 'partnership.deliveries.record', 'partnership.deliveries.confirm', 'partnership.results.report', 'partnership.risks.manage',
    ],
    member: [...READ, 'partnership.audit.read', 'partnership.decisions.participate'],
    observer: [...READ],
  };
  it.each(Object.entries(expected))('gives a %s of a private partnership exactly its powers', (role, actions) => {
    const a = user({ p: [['p1', [role as PersonRole]]] });
    expect(allowedActions(a, PARTNERSHIP_ACTIONS, priv).sort()).toEqual([...actions].sort());
  });

  it('combines several roles of one person: the most powerful wins', () => {
    const a = user({ p: [['p1', ['observer', 'convener']]] });
    expect(can(a, 'partnership.transition', priv)).toBe(true);
    expect(can(a, 'partnership.audit.read', priv)).toBe(true);
  });

  it('treats an empty role list as no part in the partnership', () => {
    const a = user({ p: [['p1', []]] });
    expect(can(a, 'partnership.read', priv)).toBe(false);
  });

  it('lets only org-admins edit an organisation or manage its people; its members may see its people', () => {
    const admin = user({ o: [['o1', 'org_admin']] });
    const member = user({ o: [['o1', 'member']] });
    const other = user({ o: [['o2', 'org_admin']] });
    expect(allowedActions(admin, ORGANISATION_ACTIONS, org)).toEqual([...ORGANISATION_ACTIONS]);
    expect(allowedActions(member, ORGANISATION_ACTIONS, org)).toEqual(['organisation.read', 'organisation.members.read']);
    expect(allowedActions(other, ORGANISATION_ACTIONS, org)).toEqual(['organisation.read']);
  });

  it('lets any signed-in person create organisations and partnerships and manage their account, but not administer the platform', () => {
    expect(allowedActions(user(), PLATFORM_ACTIONS, platform)).toEqual(['organisation.create', 'partnership.create', 'account.manage']);
  });

  it('lets a person read only their own account', () => {
    expect(can(user({ id: 'u1' }), 'user.read', { type: 'user', id: 'u1' })).toBe(true);
    expect(can(user({ id: 'u1' }), 'user.read', { type: 'user', id: 'u2' })).toBe(false);
    expect(can(ANONYMOUS, 'user.read', { type: 'user', id: 'u1' })).toBe(false);
  });

  it('denies combinations it does not know: an action meant for another kind of resource', () => {
    const convener = user({ p: [['p1', ['convener']]], o: [['o1', 'org_admin']] });
    expect(can(convener, 'organisation.update', priv)).toBe(false);
    expect(can(convener, 'partnership.update', org)).toBe(false);
    expect(can(convener, 'partnership.update', platform)).toBe(false);
    expect(can(convener, 'user.read', org)).toBe(false);
  });

  it('keeps the order of the candidates in allowedActions', () => {
    const a = user({ p: [['p1', ['convener']]] });
    const reversed = [...PARTNERSHIP_ACTIONS].reverse();
    expect(allowedActions(a, reversed, priv)).toEqual(reversed);
  });
});
