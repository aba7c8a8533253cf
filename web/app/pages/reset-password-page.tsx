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
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? params.get('token');
  useDocumentTitle(t('reset.title'));
  return (
    <AuthCard title={token ? t('reset.chooseTitle') : t('reset.title')} intro={token ? t('reset.chooseIntro') : t('reset.intro')} maw={440}>
      {token ? (
        <PasswordResetConfirmForm
          token={token}
          onDone={() => {
            // the used token leaves the address bar (and this history entry) at once
            window.history.replaceState(window.history.state, '', window.location.pathname);
            notifications.show({ color: 'teal', message: t('reset.done') });
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
