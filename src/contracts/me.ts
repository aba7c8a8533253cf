import { z } from 'zod';
import { Id } from './common';
import { UserSummary } from './accounts';
import { PartnershipSummary } from './partnerships';
import { ORGANISATION_ROLES, SECTORS } from '../domain/organisations/organisation';

/** Something waiting on the signed-in person. */
export const AttentionItem = z.object({
  kind: z.enum(['stage_review', 'no_goals', 'no_members', 'pending_membership', 'decision_review', 'vote_needed', 'reports_to_review', 'deliveries_to_confirm']),
  partnershipId: Id.nullable(),
  decisionId: Id.nullable().describe('The decision to review or vote on'),
  organisationId: Id.nullable(),
  title: z.string(),
  detail: z.string().nullable().describe('In English; clients may word it themselves from kind, due and count'),
  due: z.string().nullable().describe('The date or instant the item is due (review, end date, voting close)'),
  count: z.number().int().nullable().describe('How many (reports to review, deliveries to confirm)'),
});

export const MyOrganisation = z.object({ id: Id, name: z.string(), sector: z.enum(SECTORS), country: z.string().nullable(), role: z.enum(ORGANISATION_ROLES) });

/** The home page of the signed-in person. */
export const HomeResponse = z.object({
  user: UserSummary,
  partnerships: z.array(PartnershipSummary),
  organisations: z.array(MyOrganisation),
  attention: z.array(AttentionItem),
});
