import { Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAffiliate, IconBuilding, IconPlus, IconShieldCheck, IconTarget, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
import { EmptyState, PageError, PageHeader } from '../../components/page';
import { useHome } from '../../features/home/api';
import { AttentionList } from '../../features/home/attention-list';
import { MyOrganisations } from '../../features/home/my-organisations';
import { PartnershipCard } from '../../features/partnerships/partnership-card';

function Landing() {
  const { t } = useTranslation();
  const points = [
    { icon: IconUsersGroup, key: 'landing.point1' },
    { icon: IconTarget, key: 'landing.point2' },
    { icon: IconShieldCheck, key: 'landing.point3' },
  ];
  return (
    <Stack gap="xl" py="lg">
      <Card padding="xl" style={{ background: 'linear-gradient(135deg, var(--mantine-color-accord-9), var(--mantine-color-accord-7))', border: 0 }}>
        <Stack gap="md" maw={720}>
          <Title order={1} c="white" fz={{ base: 28, sm: 40 }} lh={1.15}>
            {t('landing.title')}
          </Title>
          <Text c="white" fz="lg">
            {t('landing.body')}
          </Text>
          <Group>
            <Button component={Link} to="/sign-in" size="md" variant="white" color="accord">
              {t('nav.signIn')}
            </Button>
            <Button component={Link} to="/partnerships" size="md" variant="outline" color="white" styles={{ root: { color: 'white', borderColor: 'white' } }}>
              {t('landing.browse')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {points.map((p) => (
          <Card key={p.key}>
            <ThemeIcon variant="light" size={40} radius="md" mb="sm">
              <p.icon size={22} aria-hidden />
            </ThemeIcon>
            <Title order={2} fz="md">
              {t(`${p.key}Title`)}
            </Title>
            <Text size="sm" c="gray.7" mt={4}>
              {t(`${p.key}Body`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Home: my partnerships, my organisations, and what needs my attention. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const home = useHome(!!user);
  useDocumentTitle(t('nav.home'));
  if (isLoading) return null;
  if (!user) return <Landing />;
  const firstName = user.name.split(' ')[0];
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: firstName })}
        description={t('home.intro')}
        actions={
          <>
            <Button component={Link} to="/organisations/new" variant="default" leftSection={<IconBuilding size={16} aria-hidden />}>
              {t('organisation.create')}
            </Button>
            <Button component={Link} to="/partnerships/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partnership.create')}
            </Button>
          </>
        }
      />
      {home.error ? (
        <PageError error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="xl">
                  {t('home.myPartnerships')}
                </Title>
                <Button component={Link} to="/partnerships?mine=true" variant="subtle" size="xs">
                  {t('common.seeAll')}
                </Button>
              </Group>
              {home.isLoading ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {[0, 1, 2, 3].map((i) => (
                    <Skeleton key={i} h={200} radius="md" />
                  ))}
                </SimpleGrid>
              ) : home.data!.partnerships.length === 0 ? (
                <Card>
                  <EmptyState
                    icon={IconAffiliate}
                    title={t('home.noPartnershipsTitle')}
                    description={t('home.noPartnershipsBody')}
                    action={
                      <Button component={Link} to="/partnerships/new" leftSection={<IconPlus size={16} aria-hidden />}>
                        {t('partnership.create')}
                      </Button>
                    }
                  />
                </Card>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {home.data!.partnerships.map((p) => (
                    <PartnershipCard key={p.id} p={p} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
            <Stack gap="lg">
              {home.isLoading ? <Skeleton h={160} radius="md" /> : <AttentionList items={home.data!.attention} />}
              {home.isLoading ? <Skeleton h={160} radius="md" /> : <MyOrganisations items={home.data!.organisations} />}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
