import { Card, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src/contracts/locales';
import { LANGUAGE_NAMES } from '../../i18n';
import { useDocumentTitle } from '../../lib/hooks';
import { useSession } from '../../lib/session';
import { PageHeader } from '../../components/page';
import { ApiTokensPanel } from '../../features/accounts/api-tokens';
import { RemindersPanel } from '../../features/accountability/reminders';
import { useChangeLanguage } from '../layout';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const change = useChangeLanguage();
  useDocumentTitle(t('nav.account'));
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Stack gap="md">
              <Title order={2} fz="lg">
                {t('account.profile')}
              </Title>
              <div>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                  {t('common.name')}
                </Text>
                <Text>{user.name}</Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                  {t('auth.email')}
                </Text>
                <Text style={{ overflowWrap: 'anywhere' }}>{user.email}</Text>
              </div>
              <Select
                label={t('account.language')}
                description={t('account.languageHint')}
                allowDeselect={false}
                value={i18n.language}
                onChange={(v) => v && void change(v as Locale)}
                data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <RemindersPanel />
            <ApiTokensPanel />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
