export { normaliseCountry, isPublishableCountryCode } from './normalise-country';
export type { CountryResult, NormaliseCountryOptions } from './normalise-country';
export { countryKey } from './country-key';
export { countryName, COUNTRY_NAME_LOCALES } from './country-index';
