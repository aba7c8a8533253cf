import { DomainError, issue, type FieldIssue } from '../kernel/errors';
import { msg } from '../kernel/messages';

/** The sectors of cross-sector work; each has one colour and icon in the web app. */
export const SECTORS = ['public', 'private', 'nonprofit', 'academic', 'multilateral', 'philanthropic', 'community'] as const;
export type Sector = (typeof SECTORS)[number];

/** What an organisation offers or seeks, as free tags. */
export const TAG_KINDS = ['offers', 'seeks'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** An organisation's people: org-admins manage its profile and members. */
export const ORGANISATION_ROLES = ['org_admin', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** Reference code lists the registry rules check against (loaded at the edge from standards/). */
export interface RegistryCodelists {
  organisationTypes: ReadonlySet<string>;
  registrationAgencies: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

export interface OrganisationDraft {
  name: string;
  sector: Sector;
  iatiType?: string | null;
  country?: string | null;
  iatiIdentifier?: string | null;
  website?: string | null;
  description?: string | null;
  offers?: string[];
  seeks?: string[];
}

/**
 * Splits an IATI organisation identifier into its registration agency prefix and the number.
 * The prefix is the longest leading `XX-YYY` (or `XM-DAC`, `XI-IATI`...) that the code list knows.
 */
export function iatiIdentifierPrefix(identifier: string, agencies: ReadonlySet<string>): string | null {
  const parts = identifier.split('-');
  for (let i = Math.min(parts.length, 3); i >= 2; i--) {
    const candidate = parts.slice(0, i).join('-');
    if (agencies.has(candidate)) return candidate;
  }
  return null;
}

/** Normalises a tag: trimmed, lower case, inner whitespace folded. */
export const normaliseTag = (tag: string): string => tag.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Checks an organisation against the registry rules and the code lists; returns every problem found.
 * Shape (types, lengths) is the contract's job; this checks meaning.
 */
export function checkOrganisation(draft: Partial<OrganisationDraft>, lists: RegistryCodelists): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.iatiType != null && !lists.organisationTypes.has(draft.iatiType)) {
    issues.push(issue('iatiType', msg('organisations.unknown_iati_type', { code: draft.iatiType }), 'unknown_code'));
  }
  if (draft.country != null && !lists.countries.has(draft.country)) {
    issues.push(issue('country', msg('organisations.unknown_country', { code: draft.country }), 'unknown_code'));
  }
  if (draft.iatiIdentifier != null) {
    const prefix = iatiIdentifierPrefix(draft.iatiIdentifier, lists.registrationAgencies);
    if (!prefix) {
      issues.push(issue('iatiIdentifier', msg('organisations.unknown_prefix', { identifier: draft.iatiIdentifier }), 'unknown_prefix'));
    } else if (draft.iatiIdentifier.length <= prefix.length + 1) {
      issues.push(issue('iatiIdentifier', msg('organisations.missing_number'), 'missing_number'));
    }
  }
  for (const kind of TAG_KINDS) {
    const tags = draft[kind];
    if (!tags) continue;
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      const n = normaliseTag(t);
      if (!n) issues.push(issue(`${kind}.${i}`, msg('organisations.empty_tag')));
      else if (seen.has(n)) issues.push(issue(`${kind}.${i}`, msg('organisations.tag_twice', { tag: n })));
      seen.add(n);
    });
  }
  return issues;
}

/** Throws a validation error naming every problem with the organisation. */
export function assertValidOrganisation(draft: Partial<OrganisationDraft>, lists: RegistryCodelists): void {
  const issues = checkOrganisation(draft, lists);
  if (issues.length) throw new DomainError('validation_failed', msg('organisations.invalid_fields'), issues);
}
