import { Alert, Anchor, Badge, Box, Button, Card, Code, Grid, Group, List, SimpleGrid, Stack, Paper, Table, Text, ThemeIcon, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBuilding, IconFileCertificate, IconGavel, IconPencil, IconScale, IconUser, IconUserShare } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { amendmentTypeOf, decisionTypesOf, type ResolvedDecisionType } from '../../../src/domain/governance/decision-types';
import { ladderFor, stepName } from '../../../src/domain/governance/disputes';
import { useFormat } from '../../lib/format';
import type { CharterVersion, PartnershipDetail, PartnershipPerson } from '../../lib/types';
import { PageLoader } from '../../components/page';
import { useCharterVersions } from './api';
import { CardHeading, ScrollTable, SoftBadge } from '../../components/cards';
import { asCharter, bodiesOf, bodyName, groupNames, holderOf, memberClassName, personName, type Charter, type Seat } from './charter-model';
import { FindingsList } from './findings';
import { SeatHolderDialog } from './holder-select';
import { ruleFormatter } from './rule-text';
import { GroupsAndShares } from './shares';
import { VotingPowerCard } from './power';

/** "72 hours" -> "3 days". */
export function duration(hours: number, t: TFunction): string {
  return hours % 24 === 0 ? t('time.days', { count: hours / 24 }) : t('time.hours', { count: hours });
}

export function windowText(w: ResolvedDecisionType['window'], t: TFunction): string {
  const { minHours: min, maxHours: max } = w;
  const span =
    min !== null && max !== null
      ? t('charter.window.between', { min: duration(min, t), max: duration(max, t) })
      : min !== null
        ? t('charter.window.atLeast', { min: duration(min, t) })
        : max !== null
          ? t('charter.window.atMost', { max: duration(max, t) })
          : t('charter.window.noLimit');
  return w.closeEarly ? `${span}; ${t('charter.window.closeEarly')}` : span;
}

function HolderCell({ seat, p, people }: { seat: Seat; p: PartnershipDetail; people: readonly PartnershipPerson[] | undefined }) {
  const { t } = useTranslation();
  const h = holderOf(seat, p.members, people);
  if (h.kind === 'none')
    return (
      <Text size="sm" c="gray.7" fs="italic">
        {t('charter.vacant')}
      </Text>
    );
  const I = h.kind === 'organisation' ? IconBuilding : IconUser;
  const alt = personName(seat.alternate, people);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <I size={15} aria-label={h.kind === 'organisation' ? t('charter.anOrganisation') : t('charter.aPerson')} style={{ flex: 'none' }} />
        {h.kind === 'organisation' && h.name ? (
          <Anchor component={Link} to={`/organisations/${h.id}`} size="sm" fw={600}>
            {h.name}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {h.name ?? (h.kind === 'person' ? t('charter.unnamedPerson') : t('charter.unknownHolder'))}
          </Text>
        )}
      </Group>
      {seat.alternate && (
        <Text size="xs" c="gray.7">
          {t('charter.alternateIs', { name: alt ?? t('charter.unnamedPerson') })}
        </Text>
      )}
    </Stack>
  );
}

/** The bodies and their seats: who holds each one; conveners change the holders. */
function BodiesAndSeats({ p, charter, people, canManage }: { p: PartnershipDetail; charter: Charter; people: readonly PartnershipPerson[] | undefined; canManage: boolean }) {
  const { t } = useTranslation();
  const names = groupNames(charter);
  const [editing, setEditing] = useState<Seat | null>(null);
  const bodies = bodiesOf(charter);
  const vacant = (charter.seats ?? []).filter((s) => s.voting !== false && !s.organisation && !s.person).length;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('charter.bodiesTitle')} intro={t('charter.bodiesIntro')} />
        {vacant > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            <Text size="sm">{canManage ? t('charter.vacantSeatsManage', { count: vacant }) : t('charter.vacantSeats', { count: vacant })}</Text>
          </Alert>
        )}
        {bodies.map((b) => (
          <Stack key={b.id ?? 'all'} gap="xs">
            <Group gap="xs">
              <Title order={3} fz="md">
                {b.id ? b.name : t('charter.allSeats')}
              </Title>
              {b.kind && (
                <Badge variant="default" size="sm" styles={{ root: { textTransform: 'none' } }}>
                  {t(`bodyKind.${b.kind}`, { defaultValue: b.kind })}
                </Badge>
              )}
              <Text size="xs" c="gray.7">
                {t('charter.seatCount', { count: b.seats.length })}
              </Text>
            </Group>
            <Box component="ul" aria-label={b.id ? b.name : t('charter.allSeats')} style={{ listStyle: 'none', margin: 0, padding: 0, borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              {b.seats.map((s) => (
                <Box component="li" key={s.id} py={8} px={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                  <Grid gap={6} align="center">
                    <Grid.Col span={{ base: 12, sm: 5 }}>
                      <Text size="sm" fw={600}>
                        {s.name ?? s.id}
                      </Text>
                      <Group gap={4}>
                        {s.group && (
                          <Text size="xs" c="gray.7">
                            {names(s.group)}
                          </Text>
                        )}
                        {s.voting === false && (
                          <Badge size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
                            {t('charter.nonVoting')}
                          </Badge>
                        )}
                        {s.exOfficio && (
                          <Badge size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
                            {t('charter.exOfficio')}
                          </Badge>
                        )}
                        {s.weight && s.weight !== '1' && (
                          <Badge size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
                            {t('charter.weight', { weight: s.weight })}
                          </Badge>
                        )}
                      </Group>
                    </Grid.Col>
                    <Grid.Col span={{ base: canManage ? 7 : 12, sm: canManage ? 5 : 7 }}>
                      <VisuallyHidden>{t('charter.heldBy')}: </VisuallyHidden>
                      <HolderCell seat={s} p={p} people={people} />
                    </Grid.Col>
                    {canManage && (
                      <Grid.Col span={{ base: 5, sm: 2 }} ta="right">
                        <Button size="xs" variant="subtle" px={6} leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(s)} aria-label={t('charter.changeHolderNamed', { seat: s.name ?? s.id })}>
                          {t('charter.changeHolder')}
                        </Button>
                      </Grid.Col>
                    )}
                  </Grid>
                </Box>
              ))}
            </Box>
          </Stack>
        ))}
      </Stack>
      {editing && <SeatHolderDialog p={p} people={people} seat={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** Every counting rule, in plain language. */
export function RulesCard({ charter }: { charter: Charter }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fmt = useMemo(() => ruleFormatter(charter, t, f.locale), [charter, t, f.locale]);
  const rules = Object.entries(charter.rules ?? {});
  if (!rules.length) return null;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('charter.rulesTitle')} intro={t('charter.rulesIntro')} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {rules.map(([id, rule]) => {
            const text = fmt.rule(rule);
            return (
              <Card key={id} bg="gray.0" padding="md">
                <Stack gap={6}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size={26} radius="xl" aria-hidden>
                      <IconScale size={15} />
                    </ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Title order={3} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                        {rule.label ?? id}
                      </Title>
                      <Code fz="xs">{id}</Code>
                    </div>
                  </Group>
                  <Text size="sm">
                    <Text span fw={650} size="sm">
                      {t('charter.quorum')}
                    </Text>{' '}
                    {text.quorum}
                  </Text>
                  {text.stages.length === 1 && !text.stages[0].name ? (
                    <Text size="sm">
                      <Text span fw={650} size="sm">
                        {t('charter.passesWhen')}
                      </Text>{' '}
                      {text.stages[0].text}
                    </Text>
                  ) : (
                    <>
                      <Text size="sm" fw={650}>
                        {t('charter.stagesInOrder')}
                      </Text>
                      <List type="ordered" size="sm" spacing={4} withPadding>
                        {text.stages.map((s, i) => (
                          <List.Item key={i}>
                            <Text span size="sm" fw={600}>
                              {s.name}:
                            </Text>{' '}
                            {s.text}
                            {s.onFail && (
                              <Text size="xs" c="gray.7">
                                {s.onFail}
                              </Text>
                            )}
                          </List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** How each kind of decision is taken. */
function DecisionTypesCard({ charter }: { charter: Charter }) {
  const { t } = useTranslation();
  const f = useFormat();
  const types = Object.values(decisionTypesOf(charter));
  const amendment = amendmentTypeOf(charter);
  const list = (xs: string[]) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(xs);
  if (!types.length) return null;
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('charter.typesTitle')} intro={t('charter.typesIntro')} />
        <Stack gap="xs" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {types.map((dt) => (
            <Paper key={dt.id} component="li" withBorder p="sm" radius="md">
              <Text size="sm" fw={650}>
                {dt.label}
              </Text>
              {dt.id === amendment && <SoftBadge color="blue" label={t('charter.amendsCharter')} size="xs" />}
              <Box component="dl" m={0} mt={4} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 10, rowGap: 2 }}>
                {(
                  [
                    [t('charter.body'), dt.body ? bodyName(charter, dt.body) : t('charter.everySeat')],
                    [t('charter.rule'), charter.rules?.[dt.rule]?.label ?? dt.rule],
                    [t('charter.ballot'), `${t(`ballotKind.${dt.ballot}`)} · ${dt.anonymous ? t('charter.secret') : dt.resultsHidden ? t('charter.hiddenResults') : t('charter.openBallot')}`],
                    [t('charter.proposedBy'), list(dt.proposers.map((r) => t(`charter.proposer.${r}`)))],
                    [t('charter.seconders'), dt.seconders.count === 0 ? t('charter.noSecondersNeeded') : `${t('charter.secondersCount', { count: dt.seconders.count })}${dt.seconders.distinctGroups > 0 ? ` ${t('charter.distinctGroups', { count: dt.seconders.distinctGroups })}` : ''}`],
                    [t('charter.votingWindow'), windowText(dt.window, t)],
                  ] as const
                ).map(([k, v]) => (
                  <Fragment key={k}>
                    <Text component="dt" size="xs" c="gray.7" fw={600}>
                      {k}
                    </Text>
                    <Text component="dd" size="xs" m={0}>
                      {v}
                    </Text>
                  </Fragment>
                ))}
              </Box>
            </Paper>
          ))}
        </Stack>
        <Box visibleFrom="sm">
          <ScrollTable minWidth={760} label={t('charter.typesTitle')}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('charter.type')}</Table.Th>
                  <Table.Th>{t('charter.rule')}</Table.Th>
                  <Table.Th>{t('charter.ballot')}</Table.Th>
                  <Table.Th>{t('charter.proposedBy')}</Table.Th>
                  <Table.Th>{t('charter.votingWindow')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.map((dt) => (
                  <Table.Tr key={dt.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {dt.label}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {dt.body ? bodyName(charter, dt.body) : t('charter.everySeat')}
                      </Text>
                      {dt.id === amendment && <SoftBadge color="blue" label={t('charter.amendsCharter')} size="xs" />}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{charter.rules?.[dt.rule]?.label ?? dt.rule}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`ballotKind.${dt.ballot}`)}</Text>
                      <Text size="xs" c="gray.7">
                        {dt.anonymous ? t('charter.secret') : dt.resultsHidden ? t('charter.hiddenResults') : t('charter.openBallot')}
                        {!dt.recusal && ` · ${t('charter.noRecusal')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{list(dt.proposers.map((r) => t(`charter.proposer.${r}`)))}</Text>
                      <Text size="xs" c="gray.7">
                        {dt.seconders.count === 0 ? t('charter.noSecondersNeeded') : t('charter.secondersCount', { count: dt.seconders.count })}
                        {dt.seconders.distinctGroups > 0 && ` ${t('charter.distinctGroups', { count: dt.seconders.distinctGroups })}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{windowText(dt.window, t)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Box>
      </Stack>
    </Card>
  );
}

function ProxiesAndLadder({ charter }: { charter: Charter }) {
  const { t } = useTranslation();
  const proxies = charter.proxies;
  const ladder = ladderFor(charter);
  const own = !!charter.disputes?.ladder?.length;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card h="100%">
          <Stack gap="sm">
            <CardHeading title={t('charter.proxiesTitle')} />
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconUserShare size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
              <Text size="sm">{proxies?.allowed ? t('charter.proxiesAllowed') : t('charter.proxiesNotAllowed')}</Text>
            </Group>
            {proxies?.allowed && (
              <List size="sm" spacing={4}>
                <List.Item>{proxies.maxPerHolder !== undefined ? t('charter.maxPerHolder', { count: proxies.maxPerHolder }) : t('charter.noMaxPerHolder')}</List.Item>
                {(proxies.caps ?? []).map((c) => (
                  <List.Item key={c.memberClass}>{t('charter.proxyCap', { count: c.max, group: memberClassName(charter, c.memberClass) })}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card h="100%">
          <Stack gap="sm">
            <CardHeading title={t('charter.ladderTitle')} intro={own ? t('charter.ladderIntro') : t('charter.ladderDefault')} />
            <Timeline bulletSize={24} lineWidth={2} active={-1}>
              {ladder.map((s, i) => (
                <Timeline.Item
                  key={s.id}
                  bullet={
                    <Text size="xs" fw={700}>
                      {i + 1}
                    </Text>
                  }
                  title={
                    <Text size="sm" fw={600}>
                      {own ? stepName(s) : t(`disputes.steps.${s.id}`, { defaultValue: stepName(s) })}
                    </Text>
                  }
                >
                  <Text size="xs" c="gray.7">
                    {s.days ? t('charter.stepDays', { count: s.days }) : t('charter.stepNoLimit')}
                    {s.body && ` · ${t('charter.stepBody', { body: bodyName(charter, s.body) })}`}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function VersionsCard({ p, current, viewing }: { p: PartnershipDetail; current: number; viewing: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const versions = useCharterVersions(p.id);
  return (
    <Card>
      <Stack gap="md">
        <CardHeading title={t('charter.versionsTitle')} intro={t('charter.versionsIntro')} />
        {versions.isLoading ? (
          <PageLoader />
        ) : (
          <ScrollTable minWidth={640} label={t('charter.versionsTitle')}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('charter.version')}</Table.Th>
                  <Table.Th>{t('charter.adoptedOn')}</Table.Th>
                  <Table.Th>{t('charter.adoptedBy')}</Table.Th>
                  <Table.Th>{t('charter.how')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(versions.data?.items ?? []).map((v) => (
                  <Table.Tr key={v.version} aria-current={v.version === viewing ? 'true' : undefined} bg={v.version === viewing ? 'accord.0' : undefined}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {v.version === viewing ? (
                          <Text size="sm" fw={700}>
                            {t('charter.versionN', { version: v.version })}
                          </Text>
                        ) : (
                          <Anchor component={Link} to={v.version === current ? `/partnerships/${p.id}/charter` : `/partnerships/${p.id}/charter?version=${v.version}`} size="sm" fw={600}>
                            {t('charter.versionN', { version: v.version })}
                          </Anchor>
                        )}
                        {v.version === current && <SoftBadge color="teal" label={t('charter.inForce')} size="xs" />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {f.dateTime(v.adoptedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.adoptedBy?.name ?? t('common.system')}</Text>
                    </Table.Td>
                    <Table.Td>
                      {v.decisionId ? (
                        <Anchor component={Link} to={`/partnerships/${p.id}/decisions/${v.decisionId}`} size="sm">
                          {t('charter.byAmendment')}
                        </Anchor>
                      ) : (
                        <Text size="sm">{v.version === 1 ? (v.templateId ? t('charter.firstFromTemplate', { template: t(`templates.${v.templateId}.name`, { defaultValue: v.templateId }) }) : t('charter.first')) : t('charter.adminChange')}</Text>
                      )}
                      {v.note && (
                        <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                          {t('common.quoted', { text: v.note })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}

/** The charter as people read it: who sits where, how votes are weighed, how each decision is taken. */
export function CharterView({ p, version, current, people }: { p: PartnershipDetail; version: CharterVersion; current: number; people: readonly PartnershipPerson[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const charter = asCharter(version.charter);
  const old = version.version !== current;
  const canManage = !old && version.allowedActions.includes('partnership.charter.manage');
  const canPropose = !old && version.allowedActions.includes('partnership.decisions.propose');
  const amendment = amendmentTypeOf(charter);
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
              <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
                <IconFileCertificate size={22} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
                  {charter.name ?? t('charter.title')}
                </Title>
                <Text size="sm" c="gray.7">
                  {t('charter.versionLine', { version: version.version, date: f.dateTime(version.adoptedAt), who: version.adoptedBy?.name ?? t('common.system') })}
                </Text>
              </div>
            </Group>
            {canPropose && amendment && (
              <Button component={Link} to={`/partnerships/${p.id}/decisions/new?type=${encodeURIComponent(amendment)}`} variant="light" leftSection={<IconGavel size={16} aria-hidden />}>
                {t('charter.proposeAmendment')}
              </Button>
            )}
          </Group>
          {old && (
            <Alert color="blue" variant="light" title={t('charter.oldVersionTitle', { version: version.version })}>
              <Text size="sm">
                {t('charter.oldVersionBody', { current })}{' '}
                <Anchor component={Link} to={`/partnerships/${p.id}/charter`} size="sm" underline="always">
                  {t('charter.readCurrent')}
                </Anchor>
              </Text>
            </Alert>
          )}
          <Text size="sm" c="gray.8">
            {t('charter.changesHow')}
          </Text>
          {version.findings.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('charter.warningsTitle', { count: version.findings.length })}>
              <FindingsList findings={version.findings} />
            </Alert>
          )}
        </Stack>
      </Card>
      <BodiesAndSeats p={p} charter={charter} people={people} canManage={canManage} />
      <GroupsAndShares charter={charter} />
      <RulesCard charter={charter} />
      <DecisionTypesCard charter={charter} />
      <VotingPowerCard source={{ partnershipId: p.id, version: version.version }} charter={charter} />
      <ProxiesAndLadder charter={charter} />
      <VersionsCard p={p} current={current} viewing={version.version} />
    </Stack>
  );
}
