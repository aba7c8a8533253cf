import { DomainError, issue } from '../domain/kernel/errors';
import { msg } from '../domain/kernel/messages';

/** Opaque keyset cursor: the sort value and id of the last row of a page. */
export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** Decodes a cursor or refuses it with a 400 naming the `cursor` field. */
export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw new DomainError('bad_request', msg('cursor.invalid'), [issue('cursor', msg('cursor.invalid_short'))]);
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" literally (used with ESCAPE '\'). */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lower case, accents removed, whitespace folded: the form names are searched in. */
export const searchForm = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
