import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { TRANSLATIONS } from './resources';
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

void i18n.use(initReactI18next).init({
  resources: { en: { translation: TRANSLATIONS.en }, fr: { translation: TRANSLATIONS.fr }, es: { translation: TRANSLATIONS.es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
});

export default i18n;
