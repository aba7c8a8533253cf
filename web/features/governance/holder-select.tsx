import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { CharterVersion, PartnershipDetail, PartnershipPerson } from '../../lib/types';
import { ProblemAlert } from '../../components/page';
import type { Seat } from './charter-model';

/** A holder as one select value: "org:<organisation id>", "person:<user id>" or "none" (vacant). */
export const NONE = 'none';
export const holderValue = (seat: Pick<Seat, 'organisation' | 'person'>): string => (seat.organisation ? `org:${seat.organisation}` : seat.person ? `person:${seat.person}` : NONE);
export const parseHolder = (v: string | null): { organisation: string | null; person: string | null } =>
  v?.startsWith('org:') ? { organisation: v.slice(4), person: null } : v?.startsWith('person:') ? { organisation: null, person: v.slice(7) } : { organisation: null, person: null };

/** The current member organisations and the people of the partnership, as grouped options. */
export function useHolderOptions(p: PartnershipDetail, people: readonly PartnershipPerson[] | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    const orgs = p.members.filter((m) => !m.leftOn).map((m) => ({ value: `org:${m.organisationId}`, label: m.organisationName }));
    const persons = (people ?? []).map((x) => ({ value: `person:${x.userId}`, label: x.organisationName ? `${x.name} (${x.organisationName})` : x.name }));
    return {
      holders: [
        { value: NONE, label: t('charter.vacant') },
        ...(orgs.length ? [{ group: t('charter.holderOrganisations'), items: orgs }] : []),
        ...(persons.length ? [{ group: t('charter.holderPeople'), items: persons }] : []),
      ],
      alternates: [{ value: NONE, label: t('charter.noAlternate') }, ...(people ?? []).map((x) => ({ value: x.userId, label: x.name }))],
    };
  }, [p.members, people, t]);
}

/** Who holds one seat: a member organisation or a person; an organisation's seat may name an alternate. */
export function HolderFields({
  p,
  people,
  seat,
  holder,
  alternate,
  onHolder,
  onAlternate,
  compact = false,
}: {
  p: PartnershipDetail;
  people: readonly PartnershipPerson[] | undefined;
  seat: Seat;
  holder: string;
  alternate: string;
  onHolder: (v: string) => void;
  onAlternate: (v: string) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const options = useHolderOptions(p, people);
  const name = seat.name ?? seat.id;
  return (
    <Group gap="sm" grow={!compact} align="flex-start" wrap="wrap">
      <Select
        label={compact ? undefined : t('charter.heldBy')}
        aria-label={compact ? t('charter.heldByNamed', { seat: name }) : undefined}
        data={options.holders}
        value={holder}
        onChange={(v) => onHolder(v === null ? NONE : String(v))}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        miw={200}
        style={{ flex: '1 1 200px' }}
      />
      <Select
        label={compact ? undefined : t('charter.alternate')}
        aria-label={compact ? t('charter.alternateNamed', { seat: name }) : undefined}
        description={compact ? undefined : t('charter.alternateHint')}
        data={options.alternates}
        value={holder.startsWith('org:') && alternate ? alternate : NONE}
        onChange={(v) => onAlternate(v && v !== NONE ? String(v) : '')}
        disabled={!holder.startsWith('org:')}
        allowDeselect={false}
        searchable
        comboboxProps={{ withinPortal: true }}
        miw={180}
        style={{ flex: '1 1 180px' }}
      />
    </Group>
  );
}

/** Names who holds a seat of the charter in force (conveners): a new version with the same rules. */
export function SeatHolderDialog({ p, people, seat, onClose }: { p: PartnershipDetail; people: readonly PartnershipPerson[] | undefined; seat: Seat; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [holder, setHolder] = useState(holderValue(seat));
  const [alternate, setAlternate] = useState(seat.alternate ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const h = parseHolder(holder);
      await api.patch<CharterVersion>(`/partnerships/${p.id}/charter/seats/${encodeURIComponent(seat.id)}`, { ...h, alternate: h.organisation && alternate ? alternate : null });
      await qc.invalidateQueries({ queryKey: ['partnership', p.id, 'charter'] });
      notifications.show({ color: 'teal', message: t('charter.holderSaved', { seat: seat.name ?? seat.id }) });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('charter.changeHolderTitle', { seat: seat.name ?? seat.id })} centered size="lg">
      <Stack>
        <Text size="sm">{t('charter.changeHolderBody')}</Text>
        <ProblemAlert error={error} title={t('errors.notSaved')} />
        <HolderFields p={p} people={people} seat={seat} holder={holder} alternate={alternate} onHolder={setHolder} onAlternate={setAlternate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('charter.saveHolder')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
