import { Anchor, Card, Center, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/hooks';
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
    <Center py={{ base: 'md', sm: 60 }}>
      <Card w="100%" maw={440} padding="xl" shadow="sm">
        <Stack gap="lg">
          <div>
            <Title order={1} fz={26}>
              {token ? t('reset.chooseTitle') : t('reset.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {token ? t('reset.chooseIntro') : t('reset.intro')}
            </Text>
          </div>
          {token ? (
            <PasswordResetConfirmForm
              token={token}
              onDone={() => {
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
        </Stack>
      </Card>
    </Center>
  );
}
