import { useState } from 'react';
import { Alert, Button, CardContent, CircularProgress } from '@mui/material';
import { Form, PasswordInput, required, TextInput, useLogin, useTranslate } from 'react-admin';
import { SignInError } from '../auth/authProvider';

interface Credentials {
  username: string;
  password: string;
}

/** react-admin's sign-in form, with the reason for a refusal shown in the form itself. */
export const SignInForm = () => {
  const login = useLogin();
  const translate = useTranslate();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    setError(null);
    try {
      await login(values as unknown as Credentials);
    } catch (err) {
      setError(err instanceof SignInError ? translate(err.key, { ...err.values, _: err.serverMessage }) : translate('app.login.unavailable'));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320, pb: '16px !important' }}>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="sign-in-error">
            {error}
          </Alert>
        )}
        <TextInput
          autoFocus
          source="username"
          type="email"
          label={translate('app.login.email')}
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput source="password" label={translate('app.login.password')} autoComplete="current-password" validate={required()} />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate('app.login.submit')}
        </Button>
      </CardContent>
    </Form>
  );
};
