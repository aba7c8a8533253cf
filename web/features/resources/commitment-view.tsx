import { Anchor, Box, Card, Grid, Group, List, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconFileText } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CardHeading, ScrollTable } from '../../components/cards';
import { EmptyState } from '../../components/page';
import { useFormat } from '../../lib/format';
import type { PartnershipDetail } from '../../lib/types';
import { useAdoptedDecisions, type CommitmentDetail, type Delivery } from './api';
import { orgNames, todayIso, useActing } from './acting';
import { ActionDialog, AmendCommitment, RecordDelivery } from './actions';
import { CommitmentStatusBadge, DeliveryProgress, DeliveryStatusBadge, KindBadge, MoneyText, TrancheState } from './badges';
import { formatMoney, formatQuantity, toNumber } from '../../lib/money';
import { ResourcesTabs } from './tabs';
import { TransactionTable } from './transactions';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={600} tt="uppercase">
        {label}
      </Text>
      <Box fz="sm">{children}</Box>
    </div>
  );
}

/** One commitment: its terms, progress, schedule, deliveries, amendments, history and ledger transactions. */
export function CommitmentView({ p, c }: { p: PartnershipDetail; c: CommitmentDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const acting = useActing(p);
  const names = orgNames(p);
  const decisions = useAdoptedDecisions(p.id, !!c.decisionId && p.allowedActions.includes('partnership.decisions.read'));
  const decision = decisions.data?.find((d) => d.id === c.decisionId);
  const partner = names.get(c.organisationId) ?? c.organisationId;
  const base = `/partnerships/${p.id}/resources`;
  const today = todayIso();
  const can = (a: string) => c.allowedActions.includes(a);
  const path = `/partnerships/${p.id}/commitments/${c.id}`;
  const pendingShare = toNumber(c.valuation) > 0 ? (toNumber(c.progress.pending) / toNumber(c.valuation)) * 100 : 0;
  const money = (m: { minor: string; currency: string }) => formatMoney(m, f.locale);
  const qty = (q: { value: string; unit: string } | null) => (q ? `${formatQuantity(q.value, f.locale)} ${q.unit}` : null);

  return (
    <Stack gap="lg">
      <ResourcesTabs p={p} />
      <Card>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <div style={{ flex: '1 1 320px', minWidth: 0 }}>
              <Text size="sm" c="gray.7">
                {t('resources.detail.numberBy', { number: c.number, partner })}
              </Text>
              <Title order={2} fz="xl" style={{ overflowWrap: 'anywhere' }}>
                {c.description}
              </Title>
              <Group gap={6} mt={6}>
                <CommitmentStatusBadge status={c.status} size="md" />
                <KindBadge kind={c.kind} size="md" />
              </Group>
            </div>
            <Group gap="xs">
              {can('record_delivery') && <RecordDelivery c={c} partnershipId={p.id} />}
              {can('confirm') && (
                <ActionDialog
                  partnershipId={p.id}
                  label={t('resources.actions.confirm')}
                  title={t('resources.actions.confirmTitle', { number: c.number })}
                  message={t('resources.actions.confirmBody', { partner, value: money(c.valuation) })}
                  confirmLabel={t('resources.actions.confirm')}
                  path={`${path}/confirm`}
                  variant="filled"
                />
              )}
              {can('amend') && <AmendCommitment c={c} partnershipId={p.id} />}
              {can('withdraw') && (
                <ActionDialog
                  partnershipId={p.id}
                  label={t('resources.actions.withdraw')}
                  title={t('resources.actions.withdrawTitle', { number: c.number })}
                  message={t('resources.actions.endBody', { outstanding: money(c.progress.outstanding) })}
                  confirmLabel={t('resources.actions.withdraw')}
                  path={`${path}/withdraw`}
                  withReason
                  color="red"
                  variant="subtle"
                />
              )}
              {can('cancel') && (
                <ActionDialog
                  partnershipId={p.id}
                  label={t('resources.actions.cancel')}
                  title={t('resources.actions.cancelTitle', { number: c.number })}
                  message={t('resources.actions.endBody', { outstanding: money(c.progress.outstanding) })}
                  confirmLabel={t('resources.actions.cancel')}
                  path={`${path}/cancel`}
                  withReason
                  color="red"
                  variant="subtle"
                />
              )}
            </Group>
          </Group>

          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {(['delivered', 'pending', 'outstanding', 'remaining'] as const).map((k) => (
              <Paper key={k} withBorder p="sm" radius="md">
                <Text size="xs" c="gray.7" fw={600} tt="uppercase">
                  {t(`resources.detail.${k}`)}
                </Text>
                <MoneyText m={c.progress[k]} fw={700} size="md" />
                {k === 'delivered' && c.progress.quantity && (
                  <Text size="xs" c="gray.7">
                    {formatQuantity(c.progress.quantity.delivered, f.locale)} / {formatQuantity(c.progress.quantity.total, f.locale)} {c.progress.quantity.unit}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
          <DeliveryProgress percent={c.progress.ratio?.percent} pendingPercent={pendingShare} label={t('resources.progressAria', { percent: c.progress.ratio?.percent ?? '0' })} />

          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Fact label={t('resources.valuation')}>
              <MoneyText m={c.valuation} fw={600} />
              {c.quantity && <Text size="sm">{qty(c.quantity)}</Text>}
            </Fact>
            <Fact label={t('resources.valuationBasis')}>{c.valuationBasis || '—'}</Fact>
            <Fact label={t('resources.pledgedOn')}>{f.date(c.pledgedOn)}</Fact>
            <Fact label={t('resources.recipient')}>{c.recipientOrganisationId ? (names.get(c.recipientOrganisationId) ?? '—') : t('resources.detail.thePartnership')}</Fact>
            <Fact label={t('resources.decision')}>
              {c.decisionId ? (
                <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${c.decisionId}`} size="sm">
                  {decision ? `#${decision.number} ${decision.title}` : t('resources.detail.openDecision')}
                </Anchor>
              ) : (
                '—'
              )}
            </Fact>
            <Fact label={t('resources.goals')}>
              {c.goalIds.length ? c.goalIds.map((g) => p.goals.find((x) => x.id === g)?.title ?? g).join(' · ') : '—'}
            </Fact>
          </SimpleGrid>
          {c.conditions.length > 0 && (
            <Fact label={t('resources.conditions')}>
              <List size="sm" spacing={2}>
                {c.conditions.map((x, i) => (
                  <List.Item key={i}>{x}</List.Item>
                ))}
              </List>
            </Fact>
          )}
        </Stack>
      </Card>

      <Card>
        <Stack gap="sm">
          <CardHeading title={t('resources.detail.tranches')} intro={t('resources.detail.tranchesIntro')} />
          <ScrollTable minWidth={560} label={t('resources.detail.tranches')}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('resources.detail.due')}</Table.Th>
                  <Table.Th ta="right">{t('resources.detail.trancheValue')}</Table.Th>
                  <Table.Th ta="right">{t('resources.detail.covered')}</Table.Th>
                  <Table.Th>{t('resources.detail.onTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.trancheProgress.map((tr) => (
                  <Table.Tr key={tr.index}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(tr.dueOn)}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText m={tr.value} />
                      {c.tranches[tr.index]?.quantity && (
                        <Text size="xs" c="gray.7">
                          {qty(c.tranches[tr.index].quantity)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <MoneyText m={tr.covered} />
                    </Table.Td>
                    <Table.Td>
                      <Box w="max-content">
                        <TrancheState dueOn={tr.dueOn} deliveredOn={tr.deliveredOn} onTime={tr.onTime} today={today} />
                      </Box>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Card>

      <Card>
        <Stack gap="sm">
          <CardHeading title={t('resources.detail.deliveries')} intro={t('resources.detail.deliveriesIntro')} actions={can('record_delivery') ? <RecordDelivery c={c} partnershipId={p.id} /> : undefined} />
          {c.deliveries.length === 0 ? (
            <EmptyState title={t('resources.detail.noDeliveries')} description={can('record_delivery') ? t('resources.detail.noDeliveriesRecord') : t('resources.detail.noDeliveriesBody')} />
          ) : (
            <DeliveryTable p={p} c={c} deliveries={c.deliveries} acting={acting} />
          )}
        </Stack>
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card h="100%">
            <Stack gap="sm">
              <CardHeading title={t('resources.detail.history')} order={2} />
              <Timeline bulletSize={14} lineWidth={2} active={c.history.length}>
                {c.history.map((h, i) => (
                  <Timeline.Item key={i} title={<Text size="sm" fw={600}>{t(`resources.status.${h.to}`, { defaultValue: h.to })}</Text>}>
                    <Text size="xs" c="gray.7">
                      {f.date(h.on)}
                      {acting.personName(h.by) ? ` · ${acting.personName(h.by)}` : h.by ? '' : ` · ${t('resources.detail.byDeliveries')}`}
                    </Text>
                    {h.reason && (
                      <Text size="sm">{t('common.quoted', { text: h.reason })}</Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card h="100%">
            <Stack gap="sm">
              <CardHeading title={t('resources.detail.amendments')} order={2} />
              {c.amendments.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('resources.detail.noAmendments')}
                </Text>
              ) : (
                c.amendments.map((a, i) => {
                  const before = a.before as { valuation?: { minor: string; currency: string } } | null;
                  const after = a.after as { valuation?: { minor: string; currency: string } } | null;
                  return (
                    <Paper key={i} withBorder p="sm" radius="md">
                      <Text size="xs" c="gray.7">
                        {f.date(a.on)}
                        {acting.personName(a.by) ? ` · ${acting.personName(a.by)}` : ''}
                      </Text>
                      {before?.valuation && after?.valuation && (
                        <Text size="sm" fw={600}>
                          {t('resources.detail.valuationChange', { before: money(before.valuation), after: money(after.valuation) })}
                        </Text>
                      )}
                      <Text size="sm">{t('common.quoted', { text: a.reason })}</Text>
                    </Paper>
                  );
                })
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>

      <Card>
        <Stack gap="sm">
          <CardHeading title={t('resources.detail.transactions')} intro={t('resources.detail.transactionsIntro')} />
          {c.transactions.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('resources.detail.noTransactions')}
            </Text>
          ) : (
            <TransactionTable txs={c.transactions} orgs={names} label={t('resources.detail.transactions')} />
          )}
          <Anchor component={Link} to={`${base}/ledger`} size="sm">
            {t('resources.detail.toLedger')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

/** The deliveries of a commitment with their evidence and, for those allowed, confirm, reject or reverse. */
function DeliveryTable({ p, c, deliveries, acting }: { p: PartnershipDetail; c: CommitmentDetail; deliveries: Delivery[]; acting: ReturnType<typeof useActing> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const base = `/partnerships/${p.id}/deliveries`;
  return (
    <ScrollTable minWidth={760} label={t('resources.detail.deliveries')}>
      <Table verticalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('resources.delivery.on')}</Table.Th>
            <Table.Th ta="right">{t('resources.detail.deliveryValue')}</Table.Th>
            <Table.Th>{t('resources.delivery.evidence')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => {
            const who = acting.personName(d.recordedBy);
            const canDecide = d.status === 'recorded' && acting.canConfirmDelivery(c.recipientOrganisationId, d.organisationId);
            const canReverse = d.status === 'confirmed' && acting.convener;
            const value = formatMoney(d.value, f.locale);
            return (
              <Table.Tr key={d.id}>
                <Table.Td>{d.number}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {f.date(d.on)}
                  {who && (
                    <Text size="xs" c="gray.7">
                      {t('resources.detail.recordedBy', { name: who })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyText m={d.value} fw={600} />
                  {d.quantity && (
                    <Text size="xs" c="gray.7">
                      {formatQuantity(d.quantity.value, f.locale)} {d.quantity.unit}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  <Stack gap={2}>
                    {d.evidence.map((e, i) =>
                      /^https?:\/\//.test(e) ? (
                        <Anchor key={i} href={e} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                          <Group gap={4} wrap="nowrap" component="span">
                            <IconExternalLink size={14} aria-hidden />
                            {t('resources.detail.evidenceN', { n: i + 1 })}
                            <VisuallyHidden>{t('common.opensInNewTab')}</VisuallyHidden>
                          </Group>
                        </Anchor>
                      ) : (
                        <Group key={i} gap={4} wrap="nowrap">
                          <IconFileText size={14} aria-hidden />
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {e}
                          </Text>
                        </Group>
                      ),
                    )}
                    {d.note && (
                      <Text size="xs" c="gray.7">
                        {d.note}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Box w="max-content">
                    <DeliveryStatusBadge status={d.status} />
                  </Box>
                  {d.reason && (
                    <Text size="xs" c="gray.7" maw={220}>
                      {t('common.quoted', { text: d.reason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {canDecide && (
                      <>
                        <ActionDialog
                          partnershipId={p.id}
                          label={t('resources.delivery.confirm')}
                          buttonProps={{ 'aria-label': t('resources.delivery.confirmN', { n: d.number }) }}
                          title={t('resources.delivery.confirmTitle', { n: d.number })}
                          message={t('resources.delivery.confirmBody', { value })}
                          confirmLabel={t('resources.delivery.confirm')}
                          path={`${base}/${d.id}/confirm`}
                          idempotent
                        />
                        <ActionDialog
                          partnershipId={p.id}
                          label={t('resources.delivery.reject')}
                          buttonProps={{ 'aria-label': t('resources.delivery.rejectN', { n: d.number }) }}
                          title={t('resources.delivery.rejectTitle', { n: d.number })}
                          message={t('resources.delivery.rejectBody', { value })}
                          confirmLabel={t('resources.delivery.reject')}
                          path={`${base}/${d.id}/reject`}
                          withReason
                          color="red"
                          variant="subtle"
                        />
                      </>
                    )}
                    {canReverse && (
                      <ActionDialog
                        partnershipId={p.id}
                        label={t('resources.delivery.reverse')}
                        buttonProps={{ 'aria-label': t('resources.delivery.reverseN', { n: d.number }) }}
                        title={t('resources.delivery.reverseTitle', { n: d.number })}
                        message={t('resources.delivery.reverseBody', { value })}
                        confirmLabel={t('resources.delivery.reverse')}
                        path={`${base}/${d.id}/reverse`}
                        withReason
                        idempotent
                        color="red"
                        variant="subtle"
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
