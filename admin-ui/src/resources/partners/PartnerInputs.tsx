import { AutocompleteArrayInput, maxLength, regex, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useCountries } from './countries';
import { CADENCES, DATA_SOURCES, dataSourceKey, PARTNER_TYPES } from './types';

export const typeChoices = PARTNER_TYPES.map((t) => ({ id: t, name: `app.partners.types.${t}` }));
export const cadenceChoices = CADENCES.map((c) => ({ id: c, name: `app.partners.cadences.${c}` }));
export const dataSourceChoices = DATA_SOURCES.map((d) => ({ id: d, name: `app.partners.data_sources.${dataSourceKey(d)}` }));

const EDITABLE = ['name', 'shortCode', 'type', 'countries', 'website', 'description', 'dataSource', 'cadence'] as const;

/** Only the fields the API accepts (its schema is strict): the detail also holds contacts, agreements, state. */
export function partnerPayload(values: Record<string, unknown>) {
  return Object.fromEntries(EDITABLE.filter((k) => values[k] !== undefined).map((k) => [k, values[k] ?? (k === 'countries' ? [] : null)]));
}

/**
 * The profile form. The checks here only spare a round trip: the server validates again, and its
 * field messages (e.g. "Short code: 2-20 letters, digits or dashes") show under the inputs.
 */
export const PartnerInputs = () => {
  const translate = useTranslate();
  const { choices } = useCountries();
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <TextInput source="shortCode" validate={[required(), regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/, 'app.partners.short_code_format')]}
        helperText={translate('app.partners.short_code_help')} />
      <SelectInput source="type" choices={typeChoices} validate={required()} />
      <AutocompleteArrayInput source="countries" choices={choices} translateChoice={false} helperText={translate('app.partners.countries_help')} />
      <TextInput source="website" placeholder="https://" />
      <TextInput source="description" multiline minRows={3} />
      <SelectInput source="dataSource" choices={dataSourceChoices} validate={required()} />
      <SelectInput source="cadence" choices={cadenceChoices} validate={required()} helperText={translate('app.partners.cadence_help')} />
    </>
  );
};
