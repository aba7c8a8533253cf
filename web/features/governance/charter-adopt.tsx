import { Badge, Button, Card, Group, Radio, SimpleGrid, Stack, Stepper, Table, Text, Textarea, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconCode, IconFileCertificate, IconTemplate } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODEL_META } from '../../components/badges';
import { PageError, PageLoader, ProblemAlert } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import type { CharterVersion, PartnershipDetail, PartnershipPerson } from '../../lib/types';
import { decisionTypesOf } from '../../../src/domain/governance/decision-types';
import type { PartnershipModel } from '../../../src/domain/partnerships/partnership';
import { useTemplates } from './api';
import { CardHeading, ScrollTable, SoftBadge } from '../../components/cards';
import { CharterJsonEditor, parseCharterText, useCharterCheck } from './charter-editor';
import { asCharter, groupNames, withHolders } from './charter-model';
import { FindingsAlert } from './findings';
import { HolderFields, holderValue, NONE, parseHolder } from './holder-select';

const CUSTOM = 'custom';

/** A small valid charter to start from: two seats, a majority rule and an amendment rule. */
function blankCharter(name: string) {
  return {
    name,
    seats: [
      { id: 'seat-1', name: 'First member' },
      { id: 'seat-2', name: 'Second member' },
      { id: 'seat-3', name: 'Third member' },
    ],
    rules: {
      ordinary: { label: 'majority of votes cast', pass: { kind: 'threshold', require: { kind: 'majority' }, base: 'votes_cast' } },
      amendment: { label: 'two-thirds of votes cast', pass: { kind: 'threshold', require: { kind: 'two_thirds' }, base: 'votes_cast' } },
    },
  };
}

type Holders = Record<string, { holder: string; alternate: string }>;

/**
 * Adopting the partnership's first charter (conveners): pick a template or paste one, edit it with the check's
 * findings as you type, name who holds each seat, adopt.
 */
export function AdoptCharter({ p, people }: { p: PartnershipDetail; people: readonly PartnershipPerson[] | undefined }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const templates = useTemplates();
  const [step, setStep] = useState(0);
  const [source, setSource] = useState<string>('');
  const [text, setText] = useState('');
  const [holders, setHolders] = useState<Holders>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const parsed = useMemo(() => parseCharterText(text), [text]);
  const charter = useMemo(() => asCharter(parsed.doc), [parsed.doc]);
  const seats = Array.isArray(charter.seats) ? charter.seats : [];
  const merged = useMemo(() => {
    if (!parsed.doc) return null;
    const h = Object.fromEntries(Object.entries(holders).map(([id, v]) => [id, { ...parseHolder(v.holder), alternate: v.alternate || null }]));
    return withHolders(charter, h) as unknown as Record<string, unknown>;
  }, [parsed.doc, charter, holders]);
  const reviewCheck = useCharterCheck(step === 3 ? merged : null);

  const sorted = useMemo(() => {
    const items = templates.data?.items ?? [];
    return [...items].sort((a, b) => Number(b.models.includes(p.model)) - Number(a.models.includes(p.model)));
  }, [templates.data, p.model]);

  const choose = (id: string) => {
    setSource(id);
    const tpl = templates.data?.items.find((x) => x.id === id);
    setText(JSON.stringify(tpl ? tpl.charter : blankCharter(t('charter.blankName', { name: p.name })), null, 2));
    setHolders({});
  };

  /** Seat holders start from the document when it names current members or people, else vacant. */
  const enterHolders = () => {
    const known = new Set([...p.members.filter((m) => !m.leftOn).map((m) => `org:${m.organisationId}`), ...(people ?? []).map((x) => `person:${x.userId}`)]);
    const next: Holders = {};
    for (const s of seats) {
      const mine = holders[s.id];
      const fromDoc = holderValue(s);
      next[s.id] = mine ?? { holder: known.has(fromDoc) ? fromDoc : NONE, alternate: s.alternate && (people ?? []).some((x) => x.userId === s.alternate) ? s.alternate : '' };
    }
    setHolders(next);
    setStep(2);
  };

  const adopt = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { charter: merged, note: note.trim() || undefined, ...(source && source !== CUSTOM ? { templateId: source } : {}) };
      const v = await api.put<CharterVersion>(`/partnerships/${p.id}/charter`, body);
      qc.setQueryData(['partnership', p.id, 'charter', 'current'], v);
      await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'charter'] });
      notifications.show({ color: 'teal', message: t('charter.adopted') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (templates.isLoading) return <PageLoader />;
  if (templates.error) return <PageError error={templates.error} onRetry={() => void templates.refetch()} />;

  const ModelIcon = MODEL_META[p.model as PartnershipModel].icon;
  const filled = Object.values(holders).filter((h) => h.holder !== NONE).length;
  const votingSeats = seats.filter((s) => s.voting !== false).length;
  const names = groupNames(charter);
  const unplaced = error instanceof ApiError ? error.fieldErrors() : {};

  return (
    <Card>
      <Stack gap="lg">
        <CardHeading title={t('charter.adoptTitle')} intro={t('charter.adoptIntro')} />
        <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm" wrap>
          <Stepper.Step label={t('charter.stepStart')} />
          <Stepper.Step label={t('charter.stepEdit')} />
          <Stepper.Step label={t('charter.stepHolders')} />
          <Stepper.Step label={t('charter.stepAdopt')} />
        </Stepper>

        {step === 0 && (
          <Radio.Group value={source} onChange={choose} label={t('charter.startFrom')} description={t('charter.startFromHint')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
              {sorted.map((tpl) => (
                <Radio.Card key={tpl.id} value={tpl.id} p="md" radius="md" className="accord-model-card" style={{ display: 'flex', alignItems: 'flex-start' }}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={4} />
                    <ThemeIcon variant="light" size={34} radius="md" aria-hidden>
                      <IconTemplate size={18} />
                    </ThemeIcon>
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Text fw={650} size="sm">
                        {t(`templates.${tpl.id}.name`, { defaultValue: tpl.name })}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {t(`templates.${tpl.id}.summary`, { defaultValue: tpl.summary })}
                      </Text>
                      <Group gap={4}>
                        {tpl.models.map((m) => (
                          <Badge key={m} size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
                            {t(`model.${m}.short`)}
                          </Badge>
                        ))}
                        {tpl.models.includes(p.model) && (
                          <SoftBadge color="teal" icon={ModelIcon} label={t('charter.suitsModel')} size="xs" />
                        )}
                      </Group>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
              <Radio.Card value={CUSTOM} p="md" radius="md" className="accord-model-card" style={{ display: 'flex', alignItems: 'flex-start' }}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={4} />
                  <ThemeIcon variant="light" color="gray" size={34} radius="md" aria-hidden>
                    <IconCode size={18} />
                  </ThemeIcon>
                  <Stack gap={4}>
                    <Text fw={650} size="sm">
                      {t('charter.customTitle')}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t('charter.customBody')}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            </SimpleGrid>
          </Radio.Group>
        )}

        {step === 1 && (
          <CharterJsonEditor value={text} onChange={setText} label={t('charter.editorLabel')} description={t('charter.editorHint')} />
        )}

        {step === 2 && (
          <Stack gap="sm">
            <Text size="sm">{t('charter.holdersIntro')}</Text>
            {seats.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('charter.noSeats')}
              </Text>
            ) : (
              <ScrollTable minWidth={640} label={t('charter.stepHolders')}>
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('charter.seat')}</Table.Th>
                      <Table.Th>{t('charter.heldBy')} · {t('charter.alternate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {seats.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td maw={260}>
                          <Text size="sm" fw={600}>
                            {s.name ?? s.id}
                          </Text>
                          <Text size="xs" c="gray.7">
                            {[s.group ? names(s.group) : null, s.voting === false ? t('charter.nonVoting') : null].filter(Boolean).join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <HolderFields
                            compact
                            p={p}
                            people={people}
                            seat={s}
                            holder={holders[s.id]?.holder ?? NONE}
                            alternate={holders[s.id]?.alternate ?? ''}
                            onHolder={(v) => setHolders((h) => ({ ...h, [s.id]: { holder: v, alternate: v.startsWith('org:') ? (h[s.id]?.alternate ?? '') : '' } }))}
                            onAlternate={(v) => setHolders((h) => ({ ...h, [s.id]: { holder: h[s.id]?.holder ?? NONE, alternate: v } }))}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Stack>
        )}

        {step === 3 && (
          <Stack gap="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
                <IconFileCertificate size={20} />
              </ThemeIcon>
              <div>
                <Text fw={650}>{charter.name ?? t('charter.title')}</Text>
                <Text size="sm" c="gray.7">
                  {t('charter.reviewLine', {
                    seats: t('charter.seatCount', { count: seats.length }),
                    held: t('charter.heldCount', { count: filled, total: votingSeats }),
                    types: t('charter.typeCount', { count: Object.keys(decisionTypesOf(charter)).length }),
                  })}
                </Text>
              </div>
            </Group>
            {reviewCheck.result && <FindingsAlert findings={reviewCheck.result.findings} checking={reviewCheck.checking} />}
            <Textarea label={t('charter.note')} description={t('charter.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            <ProblemAlert error={error} unplaced={unplaced} title={t('charter.notAdopted')} />
          </Stack>
        )}

        <Group justify="space-between">
          {step > 0 ? (
            <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => setStep(step - 1)}>
              {t('common.back')}
            </Button>
          ) : (
            <span />
          )}
          {step === 0 && (
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={!source} onClick={() => setStep(1)}>
              {t('common.next')}
            </Button>
          )}
          {step === 1 && (
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={!parsed.doc} onClick={enterHolders}>
              {t('common.next')}
            </Button>
          )}
          {step === 2 && (
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => setStep(3)}>
              {t('common.next')}
            </Button>
          )}
          {step === 3 && (
            <Button onClick={() => void adopt()} loading={busy} disabled={!!reviewCheck.result && !reviewCheck.result.ok} leftSection={<IconFileCertificate size={16} aria-hidden />}>
              {t('charter.adopt')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
