import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './lang-en';
import type { Tree } from './merge';
import { LOCALES, type Locale } from '../../src/contracts/locales';
import { setApiLanguage } from '../lib/api';

export const LANGUAGE_STORAGE_KEY = 'accord.language';

/** The language names, each in its own language (so a lost reader finds theirs). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

function initialLanguage(): Locale {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    /* storage may be blocked */
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l?.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  setApiLanguage(lng);
}

/**
 * English is in the app (it is also the fallback); French and Spanish are chunks of their own, fetched when a
 * reader needs them, so nobody downloads the languages they do not read.
 */
const LOADERS: Record<Locale, () => Promise<{ default: Tree }>> = {
  en: async () => ({ default: en }),
  fr: () => import('./lang-fr'),
  es: () => import('./lang-es'),
};

async function loadLanguage(lng: Locale): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const { default: tree } = await LOADERS[lng]();
  i18n.addResourceBundle(lng, 'translation', tree, true, true);
}

/** Switches the language once its translations have arrived (rejects, leaving the language as it was, if they cannot be fetched). */
export async function changeLanguage(lng: Locale): Promise<void> {
  await loadLanguage(lng);
  await i18n.changeLanguage(lng);
}

const initial = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** A language the reader chose is remembered in this browser (not the one guessed from the browser's settings). */
function remember(lng: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    /* storage may be blocked */
  }
}

/** Resolves once the reader's language is ready (English at once; English too if it cannot be fetched); the app renders after it. */
export const i18nReady: Promise<void> = (initial === 'en' ? Promise.resolve() : changeLanguage(initial).catch(() => undefined)).then(() => {
  i18n.on('languageChanged', remember);
});

export default i18n;
