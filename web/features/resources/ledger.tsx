import { Card, Grid, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TRANSACTION_TYPES } from '../../../src/domain/accountability/ledger';
import { CardHeading, ExportButton, ScrollTable } from '../../components/cards';
import { AnySelect, ClearFiltersButton } from '../../components/directory';
import { EmptyState, LoadMore, PageError, PageLoader } from '../../components/page';
import { downloadCsv, fetchAll } from '../../lib/export';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useUrlState } from '../../lib/url-state';
import { useBalances, useBudget, useSettings, useTransactions, type BalancesReport, type Transaction } from './api';
import { orgNames } from './acting';
import { accountGroup, accountLabel } from './accounts';
import { ActionDialog } from './actions';
import { CompactMoney, MoneyText } from './badges';
import { formatQuantity } from '../../lib/money';
import { ExchangeForm } from './exchange-form';
import { SpendForm } from './spend-form';
import { ResourcesTabs } from './tabs';
import { TransactionTable } from './transactions';
import { ratesUsedText } from '../../lib/decimal-text';

const GROUP_ORDER = ['pool', 'in_kind', 'receivable', 'pledged', 'expense', 'disbursement', 'exchange'];
const REVERSIBLE = new Set(['expense', 'disbursement', 'exchange']);

/** The ledger: balances per account, then the journal of transactions, filtered in the address bar. */
export function LedgerView({ p }: { p: PartnershipDetail }) {
  const { t } = useTranslation();
  const settings = useSettings(p.id);
  const budget = useBudget(p.id);
  const manage = p.allowedActions.includes('partnership.ledger.manage');
  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      <Balances p={p} lines={lineNames(budget.data)} />
      <Journal
        p={p}
        lines={lineNames(budget.data)}
        actions={
          manage ? (
            <>
              <SpendForm p={p} kind="expense" budget={budget.data} settings={settings.data} />
              <SpendForm p={p} kind="disbursement" budget={budget.data} settings={settings.data} />
              <ExchangeForm p={p} settings={settings.data} />
            </>
          ) : undefined
        }
      />
      {!manage && (
        <Text size="sm" c="gray.7">
          {t('resources.ledger.readOnly')}
        </Text>
      )}
    </Stack>
  );
}

/** Budget line and activity names by id ("line" and "line:activity"). */
export function lineNames(b: { lines: { id: string; name: string | null; activities: { id: string; name: string | null }[] }[] } | undefined): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of b?.lines ?? []) {
    if (l.name) m.set(l.id, l.name);
    for (const a of l.activities) if (a.name) m.set(`${l.id}:${a.id}`, a.name);
  }
  return m;
}

function Balances({ p, lines }: { p: PartnershipDetail; lines: Map<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useBalances(p.id);
  const orgs = orgNames(p);
  if (q.isLoading) return <Card><PageLoader /></Card>;
  if (q.error) return <Card><PageError error={q.error} onRetry={() => void q.refetch()} /></Card>;
  const r = q.data!;
  const reportingNet = new Map((r.reporting?.rows ?? []).map((x) => [x.account, x.net]));
  const rows = [...r.rows].sort((a, b) => GROUP_ORDER.indexOf(accountGroup(a.account)) - GROUP_ORDER.indexOf(accountGroup(b.account)) || a.account.localeCompare(b.account) || a.currency.localeCompare(b.currency));
  const pool = r.rows.filter((x) => x.account === 'pool');
  const inKind = r.rows.filter((x) => accountGroup(x.account) === 'in_kind');
  const quantities = new Map<string, BalancesReport['quantities']>();
  for (const qn of r.quantities) quantities.set(qn.account, [...(quantities.get(qn.account) ?? []), qn]);
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('resources.ledger.balancesTitle')} intro={t('resources.ledger.balancesIntro')} />
        {rows.length === 0 ? (
          <EmptyState icon={IconBook2} title={t('resources.ledger.emptyTitle')} description={t('resources.ledger.emptyBody')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              {pool.map((b) => (
                <Paper key={b.currency} withBorder p="sm" radius="md">
                  <Text size="xs" c="gray.7" fw={600} tt="uppercase">
                    {t('resources.ledger.poolIn', { currency: b.currency })}
                  </Text>
                  <CompactMoney m={b.net} />
                </Paper>
              ))}
              {inKind.map((b) => (
                <Paper key={`${b.account}-${b.currency}`} withBorder p="sm" radius="md">
                  <Text size="xs" c="gray.7" fw={600} tt="uppercase">
                    {accountLabel(b.account, t, orgs)}
                  </Text>
                  <CompactMoney m={b.net} />
                  {(quantities.get(b.account) ?? []).map((qn) => (
                    <Text key={qn.unit} size="xs" c="gray.7">
                      {formatQuantity(qn.net, f.locale)} {qn.unit}
                    </Text>
                  ))}
                </Paper>
              ))}
            </SimpleGrid>
            <ScrollTable minWidth={720} label={t('resources.ledger.balancesTitle')}>
              <Table verticalSpacing="xs" fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('resources.ledger.account')}</Table.Th>
                    <Table.Th ta="right">{t('resources.ledger.debit')}</Table.Th>
                    <Table.Th ta="right">{t('resources.ledger.credit')}</Table.Th>
                    <Table.Th ta="right">{t('resources.ledger.net')}</Table.Th>
                    {r.reporting && <Table.Th ta="right">{t('resources.ledger.netIn', { currency: r.reporting.currency })}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((b) => (
                    <Table.Tr key={`${b.account}-${b.currency}`}>
                      <Table.Td>{accountLabel(b.account, t, orgs, lines)}</Table.Td>
                      <Table.Td ta="right">
                        <MoneyText m={b.debit} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <MoneyText m={b.credit} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <MoneyText m={b.net} fw={600} />
                      </Table.Td>
                      {r.reporting && (
                        <Table.Td ta="right">
                          <MoneyText m={reportingNet.get(b.account) ?? null} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {r.reporting && (r.reporting.ratesUsed.length > 0 || r.reporting.missing.length > 0) && (
              <Text size="xs" c="gray.7">
                {r.reporting.ratesUsed.length > 0 && t('resources.overview.ratesUsed', { rates: ratesUsedText(r.reporting.ratesUsed, f.locale, f.date) })}{' '}
                {r.reporting.missing.length > 0 && t('resources.overview.missingRates', { pairs: r.reporting.missing.map((m) => `${m.from}→${m.to}`).join(', ') })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Journal({ p, lines, actions }: { p: PartnershipDetail; lines: Map<string, string>; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const filters = { account: url.params.get('account'), type: url.params.get('type') };
  const filtered = Object.values(filters).some(Boolean);
  const list = useTransactions(p.id, filters);
  const items = list.data?.pages.flatMap((x) => x.items) ?? [];
  const orgs = orgNames(p);
  const manage = p.allowedActions.includes('partnership.ledger.manage');
  const accountOptions = [
    { value: 'pool', label: t('resources.account.pool') },
    { value: 'in_kind:', label: t('resources.account.in_kind') },
    { value: 'receivable:', label: t('resources.account.receivable') },
    { value: 'pledged:', label: t('resources.account.pledged') },
    { value: 'expense:', label: t('resources.account.expense') },
    { value: 'disbursement:', label: t('resources.account.disbursement') },
    { value: 'exchange', label: t('resources.account.exchange') },
    ...p.members.map((m) => ({ value: `receivable:${m.organisationId}:`, label: `${t('resources.account.receivable')} · ${m.organisationName}` })),
  ];
  const reverse = (tx: Transaction) =>
    manage && REVERSIBLE.has(tx.type) && !tx.reversedBy ? (
      <ActionDialog
        partnershipId={p.id}
        label={t('resources.ledger.reverse')}
        buttonProps={{ 'aria-label': t('resources.ledger.reverseN', { n: tx.number }) }}
        title={t('resources.ledger.reverseTitle', { n: tx.number })}
        message={t('resources.ledger.reverseBody', { description: tx.description })}
        confirmLabel={t('resources.ledger.reverse')}
        path={`/partnerships/${p.id}/ledger/transactions/${tx.id}/reverse`}
        withReason
        idempotent
        color="red"
        variant="subtle"
      />
    ) : null;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading
          title={t('resources.ledger.journalTitle')}
          intro={t('resources.ledger.journalIntro')}
          actions={
            <>
              {items.length > 0 && (
                <ExportButton
                  onExport={async () => {
                    const all = await fetchAll<Transaction>(`/partnerships/${p.id}/ledger/transactions`, filters);
                    downloadCsv(
                      'ledger.csv',
                      ['#', t('resources.ledger.date'), t('resources.ledger.type'), t('resources.ledger.transaction'), t('resources.ledger.account'), t('resources.ledger.accountCode'), t('resources.ledger.side'), t('resources.currency'), t('resources.ledger.amount'), t('resources.quantity'), t('resources.unit')],
                      all.flatMap((tx) =>
                        tx.entries.map((e) => [tx.number, tx.date, t(`resources.txType.${tx.type}`), tx.description, accountLabel(e.account, t, orgs, lines), e.account, t(`resources.ledger.${e.side}`), e.amount.currency, e.amount.amount, e.quantity?.value ?? '', e.quantity?.unit ?? '']),
                      ),
                    );
                  }}
                />
              )}
              {actions}
            </>
          }
        />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <AnySelect label={t('resources.ledger.account')} value={filters.account} onChange={(v) => url.set('account', v)} data={accountOptions} searchable />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <AnySelect label={t('resources.ledger.type')} value={filters.type} onChange={(v) => url.set('type', v)} data={TRANSACTION_TYPES.map((x) => ({ value: x, label: t(`resources.txType.${x}`) }))} />
          </Grid.Col>
          {filtered && (
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <ClearFiltersButton onClick={() => url.reset()} />
            </Grid.Col>
          )}
        </Grid>
        {list.isLoading ? (
          <PageLoader />
        ) : list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={IconBook2} title={filtered ? t('resources.ledger.noMatch') : t('resources.ledger.noTransactions')} description={filtered ? undefined : t('resources.ledger.noTransactionsBody')} />
        ) : (
          <>
            <TransactionTable txs={items} orgs={orgs} lines={lines} label={t('resources.ledger.journalTitle')} actions={manage ? reverse : undefined} commitmentLink={(id) => `/partnerships/${p.id}/resources/commitments/${id}`} />
            <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} shown={items.length} />
          </>
        )}
      </Stack>
    </Card>
  );
}

