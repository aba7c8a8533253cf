import { z } from 'zod';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySerializerCompiler } from 'fastify';

/**
 * Responses are serialised by fast-json-stringify from the JSON Schema of each route's zod contract:
 * only the properties the contract names are written (so a presenter cannot leak a field), at a
 * fraction of the cost of running zod over every answer. With `strict`, zod also checks every answer
 * against its contract and refuses a mismatch: the test suite runs that way.
 */
export function createResponseSerializer(strict: boolean): FastifySerializerCompiler<z.ZodType> {
  if (strict) return zodSerializerCompiler as unknown as FastifySerializerCompiler<z.ZodType>;
  return (route) => {
    const { schema } = route;
    // the zod path, for what fast-json-stringify cannot express: slower, never wrong
    const viaZod = (zodSerializerCompiler as unknown as FastifySerializerCompiler<z.ZodType>)(route);
    let stringify: (data: unknown) => string;
    try {
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
      delete json.$schema;
      stringify = fastJson(json as unknown as Parameters<typeof fastJson>[0]);
    } catch {
      return viaZod;
    }
    return (data: unknown) => {
      try {
        return stringify(data);
      } catch {
        return viaZod(data) as string;
      }
    };
  };
}
