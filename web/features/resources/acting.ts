import { useMemo } from 'react';
import { useSession } from '../../lib/session';
import type { PartnershipDetail } from '../../lib/types';
import { usePeople } from './api';

/**
 * Whom the reader acts for in this partnership: conveners act for the partnership, representatives for
 * their own organisations. The server checks again; this only hides buttons the reader could not use.
 */
export function useActing(p: PartnershipDetail) {
  const { user } = useSession();
  const people = usePeople(p.id, p.allowedActions.includes('partnership.people.read'));
  return useMemo(() => {
    const mine = new Set<string>();
    const names = new Map<string, string>();
    for (const person of people.data?.items ?? []) {
      names.set(person.userId, person.name);
      if (user && person.userId === user.id && person.organisationId && person.role === 'representative') mine.add(person.organisationId);
    }
    const convener = p.allowedActions.includes('partnership.ledger.manage');
    return {
      convener,
      mine,
      /** A person's name from their user id (who recorded, who decided). */
      personName: (userId: string | null | undefined) => (userId ? (names.get(userId) ?? null) : null),
      canPledgeFor: (orgId: string) => p.allowedActions.includes('partnership.commitments.pledge') && (convener || mine.has(orgId)),
      /** Conveners, or representatives of the receiving organisation who do not also deliver it. */
      canConfirmDelivery: (recipient: string | null, deliverer: string) =>
        convener || (p.allowedActions.includes('partnership.deliveries.confirm') && !!recipient && mine.has(recipient) && !mine.has(deliverer)),
    };
  }, [people.data, user, p.allowedActions]);
}

/** Member organisations' names by id (current and past members). */
export function orgNames(p: PartnershipDetail): Map<string, string> {
  return new Map(p.members.map((m) => [m.organisationId, m.organisationName]));
}

/** Today as a calendar date (UTC, as the server dates things). */
export const todayIso = () => new Date().toISOString().slice(0, 10);
