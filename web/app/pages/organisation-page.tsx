import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconMapPin, IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../src/domain/organisations/organisation';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/hooks';
import { useReference } from '../../lib/reference';
import { SectorBadge } from '../../components/badges';
import { PageError, PageHeader, PageLoader } from '../../components/page';
import { useOrganisation } from '../../features/organisations/api';
import { OrganisationMembers } from '../../features/organisations/organisation-members';

function TagList({ tags, kind }: { tags: string[]; kind: 'offers' | 'seeks' }) {
  const { t } = useTranslation();
  if (!tags.length) return <Text size="sm" c="gray.7">{t('organisation.noTags')}</Text>;
  return (
    <Group gap={6}>
      {tags.map((tag) => (
        <Badge
          key={tag}
          component={Link}
          to={`/organisations?tag=${encodeURIComponent(tag)}&tagKind=${kind}`}
          variant="outline"
          color={kind === 'offers' ? 'teal' : 'accord'}
          styles={{ root: { textTransform: 'none', cursor: 'pointer', color: kind === 'offers' ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-accord-9)' } }}
          aria-label={t(kind === 'offers' ? 'organisation.findOffering' : 'organisation.findSeeking', { tag })}
        >
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

export function OrganisationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const ref = useReference();
  const org = useOrganisation(id);
  useDocumentTitle(org.data?.name ?? t('nav.organisations'));
  if (org.isLoading) return <PageLoader />;
  if (org.error) return <PageError error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data!;
  const type = o.iatiType ? ref.data?.organisationTypes.find((x) => x.code === o.iatiType) : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.organisations'), to: '/organisations' }, { label: o.name }]}
        title={o.name}
        badges={
          <>
            <SectorBadge sector={o.sector as Sector} />
            {o.country && (
              <Group gap={4} c="gray.7">
                <IconMapPin size={15} aria-hidden />
                <Text size="sm">{f.country(o.country)}</Text>
              </Group>
            )}
          </>
        }
        actions={
          o.allowedActions.includes('organisation.update') ? (
            <Button component={Link} to={`/organisations/${o.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
              {t('organisation.edit')}
            </Button>
          ) : undefined
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('organisation.about')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} c={o.description ? undefined : 'gray.7'}>
                {o.description ?? t('organisation.noDescription')}
              </Text>
            </Card>
            <Card>
              <Stack gap="md">
                <div>
                  <Title order={2} fz="md" mb={6}>
                    {t('organisation.offers')}
                  </Title>
                  <TagList tags={o.offers} kind="offers" />
                </div>
                <div>
                  <Title order={2} fz="md" mb={6}>
                    {t('organisation.seeks')}
                  </Title>
                  <TagList tags={o.seeks} kind="seeks" />
                </div>
              </Stack>
            </Card>
            <OrganisationMembers org={o} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Title order={2} fz="lg" mb="sm">
              {t('organisation.details')}
            </Title>
            <Stack gap="sm">
              {o.website && (
                <div>
                  <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                    {t('organisation.website')}
                  </Text>
                  <Anchor href={o.website} target="_blank" rel="noreferrer noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {o.website.replace(/^https?:\/\//, '')} <IconExternalLink size={12} aria-label={t('common.opensInNewTab')} />
                  </Anchor>
                </div>
              )}
              <div>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                  {t('organisation.iatiType')}
                </Text>
                <Text size="sm">{type ? `${type.code} · ${type.name}` : (o.iatiType ?? '—')}</Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                  {t('organisation.iatiIdentifier')}
                </Text>
                <Text size="sm" ff="monospace">
                  {o.iatiIdentifier ?? '—'}
                </Text>
              </div>
              <div>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase">
                  {t('organisation.listedSince')}
                </Text>
                <Text size="sm">{f.date(o.createdAt)}</Text>
              </div>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
