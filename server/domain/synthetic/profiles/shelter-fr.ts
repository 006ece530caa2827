import { frenchDate } from '../calendar';
import { frenchCountryNames } from '../countries';
import { dirty, yesNo } from '../dirt';
import { fakeFrenchAddress, fakeFrenchNarrative, fakeFrenchPhone, fakePerson } from '../fake-identity';
import type { CaseFacts, Exploitation, LabourType, MeanOfControl, RecruiterRelation } from '../case-facts';
import type { Rng } from '../prng';
import type { GroundTruthEntry, PartnerProfile } from '../types';

/**
 * A French shelter's register kept in a spreadsheet and saved as "CSV (séparateur : point-virgule)":
 * Windows-1252, `;`, a title line above the header, country names written out, ages as text.
 */
const EXPLOITATIONS: Partial<Record<Exploitation, string>> = {
  SexualExploit: 'Exploitation sexuelle', ForcedLabour: 'Travail forcé', ForcedMarriage: 'Mariage forcé',
  OtherExploit: 'Autre', SlaveryAndPractices: 'Esclavage', ForcedMilitary: 'Autre', OrganRemoval: "Prélèvement d'organes",
};
const SECTORS: Record<LabourType, string> = {
  Agriculture: 'Agriculture', Aquafarming: 'Pêche', Begging: 'Mendicité', Construction: 'BTP',
  DomesticWork: 'Travail domestique', Hospitality: 'Hôtellerie-restauration', IllicitActivities: 'Activités illicites',
  Manufacturing: 'Industrie', MiningOrDrilling: 'Mines', Peddling: 'Vente de rue', Transportation: 'Transport', Other: 'Autre',
};
const CONTROLS: Partial<Record<MeanOfControl, string>> = {
  DebtBondage: 'Servitude pour dettes', TakesEarnings: 'Confiscation des gains', Threats: 'Menaces',
  PsychologicalAbuse: 'Violences psychologiques', PhysicalAbuse: 'Violences physiques',
  SexualAbuse: 'Violences sexuelles', FalsePromises: 'Fausses promesses', PsychoactiveSubstances: 'Drogues ou alcool',
  RestrictsMovement: 'Restriction de liberté', WithholdsDocuments: 'Confiscation des papiers',
  ExcessiveWorkingHours: 'Horaires excessifs', Other: 'Autre',
};
const RELATIONS: Record<RecruiterRelation, string> = {
  IntimatePartner: 'Conjoint', Friend: 'Ami(e)', Family: 'Famille', Other: 'Autre', Unknown: 'Inconnu',
};

const COLUMNS = [
  'N° dossier', "Date d'arrivée", 'Nom', 'Prénom', 'Sexe', 'Âge', 'Date de naissance', 'Nationalité',
  "Pays d'exploitation", 'Adresse', 'Téléphone', "Type d'exploitation", "Secteur d'activité",
  'Moyens de contrôle', 'Enlèvement', 'Lien avec le recruteur', "Mineur(e) à l'arrivée", 'Équipe',
  'Hébergement', 'Date de sortie', 'Observations',
];

function ageText(rng: Rng, age: number | null): string {
  if (age === null) return rng.pick(['', 'inconnu', '?']);
  const r = rng.next();
  if (r < 0.7) return `${age} ans`;
  if (r < 0.85) return String(age);
  if (r < 0.95) return `${age}ans`;
  return `env. ${age} ans`;
}

function country(rng: Rng, alpha2: string | null): string {
  if (alpha2 === null) return '';
  return dirty(rng, rng.pick(frenchCountryNames(alpha2)), 0, 0.04);
}

function renderRow(f: CaseFacts, rng: Rng, rowIndex: number): string[] {
  const person = fakePerson(rng);
  const exploitations = [...new Set(f.exploitations.map((e) => EXPLOITATIONS[e] ?? 'Autre'))];
  const controls = f.meansOfControl.flatMap((m) => (CONTROLS[m] ? [CONTROLS[m]] : []));
  const gender = f.gender === null ? '' : f.gender === 'Female' ? rng.pick(['F', 'Femme']) : f.gender === 'Male' ? rng.pick(['M', 'H', 'Homme']) : 'Transgenre';
  return [
    `FT-${frenchDate(f.registeredOn).slice(6)}-${String(rowIndex + 1).padStart(5, '0')}`,
    frenchDate(f.registeredOn),
    person.lastName.toUpperCase(),
    person.firstName,
    gender,
    ageText(rng, f.age),
    f.birthDay === null || rng.chance(0.5) ? '' : frenchDate(f.birthDay),
    country(rng, f.citizenship),
    country(rng, f.countryOfExploitation),
    rng.chance(0.5) ? '' : fakeFrenchAddress(rng),
    rng.chance(0.3) ? '' : fakeFrenchPhone(rng),
    exploitations.join(' / '),
    f.labourType === null ? '' : SECTORS[f.labourType],
    controls.join(', '),
    yesNo(rng, f.isAbduction, 'Oui/Non'),
    f.recruiterRelation === null ? '' : RELATIONS[f.recruiterRelation],
    f.age === null ? '' : yesNo(rng, f.age < 18, 'Oui/Non', 0.02),
    rng.pick(['Équipe A', 'Équipe B', 'Équipe C']),
    rng.pick(['Foyer', 'Foyer', 'Appartement relais', 'Hôtel', 'Famille d’accueil']),
    rng.chance(0.6) ? '' : frenchDate(f.registeredOn + rng.int(3, 200)),
    rng.chance(0.4) ? '' : fakeFrenchNarrative(rng, person),
  ];
}

const split = (prefix: string, column: string, codes: Partial<Record<string, string>>): GroundTruthEntry[] =>
  Object.entries(codes).map(([flag, code]) => ({
    variable: `${prefix}${flag}`, sourceColumns: [column], transform: 'split_multi_value', sourceValue: code,
  }));

const groundTruth: GroundTruthEntry[] = [
  { variable: 'yearOfRegistration', sourceColumns: ["Date d'arrivée"], transform: 'year_from_date' },
  { variable: 'Datasource', sourceColumns: [], transform: 'constant', sourceValue: 'Case Management' },
  {
    variable: 'gender', sourceColumns: ['Sexe'], transform: 'value_map',
    values: { F: 'Female', Femme: 'Female', M: 'Male', H: 'Male', Homme: 'Male', Transgenre: 'Transgender/NonConforming' },
  },
  { variable: 'ageBroad', sourceColumns: ['Âge'], transform: 'age_band_from_text' },
  { variable: 'majorityStatus', sourceColumns: ["Mineur(e) à l'arrivée"], transform: 'value_map', values: { Oui: 'Minor', Non: 'Adult' } },
  { variable: 'citizenship', sourceColumns: ['Nationalité'], transform: 'country_name' },
  { variable: 'CountryOfExploitation', sourceColumns: ["Pays d'exploitation"], transform: 'country_name' },
  ...split('is', "Type d'exploitation", {
    SexualExploit: 'Exploitation sexuelle', ForcedLabour: 'Travail forcé', ForcedMarriage: 'Mariage forcé',
    OtherExploit: 'Autre', SlaveryAndPractices: 'Esclavage', OrganRemoval: "Prélèvement d'organes",
  }),
  ...split('typeOfLabour', "Secteur d'activité", SECTORS),
  ...split('meansOfControl', 'Moyens de contrôle', CONTROLS),
  { variable: 'isAbduction', sourceColumns: ['Enlèvement'], transform: 'binary' },
  ...split('recruiterRelation', 'Lien avec le recruteur', RELATIONS),
];

export const shelterFrProfile: PartnerProfile = {
  name: 'shelter_fr',
  description: 'French shelter register: Windows-1252, semicolon-separated, title line, names written out',
  delimiter: ';',
  encoding: 'windows-1252',
  bom: false,
  lineEnding: '\r\n',
  titleLines: ['Foyer Les Tilleuls — registre des personnes accueillies'],
  columns: COLUMNS,
  identifiers: [
    { column: 'N° dossier', kind: 'case_number' },
    { column: "Date d'arrivée", kind: 'precise_date' },
    { column: 'Nom', kind: 'name' },
    { column: 'Prénom', kind: 'name' },
    { column: 'Date de naissance', kind: 'birth_date' },
    { column: 'Adresse', kind: 'address' },
    { column: 'Téléphone', kind: 'phone' },
    { column: 'Date de sortie', kind: 'precise_date' },
    { column: 'Observations', kind: 'free_text' },
  ],
  groundTruth,
  renderRow,
};
