import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundState } from '../components/page';

/**
 * A page's code that could not be fetched. After a release the old chunks are gone from the server, so a tab
 * opened before it fails on its next new page; reloading brings the new version.
 */
export const isChunkLoadError = (e: unknown): boolean =>
  e instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(e.message);

/** What a page that failed to load or to draw shows, inside the layout: what happened and a way on. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const stale = isChunkLoadError(error);
  useEffect(() => {
    if (!stale) console.error(error);
  }, [error, stale]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundState />;
  return (
    <Center py={60}>
      <Stack align="center" gap="sm" maw={520} ta="center" role="alert">
        <ThemeIcon size={56} radius="xl" variant="light" color={stale ? 'accord' : 'red'}>
          {stale ? <IconRefresh size={30} aria-hidden /> : <IconAlertTriangle size={30} aria-hidden />}
        </ThemeIcon>
        <Title order={1} fz={26}>
          {stale ? t('errors.newVersionTitle') : t('errors.title')}
        </Title>
        <Text c="dimmed">{stale ? t('errors.newVersion') : t('errors.unexpected')}</Text>
        <Group justify="center">
          <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
          <Button variant="default" component="a" href="/">
            {t('errors.home')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
