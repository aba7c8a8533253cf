import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/hooks';
import { changeLanguage, isLocale } from '../../i18n';
import { AuthCard } from '../../components/section';
import { SignInForm } from '../../features/accounts/sign-in-form';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { user, setSession } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('auth.signIn'));
  if (user) return <Navigate to={next} replace />;
  return (
    <AuthCard title={t('auth.signInTitle')} intro={t('auth.signInIntro')} maw={420}>
      <SignInForm
        onSignedIn={(s) => {
          qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'reference' });
          setSession(s);
          // The account's language wins unless the person picked one in this browser already.
          if (s.user && isLocale(s.user.locale) && !localStorage.getItem('accord.language')) void changeLanguage(s.user.locale).catch(() => undefined);
          notifications.show({ color: 'teal', message: t('auth.welcome', { name: s.user?.name ?? '' }) });
          navigate(next, { replace: true });
        }}
      />
    </AuthCard>
  );
}
