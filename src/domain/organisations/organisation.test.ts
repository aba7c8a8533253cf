import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadCodelists } from '../../standards/codelists';
import { DomainError } from '../kernel/errors';
import { assertValidOrganisation, checkOrganisation, iatiIdentifierPrefix, normaliseTag, type OrganisationDraft, type RegistryCodelists } from './organisation';

const codelists = loadCodelists(path.resolve('standards'));
const lists: RegistryCodelists = {
  organisationTypes: codelists.sets.organisationTypes,
  registrationAgencies: codelists.sets.registrationAgencies,
  countries: codelists.sets.countries,
};
const base: OrganisationDraft = { name: 'Acme Water Ltd', sector: 'private' };
const fieldsOf = (draft: Partial<OrganisationDraft>) => checkOrganisation({ ...base, ...draft }, lists).map((i) => i.field);
const codesOf = (draft: Partial<OrganisationDraft>) => checkOrganisation({ ...base, ...draft }, lists).map((i) => i.code);

describe('the code lists the registry rules use', () => {
  it('are the real IATI lists: they know GB-COH, XM-DAC, type 70 and Kenya, and leave withdrawn codes out', () => {
    expect(lists.registrationAgencies.has('GB-COH')).toBe(true);
    expect(lists.registrationAgencies.has('XM-DAC')).toBe(true);
    expect(lists.registrationAgencies.has('GB-GOVUK')).toBe(false); // withdrawn in the IATI list
    expect(lists.organisationTypes.has('70')).toBe(true);
    expect(lists.countries.has('KE')).toBe(true);
    expect(lists.countries.has('AN')).toBe(false); // Netherlands Antilles, withdrawn
  });
});

describe('IATI organisation identifiers', () => {
  it.each([
    ['GB-COH-123', 'GB-COH'],
    ['XM-DAC-41114', 'XM-DAC'],
    ['XM-DAC-41114-extra', 'XM-DAC'],
    ['US-EIN-12-3456789', 'US-EIN'],
    ['ZZ-FOO-1', null],
    ['GB-GOVUK-1', null],
    ['GB', null],
    ['', null],
  ])('splits %j into the registration agency prefix %j', (identifier, prefix) => {
    if (prefix) expect(lists.registrationAgencies.has(prefix)).toBe(true);
    expect(iatiIdentifierPrefix(identifier, lists.registrationAgencies)).toBe(prefix);
  });

  it.each(['GB-COH-123', 'XM-DAC-41114', 'GB-CHC-1234567', 'US-EIN-12-3456789'])('accepts %s, whose prefix is a registration agency followed by a number', (id) => {
    expect(checkOrganisation({ ...base, iatiIdentifier: id }, lists)).toEqual([]);
  });

  it.each(['ZZ-FOO-1', 'GB-GOVUK-1', 'XX-XX-1', 'gb-coh-123'])('refuses %s, whose prefix is not a (current) registration agency, naming iatiIdentifier', (id) => {
    expect(fieldsOf({ iatiIdentifier: id })).toEqual(['iatiIdentifier']);
    expect(codesOf({ iatiIdentifier: id })).toEqual(['unknown_prefix']);
  });

  it.each(['GB-COH-', 'GB-COH'])('refuses %j, a known prefix without a number, as missing its number', (id) => {
    expect(fieldsOf({ iatiIdentifier: id })).toEqual(['iatiIdentifier']);
    expect(codesOf({ iatiIdentifier: id })).toEqual(['missing_number']);
  });

  it('leaves an absent or null identifier alone', () => {
    expect(checkOrganisation({ ...base, iatiIdentifier: null }, lists)).toEqual([]);
    expect(checkOrganisation({ ...base }, lists)).toEqual([]);
  });
});

describe('organisation type and country codes', () => {
  it.each([...lists.organisationTypes])('accepts the IATI organisation type %s', (code) => {
    expect(fieldsOf({ iatiType: code })).toEqual([]);
  });
  it.each(['99', '00', '12', '7'])('refuses the unknown organisation type %s, naming iatiType', (code) => {
    expect(lists.organisationTypes.has(code)).toBe(false);
    expect(fieldsOf({ iatiType: code })).toEqual(['iatiType']);
    expect(codesOf({ iatiType: code })).toEqual(['unknown_code']);
  });
  it.each(['KE', 'FR', 'BR', 'GB'])('accepts the country %s', (c) => {
    expect(fieldsOf({ country: c })).toEqual([]);
  });
  it.each(['QQ', 'AN', 'ke', 'UK'])('refuses the unknown country code %s, naming country', (c) => {
    expect(lists.countries.has(c)).toBe(false);
    expect(fieldsOf({ country: c })).toEqual(['country']);
  });
  it('reports every problem at once, not only the first', () => {
    expect(fieldsOf({ iatiType: '99', country: 'QQ', iatiIdentifier: 'ZZ-FOO-1' }).sort()).toEqual(['country', 'iatiIdentifier', 'iatiType']);
  });
});

describe('tags', () => {
  it.each([
    ['  Clean   Water ', 'clean water'],
    ['ENGINEERING', 'engineering'],
    ['a\tb\nc', 'a b c'],
  ])('normalises %j to %j', (raw, normalised) => {
    expect(normaliseTag(raw)).toBe(normalised);
  });

  it.each([
    ['offers', ['Water', 'water'], ['offers.1']],
    ['offers', ['Clean Water', '  clean   water '], ['offers.1']],
    ['seeks', ['funding', 'data', 'FUNDING', 'Data'], ['seeks.2', 'seeks.3']],
    ['seeks', ['funding', '   '], ['seeks.1']],
  ] as const)('refuses %s %j that repeat after normalisation, naming %j', (kind, tags, fields) => {
    expect(fieldsOf({ [kind]: [...tags] })).toEqual(fields);
  });

  it('allows the same tag once in offers and once in seeks', () => {
    expect(fieldsOf({ offers: ['data'], seeks: ['Data'] })).toEqual([]);
  });
});

describe('assertValidOrganisation', () => {
  it('throws validation_failed carrying every issue', () => {
    let err: unknown;
    try {
      assertValidOrganisation({ ...base, country: 'QQ', offers: ['x', 'X'] }, lists);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('validation_failed');
    expect((err as DomainError).issues.map((i) => i.field)).toEqual(['country', 'offers.1']);
  });
  it('returns quietly for a valid organisation', () => {
    expect(() => assertValidOrganisation({ ...base, iatiType: '70', country: 'KE', iatiIdentifier: 'GB-COH-123', offers: ['engineering'] }, lists)).not.toThrow();
  });
});
