import { useState } from 'react';
import { alertable, applyProblem } from './problems';

/**
 * The state every form keeps around a submit: busy while the request runs, and on failure the API's
 * field messages placed on the fields `known` names, the rest (`unplaced`) and the error to show in
 * an alert (null when every message already sits next to its field).
 */
export function useSubmit<V>(
  setErrors: (errors: Record<string, string>) => void,
  known: (field: string) => boolean,
  action: (values: V) => Promise<unknown>,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<Record<string, string>>({});
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    setUnplaced({});
    try {
      await action(values);
    } catch (e) {
      const rest = applyProblem(e, known, setErrors);
      setUnplaced(rest);
      setError(alertable(e, rest));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, unplaced, submit };
}

/** A `known` predicate for a fixed list of field names. */
export const fieldsIn =
  (...fields: string[]) =>
  (field: string): boolean =>
    fields.includes(field);
