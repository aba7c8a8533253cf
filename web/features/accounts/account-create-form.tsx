import { Checkbox, PasswordInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateUserBody, type CreatedAccount } from '../../../src/contracts/accounts';
import { LOCALES, type Locale } from '../../../src/contracts/locales';
import { LANGUAGE_NAMES, isLocale } from '../../i18n';
import { api } from '../../lib/api';
import { focusFirstError } from '../../lib/problems';
import { fieldsIn, useSubmit } from '../../lib/submit';
import { zodErrors } from '../../lib/zod-form';
import { ProblemAlert } from '../../components/page';
import { FormActions } from '../../components/section';

type Mode = 'invite' | 'password';
interface Values {
  name: string;
  email: string;
  locale: Locale;
  isAdmin: boolean;
  mode: Mode;
  password: string;
}

/** The request for these values: without a password when the person is invited. */
function toBody(v: Values) {
  return { name: v.name.trim(), email: v.email.trim(), locale: v.locale, isAdmin: v.isAdmin, ...(v.mode === 'password' ? { password: v.password } : {}) };
}

/**
 * A new account of the platform (platform admins): name, e-mail address, language, platform admin or not, and
 * either an invitation e-mail (the person chooses a password through its link) or a password set now.
 */
export function AccountCreateForm({ onCreated, onCancel }: { onCreated: (account: CreatedAccount, mode: Mode) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', email: '', locale: isLocale(i18n.language) ? i18n.language : 'en', isAdmin: false, mode: 'invite', password: '' },
    validate: (v) => {
      const errs = zodErrors(CreateUserBody, toBody(v), t);
      if (v.mode === 'password' && !v.password) errs.password = t('validation.required');
      return errs;
    },
  });
  const create = useSubmit(form.setErrors, fieldsIn('name', 'email', 'locale', 'isAdmin', 'password'), async (v: Values) =>
    onCreated(await api.post<CreatedAccount>('/users', toBody(v), { idempotent: true }), v.mode),
  );
  const invite = form.values.mode === 'invite';

  return (
    <form noValidate onSubmit={form.onSubmit(create.submit, focusFirstError)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('platformAccounts.newIntro')}
        </Text>
        <ProblemAlert error={create.error} unplaced={create.unplaced} title={t('errors.notSaved')} />
        <TextInput label={t('common.name')} required autoComplete="off" {...form.getInputProps('name')} />
        <TextInput label={t('auth.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
        <Select
          label={t('account.language')}
          description={t('account.languageHint')}
          allowDeselect={false}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          {...form.getInputProps('locale')}
        />
        <Checkbox label={t('platformAccounts.isAdmin')} description={t('platformAccounts.isAdminHint')} {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
        <Radio.Group label={t('platformAccounts.signInMode')} {...form.getInputProps('mode')}>
          <Stack gap="sm" mt="xs">
            <Radio value="invite" label={t('platformAccounts.invite')} description={t('platformAccounts.inviteHint')} />
            <Radio value="password" label={t('platformAccounts.setPassword')} description={t('platformAccounts.setPasswordHint')} />
          </Stack>
        </Radio.Group>
        {!invite && <PasswordInput label={t('auth.password')} description={t('reset.passwordHint')} required autoComplete="new-password" {...form.getInputProps('password')} />}
        <FormActions onCancel={onCancel} submitLabel={invite ? t('platformAccounts.sendInvitation') : t('platformAccounts.create')} busy={create.busy} />
      </Stack>
    </form>
  );
}
