import { z } from 'zod';

/** An id made by Accord (UUIDv7). */
export const Id = z.uuid({ version: 'v7' }).describe('A UUIDv7 identifier');
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date().describe('A date, YYYY-MM-DD');
/** An instant, ISO-8601 in UTC. */
export const Instant = z.string().describe('An instant, ISO-8601 UTC');
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 code in capitals, like KE').describe('ISO 3166-1 alpha-2');

/** Query parameters shared by every list. */
export const PageQuery = z.object({
  cursor: z.string().max(512).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** A page of items with the cursor for the next page (null on the last page). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details with Accord's stable `code` and the offending fields. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
