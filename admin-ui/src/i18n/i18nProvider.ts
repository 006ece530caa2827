import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { apiCall, sayErrorCodesWith } from '../api/http';
import { session, type Locale, type SessionUser } from '../auth/session';
import en from './en';

export const LOCALES: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
  { locale: 'es', name: 'Español' },
];

// English ships in the main bundle; French and Spanish load when chosen.
const messages = (locale: string) => {
  if (locale === 'fr') return import('./fr').then((m) => m.default);
  if (locale === 'es') return import('./es').then((m) => m.default);
  return en;
};

const polyglot = polyglotI18nProvider(messages, 'en', LOCALES, { allowMissing: true });

// The API's error codes in the reader's language (English readers get the server's words alone).
sayErrorCodesWith((code) => (polyglot.getLocale() === 'en' ? undefined : polyglot.translate(`app.api_errors.${code}`, { _: '' }) || undefined));

/** Saves the signed-in user's language choice on the server so every device opens in it. */
export async function saveLocale(locale: Locale): Promise<void> {
  const user = session.user();
  if (!user || user.locale === locale) return;
  try {
    session.set((await apiCall<SessionUser>('PATCH', '/auth/me', { locale })) ?? { ...user, locale });
  } catch (err) {
    console.warn('Could not save the language choice', err);
  }
}

export const i18nProvider: I18nProvider = {
  ...polyglot,
  async changeLocale(locale, options) {
    await polyglot.changeLocale(locale, options);
    // Screen readers and the browser's spell-checker follow the page's declared language.
    document.documentElement.lang = locale;
    await saveLocale(locale as Locale);
  },
};
