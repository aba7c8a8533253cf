/**
 * The translations of the web app: the shared file of each language, and one file per feature and language
 * (web/i18n/features/<feature>.<lang>.json) whose top-level namespaces must not collide with the shared file's.
 * All three at once, for tests and tools; the app itself loads English and fetches the reader's other language
 * (web/i18n/index.ts).
 */
import en from './lang-en';
import fr from './lang-fr';
import es from './lang-es';
import type { Locale } from '../../src/contracts/locales';
import type { Tree } from './merge';

export const TRANSLATIONS: Record<Locale, Tree> = { en, fr, es };
