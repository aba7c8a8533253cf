import { Alert, Button, Card, Drawer, Grid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedAccount } from '../../../src/contracts/accounts';
import { useDocumentTitle } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useDebouncedParam, useUrlState } from '../../lib/url-state';
import { NotFoundState, PageHeader } from '../../components/page';
import { SearchFilter } from '../../components/directory';
import { SectionHeading } from '../../components/section';
import { AccountCreateForm } from '../../features/accounts/account-create-form';
import { PlatformAccountsTable } from '../../features/accounts/platform-accounts-table';
import { accountKeys } from '../../features/accounts/platform-accounts-api';

/** Everyone who can sign in, for platform admins: search, grant or revoke platform admin, create or invite an account. */
export function PlatformAccountsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const qc = useQueryClient();
  const url = useUrlState();
  const [search, setSearch] = useDebouncedParam(url, 'q');
  const [creating, { open, close }] = useDisclosure(false);
  /** An invitation the mail server refused: the account exists, the person must ask for a link themselves. */
  const [notSent, setNotSent] = useState<CreatedAccount | null>(null);
  /** An invitation written to the server's log (no mail server is set): the admin must pass its link on. */
  const [inLog, setInLog] = useState<CreatedAccount | null>(null);
  useDocumentTitle(t('platformAccounts.title'));
  if (!user?.isAdmin) return <NotFoundState />;

  const created = async (account: CreatedAccount, mode: 'invite' | 'password') => {
    close();
    setInLog(mode === 'invite' && account.invitationInLog ? account : null);
    if (mode === 'invite' && !account.invited) setNotSent(account);
    else if (mode === 'invite' && account.invitationInLog) setNotSent(null);
    else {
      setNotSent(null);
      notifications.show({ color: 'accord', message: account.invited ? t('platformAccounts.invitedToast', { email: account.email, until: f.dateTime(account.invitationExpiresAt) }) : t('platformAccounts.createdToast', { name: account.name }) });
    }
    await qc.invalidateQueries({ queryKey: accountKeys.all });
  };

  return (
    <>
      <PageHeader
        title={t('platformAccounts.title')}
        description={t('platformAccounts.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
            {t('platformAccounts.new')}
          </Button>
        }
      />
      <Stack gap="lg">
        {notSent && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('platformAccounts.notSentTitle')} role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotSent(null)}>
            {t('platformAccounts.notSentBody', { name: notSent.name, email: notSent.email })}
          </Alert>
        )}
        {inLog && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('platformAccounts.inLogTitle')} role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setInLog(null)}>
            {t('platformAccounts.inLogBody', { name: inLog.name, email: inLog.email, until: f.dateTime(inLog.invitationExpiresAt) })}
          </Alert>
        )}
        <Card>
          <Stack gap="md">
            <SectionHeading title={t('platformAccounts.listTitle')} intro={t('platformAccounts.listIntro')} />
            <Grid>
              <Grid.Col span={{ base: 12, sm: 8, md: 5 }}>
                <SearchFilter placeholder={t('platformAccounts.searchPlaceholder')} value={search} onChange={setSearch} />
              </Grid.Col>
            </Grid>
            <PlatformAccountsTable q={url.params.get('q') ?? ''} onClearSearch={() => setSearch('')} />
          </Stack>
        </Card>
      </Stack>
      {/* inside <main>, so a refused field is focused like on any other form of the app (lib/problems.ts) */}
      <Drawer opened={creating} onClose={close} title={t('platformAccounts.new')} position="right" size="md" portalProps={{ target: '#main' }} styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <AccountCreateForm onCreated={(a, mode) => void created(a, mode)} onCancel={close} />
      </Drawer>
    </>
  );
}
