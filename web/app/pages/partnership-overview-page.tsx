import { Grid, Stack } from '@mantine/core';
import { GoalsPanel } from '../../features/partnerships/goals-panel';
import { Lifecycle } from '../../features/partnerships/lifecycle';
import { OverviewFacts } from '../../features/partnerships/overview-facts';
import { SectorDonut } from '../../features/partnerships/sector-donut';
import { usePartnershipContext } from './partnership-workspace';

export function PartnershipOverviewPage() {
  const p = usePartnershipContext();
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: p.members.some((m) => !m.leftOn) ? 8 : 12 }}>
          <OverviewFacts p={p} />
        </Grid.Col>
        {p.members.some((m) => !m.leftOn) && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <SectorDonut p={p} />
          </Grid.Col>
        )}
      </Grid>
      <GoalsPanel p={p} />
      <Lifecycle p={p} />
    </Stack>
  );
}
