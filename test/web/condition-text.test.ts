/**
 * The web app says each counted condition in the reader's language from the terms the server sends. In English it
 * must say exactly what the server's own sentences say (numbers aside: the web drops trailing zeros), for every rule
 * of every shipped template under random ballots; in French and Spanish it must say something for every row, with
 * no key left untranslated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next from 'i18next';
import { TRANSLATIONS } from '../../web/i18n/resources';
import { conditionText } from '../../web/features/governance/condition-text';
import { decide, type Ballot } from '../../src/domain/governance/count';
import { TEMPLATES } from '../../src/domain/governance/templates';
import { choicesOf, decisionTypesOf, rollOf } from '../../src/domain/governance/decision-types';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: TRANSLATIONS.en }, fr: { translation: TRANSLATIONS.fr }, es: { translation: TRANSLATIONS.es } }, lng: 'en', interpolation: { escapeValue: false } });
const LOCALES = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' } as const;

/** "2.5000" and "2.5" are the same number; the server pads to four places, the web does not. */
const plain = (s: string): string => s.replace(/(\d+)\.(\d*?)0+(?!\d)/g, (_m, a: string, b: string) => (b ? `${a}.${b}` : a));

/** Every (template, decision type) with its roll, rule and the choices its ballots take. */
const CASES = TEMPLATES.flatMap((tpl) =>
  Object.values(decisionTypesOf(tpl.charter)).map((dt) => ({ tpl, dt, roll: rollOf(tpl.charter, dt.body).filter((s) => s.voting !== false), choices: choicesOf(dt.ballot) })),
);

describe('condition texts in the reader’s language', () => {
  it('has a case for every template', () => {
    expect(new Set(CASES.map((c) => c.tpl.id)).size).toBe(TEMPLATES.length);
  });

  it.each(CASES.map((c) => [`${c.tpl.id} / ${c.dt.id}`, c] as const))('says in English what the server says, under random ballots: %s', (_name, c) => {
    const t = i18n.getFixedT('en');
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...c.choices), { nil: undefined }), { minLength: c.roll.length, maxLength: c.roll.length }), (picks) => {
        const ballots: Ballot[] = [];
        picks.forEach((choice, i) => {
          if (choice) ballots.push({ voter: c.roll[i].id, choice, ...(choice === 'block' || choice === 'objection' ? { reason: 'Not acceptable as drafted' } : {}) });
        });
        const outcome = decide(c.tpl.charter, c.dt.rule, ballots, c.roll);
        for (const row of outcome.conditions) {
          expect(row.terms).toBeDefined();
          const text = conditionText(row, t, LOCALES.en);
          expect(text.required).toBe(plain(row.required));
          if (row.terms?.kind === 'veto_seat') expect(text.actual.startsWith(row.terms.scope ?? '')).toBe(true);
          else expect(text.actual).toBe(plain(row.actual));
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each(['fr', 'es'] as const)('leaves no key untranslated in %s', (lang) => {
    const t = i18n.getFixedT(lang);
    for (const c of CASES) {
      const ballots: Ballot[] = c.roll.map((s, i) => ({ voter: s.id, choice: c.choices[i % c.choices.length], reason: 'Not acceptable as drafted' }));
      for (const row of decide(c.tpl.charter, c.dt.rule, ballots, c.roll).conditions) {
        const text = conditionText(row, t, LOCALES[lang]);
        for (const s of [text.label, text.required, text.actual]) {
          expect(s).not.toMatch(/explain\.|\{\{/);
          expect(s.length).toBeGreaterThan(0);
        }
        expect(text.required).not.toBe(row.required);
      }
    }
  });
});
