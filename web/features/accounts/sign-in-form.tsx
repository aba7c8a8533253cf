import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SignInBody } from '../../../src/contracts/accounts';
import { api, ApiError } from '../../lib/api';
import { applyProblem } from '../../lib/problems';
import type { SessionResponse } from '../../lib/types';
import { zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';

/** E-mail and password; calls back with the new session. */
export function SignInForm({ onSignedIn }: { onSignedIn: (s: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: (v) => zodErrors(SignInBody, v, t),
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<SessionResponse>('/auth/sign-in', values);
      onSignedIn(s);
    } catch (e) {
      applyProblem(e, (f) => f === 'email' || f === 'password', form.setErrors);
      setError(e);
    } finally {
      setBusy(false);
    }
  });
  const message =
    error instanceof ApiError && error.status === 401 ? t('auth.invalidCredentials') : error instanceof ApiError && error.status === 429 ? t('errors.rateLimited') : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error ? (
          message ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('auth.signInFailed')}>
              {message}
            </Alert>
          ) : (
            <ProblemAlert error={error} />
          )
        ) : null}
        <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Anchor component={Link} to="/reset-password" size="sm">
          {t('auth.forgot')}
        </Anchor>
        <Button type="submit" loading={busy} fullWidth size="md">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
