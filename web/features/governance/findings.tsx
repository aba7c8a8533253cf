import { Alert, Code, Group, List, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TEXT_ON_LIGHT } from '../../components/badges';
import type { CharterFinding } from '../../lib/types';
import { findingText } from './finding-text';

/** The problems a charter check found, each with its severity (icon and word), the path it concerns and what is wrong, in the reader's language. */
export function FindingsList({ findings, id }: { findings: readonly CharterFinding[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <List spacing={6} size="sm" listStyleType="none" id={id} styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}>
      {findings.map((f, i) => {
        const error = f.severity === 'error';
        const I = error ? IconAlertCircle : IconAlertTriangle;
        const colour = error ? TEXT_ON_LIGHT.red : TEXT_ON_LIGHT.yellow;
        const text = findingText(f, t);
        return (
          <List.Item key={`${f.field}-${i}`}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <I size={16} color={colour} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" span fw={650} c={colour}>
                  {error ? t('charter.findingError') : t('charter.findingWarning')}
                </Text>{' '}
                {f.field && (
                  <Code style={{ overflowWrap: 'anywhere' }} fz="xs">
                    {f.field}
                  </Code>
                )}
                <Text size="sm" lang={text.lang} style={{ overflowWrap: 'anywhere' }}>
                  {text.text}
                </Text>
              </div>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

/** The outcome of a check in one alert: errors stop adoption, warnings do not. */
export function FindingsAlert({ findings, checking }: { findings: readonly CharterFinding[]; checking?: boolean }) {
  const { t } = useTranslation();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0)
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={checking ? t('charter.checking') : t('charter.checkOk')}>
        <Text size="sm">{t('charter.checkOkBody')}</Text>
      </Alert>
    );
  return (
    <Alert
      color={errors ? 'red' : 'yellow'}
      variant="light"
      icon={errors ? <IconAlertCircle aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={t('charter.checkSummary', { errors: t('charter.errors', { count: errors }), warnings: t('charter.warnings', { count: warnings }) })}
    >
      <FindingsList findings={findings} />
    </Alert>
  );
}
