import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm, trustworthy blue; shade 7 is the primary (white text passes WCAG AA on it). */
const accord: MantineColorsTuple = ['#eef4fa', '#dbe6f1', '#b3cce3', '#88b0d5', '#6498c9', '#4d89c2', '#3f80c0', '#2d68a0', '#245a8c', '#1c4f7a'];

/** The theme; close buttons get their label in the reader's language. */
export const makeTheme = (closeLabel: string) =>
  createTheme({
  primaryColor: 'accord',
  primaryShade: { light: 7, dark: 5 },
  colors: { accord },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
  },
});
