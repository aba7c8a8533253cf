/** The API's types, inferred from the shared zod contracts. */
import type { z } from 'zod';
import type * as accounts from '../../src/contracts/accounts';
import type * as orgs from '../../src/contracts/organisations';
import type * as ps from '../../src/contracts/partnerships';
import type * as me from '../../src/contracts/me';
import type * as ref from '../../src/contracts/reference';

export type UserSummary = z.infer<typeof accounts.UserSummary>;
export type SessionResponse = z.infer<typeof accounts.SessionResponse>;
export type ApiToken = z.infer<typeof accounts.ApiToken>;
export type CreatedApiToken = z.infer<typeof accounts.CreatedApiToken>;

export type Organisation = z.infer<typeof orgs.Organisation>;
export type OrganisationPage = z.infer<typeof orgs.OrganisationPage>;
export type OrganisationMember = z.infer<typeof orgs.OrganisationMember>;
export type OrganisationMemberList = z.infer<typeof orgs.OrganisationMemberList>;
export type CreateOrganisationBody = z.input<typeof orgs.CreateOrganisationBody>;
export type UpdateOrganisationBody = z.input<typeof orgs.UpdateOrganisationBody>;

export type PartnershipSummary = z.infer<typeof ps.PartnershipSummary>;
export type PartnershipDetail = z.infer<typeof ps.PartnershipDetail>;
export type PartnershipPage = z.infer<typeof ps.PartnershipPage>;
export type PartnershipMember = z.infer<typeof ps.PartnershipMember>;
export type PartnershipPerson = z.infer<typeof ps.PartnershipPerson>;
export type Transition = z.infer<typeof ps.Transition>;
export type Goal = z.infer<typeof ps.Goal>;
export type AuditEntry = z.infer<typeof ps.AuditEntry>;
export type AuditPage = z.infer<typeof ps.AuditPage>;
export type LiveEvent = z.infer<typeof ps.LiveEvent>;
export type CreatePartnershipBody = z.input<typeof ps.CreatePartnershipBody>;
export type UpdatePartnershipBody = z.input<typeof ps.UpdatePartnershipBody>;

export type HomeResponse = z.infer<typeof me.HomeResponse>;
export type AttentionItem = z.infer<typeof me.AttentionItem>;
export type MyOrganisation = z.infer<typeof me.MyOrganisation>;

export type ReferenceData = z.infer<typeof ref.ReferenceData>;
export type SdgGoal = z.infer<typeof ref.SdgGoal>;
