/**
 * The API words its refusals in the reader's language, through the real app: `Accept-Language` first, else the
 * signed-in account's language, else English. The problem's `title`, `detail` and each `errors[].message` are
 * translated; `code`, `field` and the status never change. Expectations come from the catalogs (render) where
 * that is the honest source, with literal sentences besides, so a broken render cannot pass unnoticed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { makeTestApp, signIn, as, type TestApp, type Session } from '../support/app';
import { buildWorld, PASSWORD, type World } from '../support/world';
import { msg, render, type Lang } from '../../src/domain/kernel/messages';
import type { Stage } from '../../src/domain/partnerships/partnership';

const ORGS = '/api/v1/organisations';
const FOREIGN = ['fr', 'es'] as const;

describe('API refusals in the reader’s language', () => {
  let t: TestApp;
  let w: World;
  let convener: Session;
  let observer: Session;

  beforeAll(async () => {
    t = await makeTestApp('sqlite');
    w = await buildWorld(t.deps);
    convener = await signIn(t.app, w.emails.convener, PASSWORD);
    observer = await signIn(t.app, w.emails.observer, PASSWORD);
  });
  afterAll(async () => t?.close());

  const headers = (who: Session, lang?: string, write = true) => ({ ...as(who, write), ...(lang ? { 'accept-language': lang } : {}) });
  const illegalMove = (who: Session, lang?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/partnerships/${w.partnership}/transitions`, headers: headers(who, lang), payload: { to: 'implementing', reason: 'Skip ahead' } });
  const badPrefix = (who: Session, lang?: string) =>
    t.app.inject({ method: 'POST', url: ORGS, headers: headers(who, lang), payload: { name: 'Harbour Trust', sector: 'nonprofit', iatiIdentifier: 'ZZ-NOPE-123' } });
  const breaksContract = (who: Session, lang?: string) =>
    t.app.inject({ method: 'POST', url: ORGS, headers: headers(who, lang), payload: { name: 'x'.repeat(201), sector: 'nonprofit', colour: 'red' } });
  const problem = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json() as { title: string; status: number; code: string; detail: string; errors?: { field: string; message: string; code?: string }[] };
  };
  const stage = (s: Stage) => msg(`partnerships.stage.${s}`);
  const moveDetail = (lang: Lang) =>
    render(msg('partnerships.cannot_move', { from: stage('scoping'), to: stage('implementing'), allowed: [stage('building'), stage('closed')] }), lang);
  const zodTooLong = (lang: Lang) => {
    const worded = z.locales[lang]().localeError({ code: 'too_big', origin: 'string', maximum: 200, inclusive: true } as never);
    return typeof worded === 'string' ? worded : worded!.message;
  };

  describe.each(FOREIGN)('with Accept-Language %s', (lang) => {
    it('refuses an illegal lifecycle move with 409, the detail and the field’s message in that language', async () => {
      const res = await illegalMove(convener, lang);
      const body = problem(res, 409);
      expect(res.headers['content-language']).toBe(lang);
      expect(body.code).toBe('illegal_transition');
      expect(body.detail).toBe(moveDetail(lang));
      expect(body.detail).not.toBe(moveDetail('en'));
      expect(body.errors).toEqual([{ field: 'to', message: render(msg('partnerships.not_allowed_from', { from: stage('scoping') }), lang) }]);
    });

    it('refuses a bad IATI identifier prefix with 422, worded in that language, with the same field and code as in English', async () => {
      const english = problem(await badPrefix(convener), 422);
      const res = await badPrefix(convener, lang);
      const body = problem(res, 422);
      expect(res.headers['content-language']).toBe(lang);
      expect(body.code).toBe(english.code);
      expect(body.code).toBe('validation_failed');
      expect(body.detail).toBe(render(msg('organisations.invalid_fields'), lang));
      expect(body.errors!.map(({ field, code }) => ({ field, code }))).toEqual(english.errors!.map(({ field, code }) => ({ field, code })));
      expect(body.errors).toEqual([{ field: 'iatiIdentifier', code: 'unknown_prefix', message: render(msg('organisations.unknown_prefix', { identifier: 'ZZ-NOPE-123' }), lang) }]);
      expect(body.errors![0].message).not.toBe(english.errors![0].message);
    });

    it('refuses a body that breaks the contract with 400, in zod’s wording and ours in that language', async () => {
      const res = await breaksContract(convener, lang);
      const body = problem(res, 400);
      expect(res.headers['content-language']).toBe(lang);
      expect(body.code).toBe('invalid_request');
      expect(body.detail).toBe(render(msg('request.contract_mismatch.body'), lang));
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', code: 'too_big', message: zodTooLong(lang) },
          { field: 'colour', code: 'unrecognized_keys', message: render(msg('request.unknown_field', { name: 'colour' }), lang) },
        ]),
      );
      expect(zodTooLong(lang)).not.toBe(zodTooLong('en'));
    });

    it('translates the title and names the language in content-language', async () => {
      const res = await illegalMove(convener, lang);
      expect(problem(res, 409).title).toBe(render(msg('problem.title.409'), lang));
      expect(res.headers['content-language']).toBe(lang);
      expect(res.headers.vary).toContain('Accept-Language');
    });
  });

  it('words the French and Spanish as written (literal sentences, so a broken render fails)', async () => {
    const fr = problem(await illegalMove(convener, 'fr'), 409);
    expect(fr.title).toBe('Conflit');
    expect(fr.detail).toBe('Un partenariat ne peut pas passer de l’étape « cadrage » à l’étape « mise en œuvre » ; étapes permises : construction, clos');
    expect(fr.errors).toEqual([{ field: 'to', message: 'Passage impossible depuis l’étape « cadrage »' }]);
    const es = problem(await illegalMove(convener, 'es-MX,es;q=0.9,en;q=0.5'), 409);
    expect(es.title).toBe('Conflicto');
    expect(es.detail).toBe('Una alianza no puede pasar de la etapa «exploración» a la etapa «ejecución»; etapas permitidas: construcción, cerrada');

    const prefix = problem(await badPrefix(convener, 'fr-CA'), 422);
    expect(prefix.title).toBe('Contenu impossible à traiter');
    expect(prefix.detail).toBe('L’organisation contient des champs non valides');
    expect(prefix.errors![0].message).toBe('« ZZ-NOPE-123 » ne commence pas par un préfixe d’organisme d’enregistrement de la liste de codes IATI OrganisationRegistrationAgency (par exemple GB-COH-01234567)');

    const contract = problem(await breaksContract(convener, 'fr'), 400);
    expect(contract.errors).toContainEqual({ field: 'colour', code: 'unrecognized_keys', message: 'Champ inconnu « colour »' });
    expect(contract.errors!.find((e) => e.field === 'name')!.message).toMatch(/^Trop grand/);
    const contractEs = problem(await breaksContract(convener, 'es'), 400);
    expect(contractEs.errors).toContainEqual({ field: 'colour', code: 'unrecognized_keys', message: 'Campo desconocido «colour»' });

    // "<what> was not found" with the organisation worded for each language's sentence
    const missing = `${ORGS}/00000000-0000-7000-8000-000000000000`;
    expect(problem(await t.app.inject({ url: missing, headers: headers(convener, 'fr', false) }), 404).detail).toBe('L’organisation est introuvable');
    expect(problem(await t.app.inject({ url: missing, headers: headers(convener, 'es', false) }), 404).detail).toBe('No se encontró la organización');

    // a role inside a sentence is worded too
    const twice = { method: 'POST' as const, url: `/api/v1/partnerships/${w.partnership}/people`, payload: { email: w.emails.observer, role: 'observer' } };
    const dup = problem(await t.app.inject({ ...twice, headers: headers(convener, 'fr') }), 409);
    expect(dup.detail).toBe('Otto Observer a déjà le rôle « observateur »');
    expect(dup.errors).toEqual([{ field: 'role', message: 'A déjà ce rôle' }]);
    expect(problem(await t.app.inject({ ...twice, headers: headers(convener) }), 409).detail).toBe('Otto Observer already has the role observer');
  });

  it('answers a signed-in person whose account is in French in French when no Accept-Language is sent', async () => {
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: as(observer, true), payload: { locale: 'fr' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const res = await badPrefix(observer);
    const body = problem(res, 422);
    expect(res.headers['content-language']).toBe('fr');
    expect(body.title).toBe('Contenu impossible à traiter');
    expect(body.detail).toBe('L’organisation contient des champs non valides');
    expect(body.errors).toEqual([{ field: 'iatiIdentifier', code: 'unknown_prefix', message: render(msg('organisations.unknown_prefix', { identifier: 'ZZ-NOPE-123' }), 'fr') }]);
    // Accept-Language still wins over the account's language
    const spanish = await badPrefix(observer, 'es');
    expect(spanish.headers['content-language']).toBe('es');
    expect(problem(spanish, 422).detail).toBe('La organización tiene campos no válidos');
  });

  it('words a refused import file in the reader’s language, every bad row too, and writes nothing', async () => {
    const file = 'from,to,on,rate\nEUR,USD,2026-02-30,abc\nEUR,EUR,2026-03-01,1\n';
    const send = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${w.partnership}/imports/exchange-rates?decimal=.`,
        headers: { ...headers(convener, lang), 'content-type': 'text/csv', 'idempotency-key': `import-${lang}-${Date.now()}` },
        payload: file,
      });
    const english = await send('en');
    const french = await send('fr');
    const en = problem(english, 422) as unknown as { title: string; detail: string; errors: { field: string; code?: string; line: number; message: string }[] };
    const fr = problem(french, 422) as unknown as typeof en;
    expect(french.headers['content-language']).toBe('fr');
    expect(fr.title).toBe('Contenu impossible à traiter');
    expect(fr.detail).not.toBe(en.detail);
    expect(fr.errors.map((e) => [e.line, e.field, e.code])).toEqual(en.errors.map((e) => [e.line, e.field, e.code]));
    expect(fr.errors.length).toBeGreaterThanOrEqual(3);
    for (const e of fr.errors) {
      expect(e.message).toMatch(/^Ligne \d+/);
      expect(Object.keys(e)).not.toContain('msg');
    }
    expect(en.errors.every((e) => /^Line \d+/.test(e.message))).toBe(true);
    const rates = await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}/ledger/exchange-rates?limit=10`, headers: as(convener) });
    expect(rates.json().items).toEqual([]);
  });

  it('writes the figures inside a refusal with the reader’s decimal separator', async () => {
    const send = (lang: string, percent: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/partnerships/${w.partnership}/risks`,
        headers: headers(convener, lang),
        payload: {
          category: 'construction', title: 'Warehouse finished late', description: 'The warehouse may open after the first deliveries.', likelihood: 3, impact: 4,
          allocation: [{ party: 'publicAuthority', organisationId: w.orgs.convenerOrg, percent }, { party: 'privateParty', organisationId: w.orgs.partnerOrg, percent: 50 }],
        },
      });
    const messages = async (lang: string, percent = '12.5') => problem(await send(lang, percent), 422).errors!.map((e) => e.message);
    expect(await messages('en')).toContain('The shares add up to 62.5%, not 100%');
    // more fraction digits than Intl.NumberFormat takes (20): still a 422, every digit kept
    expect(await messages('fr', '12.1234567890123456789012345')).toContain('Les parts font 62,1234567890123456789012345 %, pas 100 %');
    expect(await messages('fr')).toContain('Les parts font 62,5 %, pas 100 %');
    expect(await messages('es')).toContain('Las partes suman 62,5 %, no 100 %');
    const risks = await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}/risks`, headers: as(convener) });
    expect(risks.json().items).toEqual([]);
  });

  it('words the messages the contracts set themselves in the reader’s language', async () => {
    const short = (lang: string) => t.app.inject({ method: 'POST', url: ORGS, headers: headers(convener, lang), payload: { name: 'x', sector: 'nonprofit' } });
    expect(problem(await short('fr'), 400).errors).toContainEqual({ field: 'name', code: 'too_small', message: 'Utilisez au moins 2 caractères' });
    expect(problem(await short('es'), 400).errors).toContainEqual({ field: 'name', code: 'too_small', message: 'Use al menos 2 caracteres' });
    expect(problem(await short('en'), 400).errors).toContainEqual({ field: 'name', code: 'too_small', message: 'Use at least 2 characters' });
  });

  it('answers in English by default', async () => {
    const move = await illegalMove(convener);
    const body = problem(move, 409);
    expect(move.headers['content-language']).toBe('en');
    expect(body.title).toBe('Conflict');
    expect(body.detail).toBe('A partnership cannot move from scoping to implementing; allowed: building, closed');
    expect(body.errors).toEqual([{ field: 'to', message: 'Not allowed from scoping' }]);

    const prefix = await badPrefix(convener);
    expect(prefix.headers['content-language']).toBe('en');
    expect(problem(prefix, 422).errors).toEqual([
      { field: 'iatiIdentifier', code: 'unknown_prefix', message: '"ZZ-NOPE-123" does not start with a registration agency prefix from the IATI OrganisationRegistrationAgency code list (for example GB-COH-01234567)' },
    ]);

    const contract = await breaksContract(convener, 'de');
    expect(contract.headers['content-language']).toBe('en');
    const errors = problem(contract, 400).errors!;
    expect(errors).toContainEqual({ field: 'colour', code: 'unrecognized_keys', message: 'Unknown field "colour"' });
    expect(errors).toContainEqual({ field: 'name', code: 'too_big', message: 'Too big: expected string to have <=200 characters' });
  });

  it('words the findings of a refused charter in the reader’s language, with the same fields and codes as in English', async () => {
    const adopt = (lang?: string) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/partnerships/${w.partnership}/charter`, headers: headers(convener, lang), payload: { charter: { name: 'Twice', seats: [{ id: 'chair' }, { id: 'chair' }] } } });
    const english = problem(await adopt(), 422);
    expect(english.errors).toEqual([{ field: 'charter.seats[1].id', code: 'duplicate_seat', message: 'Seat "chair" appears twice' }]);
    const french = await adopt('fr');
    const fr = problem(french, 422);
    expect(french.headers['content-language']).toBe('fr');
    expect(fr.code).toBe(english.code);
    expect(fr.detail).toBe(render(msg('decisions.charter.has_problems'), 'fr'));
    expect(fr.detail).not.toBe(english.detail);
    expect(fr.errors).toEqual([{ field: 'charter.seats[1].id', code: 'duplicate_seat', message: 'Le siège « chair » figure deux fois' }]);
    expect(problem(await adopt('es'), 422).errors).toEqual([{ field: 'charter.seats[1].id', code: 'duplicate_seat', message: 'El puesto «chair» aparece dos veces' }]);
    // nothing was adopted
    expect((await t.app.inject({ url: `/api/v1/partnerships/${w.partnership}/charter`, headers: headers(convener, 'fr', false) })).statusCode).toBe(404);
  });
});
