import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
import { AuthCard } from '../../components/section';
import { PasswordResetConfirmForm, PasswordResetRequestForm } from '../../features/accounts/password-reset';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // the e-mailed link carries the token in the fragment (#token=), which browsers never send to a server
  // or write to its logs; ?token= is still accepted for links written by hand
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token') ?? params.get('token');
  // an invitation's link: the person has no password yet, so the page welcomes them rather than speak of a new one
  const invitation = !!token && fragment.get('invitation') === '1';
  const title = invitation ? t('reset.welcomeTitle') : token ? t('reset.chooseTitle') : t('reset.title');
  useDocumentTitle(title);
  return (
    <AuthCard title={title} intro={invitation ? t('reset.welcomeIntro') : token ? t('reset.chooseIntro') : t('reset.intro')} maw={440}>
      {token ? (
        <PasswordResetConfirmForm
          token={token}
          onDone={() => {
            // the used token leaves the address bar (and this history entry) at once
            window.history.replaceState(window.history.state, '', window.location.pathname);
            notifications.show({ color: 'teal', message: invitation ? t('reset.welcomeDone') : t('reset.done') });
            navigate('/sign-in', { replace: true });
          }}
        />
      ) : (
        <PasswordResetRequestForm />
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('reset.back')}
      </Anchor>
    </AuthCard>
  );
}
