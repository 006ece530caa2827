/**
 * How partners name the columns that feed each variable, in English, French, Spanish and
 * Portuguese. Matched word by word after stemming (see words.ts), so case and punctuation vary.
 */
export const COLUMN_ALIASES: Record<string, string[]> = {
  yearOfRegistration: [
    'year of registration', 'registration year', 'registration date', 'date of registration', 'date registered',
    'date first contact', 'first contact date', 'date of first contact', 'intake date', 'date of intake', 'date opened',
    'case opened', 'opening date', 'date of identification', 'identification date', 'call date', 'date of call',
    'date d arrivee', 'date arrivee', 'date d entree', 'date d accueil', 'date d enregistrement', 'annee',
    'fecha de registro', 'fecha de ingreso', 'fecha de llegada', 'ano de registro', 'data de registro', 'data de entrada',
  ],
  Datasource: ['datasource', 'data source', 'source of data', 'source type'],
  gender: ['gender', 'sex', 'sexe', 'genre', 'sexo', 'genero'],
  ageBroad: [
    'age', 'age at registration', 'age at identification', 'age years', 'age in years', 'age band', 'age group', 'age range',
    'age broad', 'tranche d age', 'edad', 'idade', 'grupo de edad', 'faixa etaria',
  ],
  majorityStatus: [
    'majority status', 'minor', 'is minor', 'minor at registration', 'adult or minor', 'mineur', 'mineure',
    'mineur e a l arrivee', 'mineur a l arrivee', 'menor de edad', 'menor', 'menor de idade',
  ],
  majorityStatusAtExploit: [
    'majority status at exploit', 'minor at exploitation', 'age at exploitation', 'age when exploitation began',
    'age at start of exploitation', 'mineur au debut de l exploitation', 'edad al inicio de la explotacion',
  ],
  majorityEntry: [
    'majority entry', 'minor at entry', 'age at entry', 'age at recruitment', 'age when recruited',
    'age au recrutement', 'edad al reclutamiento',
  ],
  citizenship: [
    'citizenship', 'nationality', 'country of citizenship', 'country of origin', 'origin country', 'nationalite',
    'pays d origine', 'nacionalidad', 'pais de origen', 'nacionalidade', 'pais de origem',
  ],
  CountryOfExploitation: [
    'country of exploitation', 'exploitation country', 'country exploited', 'destination country', 'country of destination',
    'country identified', 'country of identification', 'location of exploitation', 'pays d exploitation',
    'pays de destination', 'pais de explotacion', 'pais de destino', 'pais de exploracao',
  ],
  isAbduction: ['abduction', 'abducted', 'is abducted', 'kidnapped', 'enlevement', 'enleve', 'secuestro', 'rapto', 'sequestro'],
  meansOfControl: ['means of control', 'methods of control', 'control methods', 'moyens de controle', 'medios de control', 'meios de controle'],
  exploitType: ['type of exploitation', 'exploitation type', 'form of exploitation', 'type d exploitation', 'tipo de explotacion', 'tipo de exploracao'],
  typeOfLabour: [
    'type of labour', 'labour sector', 'sector', 'industry', 'forced labour industry', 'labour industry', 'type of labour exploitation',
    'secteur d activite', 'secteur', 'sector de actividad', 'setor de atividade', 'work sector',
  ],
  typeOfSex: [
    'type of sex', 'type of sexual exploitation', 'sexual exploitation type', 'type of sex exploitation', 'sex industry',
    'type d exploitation sexuelle', 'tipo de explotacion sexual',
  ],
  recruiter: [
    'recruiter relationship', 'recruited by', 'recruiter', 'recruiter type', 'who recruited', 'relationship to recruiter', 'relation with recruiter', 'recruiter relation',
    'lien avec le recruteur', 'relation avec le recruteur', 'relacion con el reclutador', 'relacao com o recrutador',
  ],
};

/** HTCDS case-management field names and the variable (or flag group) they feed. */
export const HTCDS_FIELDS: Record<string, string> = {
  prs_Gender: 'gender',
  prs_Age: 'ageBroad',
  prs_Nationality: 'citizenship',
  prs_Citizenship: 'citizenship',
  vic_CountryOfExploitation: 'CountryOfExploitation',
  vic_LocationOfExploitation: 'CountryOfExploitation',
  vic_MethodsOfControl: 'meansOfControl',
  vic_TypeOfExploitation: 'exploitType',
  vic_ForcedLabourIndustry: 'typeOfLabour',
  vic_LabourIndustry: 'typeOfLabour',
  vic_TypeOfLabourExploitation: 'typeOfLabour',
  vic_TypeOfSexExploitation: 'typeOfSex',
  vic_SexualExploitationType: 'typeOfSex',
  vic_IsAbducted: 'isAbduction',
  vic_RecruiterRelationship: 'recruiter',
  vic_AgeAtExploitation: 'majorityStatusAtExploit',
  cas_DateOfRegistration: 'yearOfRegistration',
  cas_RegistrationDate: 'yearOfRegistration',
  cas_IncomingReferralDate: 'yearOfRegistration',
};

/** Words saying a column is about a person's birth. */
export const BIRTH_DATE_ALIASES = [
  'date of birth', 'birth date', 'birthdate', 'dob', 'born', 'date de naissance', 'naissance', 'fecha de nacimiento',
  'nacimiento', 'data de nascimento', 'nascimento',
];

/** Words in a column name suggesting the file comes from a hotline rather than case management. */
export const HOTLINE_WORDS = ['call', 'caller', 'hotline', 'helpline', 'appel', 'appelant', 'llamada', 'chamada', 'ligacao'];
