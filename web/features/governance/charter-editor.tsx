import { Alert, Code, JsonInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { CheckCharterResult } from '../../lib/types';
import { FindingsAlert } from './findings';
import { VotingPowerCard } from './power';
import type { Charter } from './charter-model';

/** Parses the editor's text: the charter object, or the parser's complaint. */
export function parseCharterText(text: string): { doc: Record<string, unknown> | null; error: string | null } {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { doc: null, error: 'object' };
    return { doc: v as Record<string, unknown>, error: null };
  } catch (e) {
    return { doc: null, error: (e as Error).message };
  }
}

/** Checks a charter with the API as it is edited (debounced): errors and warnings with their paths. */
export function useCharterCheck(doc: Record<string, unknown> | null) {
  const text = useMemo(() => (doc ? JSON.stringify(doc) : ''), [doc]);
  const [debounced] = useDebouncedValue(text, 400);
  const q = useQuery({
    queryKey: ['charter-check', debounced],
    queryFn: () => api.post<CheckCharterResult>('/charter-check', { charter: JSON.parse(debounced) }),
    enabled: debounced !== '',
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
  // the document the result is about (the debounced text), so what follows a clean check analyses exactly that
  const checked = useMemo(() => (debounced ? (JSON.parse(debounced) as Record<string, unknown>) : null), [debounced]);
  return { result: q.data ?? null, checking: q.isFetching || debounced !== text, error: q.error, checked };
}

/** A JSON editor for a charter with the live findings of the check under it. */
export function CharterJsonEditor({
  value,
  onChange,
  label,
  description,
  error,
  findingsFor,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  description?: string;
  error?: string | null;
  /** The document to check, when it differs from the text (e.g. with the seat holders merged in). */
  findingsFor?: Record<string, unknown> | null;
}) {
  const { t } = useTranslation();
  const parsed = useMemo(() => parseCharterText(value), [value]);
  const check = useCharterCheck(findingsFor !== undefined ? findingsFor : parsed.doc);
  return (
    <Stack gap="sm">
      <JsonInput
        label={label}
        description={description}
        value={value}
        onChange={onChange}
        autosize
        minRows={14}
        maxRows={28}
        formatOnBlur
        spellCheck={false}
        error={error ?? (parsed.error ? t('charter.jsonInvalid') : undefined)}
        styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } }}
      />
      <div aria-live="polite">
        {parsed.error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('charter.jsonInvalid')}>
            <Text size="sm">{parsed.error === 'object' ? t('charter.jsonNotObject') : t('charter.jsonFix')}</Text>
            {parsed.error !== 'object' && (
              <Code block mt={6} lang="en">
                {parsed.error}
              </Code>
            )}
          </Alert>
        ) : check.result ? (
          <Stack gap="sm">
            <FindingsAlert findings={check.result.findings} checking={check.checking} />
            {/* a draft without errors: its voting power, so the drafter sees what the rules do before adopting them */}
            {check.result.ok && !check.checking && check.checked && <VotingPowerCard source={{ draft: check.checked }} charter={check.checked as unknown as Charter} />}
          </Stack>
        ) : check.error ? (
          <Text size="sm" c="red.9">
            {t('charter.checkFailed')}
          </Text>
        ) : (
          <Text size="sm" c="gray.7">
            {t('charter.checking')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
