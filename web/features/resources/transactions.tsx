import { Anchor, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/cards';
import { useFormat } from '../../lib/format';
import type { Transaction } from './api';
import { accountLabel } from './accounts';
import { MoneyText } from './badges';
import { formatQuantity } from '../../lib/money';

/**
 * Ledger transactions with their entries (debit and credit columns), each reversal named;
 * `actions` renders a row's actions (reverse), `commitmentLink` links a transaction to its commitment.
 */
export function TransactionTable({
  txs,
  orgs,
  lines,
  label,
  actions,
  commitmentLink,
}: {
  txs: Transaction[];
  orgs: Map<string, string>;
  lines?: Map<string, string>;
  label: string;
  actions?: (tx: Transaction) => ReactNode;
  commitmentLink?: (commitmentId: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const byId = new Map(txs.map((x) => [x.id, x]));
  return (
    <ScrollTable minWidth={760} label={label}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('resources.ledger.date')}</Table.Th>
            <Table.Th>{t('resources.ledger.transaction')}</Table.Th>
            <Table.Th>{t('resources.ledger.account')}</Table.Th>
            <Table.Th ta="right">{t('resources.ledger.debit')}</Table.Th>
            <Table.Th ta="right">{t('resources.ledger.credit')}</Table.Th>
            {actions && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        {txs.map((tx) => (
          <Table.Tbody key={tx.id} style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}>
            {tx.entries.map((e, i) => (
              <Table.Tr key={i}>
                {i === 0 && (
                  <>
                    <Table.Td rowSpan={tx.entries.length} style={{ verticalAlign: 'top' }}>
                      <Text size="sm" c="gray.7">
                        {tx.number}
                      </Text>
                    </Table.Td>
                    <Table.Td rowSpan={tx.entries.length} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                      {f.date(tx.date)}
                    </Table.Td>
                    <Table.Td rowSpan={tx.entries.length} style={{ verticalAlign: 'top' }} maw={280}>
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>
                            {t(`resources.txType.${tx.type}`)}
                          </Badge>
                          {tx.reversedBy && (
                            <Group gap={2} c="#a51d1d">
                              <IconArrowBackUp size={14} aria-hidden />
                              <Text size="xs" fw={600} c="#a51d1d">
                                {t('resources.ledger.reversedBy', { number: byId.get(tx.reversedBy)?.number ?? '' })}
                              </Text>
                            </Group>
                          )}
                        </Group>
                        <Text size="sm">{tx.description}</Text>
                        {tx.refs.counterparty && (
                          <Text size="xs" c="gray.7">
                            {t('resources.ledger.counterparty', { name: tx.refs.counterparty })}
                          </Text>
                        )}
                        {tx.refs.reverses && (
                          <Text size="xs" c="gray.7">
                            {t('resources.ledger.reverses', { number: byId.get(tx.refs.reverses)?.number ?? '' })}
                          </Text>
                        )}
                        {tx.refs.commitmentId && commitmentLink && (
                          <Anchor component={Link} to={commitmentLink(tx.refs.commitmentId)} size="xs">
                            {t('resources.ledger.openCommitment')}
                          </Anchor>
                        )}
                      </Stack>
                    </Table.Td>
                  </>
                )}
                <Table.Td style={{ paddingLeft: e.side === 'credit' ? 24 : undefined }}>
                  <Text size="sm">{accountLabel(e.account, t, orgs, lines)}</Text>
                  {e.quantity && (
                    <Text size="xs" c="gray.7">
                      {formatQuantity(e.quantity.value, f.locale)} {e.quantity.unit}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{e.side === 'debit' ? <MoneyText m={e.amount} /> : null}</Table.Td>
                <Table.Td ta="right">{e.side === 'credit' ? <MoneyText m={e.amount} /> : null}</Table.Td>
                {actions && i === 0 && (
                  <Table.Td rowSpan={tx.entries.length} style={{ verticalAlign: 'top' }}>
                    <Box>{actions(tx)}</Box>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </ScrollTable>
  );
}
