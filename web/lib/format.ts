import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const INTL_LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** Formatting in the reader's language: dates, numbers, country names, relative times. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const locale = INTL_LOCALES[lang] ?? lang;
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFmt = new Intl.NumberFormat(locale);
    const compactFmt = new Intl.NumberFormat(locale, { notation: 'compact' });
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      regions = null;
    }
    const parse = (v: string): Date | null => {
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
      locale,
      /** A calendar date (YYYY-MM-DD or an instant), e.g. "3 Mar 2026". */
      date: (v: string | null | undefined): string => {
        if (!v) return '';
        const d = parse(v);
        return d ? dateFmt.format(d) : v;
      },
      /** An instant with its time, in the reader's time zone. */
      dateTime: (v: string | null | undefined): string => {
        if (!v) return '';
        const d = parse(v);
        return d ? dateTimeFmt.format(d) : v;
      },
      /** "3 days ago", "yesterday"... */
      relative: (v: string | null | undefined, now = Date.now()): string => {
        if (!v) return '';
        const d = parse(v);
        if (!d) return v;
        const s = Math.round((d.getTime() - now) / 1000);
        const abs = Math.abs(s);
        if (abs < 60) return rtf.format(s, 'second');
        if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
        if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
        if (abs < 86400 * 30) return rtf.format(Math.round(s / 86400), 'day');
        if (abs < 86400 * 365) return rtf.format(Math.round(s / (86400 * 30)), 'month');
        return rtf.format(Math.round(s / (86400 * 365)), 'year');
      },
      number: (n: number): string => numberFmt.format(n),
      compact: (n: number): string => compactFmt.format(n),
      /** A country's name in the reader's language, from its ISO code. */
      country: (code: string | null | undefined, fallback?: string): string => {
        if (!code) return '';
        try {
          return regions?.of(code) ?? fallback ?? code;
        } catch {
          return fallback ?? code;
        }
      },
    };
  }, [lang]);
}
