import { useEffect } from 'react';
import { useLocaleState, useNotify } from 'react-admin';
import { session, type Locale } from '../auth/session';
import { saveLocale } from '../i18n/i18nProvider';

/**
 * Once per sign-in: a language picked on the sign-in page is saved as the user's choice;
 * otherwise the language saved on the server (chosen on another device) is applied here.
 */
export const LocaleSync = () => {
  const [locale, setLocale] = useLocaleState();
  const notify = useNotify();
  useEffect(() => {
    const user = session.user();
    if (!user || !session.claimLocaleSync(user.id)) return;
    const chosen = session.takeLocaleChoice();
    if (chosen && chosen === locale) {
      saveLocale(chosen).catch(() => notify('app.locale.save_failed', { type: 'warning' }));
    } else if (user.locale !== (locale as Locale)) {
      setLocale(user.locale);
    }
  }, [locale, setLocale, notify]);
  return null;
};
