import { sql, type Kysely } from 'kysely';
import type { DB, OrganisationsTable } from '../schema';
import { normaliseTag, type Sector, type OrganisationRole, type TagKind } from '../../domain/organisations/organisation';
import { decodeCursor, encodeCursor, likeEscape, searchForm } from '../pagination';
import { preparedQuery } from '../prepared';

export interface OrganisationRecord {
  id: string;
  name: string;
  sector: Sector;
  iatiType: string | null;
  country: string | null;
  iatiIdentifier: string | null;
  website: string | null;
  description: string | null;
  offers: string[];
  seeks: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const toRecord = (r: OrganisationsTable, tags: { kind: string; tag: string }[]): OrganisationRecord => ({
  id: r.id,
  name: r.name,
  sector: r.sector as Sector,
  iatiType: r.iati_type,
  country: r.country,
  iatiIdentifier: r.iati_identifier,
  website: r.website,
  description: r.description,
  offers: tags.filter((t) => t.kind === 'offers').map((t) => t.tag),
  seeks: tags.filter((t) => t.kind === 'seeks').map((t) => t.tag),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type TagRow = { organisation_id: string; kind: string; tag: string };
const tagQueries = new Map<number, ReturnType<typeof preparedQuery<Record<string, string>, TagRow>>>();
/** Tags of a page of organisations: one precompiled query per page size. */
async function tagsFor(db: Kysely<DB>, ids: string[]) {
  const map = new Map<string, { kind: string; tag: string }[]>();
  if (ids.length === 0) return map;
  let q = tagQueries.get(ids.length);
  if (!q) {
    const n = ids.length;
    q = preparedQuery<Record<string, string>, TagRow>((d, p) =>
      // ordered by the primary key so SQLite walks it for just these organisations (ordering by tag
      // alone made it scan the tag index over every organisation)
      d.selectFrom('organisation_tags').selectAll().where('organisation_id', 'in', Array.from({ length: n }, (_, i) => p(`id${i}`))).orderBy('organisation_id').orderBy('kind').orderBy('tag'),
    );
    tagQueries.set(n, q);
  }
  const rows = await q(db, Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
  for (const r of rows) map.set(r.organisation_id, [...(map.get(r.organisation_id) ?? []), r]);
  return map;
}

type OrganisationRow = { [K in keyof DB['organisations']]: DB['organisations'][K] };
// registering organisations is the busiest write of the registry: its statements are compiled once
const insertOrganisationRow = preparedQuery<OrganisationRow, never>((db, p) =>
  db.insertInto('organisations').values({
    id: p('id'), name: p('name'), search_name: p('search_name'), sector: p('sector'), iati_type: p('iati_type'), country: p('country'),
    iati_identifier: p('iati_identifier'), website: p('website'), description: p('description'), created_by: p('created_by'),
    created_at: p('created_at'), updated_at: p('updated_at'),
  }),
);
const insertTag = preparedQuery<{ organisation_id: string; kind: string; tag: string }, never>((db, p) =>
  db.insertInto('organisation_tags').values({ organisation_id: p('organisation_id'), kind: p('kind'), tag: p('tag') }),
);
const deleteTags = preparedQuery<{ id: string }, never>((db, p) => db.deleteFrom('organisation_tags').where('organisation_id', '=', p('id')));

export async function insertOrganisation(db: Kysely<DB>, o: OrganisationRecord): Promise<void> {
  await insertOrganisationRow(db, {
    id: o.id, name: o.name, search_name: searchForm(o.name), sector: o.sector, iati_type: o.iatiType, country: o.country,
    iati_identifier: o.iatiIdentifier, website: o.website, description: o.description, created_by: o.createdBy,
    created_at: o.createdAt, updated_at: o.updatedAt,
  });
  await insertTags(db, o.id, o.offers, o.seeks);
}

async function insertTags(db: Kysely<DB>, id: string, offers: string[], seeks: string[]): Promise<void> {
  for (const tag of offers) await insertTag(db, { organisation_id: id, kind: 'offers', tag });
  for (const tag of seeks) await insertTag(db, { organisation_id: id, kind: 'seeks', tag });
}

export async function replaceTags(db: Kysely<DB>, id: string, offers: string[], seeks: string[]): Promise<void> {
  await deleteTags(db, { id });
  await insertTags(db, id, offers, seeks);
}

export async function updateOrganisationRow(db: Kysely<DB>, o: OrganisationRecord): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      name: o.name, search_name: searchForm(o.name), sector: o.sector, iati_type: o.iatiType, country: o.country,
      iati_identifier: o.iatiIdentifier, website: o.website, description: o.description, updated_at: o.updatedAt,
    })
    .where('id', '=', o.id)
    .execute();
  await replaceTags(db, o.id, o.offers, o.seeks);
}

export async function findOrganisation(db: Kysely<DB>, id: string): Promise<OrganisationRecord | null> {
  const r = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return toRecord(r, (await tagsFor(db, [id])).get(id) ?? []);
}

export async function findOrganisationByIatiId(db: Kysely<DB>, iatiIdentifier: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('iati_identifier', '=', iatiIdentifier).executeTakeFirst();
}

export interface OrganisationSearch {
  q?: string;
  sector?: Sector;
  country?: string;
  tag?: string;
  tagKind?: TagKind;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
  cursor?: string;
  limit: number;
}

type SearchParams = { q: string; sector: string; country: string; tag: string; tagKind: string; after: string; afterId: string; limit: number };
const searchQueries = new Map<string, ReturnType<typeof preparedQuery<SearchParams, OrganisationsTable>>>();

/** The search query for one combination of filters, built and compiled once. */
function searchQuery(s: OrganisationSearch) {
  const key = [s.sort, !!s.q, !!s.sector, !!s.country, !!s.tag, !!s.tagKind, !!s.cursor].join('|');
  let q = searchQueries.get(key);
  if (q) return q;
  const desc = s.sort.startsWith('-');
  const col = s.sort.endsWith('name') ? 'o.search_name' : 'o.created_at';
  q = preparedQuery<SearchParams, OrganisationsTable>((db, p) => {
    let b = db.selectFrom('organisations as o').selectAll('o');
    if (s.q) b = b.where(sql<boolean>`o.search_name like ${p('q')} escape '\\'`);
    if (s.sector) b = b.where('o.sector', '=', p('sector'));
    if (s.country) b = b.where('o.country', '=', p('country'));
    if (s.tag) {
      b = b.where((eb) =>
        eb.exists(
          // the kind is always constrained, so the (tag, kind, organisation_id) index is used to its end
          eb.selectFrom('organisation_tags as t').select('t.tag').whereRef('t.organisation_id', '=', 'o.id').where('t.tag', '=', p('tag')).where('t.kind', 'in', s.tagKind ? [p('tagKind')] : ['offers', 'seeks']),
        ),
      );
    }
    if (s.cursor) {
      const op = desc ? '<' : '>';
      b = b.where((eb) => eb.or([eb(col, op, p('after')), eb.and([eb(col, '=', p('after')), eb('o.id', op, p('afterId'))])]));
    }
    return b.orderBy(col, desc ? 'desc' : 'asc').orderBy('o.id', desc ? 'desc' : 'asc').limit(p('limit'));
  });
  searchQueries.set(key, q);
  return q;
}

/** Keyset-paginated search by name, sector, country and tag; one query for the page, one for its tags. */
export async function searchOrganisations(db: Kysely<DB>, s: OrganisationSearch): Promise<{ items: OrganisationRecord[]; nextCursor: string | null }> {
  const [after, afterId] = s.cursor ? decodeCursor(s.cursor) : ['', ''];
  const rows = await searchQuery(s)(db, {
    q: s.q ? `%${likeEscape(searchForm(s.q))}%` : '',
    sector: s.sector ?? '',
    country: s.country ?? '',
    tag: s.tag ? normaliseTag(s.tag) : '',
    tagKind: s.tagKind ?? '',
    after: String(after),
    afterId,
    limit: s.limit + 1,
  });
  const page = rows.slice(0, s.limit);
  const tags = await tagsFor(db, page.map((r) => r.id));
  const last = page[page.length - 1];
  const byName = s.sort.endsWith('name');
  return {
    items: page.map((r) => toRecord(r, tags.get(r.id) ?? [])),
    nextCursor: rows.length > s.limit && last ? encodeCursor(byName ? last.search_name : last.created_at, last.id) : null,
  };
}

// People -----------------------------------------------------------------------------------------

const upsertPerson = preparedQuery<{ organisation_id: string; user_id: string; role: string; created_at: string }, never>((db, p) =>
  db
    .insertInto('organisation_people')
    .values({ organisation_id: p('organisation_id'), user_id: p('user_id'), role: p('role'), created_at: p('created_at') })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') }))),
);
export async function upsertOrganisationPerson(db: Kysely<DB>, organisationId: string, userId: string, role: OrganisationRole, at: string): Promise<void> {
  await upsertPerson(db, { organisation_id: organisationId, user_id: userId, role, created_at: at });
}
export async function findOrganisationPerson(db: Kysely<DB>, organisationId: string, userId: string) {
  return db.selectFrom('organisation_people').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
}
export async function deleteOrganisationPerson(db: Kysely<DB>, organisationId: string, userId: string): Promise<void> {
  await db.deleteFrom('organisation_people').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}
export async function countOrganisationAdmins(db: Kysely<DB>, organisationId: string): Promise<number> {
  const r = await db.selectFrom('organisation_people').select((eb) => eb.fn.countAll<string | number>().as('n')).where('organisation_id', '=', organisationId).where('role', '=', 'org_admin').executeTakeFirstOrThrow();
  return Number(r.n);
}
export async function listOrganisationPeople(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'p.role', 'p.created_at', 'u.name', 'u.email'])
    .where('p.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .execute();
}
/** The organisations a person belongs to, with their role. */
export async function organisationsOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_people as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.name', 'o.sector', 'o.country', 'p.role'])
    .where('p.user_id', '=', userId)
    .orderBy('o.search_name')
    .execute();
}
