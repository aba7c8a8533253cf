import { Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A section's heading with a line of context under it. */
export function SectionHeading({ title, intro }: { title: ReactNode; intro: ReactNode }) {
  return (
    <div>
      <Title order={2} fz="lg">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </div>
  );
}

/** A card holding one titled part of a form or page, with an optional hint under the title. */
export function SectionCard({ title, hint, children }: { title: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} fz="lg" mb={hint ? undefined : 'md'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="md">
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** The narrow centred card of the sign-in and password pages. */
export function AuthCard({ title, intro, maw, children }: { title: ReactNode; intro: ReactNode; maw: number; children: ReactNode }) {
  return (
    <Center py={{ base: 'md', sm: 60 }}>
      <Card w="100%" maw={maw} padding="xl" shadow="sm">
        <Stack gap="lg">
          <div>
            <Title order={1} fz={26}>
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {intro}
            </Text>
          </div>
          {children}
        </Stack>
      </Card>
    </Center>
  );
}

/** A form's buttons, bottom right: the way back (cancel, discard) and the submit. */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  cancelLabel,
  cancelDisabled,
  color,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}
