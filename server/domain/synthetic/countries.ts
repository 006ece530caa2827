import countries from 'i18n-iso-countries';
import { zipfPicker } from './prng';

/**
 * Countries in the order of how often they appear in counter-trafficking case data, so a Zipf
 * draw over them gives the realistic skew: a handful of countries hold most cases.
 */
export const CITIZENSHIP_ORDER = [
  'UA', 'PH', 'MD', 'ID', 'KH', 'MM', 'NG', 'BY', 'RO', 'VN', 'HT', 'US', 'BD', 'NP', 'LA', 'TH',
  'KG', 'UZ', 'GH', 'ET', 'KE', 'UG', 'CI', 'SN', 'ML', 'BF', 'CM', 'CD', 'AF', 'PK', 'IN', 'LK',
  'CN', 'MX', 'GT', 'HN', 'SV', 'CO', 'VE', 'BR', 'AL', 'BG', 'RS', 'MA', 'ER', 'SD', 'SO', 'NA',
] as const;

export const EXPLOITATION_ORDER = [
  'US', 'RU', 'UA', 'PH', 'MY', 'TH', 'ID', 'MD', 'KH', 'SA', 'AE', 'PL', 'TR', 'FR', 'DE', 'IT',
  'GB', 'HT', 'KW', 'QA', 'JP', 'CN', 'MX', 'GH', 'NG', 'CI', 'KZ', 'CZ', 'ES', 'NA',
] as const;

export const citizenshipPicker = zipfPicker(CITIZENSHIP_ORDER, 1.2);
export const exploitationPicker = zipfPicker(EXPLOITATION_ORDER, 1.15);

/** French names as French shelters type them; several spellings where people really vary. */
const FRENCH_NAMES: Record<string, readonly string[]> = {
  UA: ['Ukraine'], PH: ['Philippines'], MD: ['Moldavie', 'Moldova', 'République de Moldavie'],
  ID: ['Indonésie'], KH: ['Cambodge'], MM: ['Myanmar', 'Birmanie'], NG: ['Nigéria', 'Nigeria'],
  BY: ['Biélorussie', 'Bélarus'], RO: ['Roumanie'], VN: ['Vietnam', 'Viêt Nam'], HT: ['Haïti', 'Haiti'],
  US: ['États-Unis', 'Etats-Unis', "États-Unis d'Amérique"], BD: ['Bangladesh'], NP: ['Népal'],
  LA: ['Laos'], TH: ['Thaïlande'], KG: ['Kirghizistan'], UZ: ['Ouzbékistan'], GH: ['Ghana'],
  ET: ['Éthiopie', 'Ethiopie'], KE: ['Kenya'], UG: ['Ouganda'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire", "Côte-d'Ivoire"], SN: ['Sénégal', 'Senegal'], ML: ['Mali'],
  BF: ['Burkina Faso'], CM: ['Cameroun'], CD: ['RD Congo', 'République démocratique du Congo'],
  AF: ['Afghanistan'], PK: ['Pakistan'], IN: ['Inde'], LK: ['Sri Lanka'], CN: ['Chine'],
  MX: ['Mexique'], GT: ['Guatemala'], HN: ['Honduras'], SV: ['Salvador'], CO: ['Colombie'],
  VE: ['Venezuela'], BR: ['Brésil'], AL: ['Albanie'], BG: ['Bulgarie'], RS: ['Serbie'],
  MA: ['Maroc'], ER: ['Érythrée', 'Erythrée'], SD: ['Soudan'], SO: ['Somalie'], NA: ['Namibie'],
  RU: ['Russie'], MY: ['Malaisie'], SA: ['Arabie saoudite'], AE: ['Émirats arabes unis'],
  PL: ['Pologne'], TR: ['Turquie'], FR: ['France'], DE: ['Allemagne'], IT: ['Italie'],
  GB: ['Royaume-Uni'], KW: ['Koweït'], QA: ['Qatar'], JP: ['Japon'], KZ: ['Kazakhstan'],
  CZ: ['République tchèque', 'Tchéquie'], ES: ['Espagne'],
};

export function frenchCountryNames(alpha2: string): readonly string[] {
  return FRENCH_NAMES[alpha2] ?? [alpha2];
}

export function alpha3(alpha2: string): string {
  return countries.alpha2ToAlpha3(alpha2) ?? alpha2;
}
