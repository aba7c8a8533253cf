import type { NotificationTables } from './schema-notifications';
import type { LedgerTables, Minor } from './schema-ledger';
import type { RiskTables } from './schema-risks';
import type { ResultsTables } from './schema-results';
import type { GovernanceTables } from './schema-governance';
import type { DisputeTables } from './schema-disputes';

/** Table types as the database holds them (snake_case, text timestamps, 0/1 booleans). */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** searchForm(name): what account search matches (migration 0011). */
  search_name: string;
  password_hash: string;
  is_admin: number;
  locale: string;
  created_at: string;
  updated_at: string;
}
export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
export interface SignInAttemptsTable {
  id: string;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}
export interface OrganisationsTable {
  id: string;
  name: string;
  search_name: string;
  sector: string;
  iati_type: string | null;
  country: string | null;
  iati_identifier: string | null;
  website: string | null;
  description: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface OrganisationTagsTable {
  organisation_id: string;
  kind: string;
  tag: string;
}
export interface OrganisationPeopleTable {
  organisation_id: string;
  user_id: string;
  role: string;
  created_at: string;
}
export interface PartnershipsTable {
  id: string;
  name: string;
  search_name: string;
  purpose: string;
  model: string;
  visibility: string;
  stage: string;
  start_date: string | null;
  end_date: string | null;
  countries: string; // JSON array
  sectors: string; // JSON array
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface PartnershipCountriesTable {
  partnership_id: string;
  country: string;
}
export interface GoalsTable {
  id: string;
  partnership_id: string;
  title: string;
  description: string | null;
  sdgs: string; // JSON array
  position: number;
  created_at: string;
  updated_at: string;
}
export interface TransitionsTable {
  id: string;
  partnership_id: string;
  from_stage: string | null;
  to_stage: string;
  reason: string;
  actor_id: string | null;
  at: string;
}
export interface PartnershipMembersTable {
  id: string;
  partnership_id: string;
  organisation_id: string;
  role: string;
  joined_on: string;
  left_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface PartnershipPeopleTable {
  id: string;
  partnership_id: string;
  user_id: string;
  organisation_id: string | null;
  role: string;
  created_at: string;
}
export interface AuditEventsTable {
  id: string;
  chain: string;
  seq: number;
  partnership_id: string | null;
  actor_id: string | null;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  diff: string;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}
export interface IdempotencyKeysTable {
  key: string;
  actor: string;
  method: string;
  path: string;
  request_hash: string;
  status: number | null;
  response: string | null;
  created_at: string;
}

/**
 * The running totals of a commitment's deliveries (migration 0009), updated in the same database transaction as
 * every change of a delivery (ADR 0013). Amounts are `Minor` (schema-ledger.ts): written as bigints, read as text.
 */
export interface CommitmentTotalsTable {
  commitment_id: string;
  confirmed_count: number;
  confirmed_minor: Minor;
  /** Exact decimal text, '0' without quantities. */
  confirmed_quantity: string;
  pending_count: number;
  pending_minor: Minor;
  pending_quantity: string;
  /** JSON: one date (YYYY-MM-DD) or null per tranche, in due-date order. */
  tranche_dates: string;
}

export interface DB extends GovernanceTables, DisputeTables, LedgerTables, RiskTables, ResultsTables, NotificationTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  sign_in_attempts: SignInAttemptsTable;
  organisations: OrganisationsTable;
  organisation_tags: OrganisationTagsTable;
  organisation_people: OrganisationPeopleTable;
  partnerships: PartnershipsTable;
  partnership_countries: PartnershipCountriesTable;
  goals: GoalsTable;
  transitions: TransitionsTable;
  partnership_members: PartnershipMembersTable;
  partnership_people: PartnershipPeopleTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  commitment_totals: CommitmentTotalsTable;
}
