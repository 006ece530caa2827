/** Small built-in word lists for fake direct identifiers. No real person is described. */
export const FIRST_NAMES = [
  'Maria', 'Olena', 'Iryna', 'Natalia', 'Ana', 'Grace', 'Blessing', 'Joy', 'Fatou', 'Aminata',
  'Siti', 'Nur', 'Thi Lan', 'Mai', 'Sokha', 'Dara', 'Aye', 'Mya', 'Elena', 'Svetlana', 'Ioana',
  'Precious', 'Esther', 'Rosa', 'Lucia', 'Carmen', 'Mariam', 'Awa', 'Kadiatou', 'Nadia', 'Olga',
  'Ivan', 'Andrei', 'Mohammed', 'Ahmed', 'Juan', 'Carlos', 'Jose', 'Samuel', 'Emmanuel', 'Kofi',
  'Minh', 'Tuan', 'Rahim', 'Arif', 'Bogdan', 'Vasile', 'Rodel', 'Jerome', 'Moussa',
] as const;

export const LAST_NAMES = [
  'Kovalenko', 'Shevchenko', 'Bondarenko', 'Santos', 'Reyes', 'Cruz', 'Garcia', 'Rusu', 'Ceban',
  'Popescu', 'Nguyen', 'Tran', 'Pham', 'Okafor', 'Adeyemi', 'Eze', 'Diallo', 'Traore', 'Coulibaly',
  'Kone', 'Sok', 'Chea', 'Win', 'Aung', 'Hossain', 'Rahman', 'Ivanova', 'Petrova', 'Morozov',
  'Lopez', 'Hernandez', 'Martinez', 'Mensah', 'Owusu', 'Ali', 'Hassan', 'Sari', 'Wijaya',
  'Moreau', 'Lefebvre', 'Dubois', 'Mbeki', 'Tesfaye', 'Haile', 'Joseph', 'Pierre',
] as const;

export const STREETS_EN = [
  'Main Street', 'Oak Avenue', 'Harbour Road', 'Station Road', 'Market Lane', 'River Drive',
  'Hill Street', 'Church Road', 'Park Avenue', 'Mill Lane',
] as const;

export const STREETS_FR = [
  'rue de la République', 'rue Victor Hugo', 'avenue Jean Jaurès', 'boulevard Voltaire',
  'rue des Lilas', 'rue Pasteur', 'impasse des Roses', 'chemin du Moulin', 'rue de la Gare',
  'allée des Tilleuls',
] as const;

export const CITIES_EN = [
  'Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Georgetown', 'Bayport', 'Kingsbridge',
  'Westfield', 'Northgate', 'Ashford',
] as const;

export const CITIES_FR = [
  ['75011', 'Paris'], ['69003', 'Lyon'], ['13001', 'Marseille'], ['59000', 'Lille'],
  ['31000', 'Toulouse'], ['67000', 'Strasbourg'], ['44000', 'Nantes'], ['33000', 'Bordeaux'],
] as const;

export const EMAIL_DOMAINS = ['mail.example', 'post.example', 'inbox.example', 'webmail.example'] as const;

export const NARRATIVE_EN = {
  openings: [
    'Caller reports that', 'The caller explained that', 'Neighbour called because', 'Victim called and said that',
    'A social worker reported that', 'Anonymous caller stated that',
  ],
  recruitment: [
    'was recruited online with a promise of a job abroad', 'was offered work by an acquaintance',
    'travelled with a man who promised a restaurant job', 'answered an advertisement for cleaning work',
    'was introduced to an agent by a cousin',
  ],
  conditions: [
    'the passport was taken on arrival', 'works more than fourteen hours a day without pay',
    'is not allowed to leave the house alone', 'was threatened with deportation',
    'owes a debt that keeps growing', 'is forced to see clients every night',
    'was beaten when asking for wages', 'sleeps at the work site with several others',
  ],
  closings: [
    'Asked for help to return home.', 'Afraid to contact the police.', 'Needs medical care urgently.',
    'Call ended abruptly.', 'Will call back tomorrow.', 'Referred to the local shelter.',
  ],
} as const;

export const NARRATIVE_FR = {
  openings: ['La personne explique que', 'Orientée par une association,', 'Selon le travailleur social,', 'Arrivée au foyer :'],
  recruitment: [
    "elle a été recrutée par une connaissance avec la promesse d'un travail",
    'elle est venue avec un homme qui lui promettait un emploi de serveuse',
    "elle a répondu à une annonce pour du ménage",
  ],
  conditions: [
    'son passeport a été confisqué', 'elle travaillait sans salaire tous les jours',
    'elle devait rembourser une dette', 'elle était menacée et surveillée',
    'elle ne pouvait pas sortir seule', 'elle a subi des violences',
  ],
  closings: ['Souhaite porter plainte.', 'Suivi médical en cours.', 'Demande un hébergement durable.', 'Ne souhaite pas rentrer.'],
} as const;
