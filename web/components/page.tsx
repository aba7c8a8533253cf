import { Alert, Anchor, Box, Breadcrumbs, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title, EmptyState as MantineEmptyState } from '@mantine/core';
import { IconAlertTriangle, IconInbox, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

export interface Crumb {
  label: string;
  to?: string;
}

/** The same header on every page: crumbs, title, a line of context, actions on the right. */
export function PageHeader({ title, description, actions, crumbs, badges }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; crumbs?: Crumb[]; badges?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs aria-label={t('common.breadcrumbs')} separatorMargin={6}>
          {crumbs.map((c, i) =>
            c.to ? (
              <Anchor key={i} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={i} size="sm" c="dimmed" aria-current="page">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={1} fz={{ base: 24, sm: 30 }} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badges && (
            <Group gap={6} mt={8}>
              {badges}
            </Group>
          )}
          {description && (
            <Text c="dimmed" mt={6} maw={760}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** An empty state that teaches the next step. */
export function EmptyState({ icon: I = IconInbox, title, description, action }: { icon?: Icon; title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <MantineEmptyState
      py="xl"
      variant="light"
      icon={<I size={28} stroke={1.6} aria-hidden />}
      title={title}
      description={description}
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

/** Shows an API problem: the detail, and any field messages the form could not place. */
export function ProblemAlert({ error, unplaced, title }: { error: unknown; unplaced?: Record<string, string>; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiErr = error instanceof ApiError ? error : null;
  const detail =
    apiErr?.status === 0
      ? t('errors.network')
      : apiErr?.status === 429
        ? t('errors.rateLimited')
        : apiErr?.status === 403
          ? t('errors.forbidden')
          : (apiErr?.problem?.detail ?? apiErr?.problem?.title ?? t('errors.unexpected'));
  const extra = Object.entries(unplaced ?? {});
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('errors.title')} role="alert">
      <Text size="sm">{detail}</Text>
      {extra.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
          {extra.map(([f, m]) => (
            <li key={f}>
              <Text size="sm">
                <code>{f}</code>: {m}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Loading, error and not-found states shared by every page. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={80} aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <NotFoundState />;
  return (
    <Stack maw={640} mx="auto" py="xl">
      <ProblemAlert error={error} />
      {onRetry && (
        <Group>
          <Button variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={480} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconInbox size={30} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={26}>
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** "Load more" for cursor-paged lists. */
export function LoadMore({ hasMore, loading, onClick, shown }: { hasMore: boolean; loading: boolean; onClick: () => void; shown: number }) {
  const { t } = useTranslation();
  return (
    <Group justify="center" mt="lg" gap="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.showing', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onClick} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
