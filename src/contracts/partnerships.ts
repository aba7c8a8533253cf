import { z } from 'zod';
import { MODELS, VISIBILITIES, STAGES, MEMBER_ROLES, PERSON_ROLES } from '../domain/partnerships/partnership';
import { SECTORS } from '../domain/organisations/organisation';
import { PARTNERSHIP_ACTIONS } from '../domain/access/can';
import { CountryCode, DateOnly, Id, Instant, PageQuery, page } from './common';
import { Email } from './accounts';

const SdgCode = z.string().regex(/^\d{1,2}(\.[0-9a-z]{1,2})?$/, 'Use an SDG goal (3) or target (3.b) code');

export const GoalFields = z.object({
  title: z.string().trim().min(3, 'Use at least 3 characters').max(300),
  description: z.string().max(5000).nullable().optional(),
  sdgs: z.array(SdgCode).max(20).default([]),
});
export const CreateGoalBody = GoalFields.strict();
export const UpdateGoalBody = GoalFields.partial().strict();
export const Goal = z.object({ id: Id, title: z.string(), description: z.string().nullable(), sdgs: z.array(z.string()), position: z.number().int() });

export const PartnershipFields = z.object({
  name: z.string().trim().min(3, 'Use at least 3 characters').max(200),
  purpose: z.string().trim().min(10, 'Say in a sentence or two why the partners work together').max(5000),
  model: z.enum(MODELS),
  visibility: z.enum(VISIBILITIES).default('private'),
  startDate: DateOnly.nullable().optional(),
  endDate: DateOnly.nullable().optional(),
  countries: z.array(CountryCode).max(60).default([]),
  sectors: z.array(z.enum(SECTORS)).max(7).default([]),
});
/** Creating a partnership: the creator's organisation becomes the convener; goals may come along. */
export const CreatePartnershipBody = PartnershipFields.extend({
  convenerOrganisationId: Id.describe('The organisation that convenes; the creator must belong to it'),
  goals: z.array(CreateGoalBody).max(20).default([]),
}).strict();
export const UpdatePartnershipBody = z
  .object({
    name: PartnershipFields.shape.name,
    purpose: PartnershipFields.shape.purpose,
    visibility: z.enum(VISIBILITIES),
    startDate: DateOnly.nullable(),
    endDate: DateOnly.nullable(),
    countries: z.array(CountryCode).max(60),
    sectors: z.array(z.enum(SECTORS)).max(7),
  })
  .partial()
  .strict();

export const PartnershipSummary = z.object({
  id: Id,
  name: z.string(),
  purpose: z.string(),
  model: z.enum(MODELS),
  visibility: z.enum(VISIBILITIES),
  stage: z.enum(STAGES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  countries: z.array(z.string()),
  sectors: z.array(z.enum(SECTORS)),
  memberCount: z.number().int(),
  myRoles: z.array(z.enum(PERSON_ROLES)),
  /** What the reader may do to the partnership, so a list can offer only those. */
  allowedActions: z.array(z.enum(PARTNERSHIP_ACTIONS)),
  createdAt: Instant,
  updatedAt: Instant,
});
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;

export const PartnershipMember = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  sector: z.enum(SECTORS),
  country: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export const PartnershipPerson = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  email: z.string().nullable().describe('Shown to participants only'),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  role: z.enum(PERSON_ROLES),
  since: Instant,
});
export const Transition = z.object({
  id: Id,
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  reason: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: Instant,
});

/** The overview of one partnership; private parts are empty for those who may not see them. */
export const PartnershipDetail = PartnershipSummary.extend({
  goals: z.array(Goal),
  members: z.array(PartnershipMember),
  transitions: z.array(Transition),
  nextStages: z.array(z.enum(STAGES)),
});
export type PartnershipDetail = z.infer<typeof PartnershipDetail>;

export const PARTNERSHIP_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export const PartnershipQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  model: z.enum(MODELS).optional(),
  stage: z.enum(STAGES).optional(),
  country: CountryCode.optional(),
  sector: z.enum(SECTORS).optional().describe('Partnerships that name this sector'),
  visibility: z.enum(VISIBILITIES).optional(),
  mine: z.enum(['true', 'false']).optional().describe('Only partnerships I take part in'),
  sort: z.enum(PARTNERSHIP_SORTS).default('name'),
});
export const PartnershipPage = page(PartnershipSummary);

export const TransitionBody = z.object({ to: z.enum(STAGES), reason: z.string().trim().min(3, 'Say why').max(2000) }).strict();
export const AddMemberBody = z
  .object({ organisationId: Id, role: z.enum(MEMBER_ROLES), joinedOn: DateOnly.optional() })
  .strict();
export const UpdateMemberBody = z.object({ role: z.enum(MEMBER_ROLES), leftOn: DateOnly.nullable() }).partial().strict();
export const AddPersonBody = z
  .object({ email: Email, role: z.enum(PERSON_ROLES), organisationId: Id.nullable().optional() })
  .strict();
export const MemberList = page(PartnershipMember);
export const PersonList = page(PartnershipPerson);
export const MEMBER_SORTS = ['name', '-name', 'joinedOn', '-joinedOn'] as const;
export const PERSON_SORTS = ['name', '-name', 'since', '-since'] as const;
/** Member organisations: filtered by status and role, sorted by name or date joined, a page at a time. */
export const MemberQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  status: z.enum(['current', 'left', 'all']).default('all'),
  role: z.enum(MEMBER_ROLES).optional(),
  sort: z.enum(MEMBER_SORTS).default('name').describe('name or joinedOn; a leading "-" for descending'),
});
/** People of a partnership: filtered by role, sorted by name or since when they hold the role, a page at a time. */
export const PersonQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  role: z.enum(PERSON_ROLES).optional(),
  sort: z.enum(PERSON_SORTS).default('name').describe('name or since; a leading "-" for descending'),
});
export const TransitionList = z.object({ items: z.array(Transition) });
export const GoalList = z.object({ items: z.array(Goal) });

export const AuditEntry = z.object({
  id: Id,
  seq: z.number().int(),
  at: Instant,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  diff: z.record(z.string(), z.array(z.unknown()).length(2)).describe('field -> [before, after]'),
  hash: z.string(),
  prevHash: z.string(),
});
export const AuditPage = page(AuditEntry);
export const AuditQuery = PageQuery;

/** One live event as sent over server-sent events. */
export const LiveEvent = z.object({ type: z.string(), partnershipId: Id, entityType: z.string(), entityId: z.string(), at: Instant, actorId: Id.nullable() });
export type LiveEvent = z.infer<typeof LiveEvent>;
