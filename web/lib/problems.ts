import { ApiError } from './api';

/**
 * Places an API problem's field messages on the form fields it knows (dotted paths such as
 * `goals.0.title`), and returns the rest so the page can show them in an alert.
 */
export function applyProblem(error: unknown, knownFields: (field: string) => boolean, setErrors: (errors: Record<string, string>) => void): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const placed: Record<string, string> = {};
  const unplaced: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    if (knownFields(field)) placed[field] = message;
    else {
      // `countries.1` belongs to the `countries` field when the item has no input of its own.
      const parent = field.replace(/\.\d+$/, '');
      if (parent !== field && knownFields(parent)) placed[parent] = placed[parent] ? `${placed[parent]} ${message}` : message;
      else unplaced[field] = message;
    }
  }
  setErrors(placed);
  focusFirstError();
  return unplaced;
}

/** Moves focus to the first field in error (or the error alert), so keyboard and screen-reader users land on it. */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    const target = field ?? document.querySelector<HTMLElement>('main [role="alert"]');
    if (!target) return;
    if (!field) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
  });
}

/** The error to show in an alert: null when every field message already sits next to its field. */
export function alertable(error: unknown, unplaced: Record<string, string>): unknown {
  if (error instanceof ApiError && Object.keys(error.fieldErrors()).length > 0 && Object.keys(unplaced).length === 0) return null;
  return error;
}
