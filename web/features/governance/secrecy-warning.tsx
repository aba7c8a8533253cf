import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupNames, type Charter } from './charter-model';
import { loneSeatGroups } from './secrecy';

/**
 * Said plainly on a secret ballot (when proposing one, and on its page): in a group with a single voting seat, the
 * results by group, which stay because they are how the outcome is verified, will show that seat's choice.
 */
export function LoneSeatWarning({ charter, decisionType, leftOut }: { charter: Charter; decisionType: string; leftOut?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const lone = useMemo(() => loneSeatGroups(charter, decisionType, leftOut), [charter, decisionType, leftOut]);
  const name = useMemo(() => groupNames(charter), [charter]);
  if (lone.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('decisions.loneSeatTitle')}>
      {lone.length === 1 ? (
        <Text size="sm">{t('decisions.loneSeat', { group: name(lone[0].group) })}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {lone.map((g) => (
            <List.Item key={g.group}>{t('decisions.loneSeat', { group: name(g.group) })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
