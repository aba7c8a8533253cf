import { z } from 'zod';
import { SECTORS, ORGANISATION_ROLES } from '../domain/organisations/organisation';
import { ORGANISATION_ACTIONS } from '../domain/access/can';
import { CountryCode, Id, Instant, PageQuery, page } from './common';
import { Email } from './accounts';

const Tag = z.string().trim().min(1, 'A tag cannot be empty').max(60);
const Url = z.url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://' }).max(500);

export const OrganisationFields = z.object({
  name: z.string().trim().min(2, 'Use at least 2 characters').max(200),
  sector: z.enum(SECTORS),
  iatiType: z.string().regex(/^\d{2}$/, 'An IATI organisation type is a two-digit code').nullable().optional(),
  country: CountryCode.nullable().optional(),
  iatiIdentifier: z.string().trim().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9._]+)+$/, 'Use the form PREFIX-NUMBER, for example GB-COH-01234567').max(100).nullable().optional(),
  website: Url.nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  offers: z.array(Tag).max(30).optional(),
  seeks: z.array(Tag).max(30).optional(),
});
export const CreateOrganisationBody = OrganisationFields.strict();
export const UpdateOrganisationBody = OrganisationFields.partial().strict();

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  sector: z.enum(SECTORS),
  iatiType: z.string().nullable(),
  country: z.string().nullable(),
  iatiIdentifier: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  offers: z.array(z.string()),
  seeks: z.array(z.string()),
  createdAt: Instant,
  updatedAt: Instant,
  allowedActions: z.array(z.enum(ORGANISATION_ACTIONS)),
});
export type Organisation = z.infer<typeof Organisation>;

export const ORGANISATION_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export const OrganisationQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  sector: z.enum(SECTORS).optional(),
  country: CountryCode.optional(),
  tag: z.string().trim().max(60).optional().describe('Matches what it offers or seeks'),
  tagKind: z.enum(['offers', 'seeks']).optional(),
  sort: z.enum(ORGANISATION_SORTS).default('name'),
});
export const OrganisationPage = page(Organisation);

export const OrganisationMember = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ORGANISATION_ROLES),
  since: Instant,
});
export const AddOrganisationMemberBody = z.object({ email: Email, role: z.enum(ORGANISATION_ROLES) }).strict();
export const OrganisationMemberList = z.object({ items: z.array(OrganisationMember) });
