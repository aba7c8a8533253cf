import { z } from 'zod';
import { Problem } from '../../contracts/common';

/** Response schemas: the success shape plus the problem documents a route can answer with. */
export function responses<T extends z.ZodType>(status: 200 | 201 | 202, schema: T) {
  return { [status]: schema, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem } as Record<number, z.ZodType>;
}
export const IdParam = z.object({ id: z.uuid() });
