import type { z } from 'zod';
import type { TFunction } from 'i18next';

/**
 * Validates form values with a shared contract and returns Mantine form errors keyed by dotted path
 * (`goals.0.title`), translated where the issue is a common one.
 */
export function zodErrors(schema: z.ZodType, values: unknown, t: TFunction): Record<string, string> {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.');
    if (key in out) continue;
    out[key] = translateIssue(issue, t);
  }
  return out;
}

function translateIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.chooseAtLeast', { count: Number(issue.minimum) });
      return issue.message;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { count: Number(issue.maximum) });
      return issue.message;
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      if (issue.format === 'date') return t('validation.date');
      return issue.message;
    case 'invalid_value':
    case 'invalid_type':
      return t('validation.required');
    default:
      return issue.message;
  }
}

/** Empty strings become null, so optional fields are sent as "not set". */
export const orNull = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);
