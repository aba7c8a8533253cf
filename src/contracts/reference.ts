import { z } from 'zod';

export const CodeItem = z.object({ code: z.string(), name: z.string() });
export const SdgGoal = z.object({ code: z.string(), short: z.string(), title: z.string(), colour: z.string() });
export const SdgTarget = z.object({ code: z.string(), goal: z.string(), title: z.string() });
/** Code lists the web app needs for its forms (from standards/). */
export const ReferenceData = z.object({
  organisationTypes: z.array(CodeItem),
  countries: z.array(CodeItem),
  sdgGoals: z.array(SdgGoal),
  sdgTargets: z.array(SdgTarget),
});
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
