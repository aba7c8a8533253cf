/** The API's types, inferred from the shared zod contracts. */
import type { z } from 'zod';
import type * as accounts from '../../src/contracts/accounts';
import type * as orgs from '../../src/contracts/organisations';
import type * as ps from '../../src/contracts/partnerships';
import type * as me from '../../src/contracts/me';
import type * as ref from '../../src/contracts/reference';
import type * as gov from '../../src/contracts/governance';
import type * as disputes from '../../src/contracts/disputes';

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


export type CharterVersion = z.infer<typeof gov.CharterVersion>;
export type CharterVersionList = z.infer<typeof gov.CharterVersionList>;
export type CharterFinding = z.infer<typeof gov.CharterFinding>;
export type CheckCharterResult = z.infer<typeof gov.CheckCharterResult>;
export type TemplateList = z.infer<typeof gov.TemplateList>;
export type CharterTemplate = z.infer<typeof gov.TemplateSummary>;
export type DecisionSummary = z.infer<typeof gov.DecisionSummary>;
export type DecisionDetail = z.infer<typeof gov.DecisionDetail>;
export type DecisionPage = z.infer<typeof gov.DecisionPage>;
export type DecisionOutcome = z.infer<typeof gov.Outcome>;
export type DecisionTally = z.infer<typeof gov.Tally>;
export type BallotList = z.infer<typeof gov.BallotList>;
export type DecisionComment = z.infer<typeof gov.Comment>;
export type CommentPage = z.infer<typeof gov.CommentPage>;
export type ProposeBody = z.input<typeof gov.ProposeBody>;
export type PollSpecBody = z.infer<typeof gov.PollSpecBody>;

export type DisputeSummary = z.infer<typeof disputes.DisputeSummary>;
export type DisputeDetail = z.infer<typeof disputes.DisputeDetail>;
export type DisputePage = z.infer<typeof disputes.DisputePage>;
export type DisputeStats = z.infer<typeof disputes.DisputeStats>;
