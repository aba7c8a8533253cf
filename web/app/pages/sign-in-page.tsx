import { Card, Center, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
import { isLocale } from '../../i18n';
import { SignInForm } from '../../features/accounts/sign-in-form';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { user, setSession } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('auth.signIn'));
  if (user) return <Navigate to={next} replace />;
  return (
    <Center py={{ base: 'md', sm: 60 }}>
      <Card w="100%" maw={420} padding="xl" shadow="sm">
        <Stack gap="lg">
          <div>
            <Title order={1} fz={26}>
              {t('auth.signInTitle')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('auth.signInIntro')}
            </Text>
          </div>
          <SignInForm
            onSignedIn={(s) => {
              qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'reference' });
              setSession(s);
              // The account's language wins unless the person picked one in this browser already.
              if (s.user && isLocale(s.user.locale) && !localStorage.getItem('accord.language')) void i18n.changeLanguage(s.user.locale);
              notifications.show({ color: 'teal', message: t('auth.welcome', { name: s.user?.name ?? '' }) });
              navigate(next, { replace: true });
            }}
          />
        </Stack>
      </Card>
    </Center>
  );
}
