import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordResetConfirmBody, PasswordResetRequestBody } from '../../../src/contracts/accounts';
import { api } from '../../lib/api';
import { fieldsIn, useSubmit } from '../../lib/submit';
import { zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';

/** Asks for a reset link; always answers the same way, so it does not reveal who has an account. */
export function PasswordResetRequestForm() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { email: '' }, validate: (v) => zodErrors(PasswordResetRequestBody, v, t) });
  const send = useSubmit(form.setErrors, fieldsIn('email'), async (v: typeof form.values) => {
    await api.post('/auth/password-reset', v);
    setSent(true);
  });
  if (sent)
    return (
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('reset.sentTitle')} role="status">
        {t('reset.sentBody')}
      </Alert>
    );
  return (
    <form noValidate onSubmit={form.onSubmit(send.submit)}>
      <Stack>
        <ProblemAlert error={send.error} />
        <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <Button type="submit" loading={send.busy}>
          {t('reset.send')}
        </Button>
      </Stack>
    </form>
  );
}

/** Sets a new password with the token from the e-mailed link. */
export function PasswordResetConfirmForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validate: (v) => {
      const errs = zodErrors(PasswordResetConfirmBody.pick({ password: true }), { password: v.password }, t);
      if (!errs.password && v.password !== v.repeat) errs.repeat = t('reset.mismatch');
      return errs;
    },
  });
  const save = useSubmit(form.setErrors, fieldsIn('password'), async (v: typeof form.values) => {
    await api.post('/auth/password-reset/confirm', { token, password: v.password });
    onDone();
  });
  return (
    <form noValidate onSubmit={form.onSubmit(save.submit)}>
      <Stack>
        {/* the token has no field of its own: its message (a bad or expired link) is listed in the alert */}
        <ProblemAlert error={save.error} unplaced={save.unplaced} />
        <PasswordInput label={t('reset.newPassword')} description={t('reset.passwordHint')} autoComplete="new-password" required {...form.getInputProps('password')} />
        <PasswordInput label={t('reset.repeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
        <Button type="submit" loading={save.busy}>
          {t('reset.save')}
        </Button>
      </Stack>
    </form>
  );
}
