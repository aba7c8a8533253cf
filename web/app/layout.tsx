import { Anchor, AppShell, Avatar, Box, Burger, Button, Container, Divider, Drawer, Group, Menu, NavLink, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBook, IconBuilding, IconChevronDown, IconHome, IconLanguage, IconLogout, IconSearch, IconUser, IconAffiliate, IconCheck, IconHistory, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LOCALES, type Locale } from '../../src/contracts/locales';
import { changeLanguage, LANGUAGE_NAMES } from '../i18n';
import { api } from '../lib/api';
import { SESSION_KEY, useSession } from '../lib/session';
import type { SessionResponse, UserSummary } from '../lib/types';

function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden>
        <rect width="32" height="32" rx="8" fill="#1c4f7a" />
        <path d="M9 22 16 9l7 13" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="16" cy="20" r="2.2" fill="#7fd1c0" />
      </svg>
      <Text fw={750} fz={20} c="accord.9" style={{ letterSpacing: -0.3 }}>
        Accord
      </Text>
    </Group>
  );
}

function GlobalSearch({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const [q, setQ] = useState(location.pathname === '/search' ? (params.get('q') ?? '') : '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(q.trim())}`);
    onDone?.();
  };
  return (
    <form role="search" onSubmit={submit} style={{ width: '100%' }}>
      <TextInput
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        leftSection={<IconSearch size={16} aria-hidden />}
        radius="xl"
        type="search"
      />
    </form>
  );
}

/** Switches the language; remembers it in this browser and, when signed in, on the account. */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  const { user } = useSession();
  return async (lng: Locale) => {
    try {
      await changeLanguage(lng);
    } catch {
      notifications.show({ color: 'red', message: i18n.t('errors.network') });
      return;
    }
    if (user && user.locale !== lng) {
      try {
        const updated = await api.patch<UserSummary>('/me', { locale: lng });
        qc.setQueryData<SessionResponse>(SESSION_KEY, (s) => (s ? { ...s, user: updated } : s));
      } catch {
        /* the choice still holds in this browser */
      }
    }
  };
}

function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const change = useChangeLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" px="xs" leftSection={<IconLanguage size={18} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden className="accord-lang-chevron" />}>
          {i18n.language.toUpperCase()}
          <VisuallyHidden>{t('language.choose', { current: LANGUAGE_NAMES[i18n.language as Locale] ?? i18n.language })}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item key={l} lang={l} onClick={() => void change(l)} rightSection={i18n.language === l ? <IconCheck size={14} aria-label={t('language.current')} /> : null}>
            {LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

function AccountMenu({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton style={{ borderRadius: 999 }}>
          <Group gap={6} wrap="nowrap">
            <Avatar color="accord" radius="xl" size={34} alt="" styles={{ placeholder: { color: 'var(--mantine-color-accord-9)' } }}>
              {initials(user.name)}
            </Avatar>
            <VisuallyHidden>{t('nav.accountMenu', { name: user.name })}</VisuallyHidden>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py={6}>
          <Text size="sm" fw={600} truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUser size={16} aria-hidden />}>
          {t('nav.account')}
        </Menu.Item>
        {user.isAdmin && (
          <>
            <Menu.Item component={Link} to="/admin/accounts" leftSection={<IconUsers size={16} aria-hidden />}>
              {t('nav.platformAccounts')}
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/audit" leftSection={<IconHistory size={16} aria-hidden />}>
              {t('nav.platformAudit')}
            </Menu.Item>
          </>
        )}
        <Menu.Item component="a" href="/api/docs" target="_blank" rel="noreferrer" leftSection={<IconBook size={16} aria-hidden />}>
          {t('nav.apiDocs')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={async () => {
            await signOut();
            notifications.show({ message: t('auth.signedOut'), color: 'accord' });
            navigate('/sign-in');
          }}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const NAV = [
  { to: '/', key: 'nav.home', icon: IconHome, end: true },
  { to: '/partnerships', key: 'nav.partnerships', icon: IconAffiliate, end: false },
  { to: '/organisations', key: 'nav.organisations', icon: IconBuilding, end: false },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const [drawer, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // a page's chunk on its way (lazy routes): the current page stays, a thin bar says the next one is coming
  const pageLoading = useNavigation().state === 'loading';
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the page on navigation so keyboard and screen-reader users start at the top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    close();
  }, [location.pathname, close]);

  return (
    <AppShell header={{ height: 64 }} padding={0}>
      {pageLoading && <div className="accord-route-progress" role="progressbar" aria-label={t('common.loading')} />}
      <a className="accord-skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap" className="accord-header-start">
              <Burger opened={drawer} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} />
              <Anchor component={Link} to="/" underline="never" aria-label={t('nav.homeAria')}>
                <Logo />
              </Anchor>
              <Group gap={4} visibleFrom="md" component="nav" aria-label={t('nav.main')}>
                {NAV.map((n) => (
                  <Button key={n.to} component={RouterNavLink} to={n.to} end={n.end} variant="subtle" color="gray" size="sm" className="accord-topnav">
                    {t(n.key)}
                  </Button>
                ))}
              </Group>
            </Group>
            <Box visibleFrom="sm" style={{ flex: '0 1 380px' }}>
              <GlobalSearch />
            </Box>
            <Group gap="xs" wrap="nowrap" className="accord-header-end">
              <LanguageMenu />
              {user ? (
                <AccountMenu user={user} />
              ) : isLoading ? null : (
                <Button component={Link} to={`/sign-in${location.pathname !== '/' && location.pathname !== '/sign-in' ? `?next=${encodeURIComponent(location.pathname)}` : ''}`} size="sm" className="accord-header-signin">
                  {t('nav.signIn')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>

      <Drawer opened={drawer} onClose={close} title={<Logo />} size="xs" hiddenFrom="md">
        <Stack gap="md">
          <GlobalSearch onDone={close} />
          <Divider />
          <nav aria-label={t('nav.main')}>
            {NAV.map((n) => (
              <NavLink key={n.to} component={RouterNavLink} to={n.to} end={n.end} label={t(n.key)} leftSection={<n.icon size={18} aria-hidden />} onClick={close} />
            ))}
          </nav>
        </Stack>
      </Drawer>

      <AppShell.Main>
        {/* data-path: the page shown, changed in the same render as the page itself (the browser journeys wait for it) */}
        <Box component="main" id="main" ref={mainRef} tabIndex={-1} style={{ outline: 'none' }} data-path={location.pathname + location.search} aria-busy={pageLoading || undefined}>
          <Container size="xl" py={{ base: 'md', sm: 'xl' }}>
            <Outlet />
          </Container>
        </Box>
        <Box component="footer" py="lg" mt="xl" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="xl">
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed">
                {t('footer.tagline')}
              </Text>
              <Group gap="md">
                <Anchor href="/api/docs" size="sm" c="dimmed">
                  {t('nav.apiDocs')}
                </Anchor>
                <Anchor href="https://opensource.org/license/mit" size="sm" c="dimmed">
                  {t('footer.license')}
                </Anchor>
              </Group>
            </Group>
          </Container>
        </Box>
      </AppShell.Main>
      <ScrollRestoration />
    </AppShell>
  );
}

