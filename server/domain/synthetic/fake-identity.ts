import type { Rng } from './prng';
import {
  CITIES_EN, CITIES_FR, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, NARRATIVE_EN, NARRATIVE_FR,
  STREETS_EN, STREETS_FR,
} from './word-lists';

/** Fake direct identifiers. They look real enough for identifier detection to be tested on them. */
export interface FakePerson {
  firstName: string;
  lastName: string;
}

export function fakePerson(rng: Rng): FakePerson {
  return { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES) };
}

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

export function fakeInternationalPhone(rng: Rng): string {
  const prefix = rng.pick(['+1', '+63', '+380', '+373', '+234', '+855', '+62']);
  const spaced = rng.chance(0.5);
  const body = digits(rng, 9);
  return spaced ? `${prefix} ${body.slice(0, 3)} ${body.slice(3, 6)} ${body.slice(6)}` : `${prefix}${body}`;
}

export function fakeFrenchPhone(rng: Rng): string {
  const body = `0${rng.pick(['6', '7', '1', '4'])}${digits(rng, 8)}`;
  return rng.chance(0.7) ? body.replace(/(\d{2})(?=\d)/g, '$1 ') : body;
}

export function fakeEmail(rng: Rng, person: FakePerson): string {
  const local = `${person.firstName}.${person.lastName}`.toLowerCase().replace(/\s+/g, '');
  return `${local}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function fakeEnglishAddress(rng: Rng): string {
  return `${rng.int(1, 480)} ${rng.pick(STREETS_EN)}, ${rng.pick(CITIES_EN)}`;
}

export function fakeFrenchAddress(rng: Rng): string {
  const [postcode, city] = rng.pick(CITIES_FR);
  return `${rng.int(1, 150)} ${rng.pick(STREETS_FR)}, ${postcode} ${city}`;
}

export function fakePassportNumber(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return letters[rng.int(0, letters.length - 1)] + letters[rng.int(0, letters.length - 1)] + digits(rng, 7);
}

export function fakeEnglishNarrative(rng: Rng, person: FakePerson): string {
  const n = NARRATIVE_EN;
  const subject = rng.chance(0.5) ? person.firstName : 'she';
  const parts = [`${rng.pick(n.openings)} ${subject} ${rng.pick(n.recruitment)}.`];
  const conditions = rng.int(1, 3);
  for (let i = 0; i < conditions; i++) parts.push(`Says ${rng.pick(n.conditions)}.`);
  parts.push(rng.pick(n.closings));
  return parts.join(' ');
}

export function fakeFrenchNarrative(rng: Rng, person: FakePerson): string {
  const n = NARRATIVE_FR;
  const parts = [`${rng.pick(n.openings)} ${rng.pick(n.recruitment)}.`];
  const conditions = rng.int(1, 2);
  for (let i = 0; i < conditions; i++) parts.push(`Elle indique : ${rng.pick(n.conditions)}.`);
  if (rng.chance(0.3)) parts.push(`Accompagnée par ${person.firstName}.`);
  parts.push(rng.pick(n.closings));
  return parts.join(' ');
}
