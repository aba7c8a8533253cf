export type { AuditEntry, AuditPage, Goal, PartnershipDetail, PartnershipMember, PartnershipPage, PartnershipPerson, PartnershipSummary, Transition } from '../../lib/types';
import type { PartnershipMember, PartnershipPerson } from '../../lib/types';
export type MemberListT = { items: PartnershipMember[]; nextCursor: string | null };
export type PersonListT = { items: PartnershipPerson[]; nextCursor: string | null };
