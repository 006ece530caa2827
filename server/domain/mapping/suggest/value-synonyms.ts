/**
 * Spellings partners use for the standard's codes and flags, beyond what the standard's own codes
 * and labels give (those are matched anyway). English, French, Spanish, Portuguese and HTCDS codes.
 */
export const CODE_SYNONYMS: Record<string, Record<string, string[]>> = {
  gender: {
    Female: ['f', 'female', 'woman', 'girl', 'feminine', 'femme', 'feminin', 'feminine', 'fille', 'mujer', 'femenino', 'nina', 'mulher', 'feminino', 'menina', 'w'],
    Male: ['m', 'male', 'man', 'boy', 'masculine', 'homme', 'h', 'masculin', 'garcon', 'hombre', 'masculino', 'nino', 'homem', 'menino', 'varon'],
    'Transgender/NonConforming': [
      't', 'trans', 'transgender', 'transgenre', 'transgenero', 'transgenderfeminine', 'transgender feminine',
      'transgendermasculine', 'transgender masculine', 'nonbinary', 'non binary', 'non-binary', 'non binaire', 'no binario',
      'nao binario', 'nonconforming', 'gender nonconforming', 'transgender/nonconforming',
    ],
  },
  majority: {
    Minor: ['minor', 'child', 'mineur', 'mineure', 'enfant', 'menor', 'nino', 'crianca', 'under 18', '<18', 'moins de 18 ans'],
    Adult: ['adult', 'adulte', 'majeur', 'majeure', 'adulto', 'adulta', 'mayor', 'maior', 'over 18', '18+'],
  },
  Datasource: {
    'Case Management': ['case management', 'case', 'casework', 'case manager', 'gestion de cas', 'gestion de casos'],
    Hotline: ['hotline', 'helpline', 'call', 'ligne d ecoute', 'linea directa', 'linha direta'],
  },
};

/** Phrases per flag variable; the flag's own name words and label are matched anyway. */
export const FLAG_SYNONYMS: Record<string, string[]> = {
  meansOfControlDebtBondage: ['debt', 'dette', 'servitude pour dettes', 'deuda', 'servidumbre por deudas', 'divida', 'servidao por dividas'],
  meansOfControlTakesEarnings: ['earnings taken', 'wages withheld', 'confiscation des gains', 'confiscation du salaire', 'retencion de salario', 'retencao de salario'],
  meansOfControlRestrictsFinancialAccess: ['financial access restricted', 'restriction financiere'],
  meansOfControlThreats: ['menaces', 'amenazas', 'ameacas', 'intimidation'],
  meansOfControlPsychologicalAbuse: ['violences psychologiques', 'violence psychologique', 'abuso psicologico', 'violencia psicologica', 'emotional abuse'],
  meansOfControlPhysicalAbuse: ['violences physiques', 'violence physique', 'abuso fisico', 'violencia fisica', 'physical violence'],
  meansOfControlSexualAbuse: ['violences sexuelles', 'violence sexuelle', 'abuso sexual', 'violencia sexual', 'sexual violence'],
  meansOfControlFalsePromises: ['fausses promesses', 'falsas promesas', 'falsas promessas', 'deception', 'tromperie', 'engano'],
  meansOfControlPsychoactiveSubstances: ['drugs', 'alcohol', 'drugs alcohol', 'drugs or alcohol', 'drogues', 'drogues ou alcool', 'drogas', 'drogas o alcohol', 'substances'],
  meansOfControlRestrictsMovement: ['movement restricted', 'restricted movement', 'restriction de liberte', 'sequestration', 'confinement', 'restriccion de movimiento', 'isolation', 'isolement'],
  meansOfControlRestrictsMedicalCare: ['medical care restricted', 'privation de soins', 'restriction des soins'],
  meansOfControlExcessiveWorkingHours: ['excessive hours', 'horaires excessifs', 'horas excesivas', 'overtime'],
  meansOfControlUsesChildren: ['threatens children', 'menaces sur les enfants'],
  meansOfControlThreatOfLawEnforcement: ['threats of law enforcement', 'menace de denonciation', 'amenaza de denuncia', 'threat of deportation'],
  meansOfControlWithholdsNecessities: ['necessities withheld', 'privation de nourriture', 'privation'],
  meansOfControlWithholdsDocuments: ['documents withheld', 'confiscation des papiers', 'confiscation des documents', 'retencion de documentos', 'passport confiscated', 'papers'],
  meansOfControlOther: ['other', 'autre', 'autres', 'otro', 'otros', 'outro'],
  meansOfControlNotSpecified: ['not specified', 'notspecified', 'non precise', 'non specifie', 'no especificado', 'nao especificado'],
  isForcedLabour: ['forced labour', 'labour exploitation', 'labour', 'travail force', 'exploitation par le travail', 'trabajo forzoso', 'trabalho forcado', 'explotacion laboral'],
  isSexualExploit: ['sexual exploitation', 'sexual', 'sex', 'exploitation sexuelle', 'explotacion sexual', 'exploracao sexual', 'sex trafficking'],
  isOtherExploit: ['other', 'autre', 'otro', 'outro', 'other exploitation', 'autre exploitation'],
  isSexAndLabour: ['sex and labour'],
  isForcedMarriage: ['mariage force', 'matrimonio forzado', 'casamento forcado'],
  isForcedMilitary: ['child soldier', 'enrolement force', 'reclutamiento forzoso'],
  isOrganRemoval: ['prelevement d organes', 'extraccion de organos', 'remocao de orgaos', 'organ trafficking', 'organs'],
  isSlaveryAndPractices: ['slavery', 'esclavage', 'esclavitud', 'escravidao', 'slavery and similar practices'],
  typeOfLabourAgriculture: ['agricultura', 'farming', 'farm'],
  typeOfLabourAquafarming: ['fishing', 'fisheries', 'aquaculture', 'peche', 'pesca'],
  typeOfLabourBegging: ['mendicite', 'mendicidad', 'mendicancia'],
  typeOfLabourConstruction: ['btp', 'batiment', 'construccion', 'construcao'],
  typeOfLabourDomesticWork: ['domestic servitude', 'travail domestique', 'trabajo domestico', 'trabalho domestico', 'domestic'],
  typeOfLabourHospitality: ['hotellerie restauration', 'hotellerie', 'restauration', 'hosteleria', 'hotelaria', 'restaurant', 'hotel'],
  typeOfLabourIllicitActivities: ['activites illicites', 'actividades ilicitas', 'atividades ilicitas', 'forced criminality', 'criminal activities'],
  typeOfLabourManufacturing: ['industrie', 'industry', 'factory', 'manufactura', 'industria', 'usine'],
  typeOfLabourMiningOrDrilling: ['mining', 'mines', 'mine', 'mineria', 'mineracao', 'quarrying'],
  typeOfLabourPeddling: ['street vending', 'vente de rue', 'venta ambulante', 'venda ambulante', 'vendor'],
  typeOfLabourTransportation: ['transport', 'transporte', 'transports', 'logistics'],
  typeOfLabourOther: ['other', 'autre', 'otro', 'outro'],
  typeOfLabourNotSpecified: ['not specified', 'non precise', 'no especificado'],
  typeOfSexProstitution: ['prostitucion', 'prostituicao'],
  typeOfSexPornography: ['porn', 'pornographie', 'pornografia'],
  typeOfSexRemoteInteractiveServices: ['webcam', 'online', 'cam', 'remote'],
  typeOfSexPrivateSexualServices: ['private', 'services sexuels prives'],
  recruiterRelationIntimatePartner: ['partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'spouse', 'conjoint', 'compagnon', 'mari', 'epoux', 'pareja', 'novio', 'esposo', 'conjuge', 'parceiro', 'namorado'],
  recruiterRelationFriend: ['ami', 'amie', 'ami e', 'amis', 'amigo', 'amiga', 'acquaintance'],
  recruiterRelationFamily: ['family member', 'famille', 'familia', 'relative', 'parent', 'parents', 'membre de la famille', 'familiar'],
  recruiterRelationOther: ['other', 'autre', 'otro', 'outro', 'stranger', 'employer', 'employeur'],
  recruiterRelationUnknown: ['unknown', 'inconnu', 'inconnue', 'desconocido', 'desconhecido', 'not known'],
};

/** ISIC Rev.4 sections (HTCDS `vic_ForcedLabourIndustry`) to labour types. Sections coarser than the standard map to one type. */
export const ISIC_SECTIONS: Record<string, string> = {
  A: 'typeOfLabourAgriculture',
  B: 'typeOfLabourMiningOrDrilling',
  C: 'typeOfLabourManufacturing',
  F: 'typeOfLabourConstruction',
  G: 'typeOfLabourPeddling',
  H: 'typeOfLabourTransportation',
  I: 'typeOfLabourHospitality',
  S: 'typeOfLabourOther',
  T: 'typeOfLabourDomesticWork',
};

export const YES_WORDS = ['1', 'y', 'yes', 'true', 'oui', 'o', 'si', 'sí', 'sim', 's', 'x', 'vrai', 'verdadero', 'verdadeiro'];
export const NO_WORDS = ['0', 'n', 'no', 'false', 'non', 'não', 'nao', 'faux', 'falso'];
