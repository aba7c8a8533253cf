import { describe, it, expect } from 'vitest';
import { figure, msg, negotiateLang, render } from './messages';
import { moneyFigure } from '../accountability/currency';
import { DomainError, issue, notFound } from './errors';

describe('messages worded in the reader’s language', () => {
  it('words a message in English, French and Spanish with its parameters', () => {
    const m = msg('errors.no_route', { method: 'GET', path: '/x' });
    expect(render(m)).toBe('No route GET /x');
    expect(render(m, 'fr')).toBe('Aucune route GET /x');
    expect(render(m, 'es')).toBe('No hay ninguna ruta GET /x');
  });

  it('words a parameter that is itself a message in the same language', () => {
    const m = msg('errors.not_found', { what: msg('errors.no_route', { method: 'GET', path: '/x' }) });
    expect(render(m, 'fr')).toBe('Aucune route GET /x est introuvable');
    expect(render(m)).toBe('No route GET /x was not found');
  });

  it('keeps the English of a DomainError in its message and the key for the edge', () => {
    const e = new DomainError('conflict', msg('request.duplicate'), [issue('email', msg('request.already_in_use'), 'duplicate')]);
    expect(e.message).toBe('This would create a duplicate of an existing record');
    expect(e.msg?.key).toBe('request.duplicate');
    expect(e.issues[0]).toMatchObject({ field: 'email', message: 'Already in use', code: 'duplicate' });
    expect(render(e.issues[0].msg!, 'es')).toBe('Ya está en uso');
    expect(notFound('The thing').message).toBe('The thing was not found');
  });

  it('chooses the language of Accept-Language by quality, then the account’s, then English', () => {
    expect(negotiateLang('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLang('de, es;q=0.5, fr;q=0.4')).toBe('es');
    expect(negotiateLang('en;q=0.2, es;q=0.9')).toBe('es');
    expect(negotiateLang('de', 'fr')).toBe('fr');
    expect(negotiateLang(undefined, 'es')).toBe('es');
    expect(negotiateLang('fr;q=0', 'xx')).toBe('en');
    expect(negotiateLang('*')).toBe('en');
  });
});

describe('plural wording', () => {
  it('chooses the wording by the count’s plural category in each language', () => {
    expect(render(msg('auth.too_many_streams', { count: 1 }))).toBe('At most 1 live stream per person; close it first');
    expect(render(msg('auth.too_many_streams', { count: 5 }))).toBe('At most 5 live streams per person; close one first');
    expect(render(msg('auth.too_many_streams', { count: 1 }), 'fr')).toBe('Au plus 1 flux en direct par personne ; fermez-le d’abord');
    expect(render(msg('auth.too_many_streams', { count: 0 }), 'fr')).toBe('Au plus 0 flux en direct par personne ; fermez-le d’abord');
    expect(render(msg('auth.too_many_streams', { count: 0 }), 'es')).toBe('Como máximo 0 transmisiones en vivo por persona; cierre una primero');
  });
});

describe('list parameters', () => {
  it('words each item of a list in the language and joins them with ", "', () => {
    const m = msg('errors.not_found', { what: [msg('errors.no_route', { method: 'GET', path: '/a' }), 'B'] });
    expect(render(m)).toBe('No route GET /a, B was not found');
    expect(render(m, 'fr')).toBe('Aucune route GET /a, B est introuvable');
  });
});

describe('figures in messages', () => {
  it('writes an amount with the reader’s separators, every digit kept', () => {
    const m = (total: ReturnType<typeof figure>) => msg('risks.shares_not_100', { total });
    expect(render(m(figure('100000', { group: true })))).toBe('The shares add up to 100,000%, not 100%');
    expect(render(m(figure('100000', { group: true })), 'fr')).toBe('Les parts font 100\u202f000 %, pas 100 %');
    expect(render(m(figure('100000', { group: true })), 'es')).toBe('Las partes suman 100.000 %, no 100 %');
    expect(render(m(figure('99.125')), 'fr')).toBe('Les parts font 99,125 %, pas 100 %');
    // no float in between: twenty digits stay twenty digits
    expect(render(m(figure('12345678901234567890.05', { group: true })), 'es')).toBe('Las partes suman 12.345.678.901.234.567.890,05 %, no 100 %');
    expect(render(m(figure(-7n)))).toBe('The shares add up to -7%, not 100%');
    // past the 20 fraction digits Intl.NumberFormat accepts, and below zero
    expect(render(m(figure('100.0000000000000000000000001')), 'fr')).toBe('Les parts font 100,0000000000000000000000001 %, pas 100 %');
    expect(render(m(figure('-0.5', { group: true })), 'es')).toBe('Las partes suman -0,5 %, no 100 %');
    expect(render(m(figure('-12345.5', { group: true })))).toBe('The shares add up to -12,345.5%, not 100%');
  });

  it('writes money with its code, grouped or not as the message asks', () => {
    const m = (debits: ReturnType<typeof figure>, credits: ReturnType<typeof figure>) => msg('ledger.unbalanced', { currency: 'EUR', debits, credits });
    const a = moneyFigure({ minor: 150_005n, currency: 'EUR' }, { group: true });
    const b = moneyFigure({ minor: -2_000_000_000n, currency: 'JPY' });
    expect(render(m(a, b))).toContain('EUR 1,500.05');
    expect(render(m(a, b))).toContain('JPY -2000000000');
    expect(render(m(a, b), 'fr')).toContain('EUR 1\u202f500,05');
    expect(render(m(a, b), 'es')).toContain('EUR 1500,05');
  });

  it('refuses text that is not a decimal', () => {
    expect(() => figure('1,5')).toThrow(RangeError);
    expect(() => figure('1e5')).toThrow(RangeError);
    expect(() => figure(Number.NaN)).toThrow(RangeError);
  });
});
