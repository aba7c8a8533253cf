/**
 * The translations of the web app: the shared file of each language, and one file per feature and language
 * (web/i18n/features/<feature>.<lang>.json) whose top-level namespaces must not collide with the shared file's.
 */
import en from './en.json';
import fr from './fr.json';
import es from './es.json';
import resourcesEn from './features/resources.en.json';
import resourcesFr from './features/resources.fr.json';
import resourcesEs from './features/resources.es.json';
import risksEn from './features/risks.en.json';
import risksFr from './features/risks.fr.json';
import risksEs from './features/risks.es.json';
import resultsEn from './features/results.en.json';
import resultsFr from './features/results.fr.json';
import resultsEs from './features/results.es.json';
import accountabilityEn from './features/accountability.en.json';
import accountabilityFr from './features/accountability.fr.json';
import accountabilityEs from './features/accountability.es.json';
import type { Locale } from '../../src/contracts/locales';

type Tree = { [key: string]: string | Tree };

/** The shared file and the feature files of one language, as one tree; a namespace defined twice is a mistake. */
function merge(...parts: object[]): Tree {
  const out: Tree = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part as Tree)) {
      if (k in out) throw new Error(`The translation namespace "${k}" is defined twice`);
      out[k] = v;
    }
  }
  return out;
}

export const TRANSLATIONS: Record<Locale, Tree> = {
  en: merge(en, resourcesEn, risksEn, resultsEn, accountabilityEn),
  fr: merge(fr, resourcesFr, risksFr, resultsFr, accountabilityFr),
  es: merge(es, resourcesEs, risksEs, resultsEs, accountabilityEs),
};
