import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { Login, useLocaleState, useTranslate } from 'react-admin';
import { session, type Locale } from '../auth/session';
import { LOCALES } from '../i18n/i18nProvider';
import { SignInForm } from './SignInForm';

/** Chosen before signing in, the language is then saved as the user's own (see LocaleSync). */
const LanguagePicker = () => {
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={locale}
      aria-label={translate('app.login.language')}
      onChange={(_e, next: Locale | null) => {
        if (!next) return;
        session.rememberLocaleChoice(next);
        setLocale(next);
      }}
    >
      {LOCALES.map((l) => (
        <ToggleButton key={l.locale} value={l.locale} lang={l.locale}>
          {l.name}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

const Heading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, textAlign: 'center' }}>
      <Typography variant="h6" component="h1">
        {translate('app.login.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 300, mx: 'auto' }}>
        {translate('app.login.subtitle')}
      </Typography>
    </Box>
  );
};

export const LoginPage = () => (
  <Login avatarIcon={<LockIcon />}>
    <Heading />
    <SignInForm />
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
      <LanguagePicker />
    </Box>
  </Login>
);
