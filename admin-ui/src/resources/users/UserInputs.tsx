import {
  CheckboxGroupInput, email, FormDataConsumer, minLength, PasswordInput, required, SelectInput, TextInput, useTranslate,
} from 'react-admin';
import { ROLES } from '../../auth/roles';
import { LOCALES } from '../../i18n/i18nProvider';

export const roleChoices = ROLES.map((role) => ({ id: role, name: `roles.${role}` }));
const localeChoices = LOCALES.map((l) => ({ id: l.locale, name: l.name }));

export interface UserFormValues {
  name: string;
  email: string;
  roles: string[];
  partnerId?: string | null;
  locale?: string;
  password?: string;
}

/** Only the fields the API accepts; a partner id only for partner users (the API refuses it for staff). */
export function userPayload(values: Partial<UserFormValues>, withPassword: boolean) {
  const roles = values.roles ?? [];
  const payload: Record<string, unknown> = {
    name: values.name,
    email: values.email,
    roles,
    partnerId: roles.includes('partner_user') ? values.partnerId?.trim() || null : null,
    locale: values.locale || undefined,
  };
  if (withPassword) payload.password = values.password;
  return payload;
}

export const UserInputs = ({ withPassword }: { withPassword: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" validate={required()} autoComplete="off" />
      <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
      <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} helperText={translate('app.users.roles_help')} />
      <FormDataConsumer<UserFormValues>>
        {({ formData }) =>
          formData.roles?.includes('partner_user') ? (
            <TextInput source="partnerId" validate={required()} helperText={translate('app.users.partner_help')} />
          ) : null
        }
      </FormDataConsumer>
      <SelectInput source="locale" choices={localeChoices} translateChoice={false} defaultValue="en" validate={required()} />
      {withPassword && (
        <PasswordInput
          source="password"
          autoComplete="new-password"
          validate={[required(), minLength(10, 'app.users.password_min')]}
          helperText={translate('app.users.password_help')}
        />
      )}
    </>
  );
};
