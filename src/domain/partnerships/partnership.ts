import { DomainError, type FieldIssue } from '../kernel/errors';

/** The collaboration models Accord knows (see the product brief). */
export const MODELS = ['ppp', 'nonprofit_corporate', 'msi', 'other'] as const;
export type PartnershipModel = (typeof MODELS)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Roles of member organisations in a partnership. */
export const MEMBER_ROLES = ['convener', 'partner', 'funder', 'implementer', 'technical_partner', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles of people in a partnership, from most to least power. */
export const PERSON_ROLES = ['convener', 'representative', 'member', 'observer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The partnering cycle as a state machine. */
export const STAGES = ['scoping', 'building', 'implementing', 'reviewing', 'sustaining', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Allowed lifecycle moves. Forward one step; a review can send the partnership back to implementing
 * (revise and continue) and sustaining can be reviewed again; any open stage may close (moving on).
 */
export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  scoping: ['building', 'closed'],
  building: ['implementing', 'scoping', 'closed'],
  implementing: ['reviewing', 'closed'],
  reviewing: ['implementing', 'sustaining', 'closed'],
  sustaining: ['reviewing', 'closed'],
  closed: [],
};

/** The reason recorded for the first stage of every partnership (the web app shows it translated). */
export const CREATION_REASON = 'Partnership created';

/** Returns the move or throws `illegal_transition` (409) naming the allowed moves. */
export function decideTransition(from: Stage, to: Stage, reason: string): { from: Stage; to: Stage; reason: string } {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    throw new DomainError(
      'illegal_transition',
      `A partnership cannot move from ${from} to ${to}` + (allowed.length ? `; allowed: ${allowed.join(', ')}` : '; it is closed'),
      [{ field: 'to', message: `Not allowed from ${from}` }],
      { from, to, allowed: [...allowed] },
    );
  }
  if (!reason.trim()) throw new DomainError('validation_failed', 'A reason is required', [{ field: 'reason', message: 'Say why the partnership moves' }]);
  return { from, to, reason: reason.trim() };
}

/** Reference lists for partnership rules. */
export interface PartnershipCodelists {
  countries: ReadonlySet<string>;
  sdgCodes: ReadonlySet<string>;
}

/** Checks dates, countries and SDG links; returns every problem. */
export function checkPartnership(
  p: { startDate?: string | null; endDate?: string | null; countries?: string[] },
  lists: PartnershipCodelists,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.startDate && p.endDate && p.endDate < p.startDate) {
    issues.push({ field: 'endDate', message: 'The end date is before the start date' });
  }
  (p.countries ?? []).forEach((c, i) => {
    if (!lists.countries.has(c)) issues.push({ field: `countries.${i}`, message: `"${c}" is not an ISO 3166-1 alpha-2 country code` });
  });
  return issues;
}

/** Checks that every SDG code of a goal is a known SDG goal or target (`3`, `3.b`). */
export function checkSdgCodes(codes: string[], lists: PartnershipCodelists, field = 'sdgs'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  codes.forEach((c, i) => {
    if (!lists.sdgCodes.has(c)) issues.push({ field: `${field}.${i}`, message: `"${c}" is not an SDG goal or target code` });
  });
  if (new Set(codes).size !== codes.length) issues.push({ field, message: 'An SDG is listed twice' });
  return issues;
}

/** Checks a membership's dates: left on or after joined. */
export function checkMembershipDates(joinedOn: string, leftOn: string | null | undefined): FieldIssue[] {
  return leftOn && leftOn < joinedOn ? [{ field: 'leftOn', message: 'An organisation cannot leave before it joined' }] : [];
}
