/**
 * Reading a charter for people: its groups as a tree with their shares of the vote, the seats of each body and
 * who holds them. Pure helpers over the charter language (src/domain/governance/charter.ts).
 */
import { indexGroups, parseRatio, usesShares, type Charter, type Group, type Seat } from '../../../src/domain/governance/charter';
import type { PartnershipMember, PartnershipPerson } from '../../lib/types';

export type { Charter, Seat, Group };

/** A charter document from the API, read as the charter language. */
export const asCharter = (doc: Record<string, unknown> | null | undefined): Charter => (doc ?? {}) as Charter;

export interface GroupNode {
  id: string;
  path: string;
  /** The group's name as the charter writes it (falls back to its id). */
  name: string;
  /** The name without its parent's name in front ("environmental chamber, North" under "environmental chamber" -> "North"). */
  shortName: string;
  /** The share of its parent's vote the charter gives it ("1/3"), when it has one. */
  share: string | null;
  /** Its share of the whole vote (0..1): the product of the shares above it, or, without shares, its voting seats (weights) over all. */
  power: number | null;
  /** Voting seats inside it (sub-groups included). */
  votingSeats: number;
  /** Fixed seat count including vacancies, when the charter sets one. */
  fixedSeats: number | null;
  spread: string | null;
  children: GroupNode[];
}

const ratio = (text: string | undefined): number | null => {
  const f = parseRatio(text);
  return f ? Number(f.num) / Number(f.den) : null;
};

const isVoting = (s: Seat) => s.voting !== false;
const inPath = (seat: Seat, path: string) => seat.group !== undefined && (seat.group === path || seat.group.startsWith(`${path}/`));

/** The groups as a tree, each with its share of the whole vote. */
export function groupTree(charter: Charter): GroupNode[] {
  const seats = Array.isArray(charter.seats) ? charter.seats : [];
  const voting = seats.filter(isVoting);
  const shares = usesShares(charter);
  const weightOf = (s: Seat) => ratio(s.weight) ?? 1;
  const totalWeight = voting.reduce((n, s) => n + weightOf(s), 0);
  const index = indexGroups(Array.isArray(charter.groups) ? charter.groups : []);
  const build = (groups: Group[], prefix: string, parentName: string | null): GroupNode[] =>
    groups.map((g) => {
      const path = prefix ? `${prefix}/${g.id}` : g.id;
      const name = g.name ?? g.id;
      const shortName = parentName && name.startsWith(`${parentName}, `) ? name.slice(parentName.length + 2) : name;
      const inside = voting.filter((s) => inPath(s, path));
      const info = index.get(path);
      const power = shares
        ? info?.share
          ? Number(info.share.num) / Number(info.share.den)
          : null
        : totalWeight > 0
          ? inside.reduce((n, s) => n + weightOf(s), 0) / totalWeight
          : null;
      return {
        id: g.id,
        path,
        name,
        shortName,
        share: g.share ?? null,
        power,
        votingSeats: inside.length,
        fixedSeats: typeof g.seats === 'number' ? g.seats : null,
        spread: g.spread ?? null,
        children: build(Array.isArray(g.groups) ? g.groups : [], path, name),
      };
    });
  return build(Array.isArray(charter.groups) ? charter.groups : [], '', null);
}

/** The groups' names by path ("environmental/north/org" -> its name), and by bare id as a fallback. */
export function groupNames(charter: Charter): (pathOrId: string | null | undefined) => string {
  const byPath = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const [path, info] of indexGroups(Array.isArray(charter.groups) ? charter.groups : [])) {
    const name = info.group.name ?? path.split('/').join(' › ');
    byPath.set(path, name);
    if (!byId.has(info.group.id)) byId.set(info.group.id, name);
  }
  return (p) => (p ? (byPath.get(p) ?? byId.get(p) ?? p) : '');
}

/** A seat's name as people know it. */
export const seatName = (charter: Charter, seatId: string): string => (charter.seats ?? []).find((s) => s.id === seatId)?.name ?? seatId;

export interface Holder {
  kind: 'organisation' | 'person' | 'none';
  /** The holder's id in the partnership (organisation id or user id). */
  id: string | null;
  name: string | null;
  /** The id is set but names nobody we know (e.g. a former member, or the reader may not see people). */
  unknown: boolean;
}

/** Who holds a seat, named from the partnership's member organisations and people. */
export function holderOf(seat: Seat, members: readonly PartnershipMember[], people: readonly PartnershipPerson[] | undefined): Holder {
  if (seat.organisation) {
    const m = members.find((x) => x.organisationId === seat.organisation);
    return { kind: 'organisation', id: seat.organisation, name: m?.organisationName ?? null, unknown: !m };
  }
  if (seat.person) {
    const p = people?.find((x) => x.userId === seat.person);
    return { kind: 'person', id: seat.person, name: p?.name ?? null, unknown: !p };
  }
  return { kind: 'none', id: null, name: null, unknown: false };
}

export const personName = (id: string | undefined | null, people: readonly PartnershipPerson[] | undefined): string | null =>
  id ? (people?.find((p) => p.userId === id)?.name ?? null) : null;

export interface BodyView {
  id: string | null;
  name: string;
  kind: string | null;
  seats: Seat[];
}

/** The bodies with their seats; a charter without bodies has one implicit body of every seat. */
export function bodiesOf(charter: Charter): BodyView[] {
  const seats = Array.isArray(charter.seats) ? charter.seats : [];
  const bodies = Array.isArray(charter.bodies) ? charter.bodies : [];
  if (bodies.length === 0) return [{ id: null, name: '', kind: null, seats }];
  return bodies.map((b) => {
    const ids = Array.isArray(b.seats) ? new Set(b.seats) : null;
    return { id: b.id, name: b.name ?? b.id, kind: b.kind ?? null, seats: ids ? seats.filter((s) => ids.has(s.id)) : seats };
  });
}

/** A body's name by its id. */
export const bodyName = (charter: Charter, id: string | null | undefined): string => {
  if (!id) return '';
  return (charter.bodies ?? []).find((b) => b.id === id)?.name ?? id;
};

/** Percentages for shares: "33.3%" (one decimal when needed). */
export function percent(value: number | null, locale: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: value * 100 < 10 ? 2 : 1 }).format(value);
}

/** Puts the seat holders chosen in the adoption flow into the charter document. */
export function withHolders(charter: Charter, holders: Record<string, { organisation?: string | null; person?: string | null; alternate?: string | null }>): Charter {
  if (!Array.isArray(charter.seats)) return charter;
  return {
    ...charter,
    seats: charter.seats.map((s) => {
      const h = holders[s.id];
      if (!h) return s;
      const next: Seat = { ...s };
      delete next.organisation;
      delete next.person;
      delete next.alternate;
      if (h.organisation) next.organisation = h.organisation;
      if (h.person) next.person = h.person;
      if (h.organisation && h.alternate) next.alternate = h.alternate;
      return next;
    }),
  };
}

/** The name of a member class (a group id that may recur in several branches, e.g. FSC's "org"): its short name. */
export function memberClassName(charter: Charter, id: string): string {
  const find = (nodes: GroupNode[]): GroupNode | null => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return null;
  };
  return find(groupTree(charter))?.shortName ?? id;
}
