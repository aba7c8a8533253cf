import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg, type Msg } from '../kernel/messages';

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

/** A stage as a word inside a sentence, in the reader's language. */
export const stageWord = (stage: Stage): Msg => msg(`partnerships.stage.${stage}`);

/** A person's role as a word inside a sentence, in the reader's language. */
export const personRoleWord = (role: PersonRole): Msg => msg(`partnerships.person_role.${role}`);

/** Words as a list ("a, b, c"), each in the reader's language (at least one word). */

/** Returns the move or throws `illegal_transition` (409) naming the allowed moves. */
export function decideTransition(from: Stage, to: Stage, reason: string): { from: Stage; to: Stage; reason: string } {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    throw new DomainError(
      'illegal_transition',
      allowed.length
        ? msg('partnerships.cannot_move', { from: stageWord(from), to: stageWord(to), allowed: allowed.map(stageWord) })
        : msg('partnerships.cannot_move_closed', { from: stageWord(from), to: stageWord(to) }),
      [issue('to', msg('partnerships.not_allowed_from', { from: stageWord(from) }))],
      { from, to, allowed: [...allowed] },
    );
  }
  if (!reason.trim()) throw new DomainError('validation_failed', msg('partnerships.reason_required'), [issue('reason', msg('partnerships.say_why'))]);
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
    issues.push(issue('endDate', msg('partnerships.end_before_start')));
  }
  (p.countries ?? []).forEach((c, i) => {
    if (!lists.countries.has(c)) issues.push(issue(`countries.${i}`, msg('partnerships.unknown_country', { code: c })));
  });
  return issues;
}

/** Checks that every SDG code of a goal is a known SDG goal or target (`3`, `3.b`). */
export function checkSdgCodes(codes: string[], lists: PartnershipCodelists, field = 'sdgs'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  codes.forEach((c, i) => {
    if (!lists.sdgCodes.has(c)) issues.push(issue(`${field}.${i}`, msg('partnerships.unknown_sdg', { code: c })));
  });
  if (new Set(codes).size !== codes.length) issues.push(issue(field, msg('partnerships.sdg_twice')));
  return issues;
}

/** Checks a membership's dates: left on or after joined. */
export function checkMembershipDates(joinedOn: string, leftOn: string | null | undefined): FieldIssue[] {
  return leftOn && leftOn < joinedOn ? [issue('leftOn', msg('partnerships.left_before_joined'))] : [];
}
