// Writes a realistic, deterministic content folder for tests: 51 French articles and a draft
// over six categories, four authors, and the real first article with its author,
// so search, section, tag, author and listing tests run against more than one file.
//
//   node scripts/generate-fixture-corpus.mjs [folder]     (default: tests/.corpus)
//
// The folder is deleted and rebuilt with `articles/`, `authors/`, `dossiers/` and `summary.json`;
// point CONTENT_DIR at it to serve or test it. Every run writes the same files (one
// seeded PRNG, no locale), so a failing test can be replayed exactly, with one
// exception: three breaking-news articles are dated a few hours before the run,
// since the Google News sitemap lists only the last two days.
// The summary (also printed as one JSON line) gives the counts and the slugs of the
// articles planted for search tests, so tests read them instead of hard-coding them.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FOLDER = path.join(PROJECT_ROOT, 'tests', '.corpus');
const SEED = 20240206;

/** The real article and its author, copied in as they are so the corpus holds real content too. */
const REAL_FILES = {
  article: 'content/articles/mark-zuckerberg-ia-photos-facebook-instagram.md',
  author: 'content/authors/sikagz.md',
};

/** Words planted for search tests; the summary names the articles that hold them. */
const SEARCH_WORDS = {
  /** In exactly one generated title, and in the real article's title. */
  title: 'entraîner',
  /** A nonce word in exactly one body, and nowhere else in the corpus. */
  body: 'Gentsu-zéphyr',
  /** In exactly one title, so a title match can be ranked above the body match above. */
  titleOverBody: 'zéphyr',
};

// ---------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------

const AUTHORS = [
  {
    slug: 'camille-durand',
    name: 'Camille Durand',
    bio: 'Journaliste au service politique de Kiosque, Camille Durand suit le Parlement, les élections et les grands débats de société.',
  },
  {
    slug: 'yanis-benali',
    name: 'Yanis Benali',
    bio: 'Yanis Benali couvre le rap français, les musiques urbaines et l’industrie du streaming pour Kiosque.',
  },
  {
    slug: 'lea-martin',
    name: 'Léa Martin',
    bio: 'Léa Martin écrit sur le cinéma, les séries et les nouvelles technologies. Elle a couvert six éditions du Festival de Cannes.',
  },
  {
    slug: 'hugo-lefevre',
    name: 'Hugo Lefèvre',
    bio: 'Chef de la rubrique sport, Hugo Lefèvre a suivi trois Coupes du monde et prépare les Jeux de Paris 2024.',
  },
];

/** The two photos of content/images/ (the only ones the project ships), copied into the corpus's images/. */
const IMAGES = {
  hero: {
    src: '/images/meta-ia-photos-hero.png',
    width: 1600,
    height: 900,
    alt: 'Illustration de remplacement : une grille de photos reliée par des pointillés à un schéma de réseau de neurones',
  },
  inline: {
    src: '/images/meta-ia-photos-inline.png',
    width: 1200,
    height: 800,
    alt: 'Illustration de remplacement : un smartphone affichant une grille de photos, relié à une puce marquée « IA »',
  },
};

/**
 * Every tag an article may carry (the real article adds a few of its own). Some have
 * accents, spaces or an apostrophe, so tag slugs and tag pages get exercised.
 */
const TAG_POOL = [
  'IA', 'Meta', 'Apple', 'Instagram', 'Netflix', 'Kaaris', 'Vie privée', 'Réseaux sociaux', 'Jeux vidéo', 'Streaming',
  'Rap français', 'Concerts', 'Festival de Cannes', 'Cinéma français', 'Séries', 'Jeux olympiques', 'Ligue 1', 'PSG',
  'Rugby', 'Tour de France', 'Équipe de France', 'Élections', 'Assemblée nationale', 'Pouvoir d’achat', 'Économie',
  'Écologie', 'Santé', 'Éducation', 'Littérature', 'Prix littéraires',
];

const CREDITS = ['© AFP', '© Reuters', '© Kiosque', '© Getty Images', '© AP', '© Hans Lucas'];

/** Sentences that fit any story; mixed with a category's own to fill paragraphs. */
const NEWSROOM_SENTENCES = [
  'Contactés par notre rédaction, plusieurs acteurs du dossier ont préféré ne pas s’exprimer avant la publication des chiffres définitifs.',
  'Sur les réseaux sociaux, les réactions se sont multipliées dès les premières heures, entre enthousiasme sincère et franche inquiétude.',
  'Reste à savoir si cette tendance se confirmera dans les mois à venir ou s’il ne s’agit que d’un feu de paille.',
  'Pour les spécialistes interrogés, le phénomène n’a rien de nouveau : il s’est simplement accéléré depuis la crise sanitaire.',
  'Les chiffres publiés cette semaine confirment une évolution amorcée il y a plusieurs années, mais restée longtemps discrète.',
  'Dans l’entourage des principaux intéressés, on assure que rien n’a encore été décidé et que toutes les options restent sur la table.',
  'À Lyon comme à Lille, les mêmes questions reviennent, posées par un public qui se sent souvent oublié des grands débats nationaux.',
  'Le calendrier, lui, est serré : une première étape doit être franchie avant la fin du trimestre, sous peine de tout reporter d’un an.',
  'Certains observateurs rappellent toutefois que les annonces spectaculaires ne se traduisent pas toujours par des changements concrets.',
  'Les plus jeunes, eux, semblent avoir déjà tranché, à en croire les enquêtes d’opinion réalisées ces derniers mois.',
  'Il faudra sans doute attendre l’an prochain pour mesurer les effets réels de ces décisions sur le quotidien des Français.',
  'Interrogée sur ce point, une source proche du dossier évoque « une période de transition » plutôt qu’une rupture.',
  'Ce n’est pas la première fois que le sujet revient sur le devant de la scène, mais jamais il n’avait suscité autant de réactions.',
  'Du côté des associations, on salue une avancée tout en réclamant davantage de moyens pour accompagner le changement.',
  'Les critiques, elles, pointent un manque de concertation et une méthode jugée trop précipitée.',
  'En coulisses, les discussions se poursuivent, et plusieurs réunions sont déjà prévues dans les prochaines semaines.',
  'Pour beaucoup, l’enjeu dépasse largement la question du moment : c’est une certaine idée de l’avenir qui se dessine.',
  'Les comparaisons avec nos voisins européens sont éclairantes : l’Allemagne et l’Espagne ont fait des choix très différents.',
  'Sur le terrain, pourtant, l’ambiance reste plutôt à la prudence, voire à une forme de lassitude.',
  'Plusieurs études récentes nuancent toutefois ce constat et invitent à ne pas tirer de conclusions hâtives.',
  'Le sujet divise jusque dans les familles, où il s’invite désormais régulièrement dans les conversations du dimanche.',
  'Au-delà des polémiques, une question demeure : qui paiera la facture, et à quelle échéance ?',
  'Les prochains mois diront si ce pari était le bon, mais une chose est sûre : plus rien ne sera tout à fait comme avant.',
  'Une chose frappe pourtant ceux qui suivent ce dossier depuis ses débuts : la vitesse à laquelle les positions ont évolué.',
  'Les premiers retours, recueillis auprès d’une dizaine de personnes concernées, dessinent un tableau plus nuancé que ne le laissaient penser les annonces.',
  'Dans les rédactions comme dans les cafés, la question revient avec insistance depuis plusieurs semaines, signe que le sujet touche une corde sensible.',
  'Les professionnels du secteur, eux, n’ont pas attendu les annonces pour s’adapter et ont déjà revu leur organisation.',
  'À l’étranger, la presse a largement commenté l’événement, souvent avec un mélange de curiosité et d’admiration.',
  'Il serait pourtant hâtif d’y voir une simple mode : les tendances de fond, mesurées sur dix ans, vont toutes dans le même sens.',
  'Pour les familles, la question est très concrète et se résume souvent à une affaire de budget et d’organisation du quotidien.',
  'Ceux qui suivent le dossier de près notent que le ton a changé, plus apaisé qu’au début, même si les désaccords de fond demeurent.',
  'Plusieurs spécialistes appellent à la patience : les effets de ce type de changement ne se mesurent qu’au bout de plusieurs saisons.',
  'Les jeunes générations, habituées à tout découvrir sur leur téléphone, ont adopté ces nouveaux usages bien plus vite que leurs aînés.',
  'En région, le constat est souvent différent de celui dressé à Paris, et les acteurs locaux le font savoir.',
  'Les chiffres de fréquentation, attendus pour la fin du mois, permettront d’y voir plus clair.',
  'Rien ne dit, en revanche, que l’engouement durera au-delà de la saison, tant le public se montre volatile.',
];

/**
 * Per category: the author who usually writes it, and the sentences, quotes (fictional speakers: no invented words in real
 * mouths), subheadings and captions its bodies are made of.
 */
const CATEGORIES = {
  Actualité: {
    usualAuthor: 'camille-durand',
    sentences: [
      'Le texte doit désormais poursuivre son parcours au Parlement, où l’examen en commission s’annonce particulièrement disputé.',
      'Les syndicats ont d’ores et déjà annoncé de nouvelles actions, sans préciser la date ni la forme qu’elles prendront.',
      'Dans les préfectures, les services de l’État se préparent à appliquer les nouvelles règles dès leur publication au Journal officiel.',
      'Au gouvernement, on insiste sur le caractère « responsable » de la mesure, présentée comme indispensable à l’équilibre des comptes publics.',
      'L’opposition dénonce au contraire un passage en force et promet de saisir le Conseil constitutionnel.',
      'Selon un sondage publié cette semaine, près d’un ménage sur trois dit avoir réduit ses dépenses courantes depuis le début de l’année.',
      'Les maires, en première ligne, réclament de la visibilité et un calendrier clair pour adapter leurs services.',
      'Plusieurs députés de la majorité ont fait part, en privé, de leurs doutes sur le calendrier retenu.',
      'Dans les sondages, une majorité de Français se dit opposée au projet, sans que cela semble infléchir la position de l’exécutif.',
      'Le Conseil d’État, saisi pour avis, a demandé plusieurs modifications de forme sans remettre en cause l’économie générale du texte.',
      'Les régions les plus touchées, dans le Sud-Ouest et le Grand Est, attendent des mesures d’urgence spécifiques.',
      'Une mission d’information doit rendre ses conclusions dans les prochains mois, ce qui pourrait relancer le débat.',
      'Le gouvernement a promis de recevoir les partenaires sociaux « dans les tout prochains jours ».',
      'Sur le terrain, les forces de l’ordre ont été déployées en nombre, sans incident majeur signalé en fin de journée.',
    ],
    quotes: [
      {
        text: 'Nous ne lâcherons rien. Les salariés ont été clairs dans la rue, et ils le seront encore la semaine prochaine si le gouvernement ne les entend pas.',
        attribution: 'Martine Roussel, secrétaire départementale d’un syndicat, au départ du cortège',
      },
      {
        text: 'Il y a urgence. Nos agents font ce qu’ils peuvent, mais sans moyens supplémentaires, nous ne tiendrons pas tout l’été.',
        attribution: 'Jean-Pierre Vasseur, maire d’une commune de l’Hérault, joint par téléphone',
      },
      {
        text: 'Ce n’est pas une question de droite ou de gauche, c’est une question de méthode. On ne réforme pas un pays contre lui.',
        attribution: 'Un député de la majorité, sous couvert d’anonymat',
      },
      {
        text: 'Nous faisons nos courses avec une calculatrice. Avant, je ne regardais jamais les prix ; aujourd’hui, je compare tout.',
        attribution: 'Sabrina, mère de trois enfants, à la sortie d’un supermarché de Bobigny',
      },
    ],
    subheadings: ['Un calendrier serré', 'Ce que disent les chiffres', 'Les oppositions mobilisées', 'Et maintenant ?'],
    captions: ['Dans le cortège parisien, en début d’après-midi.', 'À la sortie de l’hémicycle, après le vote.', 'Devant la préfecture, en fin de matinée.'],
  },
  Musique: {
    usualAuthor: 'yanis-benali',
    sentences: [
      'L’album s’est classé directement en tête des ventes, porté par des chiffres de streaming impressionnants dès la première semaine.',
      'Sur scène, la formule est simple : peu de décor, beaucoup de lumières et un public qui connaît chaque refrain par cœur.',
      'Les plateformes de streaming représentent désormais l’essentiel des revenus de la musique enregistrée en France.',
      'Le rap reste de loin le genre le plus écouté par les moins de 25 ans, toutes plateformes confondues.',
      'Les programmateurs de festivals l’ont bien compris et font désormais la part belle aux artistes urbains.',
      'Le clip, tourné en une seule nuit dans les rues de Marseille, a dépassé le million de vues en moins de quarante-huit heures.',
      'Derrière le succès, il y a aussi une équipe réduite, fidèle depuis les premières mixtapes.',
      'Les salles de taille moyenne, elles, peinent à remplir en semaine, faute de têtes d’affiche disponibles.',
      'Le prix moyen d’un billet de concert a nettement augmenté en deux ans, au point d’inquiéter une partie du public.',
      'Les collaborations entre générations se multiplient, entre hommage aux anciens et passage de relais assumé.',
      'Les maisons de disques misent désormais sur des sorties plus fréquentes et plus courtes, au rythme des algorithmes.',
      'Le vinyle, longtemps réservé aux collectionneurs, s’installe dans les rayons des grandes surfaces culturelles.',
      'Le producteur, discret, a travaillé sur la plupart des morceaux depuis un petit studio de banlieue parisienne.',
      'Les premières dates de la tournée, annoncées un mardi matin, se sont vendues en quelques minutes.',
    ],
    quotes: [
      {
        text: 'On a écrit cet album dans une chambre, sans pression, juste pour nous. Voir des milliers de personnes chanter ces morceaux, c’est irréel.',
        attribution: 'Inès Kaddour, chanteuse, au micro de Kiosque',
      },
      {
        text: 'Le streaming a changé les règles : un titre peut exploser en une nuit et disparaître aussi vite. Il faut sortir de la musique sans arrêt.',
        attribution: 'Thomas Ribeiro, directeur artistique d’un label indépendant, lors d’une rencontre professionnelle à Paris',
      },
      {
        text: 'Le rap est devenu la variété française. Ceux qui le méprisaient il y a vingt ans viennent maintenant nous demander des featurings.',
        attribution: 'Samir Haddad, producteur, dans un entretien à Kiosque',
      },
      {
        text: 'Remplir une salle de cinq cents places un mardi soir, c’est devenu un exploit. Les gens se réservent pour les gros événements.',
        attribution: 'Claire Morvan, programmatrice d’une salle de concert à Nantes',
      },
    ],
    subheadings: ['Un succès construit sur scène', 'Le poids du streaming', 'Une nouvelle génération', 'La suite'],
    captions: ['Sur la scène principale, en fin de soirée.', 'En studio, pendant l’enregistrement de l’album.', 'Le public des premiers rangs, pendant le rappel.'],
  },
  Cinéma: {
    usualAuthor: 'lea-martin',
    sentences: [
      'Le film a attiré plus de 300 000 spectateurs lors de sa première semaine d’exploitation, un score remarquable pour un film d’auteur.',
      'La réalisatrice, révélée il y a dix ans par un premier long-métrage remarqué, signe ici son œuvre la plus ambitieuse.',
      'Les exploitants de salles saluent un retour du public, même si la fréquentation reste inférieure à celle d’avant la pandémie.',
      'Sur les plateformes, la concurrence est rude, et les catalogues se renouvellent à un rythme effréné.',
      'La critique est partagée, mais le bouche-à-oreille fonctionne, ce qui compte souvent davantage pour la carrière d’un film.',
      'Le tournage, étalé sur trois mois entre la Bretagne et les Alpes, a mobilisé plus de deux cents techniciens.',
      'La chronologie des médias impose toujours un délai entre la sortie en salle et la mise en ligne sur les plateformes.',
      'Les festivals restent une vitrine irremplaçable pour les films indépendants en quête de distributeur.',
      'La bande originale, signée par un jeune compositeur, participe pour beaucoup à l’atmosphère du film.',
      'Le casting mêle acteurs confirmés et visages inconnus, repérés lors d’un casting sauvage dans les lycées de la région.',
      'Le Centre national du cinéma rappelle que la France reste le premier producteur de films en Europe.',
      'Les séries françaises s’exportent de mieux en mieux, portées par des formats courts et des intrigues ancrées dans les territoires.',
      'La montée des marches, retransmise en direct, a rassemblé une foule de curieux le long de la Croisette.',
      'Le budget, modeste pour ce type de projet, a été bouclé grâce à plusieurs coproductions européennes.',
    ],
    quotes: [
      {
        text: 'Ce film, je l’ai porté pendant sept ans. Il a fallu convaincre des financeurs qui ne croyaient pas qu’un tel sujet pouvait remplir des salles.',
        attribution: 'Élodie Garnier, réalisatrice, lors de la conférence de presse',
      },
      {
        text: 'Le public est revenu, mais il est devenu exigeant. Il ne se déplace plus pour un film moyen qu’il pourra voir chez lui dans quelques mois.',
        attribution: 'Marc Delorme, exploitant de cinéma à Clermont-Ferrand',
      },
      {
        text: 'Les plateformes nous ont appris une chose : les spectateurs du monde entier sont prêts à regarder des histoires très locales.',
        attribution: 'Nadia Benhamou, productrice de séries, au micro de Kiosque',
      },
      {
        text: 'Cannes reste l’endroit où un film d’auteur peut changer de destin en une seule projection.',
        attribution: 'Un distributeur indépendant, sur la Croisette',
      },
    ],
    subheadings: ['Un tournage au long cours', 'Le retour des salles', 'La concurrence des plateformes', 'Ce qu’en dit la critique'],
    captions: ['Sur le tapis rouge, avant la projection officielle.', 'Sur le tournage, entre deux prises.', 'Dans une salle parisienne, un soir de première.'],
  },
  Tech: {
    usualAuthor: 'lea-martin',
    sentences: [
      'Les modèles de langage ont besoin de quantités gigantesques de textes pour apprendre, et les données publiques ne suffisent plus.',
      'La Commission nationale de l’informatique et des libertés rappelle que le consentement des utilisateurs doit rester libre et éclairé.',
      'Les géants du numérique investissent chaque trimestre des milliards de dollars dans les centres de données et les puces spécialisées.',
      'Les utilisateurs peuvent en principe s’opposer à l’utilisation de leurs données, mais la démarche reste souvent difficile à trouver.',
      'Les chercheurs s’inquiètent du manque de transparence sur les données utilisées pour entraîner ces systèmes.',
      'Les tarifs annoncés, élevés, réservent pour l’instant ces nouveautés à une clientèle de passionnés et de professionnels.',
      'Les régulateurs européens surveillent de près ces annonces, au nom du règlement sur les marchés numériques.',
      'Sur les forums spécialisés, les premiers utilisateurs partagent déjà leurs impressions, entre enthousiasme et déception.',
      'Les start-up françaises de l’intelligence artificielle ont levé des sommes records cette année, signe de l’appétit des investisseurs.',
      'Les applications de messagerie chiffrée gagnent du terrain auprès du grand public, bien au-delà des cercles militants.',
      'L’entreprise promet une mise à jour corrective dans les prochaines semaines, sans donner de date précise.',
      'Les entreprises du secteur doivent composer avec des coûts de développement qui ont doublé en dix ans.',
      'La question de la propriété intellectuelle des contenus générés par l’IA reste entière devant les tribunaux.',
      'Pour les spécialistes de la cybersécurité, chaque nouvelle fonctionnalité ouvre aussi une nouvelle porte aux attaques.',
      'Les réseaux sociaux testent des abonnements payants pour réduire leur dépendance à la publicité ciblée.',
    ],
    quotes: [
      {
        text: 'Les utilisateurs n’ont souvent aucune idée de ce qui est fait de leurs photos ou de leurs messages publics. La transparence n’est pas une option.',
        attribution: 'Julie Fontaine, juriste spécialisée dans la protection des données, interrogée par Kiosque',
      },
      {
        text: 'Nous ne sommes qu’au début. Dans cinq ans, personne ne se demandera s’il utilise une IA : elle sera dans tous les logiciels.',
        attribution: 'Antoine Mercier, fondateur d’une start-up parisienne, lors d’une conférence à Station F',
      },
      {
        text: 'Le matériel est impressionnant, mais il manque encore l’application qui donnera envie au grand public de franchir le pas.',
        attribution: 'Karim Saïdi, analyste du secteur, dans une note aux investisseurs',
      },
      {
        text: 'Chaque jeu coûte plus cher que le précédent, et un seul échec peut mettre un studio entier en difficulté.',
        attribution: 'Une développeuse d’un studio lyonnais, sous couvert d’anonymat',
      },
    ],
    subheadings: ['Des données par milliards', 'Ce que dit la loi', 'Un marché sous tension', 'Comment s’y opposer'],
    captions: ['Lors de la présentation à la presse.', 'Dans un centre de données en région parisienne.', 'Démonstration sur le stand de l’entreprise.'],
  },
  Sport: {
    usualAuthor: 'hugo-lefevre',
    sentences: [
      'Le sélectionneur a fait tourner son effectif, laissant plusieurs cadres au repos en vue des prochaines échéances.',
      'Devant plus de 70 000 spectateurs, les Bleus ont longtemps dominé sans parvenir à faire la différence.',
      'Le club a annoncé la signature d’un contrat de quatre ans avec un jeune milieu de terrain formé au centre de formation.',
      'Les droits télévisés représentent une part essentielle du budget des clubs professionnels français.',
      'À l’entraînement, l’ambiance est studieuse, et le staff multiplie les séances vidéo pour corriger les détails.',
      'Les organisateurs promettent des Jeux plus sobres, avec une majorité de sites déjà existants ou temporaires.',
      'La billetterie a été prise d’assaut, au point de provoquer des files d’attente virtuelles de plusieurs heures.',
      'Le Stade de France affichera complet, comme lors de chaque rencontre de la compétition à Saint-Denis.',
      'Les blessures se sont accumulées en fin de saison, compliquant la tâche d’un groupe déjà réduit.',
      'Dans la montagne, le maillot jaune a su gérer ses efforts, sans jamais laisser ses adversaires prendre plus de quelques secondes.',
      'Les supporters ont réservé un accueil chaleureux aux joueurs, malgré une performance en demi-teinte.',
      'La Ligue de football professionnel cherche toujours un diffuseur capable de proposer une offre à la hauteur de ses ambitions.',
      'Les athlètes français visent un record de médailles à domicile, un objectif affiché par le ministère des Sports.',
      'Le public, venu nombreux, a donné de la voix du coup d’envoi au coup de sifflet final.',
    ],
    quotes: [
      {
        text: 'On a manqué de réalisme dans les vingt-deux mètres. On a les armes pour faire mieux, et on le sait.',
        attribution: 'Le capitaine des Bleus, en zone mixte',
      },
      {
        text: 'Gagner à domicile, devant nos familles, c’est le rêve de toute une carrière. On n’aura pas de deuxième chance.',
        attribution: 'Laura Petit, athlète de l’équipe de France, au micro de Kiosque',
      },
      {
        text: 'Le championnat doit se réinventer. On ne peut pas dépendre d’un seul diffuseur et d’une seule vedette.',
        attribution: 'Un dirigeant de club de Ligue 1, sous couvert d’anonymat',
      },
      {
        text: 'Dans la montagne, chaque seconde se paie. Il fallait rester calme et attendre le bon moment.',
        attribution: 'Le directeur sportif de l’équipe, à l’arrivée de l’étape',
      },
    ],
    subheadings: ['Les leçons du match', 'Un calendrier chargé', 'Le nerf de la guerre', 'Cap sur 2024'],
    captions: ['Dans le vestiaire, à la mi-temps.', 'À l’arrivée de l’étape, sous la chaleur.', 'Les supporters dans la tribune nord.'],
  },
  'Culture et société': {
    usualAuthor: 'camille-durand',
    sentences: [
      'Les libraires indépendants constatent l’arrivée d’une nouvelle clientèle, plus jeune, qui vient avec une liste précise de titres.',
      'Les enseignants observent des élèves plus anxieux qu’avant, notamment à l’approche des examens.',
      'Selon une enquête du ministère de la Culture, la lecture sur écran progresse sans remplacer le livre papier.',
      'Les psychologues recommandent de limiter l’exposition aux informations anxiogènes, sans pour autant s’en couper totalement.',
      'Les jurys littéraires ont souvent été critiqués pour leur entre-soi, mais les palmarès récents montrent une certaine ouverture.',
      'Les associations de quartier jouent un rôle essentiel pour créer du lien, en particulier auprès des personnes âgées isolées.',
      'Le sommeil reste, selon les chercheurs, le premier facteur de réussite avant un examen, loin devant les révisions de dernière minute.',
      'Les bibliothèques municipales élargissent leurs horaires, le soir et le dimanche, pour toucher un public qui travaille.',
      'Les gestes du quotidien comptent, mais les spécialistes rappellent que l’essentiel des émissions dépend de choix collectifs.',
      'Sur les réseaux sociaux, des communautés de lecteurs partagent leurs coups de cœur et font émerger des titres oubliés.',
      'Les ventes de romans ont progressé de plusieurs points sur l’année, portées par les poches et les rééditions.',
      'Des collectifs de jeunes militants organisent des ateliers pour transformer l’inquiétude en action concrète.',
      'Les éditeurs multiplient les rencontres en librairie et les lectures publiques pour faire vivre les livres après leur sortie.',
      'Le débat, vif, traverse toutes les générations et révèle des attentes très différentes selon les milieux.',
    ],
    quotes: [
      {
        text: 'La mémoire fonctionne comme un muscle : mieux vaut des séances courtes et régulières que de longues révisions la veille de l’épreuve.',
        attribution: 'Anne Lebrun, neuroscientifique, dans un entretien à Kiosque',
      },
      {
        text: 'Des jeunes viennent avec une capture d’écran d’une vidéo vue la veille et repartent avec trois livres. On n’avait pas vu ça depuis longtemps.',
        attribution: 'Sophie Carré, libraire à Bordeaux',
      },
      {
        text: 'L’inquiétude est légitime. Ce qui aide, c’est de ne pas rester seul avec elle et de trouver un endroit où agir.',
        attribution: 'Lucas Moreau, psychologue, lors d’une conférence à Lyon',
      },
      {
        text: 'Écrire, c’est accepter de douter pendant des années. Un prix, ça ne dure qu’une soirée, mais les lecteurs restent.',
        attribution: 'Une romancière finaliste, au lendemain de la proclamation',
      },
    ],
    subheadings: ['Ce que disent les chercheurs', 'Une génération connectée', 'Des initiatives locales', 'Les conseils des spécialistes'],
    captions: ['Dans une librairie du centre-ville.', 'Pendant un atelier organisé par l’association.', 'Lors de la remise du prix, à Paris.'],
  },
};

/**
 * Breaking news, dated relative to the generator's clock: two inside the news
 * sitemap's two-day window, one just outside it.
 */
const RECENT_ARTICLES = [
  {
    category: 'Actualité',
    hoursAgo: 3,
    // Live coverage (`live: true`): its entries follow, the newest two hours and a half after it opened.
    live: [
      { minutesLater: 10, title: 'Les premiers RER à l’arrêt', text: 'La ligne B est interrompue entre Gare du Nord et Aulnay-sous-Bois.' },
      { minutesLater: 55, key: true, title: 'Six lignes de métro fermées', text: 'La RATP ferme six lignes jusqu’à nouvel ordre ; les bus sont renforcés.' },
      { minutesLater: 120, title: 'Les syndicats reçus au ministère', text: 'Une délégation est reçue en fin d’après-midi ; aucune annonce n’est attendue avant demain.' },
      { minutesLater: 150, key: true, title: 'Une nouvelle journée de grève annoncée', text: 'L’intersyndicale appelle à reconduire le mouvement mardi prochain.' },
    ],
    title: 'Grève dans les transports : le trafic reste très perturbé ce soir en Île-de-France',
    description: 'Métros, RER et trains régionaux circulent au compte-gouttes. Les syndicats annoncent déjà une nouvelle journée de mobilisation la semaine prochaine.',
    lede: 'Sur les quais, les voyageurs s’armaient de patience dès six heures du matin. Aux heures de pointe, certaines stations ont dû être fermées quelques minutes pour éviter la cohue.',
    tags: ['Pouvoir d’achat', 'Économie'],
  },
  {
    category: 'Sport',
    hoursAgo: 30,
    title: 'Ligue 1 : le PSG renverse Lyon au bout du temps additionnel',
    // Embeds (addresses alone on their line), after the lede: two videos of one provider, a post, and an address that stays a link.
    embeds: [
      { provider: 'youtube', url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' },
      { provider: 'x', url: 'https://x.com/ligue1/status/1754547212345678901' },
      { provider: 'youtube', url: 'https://youtu.be/ScMzIvxBSi4' },
      { url: 'https://www.ligue1.fr/classement' },
    ],
    description: 'Mené au score jusqu’à la 85e minute, le club parisien s’impose finalement grâce à deux buts en fin de rencontre et conforte sa place en tête du championnat.',
    lede: 'Au Parc des Princes, une partie du public avait déjà quitté les tribunes quand l’égalisation est tombée. Trois minutes plus tard, le stade entier était debout.',
    tags: ['Ligue 1', 'PSG'],
  },
  {
    category: 'Tech',
    hoursAgo: 70,
    title: 'Messageries : l’Europe impose l’interopérabilité aux géants du numérique',
    description: 'Les utilisateurs pourront bientôt écrire d’une application à l’autre. Les grandes plateformes ont quelques mois pour se mettre en conformité.',
    lede: 'Le texte, adopté sans surprise, oblige les messageries les plus utilisées à ouvrir leurs portes aux services concurrents, sans renoncer au chiffrement de bout en bout.',
    tags: ['Réseaux sociaux', 'Vie privée'],
  },
  {
    // A draft, recent enough for the news sitemap: it must appear in no output at all.
    category: 'Tech',
    hoursAgo: 5,
    draft: true,
    title: 'Brouillon : les lunettes connectées arrivent en France',
    description: 'Article en cours d’écriture, à ne pas publier : les prix et la date de sortie restent à confirmer auprès du constructeur.',
    lede: 'Le constructeur doit encore confirmer les prix et la date de sortie ; ce paragraphe sera réécrit avant la publication.',
    tags: ['Réseaux sociaux'],
  },
];

/** The dossiers (content/dossiers/), which articles name with `dossier:`; parts come in the order they were published. */
const DOSSIERS = [
  {
    slug: 'l-ia-et-nous',
    title: 'L’IA et nous',
    description: 'De l’école à l’emploi, de Bruxelles à nos photos : comment l’intelligence artificielle s’invite dans nos vies, en quatre volets.',
    intro: 'Un **dossier** de la rubrique Tech, complété au fil de l’actualité.',
  },
];

/**
 * The articles: what an editor would write by hand (title, standfirst, opening
 * paragraph, 2–5 tags, month of publication). Day, time, author, images and the
 * rest of the body are drawn from the seeded PRNG. `quote` picks the category quote
 * that fits best; `paragraphs` replaces the drawn ones; `long` marks the long read.
 */
const ARTICLES = [
  // Actualité
  {
    category: 'Actualité',
    month: '2023-01',
    title: 'Réforme des retraites : des centaines de milliers de manifestants dans les rues',
    description: 'Syndicats unis, cortèges fournis jusque dans les villes moyennes : la première journée de mobilisation contre le report de l’âge légal a dépassé les attentes des organisateurs.',
    lede: 'Dès le matin, les transports tournaient au ralenti et de nombreuses écoles avaient fermé leurs portes. Dans l’après-midi, les cortèges se sont étirés sur plusieurs kilomètres, à Paris comme à Lyon, Marseille ou Rennes.',
    tags: ['Assemblée nationale', 'Pouvoir d’achat'],
    quote: 0,
  },
  {
    category: 'Actualité',
    month: '2023-03',
    title: '49.3 : ce que change l’adoption sans vote de la réforme à l’Assemblée',
    description: 'Le gouvernement a engagé sa responsabilité pour faire passer le texte. Explications sur une procédure prévue par la Constitution, mais rarement aussi contestée.',
    lede: 'Dans l’hémicycle, les députés de l’opposition ont accueilli l’annonce debout, certains en chantant. La séance a été suspendue quelques minutes avant la fin de l’intervention de la Première ministre.',
    tags: ['Assemblée nationale', 'Élections'],
    quote: 2,
  },
  {
    category: 'Actualité',
    month: '2023-04',
    title: 'Inflation : les prix de l’alimentaire continuent de grimper au printemps',
    description: 'Sur un an, le panier de courses a pris plus de 15 %. Les ménages modestes réduisent les quantités et se tournent vers les marques de distributeur.',
    lede: 'Au rayon frais d’un supermarché de Seine-Saint-Denis, les étiquettes ont changé trois fois depuis janvier. Les clients comparent, reposent, reprennent un produit moins cher.',
    tags: ['Pouvoir d’achat', 'Économie'],
    quote: 3,
  },
  {
    category: 'Actualité',
    month: '2023-06',
    title: 'Canicule : les communes du Sud en alerte rouge dès le début de l’été',
    description: 'Les températures dépassent 40 °C dans plusieurs départements. Les préfectures restreignent l’usage de l’eau et ouvrent des salles rafraîchies.',
    lede: 'À Nîmes, les marchés ont avancé leur ouverture à six heures du matin et les parcs restent ouverts la nuit. Les mairies appellent une à une les personnes âgées isolées.',
    tags: ['Écologie', 'Santé'],
    quote: 1,
  },
  {
    category: 'Actualité',
    month: '2023-08',
    title: 'Rentrée scolaire : ce qui change pour les élèves et les parents en septembre',
    description: 'Nouveaux horaires, heure de soutien en sixième, tenue des élèves : le point sur les mesures qui entrent en vigueur à la rentrée.',
    lede: 'Comme chaque fin d’été, les fournitures s’empilent dans les rayons et les familles font leurs comptes. Cette année, plusieurs changements attendent aussi les collégiens.',
    tags: ['Éducation', 'Pouvoir d’achat'],
  },
  {
    category: 'Actualité',
    month: '2023-09',
    title: 'Sénatoriales : la droite conserve la majorité au palais du Luxembourg',
    description: 'Le renouvellement de la moitié des sièges ne bouleverse pas les équilibres. Les écologistes progressent légèrement, la majorité présidentielle stagne.',
    lede: 'Le scrutin, indirect, mobilisait quelque 78 000 grands électeurs, pour l’essentiel des élus municipaux. Les résultats sont tombés dans la soirée, département par département.',
    tags: ['Élections', 'Écologie'],
  },
  {
    category: 'Actualité',
    month: '2023-10',
    title: 'À l’Élysée, une journée de consultations avec les chefs de parti',
    description: 'Le chef de l’État a reçu les responsables des partis représentés au Parlement. Au menu : les institutions, le référendum et l’agenda des prochains mois.',
    lede: 'Les voitures se sont succédé dans la cour de l’Élysée dès neuf heures. Les échanges, à huis clos, se sont prolongés tard dans la soirée.',
    tags: ['Élections', 'Assemblée nationale'],
    quote: 2,
  },
  {
    category: 'Actualité',
    month: '2023-11',
    title: 'Budget 2024 : le gouvernement recourt de nouveau au 49.3',
    description: 'Faute de majorité absolue, l’exécutif a une fois encore engagé sa responsabilité sur le projet de loi de finances. Les oppositions ont déposé des motions de censure.',
    lede: 'L’annonce était attendue, elle n’en a pas moins tendu l’hémicycle. Dans les couloirs, les oppositions faisaient déjà leurs comptes en vue du vote sur la censure.',
    tags: ['Assemblée nationale', 'Économie', 'Pouvoir d’achat'],
  },
  {
    category: 'Actualité',
    month: '2023-12',
    title: 'Loi immigration : l’Assemblée adopte le texte après une semaine de tensions',
    description: 'Après l’échec d’une première lecture et une commission mixte paritaire sous haute tension, le texte a été voté tard dans la soirée.',
    lede: 'Il était près de minuit quand le résultat du vote s’est affiché sur les écrans de l’hémicycle. Quelques applaudissements, beaucoup de visages fermés.',
    tags: ['Assemblée nationale', 'Élections'],
  },
  {
    category: 'Actualité',
    month: '2024-01',
    title: 'Agriculteurs en colère : des barrages sur les autoroutes autour de Toulouse',
    description: 'Tracteurs en travers des voies, bottes de paille et feux de palettes : la mobilisation des agriculteurs s’étend dans le Sud-Ouest.',
    lede: 'Sur l’A64, au sud de Toulouse, les tracteurs sont installés depuis plusieurs jours. Les automobilistes klaxonnent en signe de soutien en empruntant les déviations.',
    tags: ['Écologie', 'Économie', 'Pouvoir d’achat'],
    quote: 1,
  },
  // Musique
  {
    category: 'Musique',
    month: '2023-02',
    title: 'Victoires de la musique : le rap français enfin à sa place ?',
    description: 'Longtemps boudé par la cérémonie, le rap a remporté plusieurs trophées cette année. Signe d’un changement durable ou simple effet de mode ?',
    lede: 'Pendant des années, les rappeurs ont regardé la cérémonie de loin, quand ils ne la boycottaient pas. Cette fois, plusieurs d’entre eux sont montés sur scène pour recevoir un trophée.',
    tags: ['Rap français', 'Streaming'],
    quote: 2,
  },
  {
    category: 'Musique',
    month: '2023-04',
    title: 'Streaming : les plateformes testent un nouveau mode de rémunération des artistes',
    description: 'Plutôt que de partager les revenus au prorata des écoutes, certaines plateformes veulent récompenser davantage les titres réellement écoutés par leurs abonnés.',
    lede: 'Le modèle actuel favorise les artistes les plus écoutés, au détriment des niches. Plusieurs plateformes testent une autre formule, encore très discutée dans la profession.',
    tags: ['Streaming', 'Économie'],
    quote: 1,
  },
  {
    category: 'Musique',
    month: '2023-06',
    title: 'Fête de la musique : nos dix concerts à ne pas manquer à Paris et en région',
    description: 'Rap, électro, chanson ou fanfare : notre sélection pour profiter de la nuit la plus courte de l’année.',
    lede: 'Comme chaque 21 juin, les rues se transforment en scènes improvisées. Voici les rendez-vous repérés par la rédaction, des grandes scènes aux cours d’immeuble.',
    tags: ['Concerts', 'Rap français'],
  },
  {
    category: 'Musique',
    month: '2023-07',
    title: 'Francofolies, Vieilles Charrues : les festivals d’été affichent complet',
    description: 'Malgré la hausse du prix des billets, les grands festivals ont fait le plein. Les plus petits, eux, souffrent de la concurrence et de la hausse des cachets.',
    lede: 'À Carhaix comme à La Rochelle, les organisateurs affichent des mines réjouies. Les billets se sont arrachés en quelques heures, parfois avant même l’annonce de la programmation complète.',
    tags: ['Concerts', 'Pouvoir d’achat'],
    quote: 3,
  },
  {
    category: 'Musique',
    month: '2023-09',
    title: 'Au Trianon, un duo lyonnais électrise le public avec un titre encore inédit',
    description: 'Pour le premier de ses trois concerts parisiens, le duo a joué devant une salle comble et dévoilé un morceau qui circulait déjà sur les réseaux.',
    lede: `Le moment le plus attendu est arrivé en fin de soirée, quand le duo a interprété « ${SEARCH_WORDS.body} », un morceau encore inédit que le public connaissait pourtant par cœur grâce aux vidéos tournées pendant les répétitions.`,
    tags: ['Concerts', 'Rap français', 'Réseaux sociaux'],
    quote: 0,
  },
  {
    category: 'Musique',
    month: '2023-10',
    title: 'Dix ans après « Or noir », pourquoi Kaaris reste une référence du rap français',
    description: 'Sorti en 2013, l’album a imposé un son et une écriture qui résonnent encore chez toute une génération de rappeurs.',
    lede: 'Dix ans plus tard, les instrumentales lourdes et les images crues de l’album s’entendent encore dans les morceaux de nombreux jeunes rappeurs. Retour sur un disque devenu un classique.',
    tags: ['Kaaris', 'Rap français'],
    quote: 2,
  },
  {
    category: 'Musique',
    month: '2023-11',
    title: 'Vinyles : le disque noir poursuit son retour en grâce chez les jeunes',
    description: 'Les ventes de vinyles progressent encore cette année. Un achat souvent symbolique chez des auditeurs qui écoutent surtout en streaming.',
    lede: 'Chez les disquaires du 11e arrondissement, la clientèle a rajeuni. Beaucoup achètent l’album qu’ils écoutent déjà sur leur téléphone, « pour avoir quelque chose de l’artiste ».',
    tags: ['Streaming', 'Économie'],
  },
  {
    category: 'Musique',
    month: '2023-12',
    title: 'Rap français : les albums qui ont marqué l’année 2023',
    description: 'Premiers albums remarqués, retours attendus et succès surprises : notre sélection des disques qui ont compté cette année.',
    lede: 'L’année a été dense, avec des sorties presque chaque vendredi. La rédaction a retenu les albums qui ont marqué les écoutes autant que les esprits.',
    tags: ['Rap français', 'Streaming'],
  },
  // Cinéma
  {
    category: 'Cinéma',
    month: '2023-02',
    title: 'César 2023 : la cérémonie récompense une nouvelle génération de cinéastes',
    description: 'Premiers films, jeunes interprètes et sujets de société : le palmarès de cette édition fait la part belle au renouvellement.',
    lede: 'Sur la scène de l’Olympia, les lauréats se sont succédé avec des discours souvent émus. Plusieurs d’entre eux recevaient leur premier trophée.',
    tags: ['Cinéma français', 'Festival de Cannes'],
  },
  {
    category: 'Cinéma',
    month: '2023-05',
    title: 'Festival de Cannes : « Anatomie d’une chute » de Justine Triet remporte la Palme d’or',
    description: 'La réalisatrice française devient la troisième femme à recevoir la récompense suprême du festival.',
    lede: 'La salle du Grand Théâtre Lumière s’est levée pour une longue ovation. Sur scène, la réalisatrice a pris le temps de remercier son équipe avant de prononcer un discours très politique.',
    tags: ['Festival de Cannes', 'Cinéma français'],
    quote: 0,
  },
  {
    category: 'Cinéma',
    month: '2023-05',
    title: 'Cannes : sur la Croisette, le cinéma français en force dans la compétition',
    description: 'Plusieurs films français concourent pour la Palme d’or cette année. Un signe de vitalité pour une production qui reste la première d’Europe.',
    lede: 'Sur la Croisette, les affiches de films français sont partout. Dans les soirées, producteurs et distributeurs se félicitent d’une sélection jugée particulièrement forte.',
    tags: ['Festival de Cannes', 'Cinéma français'],
    quote: 3,
  },
  {
    category: 'Cinéma',
    month: '2023-07',
    title: 'Pourquoi les salles de cinéma retrouvent enfin leur public cet été',
    description: 'Grosses productions, films d’animation et séances climatisées : les exploitants retrouvent le sourire après des années difficiles.',
    lede: 'Les files d’attente se sont reformées devant les multiplexes. Certains soirs, des séances supplémentaires ont dû être ajoutées en dernière minute.',
    tags: ['Cinéma français', 'Streaming'],
    quote: 1,
  },
  {
    category: 'Cinéma',
    month: '2023-09',
    title: 'Netflix met fin à l’envoi de DVD par la poste, une page se tourne',
    description: 'Le service historique de location par courrier, qui a fait la fortune de l’entreprise, a expédié ses dernières enveloppes rouges.',
    lede: 'Avant de devenir un géant du streaming, Netflix envoyait des DVD dans des enveloppes rouges. Ce service, toujours actif aux États-Unis, vient de fermer définitivement.',
    tags: ['Netflix', 'Streaming'],
  },
  {
    category: 'Cinéma',
    month: '2023-10',
    title: 'Grève à Hollywood : après cinq mois, les scénaristes obtiennent un accord',
    description: 'Rémunération, droits résiduels et encadrement de l’IA : les scénaristes américains ont obtenu l’essentiel de leurs revendications.',
    lede: 'Les piquets de grève ont disparu des trottoirs de Los Angeles. Les tournages reprennent peu à peu, avec des calendriers bouleversés pour de nombreuses séries.',
    tags: ['Séries', 'Streaming', 'IA'],
  },
  {
    category: 'Cinéma',
    month: '2023-11',
    title: 'Séries françaises : les plateformes misent sur le polar régional',
    description: 'Du Pays basque aux Vosges, les enquêtes ancrées dans un territoire séduisent les abonnés bien au-delà de nos frontières.',
    lede: 'Un commissariat de province, un paysage de carte postale et un secret de famille : la formule a fait ses preuves à la télévision, elle s’exporte désormais sur les plateformes.',
    tags: ['Séries', 'Netflix', 'Streaming'],
    quote: 2,
  },
  {
    category: 'Cinéma',
    month: '2024-01',
    title: 'Cinéma : les films les plus attendus de 2024, de Cannes aux plateformes',
    description: 'Suites, adaptations et nouveaux auteurs : la rédaction a repéré les sorties qui devraient marquer l’année.',
    lede: 'Le calendrier des sorties se remplit déjà. Entre grosses productions et films d’auteur, l’année s’annonce chargée pour les salles comme pour les plateformes.',
    tags: ['Cinéma français', 'Festival de Cannes', 'Streaming', 'Netflix'],
  },
  // Tech
  {
    category: 'Tech',
    month: '2023-01',
    dossier: 'l-ia-et-nous',
    title: 'ChatGPT à l’école : les enseignants face à l’intelligence artificielle',
    description: 'Devoirs rédigés en quelques secondes, dissertations impeccables : les professeurs s’interrogent sur la place de l’IA dans leurs classes.',
    lede: 'En quelques semaines, l’outil s’est retrouvé sur les téléphones de nombreux lycéens. Certains enseignants l’interdisent, d’autres ont choisi de l’utiliser en cours.',
    tags: ['IA', 'Éducation'],
    quote: 1,
  },
  {
    category: 'Tech',
    month: '2023-03',
    dossier: 'l-ia-et-nous',
    title: 'IA générative : faut-il avoir peur pour l’emploi ?',
    description: 'Traducteurs, graphistes, développeurs : plusieurs métiers voient arriver des outils capables de faire une partie de leur travail.',
    lede: 'Les études se multiplient, et leurs conclusions divergent. Une chose est sûre : les métiers de bureau sont concernés pour la première fois par une vague d’automatisation.',
    tags: ['IA', 'Économie'],
  },
  {
    category: 'Tech',
    month: '2023-06',
    title: 'Vision Pro : Apple dévoile son casque de réalité mixte à 3 499 dollars',
    description: 'Très attendu, le premier casque de la marque à la pomme impressionne par sa technologie et interroge par son prix.',
    lede: 'Sur la scène de sa conférence annuelle, Apple a présenté un appareil en préparation depuis des années. La commercialisation n’est prévue qu’en 2024, et d’abord aux États-Unis.',
    tags: ['Apple', 'Jeux vidéo'],
    quote: 2,
  },
  {
    category: 'Tech',
    month: '2023-07',
    title: 'Threads : Meta lance son concurrent de Twitter, mais pas en Europe',
    description: 'Le nouveau réseau social, adossé à Instagram, a séduit des dizaines de millions d’inscrits en quelques jours. Les Européens devront patienter.',
    lede: 'L’application s’inscrit en quelques secondes avec un compte Instagram. En Europe, elle reste pour l’instant indisponible, le temps de lever des incertitudes réglementaires.',
    tags: ['Meta', 'Réseaux sociaux', 'Instagram'],
  },
  {
    category: 'Tech',
    month: '2023-08',
    title: 'Vie privée : comment limiter ce que les réseaux sociaux savent de vous',
    description: 'Paramètres cachés, historique publicitaire, localisation : nos conseils pour reprendre la main sur vos données, réseau par réseau.',
    lede: 'Chaque like, chaque recherche et chaque photo publiée nourrissent des profils publicitaires d’une grande précision. Il est pourtant possible d’en limiter une partie.',
    tags: ['Vie privée', 'Réseaux sociaux', 'Instagram', 'Meta'],
    quote: 0,
  },
  {
    category: 'Tech',
    month: '2023-09',
    title: 'iPhone 15 : Apple passe enfin à l’USB-C',
    description: 'Sous la pression de la réglementation européenne, le port Lightning disparaît des nouveaux téléphones de la marque.',
    lede: 'Le changement paraît anodin, il était pourtant réclamé depuis des années. Les nouveaux modèles se rechargent désormais avec le même câble que la plupart des appareils.',
    tags: ['Apple', 'Écologie'],
  },
  {
    category: 'Tech',
    month: '2023-10',
    title: 'Jeux vidéo : les studios français face à une vague de licenciements',
    description: 'Après des années de croissance, le secteur réduit la voilure. Des centaines de postes sont menacés en France.',
    lede: 'Les annonces se succèdent, à Montpellier, à Lyon comme en région parisienne. Les salariés racontent des projets annulés du jour au lendemain.',
    tags: ['Jeux vidéo', 'Économie'],
    quote: 3,
  },
  {
    category: 'Tech',
    month: '2023-12',
    dossier: 'l-ia-et-nous',
    title: 'AI Act : l’Europe trouve un accord pour encadrer l’intelligence artificielle',
    description: 'Après de longues négociations, les institutions européennes se sont entendues sur le premier cadre juridique complet consacré à l’IA.',
    lede: 'Les négociateurs sont sortis épuisés de la salle, au petit matin. Le texte classe les usages de l’IA selon leur niveau de risque et interdit certains d’entre eux.',
    tags: ['IA', 'Vie privée'],
    quote: 0,
  },
  {
    category: 'Tech',
    month: '2024-01',
    dossier: 'l-ia-et-nous',
    title: 'Enquête : comment les géants du numérique nourrissent leurs IA avec nos données',
    description: 'Messages publics, photos, commentaires : les plateformes puisent dans ce que publient leurs utilisateurs pour faire progresser leurs modèles. Enquête sur une pratique encore mal encadrée.',
    lede: 'Depuis l’arrivée des assistants conversationnels, une course s’est engagée entre les grandes entreprises du numérique. Le nerf de cette guerre n’est pas seulement la puissance de calcul : ce sont les données, et les plus précieuses sont souvent celles que nous publions nous-mêmes. Chaque message publié, chaque photo partagée, chaque commentaire laissé sous une vidéo peut devenir une ligne de plus dans ces immenses bibliothèques numériques.',
    tags: ['IA', 'Meta', 'Vie privée', 'Réseaux sociaux', 'Instagram'],
    quote: 0,
    long: true,
    // Written out in full: a long read drawn from the sentence pools would not hold together.
    paragraphs: [
      'Pour comprendre l’ampleur du phénomène, il faut revenir à la façon dont fonctionnent ces programmes. Un modèle de langage ne « sait » rien au départ : il apprend à prédire le mot suivant en lisant des centaines de milliards de phrases. Plus il lit, plus ses réponses paraissent naturelles. Un assistant moderne a ainsi « lu » davantage de textes qu’un être humain ne pourrait en parcourir en plusieurs milliers de vies. Les images suivent le même chemin : pour apprendre à reconnaître un chat, une plage ou un visage souriant, un modèle doit en voir des millions, accompagnés de leur légende. Les premières générations se contentaient de Wikipédia, de livres numérisés et de pages web aspirées automatiquement. Les suivantes ont eu besoin de beaucoup plus, et c’est là que les plateformes sociales, avec leurs milliards de messages, de photos et de commentaires, sont devenues un gisement convoité.',
      'Les entreprises concernées assurent respecter la loi. Elles affirment n’utiliser que des contenus publics, exclure les messages privés et proposer des formulaires d’opposition. Mais ces formulaires sont rarement mis en avant : il faut souvent plusieurs clics, dans des menus consacrés à la confidentialité, pour les trouver. Interrogées, les entreprises renvoient vers leurs pages d’aide et rappellent que leurs conditions d’utilisation, acceptées lors de l’inscription, mentionnent ces usages. Encore faut-il les avoir lues : selon plusieurs études, moins d’un utilisateur sur dix prend le temps de parcourir ces documents, souvent longs de plusieurs dizaines de pages. Plusieurs associations de défense des libertés numériques ont saisi les autorités de protection des données, estimant que l’« intérêt légitime » invoqué par les plateformes ne suffit pas à justifier un usage aussi massif.',
      'Du côté des créateurs, la colère monte aussi. Photographes, illustrateurs, écrivains et musiciens découvrent que leurs œuvres, publiées en ligne pour se faire connaître, ont servi à entraîner des outils capables d’imiter leur style en quelques secondes. Certains ont choisi de retirer leurs portfolios des réseaux sociaux ; d’autres testent des logiciels qui brouillent les images de manière invisible pour l’œil humain, mais perturbante pour les algorithmes. Une illustratrice nantaise raconte avoir découvert, en tapant son propre nom dans un générateur d’images, des dessins qui reprenaient ses couleurs, ses cadrages et jusqu’à sa manière de tracer les visages. Elle n’a jamais donné son accord et ne sait pas à qui s’adresser pour les faire retirer. Son cas n’a rien d’isolé : des collectifs recensent désormais des centaines de témoignages similaires, dans la photographie comme dans la bande dessinée. Les procès se multiplient aux États-Unis, et leur issue pourrait redessiner l’économie de tout le secteur. En France, des organisations d’auteurs réclament un mécanisme d’autorisation préalable et une rémunération, comme il en existe pour la copie privée.',
      'En Europe, le cadre juridique existe pourtant. Le règlement général sur la protection des données impose depuis 2018 qu’un traitement repose sur une base légale : le consentement, un contrat, une obligation légale ou cet « intérêt légitime » que revendiquent les plateformes. Pour les juristes, tout le débat tient dans ce dernier point. Une entreprise peut-elle considérer qu’il est dans son intérêt légitime de réutiliser des photos de vacances publiées il y a dix ans, à une époque où personne n’imaginait qu’elles serviraient un jour à fabriquer un logiciel ? Les autorités de protection des données, réunies au sein d’un comité européen, n’ont pas encore tranché de manière définitive. En attendant, certaines ont obtenu des reports de lancement, d’autres ont exigé des explications écrites. Le règlement européen sur l’intelligence artificielle, sur lequel un accord politique a été trouvé en décembre, ajoute une couche : les fournisseurs des modèles les plus puissants devront publier un résumé des données utilisées pour les entraîner. Un résumé seulement, regrettent les associations, qui auraient voulu une liste détaillée.',
      'Concrètement, que peut faire un utilisateur qui ne souhaite pas voir ses publications servir à ces programmes ? La première étape consiste à vérifier ce qui est réellement public sur ses comptes. Un profil ouvert, des photos visibles par tous, des commentaires sous des pages publiques : tout cela peut, en principe, être collecté. Passer son compte en privé limite l’exposition, mais ne règle pas la question des contenus déjà publiés. Il est aussi utile de supprimer les anciennes publications dont on ne veut plus, même si rien ne garantit qu’elles n’ont pas déjà été copiées. La deuxième étape consiste à remplir les formulaires d’opposition lorsqu’ils existent, en conservant une capture d’écran de la demande. Les réponses sont souvent automatiques et tardent parfois plusieurs semaines. Enfin, il reste la possibilité de saisir la Cnil, qui instruit les plaintes et peut, si elle constate un manquement, prononcer des sanctions. Les montants peuvent atteindre 4 % du chiffre d’affaires mondial d’une entreprise, un plafond rarement approché mais qui suffit à faire réfléchir les directions juridiques.',
      'Derrière ces débats se joue une bataille économique considérable. Les entreprises qui disposent de leurs propres gisements de données, parce qu’elles gèrent des réseaux sociaux, des moteurs de recherche ou des messageries, possèdent un avantage difficile à rattraper. Les autres doivent acheter des licences, négocier avec des éditeurs de presse, des banques d’images ou des forums de discussion, ou se contenter de données publiques de moindre qualité. Plusieurs accords ont déjà été signés avec de grands médias, pour des montants tenus secrets, que la presse spécialisée chiffre en dizaines de millions de dollars. Selon plusieurs estimations, les textes de qualité disponibles en ligne pourraient même ne plus suffire, d’ici quelques années, à nourrir la croissance des plus grands modèles. Certains chercheurs s’inquiètent d’un autre phénomène : à mesure que les textes et les images générés par l’IA se multiplient en ligne, les futurs modèles risquent d’apprendre sur leurs propres productions, avec une baisse progressive de qualité. Les données humaines, authentiques, deviennent alors une ressource rare, et donc précieuse.',
      'Reste une question que ni les entreprises ni les régulateurs n’ont vraiment tranchée : celle de la contrepartie. Les utilisateurs fournissent gratuitement la matière première d’outils qui seront ensuite vendus, parfois sous forme d’abonnement, à ces mêmes utilisateurs. Certains économistes plaident pour une rémunération collective, sur le modèle des droits voisins obtenus par la presse. D’autres jugent l’idée irréaliste, tant la valeur d’une photo ou d’un commentaire isolé est infime. Entre ces deux positions, une piste fait son chemin : imposer une véritable transparence, afin que chacun sache ce qui a été collecté, quand, et à quelles fins. Ce serait déjà, pour beaucoup, un premier pas. Les plus prudents rappellent qu’une loi ne vaut que par son application, et que les autorités de contrôle manquent encore de moyens face à des entreprises dont les équipes juridiques comptent des centaines de personnes. D’autres misent sur la pression du public, qui a déjà fait reculer plusieurs plateformes par le passé. Pour l’heure, la plupart des internautes continuent de publier sans y penser, et les modèles continuent d’apprendre. La prochaine génération d’assistants, annoncée pour les mois qui viennent, devrait relancer le débat.',
    ],
  },
  // Sport
  {
    category: 'Sport',
    month: '2023-02',
    title: 'Six Nations : le XV de France s’impose face à l’Écosse au Stade de France',
    description: 'Les Bleus ont retrouvé de l’allant devant leur public, après un début de tournoi en demi-teinte.',
    lede: 'Sous une pluie fine, les Français ont marqué quatre essais. L’ambiance, électrique, rappelait les grandes soirées du tournoi.',
    tags: ['Rugby', 'Équipe de France'],
    quote: 0,
  },
  {
    category: 'Sport',
    month: '2023-05',
    title: 'Ligue 1 : le PSG sacré champion de France pour la onzième fois',
    description: 'Le club parisien décroche un nouveau titre, sans briller. La saison laisse pourtant un goût d’inachevé à ses supporters.',
    lede: 'Le titre s’est joué à une journée de la fin, sur un match nul. Dans le vestiaire, la célébration est restée sobre.',
    tags: ['Ligue 1', 'PSG'],
  },
  {
    category: 'Sport',
    month: '2023-06',
    title: 'Jeux olympiques : le parcours de la flamme dévoilé, département par département',
    description: 'La flamme olympique traversera la France métropolitaine et plusieurs territoires d’outre-mer avant d’arriver à Paris.',
    lede: 'Le relais partira de Marseille, où la flamme arrivera par la mer. Plusieurs milliers de porteurs se succéderont pendant près de trois mois.',
    tags: ['Jeux olympiques', 'Équipe de France'],
    quote: 1,
  },
  {
    category: 'Sport',
    month: '2023-07',
    title: 'Tour de France : Jonas Vingegaard conserve son maillot jaune jusqu’à Paris',
    description: 'Le Danois remporte une deuxième Grande Boucle consécutive après un duel de trois semaines avec Tadej Pogačar.',
    lede: 'Sur les Champs-Élysées, le maillot jaune a savouré une dernière étape sans enjeu. Le Tour s’était joué dans les Alpes, lors d’un contre-la-montre dominé de bout en bout.',
    tags: ['Tour de France', 'Jeux olympiques'],
    quote: 3,
  },
  {
    category: 'Sport',
    month: '2023-09',
    title: 'Coupe du monde de rugby : ce que les Bleus doivent corriger avant les quarts',
    description: 'Qualifiés, les Français ont montré quelques failles en phase de poules. Le staff a identifié les chantiers prioritaires.',
    lede: 'Le groupe a profité de quelques jours de repos avant de reprendre le travail. Au menu : la conquête, la discipline et l’efficacité dans les temps forts.',
    tags: ['Rugby', 'Équipe de France'],
    quote: 0,
  },
  {
    category: 'Sport',
    month: '2023-10',
    title: `Tempête ou simple ${SEARCH_WORDS.titleOverBody} : la Ligue 1 face à la baisse des droits télé`,
    description: 'L’appel d’offres pour la diffusion du championnat s’annonce difficile. Les clubs, dont les budgets en dépendent, retiennent leur souffle.',
    lede: 'Les présidents de club n’en parlent qu’à demi-mot, mais tous ont la même date en tête. Le montant des prochains droits de diffusion pèsera lourd sur leurs budgets.',
    tags: ['Ligue 1', 'PSG', 'Économie', 'Streaming'],
    quote: 2,
  },
  {
    category: 'Sport',
    month: '2023-12',
    title: 'Jeux olympiques : à sept mois de Paris 2024, les sites sont-ils prêts ?',
    description: 'Piscine, village des athlètes, épreuves dans la Seine : le point sur les chantiers qui restent à terminer.',
    lede: 'Sur le chantier du village des athlètes, les grues ont commencé à partir. Les organisateurs assurent que le calendrier sera tenu, malgré quelques retards.',
    tags: ['Jeux olympiques', 'Écologie'],
    quote: 1,
  },
  // Culture et société
  {
    category: 'Culture et société',
    month: '2023-03',
    title: `Comment ${SEARCH_WORDS.title} sa mémoire avant le bac : les conseils d’une neuroscientifique`,
    description: 'Révisions espacées, sommeil, tests réguliers : ce que la recherche dit des méthodes qui marchent vraiment.',
    lede: 'À quelques semaines des épreuves, les lycéens cherchent la méthode miracle. Les chercheurs en sciences cognitives ont des réponses, souvent contraires aux habitudes.',
    tags: ['Éducation', 'Santé'],
    quote: 0,
  },
  {
    category: 'Culture et société',
    month: '2023-04',
    title: 'Lecture : les jeunes adultes reviennent aux romans grâce aux réseaux sociaux',
    description: 'Sur les réseaux, des vidéos de lecteurs font exploser les ventes de certains romans. Les libraires adaptent leurs tables.',
    lede: 'Une table entière leur est consacrée à l’entrée de la librairie : les romans « vus sur les réseaux ». Certains titres, parus il y a des années, sont réimprimés en urgence.',
    tags: ['Littérature', 'Réseaux sociaux'],
    quote: 1,
  },
  {
    category: 'Culture et société',
    month: '2023-06',
    title: 'Écoanxiété : quand l’urgence climatique pèse sur le moral des jeunes',
    description: 'De plus en plus de jeunes disent ressentir une inquiétude durable face au dérèglement climatique. Les psychologues appellent à ne pas la balayer.',
    lede: 'Ils ont vingt ans et disent hésiter à faire des projets à long terme. Le phénomène, longtemps anecdotique, fait désormais l’objet d’études sérieuses.',
    tags: ['Écologie', 'Santé'],
    quote: 2,
  },
  {
    category: 'Culture et société',
    month: '2023-08',
    title: 'Rentrée littéraire : des centaines de romans et quelques favoris pour les prix d’automne',
    description: 'Comme chaque année, les libraires doivent faire un tri dans une production abondante. Certains titres se détachent déjà.',
    lede: 'Les cartons s’empilent dans les réserves des librairies. Entre premiers romans et auteurs confirmés, les libraires font leurs paris pour l’automne.',
    tags: ['Littérature', 'Prix littéraires'],
  },
  {
    category: 'Culture et société',
    month: '2023-11',
    title: 'Prix Goncourt : Jean-Baptiste Andrea couronné pour « Veiller sur elle »',
    description: 'Le jury a distingué une fresque romanesque au long cours, déjà appréciée des libraires et des lecteurs.',
    lede: 'L’annonce a été faite, comme le veut la tradition, dans un salon du restaurant Drouant. Quelques minutes plus tard, le lauréat recevait les félicitations de la foule massée dehors.',
    tags: ['Littérature', 'Prix littéraires'],
    quote: 3,
  },
  {
    category: 'Culture et société',
    month: '2024-01',
    title: 'Sobriété numérique : faut-il vraiment trier ses e-mails pour sauver la planète ?',
    description: 'Supprimer ses vieux messages est souvent présenté comme un geste écologique. Les spécialistes invitent à regarder plutôt du côté des appareils.',
    lede: 'Le conseil revient chaque année : vider sa boîte de réception pour réduire son empreinte carbone. L’effet réel est pourtant modeste, comparé à celui de la fabrication des appareils.',
    tags: ['Écologie', 'Réseaux sociaux'],
  },
];

// ---------------------------------------------------------------------------
// Seeded randomness: mulberry32, so every run draws the same numbers.
// ---------------------------------------------------------------------------

function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const copy = [...list];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy;
    },
  };
}

// ---------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------

/** Same rules as lib/slugify.ts (which a plain .mjs cannot import): "Cinéma" → "cinema". */
function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words an editor drops from an address, so slugs stay short like the real one. */
const SLUG_STOP_WORDS = new Set(
  'a au aux avec ce d de des du en et jusqu l la le les leur leurs n nos ou par pour qu que qui s sa se ses son sur un une vos'.split(' '),
);
const SLUG_MAX_WORDS = 8;

/** The title's first significant words, without a stray letter at the cut ("… mixte à 3 499 dollars"). */
function slugifyTitle(title) {
  const significant = slugify(title)
    .split('-')
    .filter((word) => !SLUG_STOP_WORDS.has(word));
  const words = significant.slice(0, SLUG_MAX_WORDS);
  if (significant.length > words.length) while (words.at(-1).length === 1) words.pop();
  return words.join('-');
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/**
 * Paris's offset on a day of 2023 or January 2024. Summer time ran from 26 March
 * to 29 October 2023; times are drawn between 07:00 and 23:59, after the 2–3 a.m.
 * switch, so the day alone decides.
 */
function parisOffsetHours(year, month, day) {
  if (year < 2023 || (year === 2024 && month > 2) || year > 2024) throw new Error(`no offset table for ${year}`);
  const key = year * 10_000 + month * 100 + day;
  return key >= 20230326 && key < 20231029 ? 2 : 1;
}

/** A Paris wall-clock time, and whether the editor wrote its offset (both forms are accepted). */
function makeMoment(year, month, day, hour, minute, withOffset) {
  const offsetHours = parisOffsetHours(year, month, day);
  const epoch = Date.UTC(year, month - 1, day, hour, minute) - offsetHours * 3_600_000;
  return { year, month, day, hour, minute, offsetHours, withOffset, epoch };
}

function formatMoment({ year, month, day, hour, minute, offsetHours, withOffset, text }) {
  if (text !== undefined) return text;
  const two = (number) => String(number).padStart(2, '0');
  const date = `${year}-${two(month)}-${two(day)}`;
  const time = `${two(hour)}:${two(minute)}`;
  return withOffset ? `${date}T${time}:00+${two(offsetHours)}:00` : `${date} ${time}`;
}

/** A time in the given month that no other article has, since tests sort by it. */
function drawPublishedAt(random, month, takenEpochs) {
  const [year, monthNumber] = month.split('-').map(Number);
  for (;;) {
    const moment = makeMoment(year, monthNumber, random.integer(1, 28), random.integer(7, 21), 5 * random.integer(0, 11), random.chance(0.5));
    if (!takenEpochs.has(moment.epoch)) {
      takenEpochs.add(moment.epoch);
      return moment;
    }
  }
}

/** Paris's offset at an instant, as ±HH:MM, from the time-zone database (any year). */
function parisOffsetAt(epoch) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(new Date(epoch))
    .find((part) => part.type === 'timeZoneName').value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** `hoursAgo` before `now`, on a five-minute mark, written in Paris time with its offset. */
function momentHoursAgo(now, hoursAgo) {
  const epoch = Math.floor((now.getTime() - hoursAgo * 3_600_000) / 300_000) * 300_000;
  const { wall, offset } = momentAt(epoch);
  return { epoch, text: `${wall}${offset}` };
}

/**
 * Every tenth article (past ones only) carries public corrections (`corrections:`),
 * every twentieth two: the next morning and two days later, Paris time, written
 * like its publication date. By position, not drawn: the rest of the corpus stays.
 */
function correctionsFor(index, published, spec) {
  if (spec.hoursAgo !== undefined || index % 10 !== 7) return [];
  const daysLater = (days, hour, minute) => {
    const day = new Date(Date.UTC(published.year, published.month - 1, published.day + days));
    return makeMoment(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, published.withOffset);
  };
  const corrections = [{ date: daysLater(1, 9, 15), text: 'Une première version de cet article attribuait mal une citation ; c’est corrigé.' }];
  if (index % 20 === 7) corrections.push({ date: daysLater(2, 11, 40), text: 'Un chiffre était faux : il a été remplacé par celui de la source.' });
  return corrections;
}

/** A correction a few hours later, or the next morning when that would pass midnight. */
function drawUpdatedAt(random, published) {
  const hour = published.hour + random.integer(1, 5);
  if (hour <= 23) return makeMoment(published.year, published.month, published.day, hour, 5 * random.integer(0, 11), published.withOffset);
  const nextDay = new Date(Date.UTC(published.year, published.month - 1, published.day + 1));
  return makeMoment(nextDay.getUTCFullYear(), nextDay.getUTCMonth() + 1, nextDay.getUTCDate(), random.integer(8, 10), 5 * random.integer(0, 11), published.withOffset);
}

// ---------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------

function renderQuote({ text, attribution }) {
  return `> ${text}\n>\n> — ${attribution}`;
}

/**
 * A credited body photo; one in two (by its caption's length, so that no extra
 * draw shifts the rest of the corpus) is the first of a two-photo gallery whose
 * second photo has a focus point.
 */
function renderBodyImage(random, category) {
  const { src, alt } = IMAGES.inline;
  const caption = random.pick(category.captions);
  const image = `![${alt}](${src} "${caption} ${random.pick(CREDITS)}")`;
  if (caption.length % 2 === 1) return image;
  return `${image}\n![${IMAGES.hero.alt}](${IMAGES.hero.src} "Vue d’ensemble © Kiosque"){focus=70% 40%}`;
}

/** Mostly the category's own sentences, newsroom ones mixed in, none twice in an article. */
function drawSentenceSource(random, category) {
  const own = random.shuffle(category.sentences);
  const general = random.shuffle(NEWSROOM_SENTENCES);
  const mixed = [];
  while (own.length > 0 || general.length > 0) {
    const fromOwn = own.length > 0 && (general.length === 0 || random.chance(0.7));
    mixed.push((fromOwn ? own : general).shift());
  }
  return () => {
    const sentence = mixed.shift();
    if (sentence === undefined) throw new Error('not enough sentences for this article: add some to the tables');
    return sentence;
  };
}

const MAX_DRAWN_SENTENCES = 48;

/**
 * 2 to 7 paragraphs after the opening one. Each article gets its own pace, terse or
 * expansive, so lengths spread out; 48 sentences at most, as a category and the
 * newsroom pool hold 50 between them.
 */
function drawParagraphs(random, category) {
  const nextSentence = drawSentenceSource(random, category);
  const count = random.integer(2, 7);
  const pace = random.integer(3, Math.min(7, Math.floor(MAX_DRAWN_SENTENCES / count)));
  return Array.from({ length: count }, () => Array.from({ length: random.integer(pace - 1, pace) }, nextSentence).join(' '));
}

/**
 * The body, with the conventions the site renders: an attributed quote after the
 * opening, sometimes a second one, a `##` subheading and a credited body image.
 * Paragraph count and length vary so reading times run from 1 to about 6 minutes.
 */
function buildBody(random, spec, category) {
  const paragraphs = [spec.lede, ...(spec.paragraphs ?? drawParagraphs(random, category))];
  const quoteIndexes = random.shuffle(category.quotes.map((_, index) => index));
  const firstQuote = spec.quote ?? quoteIndexes[0];
  const secondQuote = quoteIndexes.find((index) => index !== firstQuote);
  const blocks = [paragraphs[0], renderQuote(category.quotes[firstQuote]), ...paragraphs.slice(1)];

  // Later positions first, so the earlier ones stay valid.
  const roomy = paragraphs.length >= 4;
  if (spec.long || (roomy && random.chance(0.35))) blocks.splice(blocks.length - 1, 0, renderQuote(category.quotes[secondQuote]));
  if (spec.long || (roomy && random.chance(0.4))) blocks.splice(3, 0, `## ${random.pick(category.subheadings)}`);
  if (random.chance(0.35)) blocks.splice(2, 0, renderBodyImage(random, category));
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------------------
// Articles and files
// ---------------------------------------------------------------------------

function drawAuthor(random, category) {
  return random.chance(0.7) ? category.usualAuthor : random.pick(AUTHORS).slug;
}

/**
 * Every tenth article is co-signed (`authors:`), every thirtieth by three: the
 * next authors of AUTHORS after the first. Chosen by position, not drawn, so
 * the rest of the corpus is the same as without them.
 */
function coAuthorsFor(index, lead) {
  if (index % 10 !== 5) return [];
  const others = AUTHORS.map((author) => author.slug).filter((slug) => slug !== lead);
  const start = Math.floor(index / 10) % others.length;
  const count = index % 30 === 15 ? 2 : 1;
  return Array.from({ length: count }, (_, offset) => others[(start + offset) % others.length]);
}

function drawHeroImage(random, category) {
  const image = random.chance(0.65) ? IMAGES.hero : IMAGES.inline;
  const caption = random.chance(0.5) ? random.pick(category.captions) : undefined;
  return { ...image, credit: random.pick(CREDITS), ...(caption ? { caption } : {}) };
}

/** Every fourth article gets a label above its title, in turn, so each label is seen. */
const ARTICLE_TYPES = ['Interview', 'Critique', 'Tribune', 'Actu'];
const typeFor = (index) => (index % 4 === 3 ? ARTICLE_TYPES[Math.floor(index / 4) % ARTICLE_TYPES.length] : undefined);

function buildArticles(random, takenEpochs, now) {
  const specs = [...ARTICLES, ...RECENT_ARTICLES];
  return specs.map((spec, index) => {
    const category = CATEGORIES[spec.category];
    const publishedAt = spec.hoursAgo === undefined ? drawPublishedAt(random, spec.month, takenEpochs) : momentHoursAgo(now, spec.hoursAgo);
    const updatedAt = spec.hoursAgo === undefined && random.chance(0.15) ? drawUpdatedAt(random, publishedAt) : undefined;
    const author = drawAuthor(random, category);
    return {
      slug: slugifyTitle(spec.title),
      title: spec.title,
      description: spec.description,
      publishedAt,
      updatedAt,
      author,
      coAuthors: coAuthorsFor(index, author),
      corrections: correctionsFor(index, publishedAt, spec),
      category: spec.category,
      tags: spec.tags,
      type: typeFor(index),
      image: drawHeroImage(random, category),
      ...liveBodyOr(withEmbeds(buildBody(random, spec, category), spec), spec, publishedAt),
      embeds: (spec.embeds ?? []).filter((embed) => embed.provider),
      dossier: spec.dossier,
      long: spec.long === true,
      recent: spec.hoursAgo !== undefined,
      draft: spec.draft === true,
    };
  });
}

/** The body with `spec.embeds`' addresses, each alone on its line, after its first paragraph. */
function withEmbeds(body, spec) {
  if (!spec.embeds) return body;
  const [first, ...rest] = body.split('\n\n');
  return [first, ...spec.embeds.map((embed) => embed.url), ...rest].join('\n\n');
}

/**
 * A live article's body: its lede, then one `## HH:MM Titre` entry per
 * `spec.live` item (the date written when the day is not the publication's,
 * `[essentiel]` on key ones); its entries as the summary names them. Others
 * keep the drawn body, which a live one draws too, so later draws stay.
 */
function liveBodyOr(drawn, spec, publishedAt) {
  if (!spec.live) return { body: drawn, live: undefined };
  const firstDay = momentAt(publishedAt.epoch).wall.slice(0, 10);
  const entries = spec.live.map((item) => {
    const { wall } = momentAt(publishedAt.epoch + item.minutesLater * 60_000);
    const [day, time] = [wall.slice(0, 10), wall.slice(11, 16)];
    return { ...item, day, time, epoch: publishedAt.epoch + item.minutesLater * 60_000, id: `direct-${day}-${time.replace(':', '')}` };
  });
  const body = [spec.lede, ...entries.map((entry) => `## ${entry.day === firstDay ? '' : `${entry.day} `}${entry.time} ${entry.key ? '[essentiel] ' : ''}${entry.title}\n\n${entry.text}`)].join('\n\n');
  return { body, live: entries };
}

/** The Paris wall-clock time of an instant, `YYYY-MM-DDTHH:MM:SS`. */
function momentAt(epoch) {
  const offset = parisOffsetAt(epoch);
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  return { wall: new Date(epoch + offsetMs).toISOString().slice(0, 19), offset };
}

/** A dossier's file: its title and description, the photo of the corpus, its introduction as body. */
function renderDossierFile(dossier) {
  return [
    '---',
    `title: ${quoted(dossier.title)}`,
    `description: ${quoted(dossier.description)}`,
    'image:',
    `  src: ${IMAGES.inline.src}`,
    `  alt: ${quoted(IMAGES.inline.alt)}`,
    `  credit: ${quoted('© Kiosque')}`,
    '---',
    '',
    dossier.intro,
    '',
  ].join('\n');
}

/** Each dossier with its parts' slugs in the order they were published (part 1 first). */
function summarizeDossiers(generated) {
  return Object.fromEntries(
    DOSSIERS.map((dossier) => [
      dossier.slug,
      {
        title: dossier.title,
        description: dossier.description,
        parts: generated
          .filter((article) => article.dossier === dossier.slug)
          .sort((a, b) => a.publishedAt.epoch - b.publishedAt.epoch)
          .map((article) => article.slug),
      },
    ]),
  );
}

/** A double-quoted YAML scalar: JSON's escapes are valid YAML, so any text is safe. */
const quoted = (text) => JSON.stringify(text);

/** Tags stay bare in the flow list, as editors write them, unless YAML would misread them. */
const flowItem = (text) => (/^[\p{L}\p{N}][\p{L}\p{N} ’.-]*$/u.test(text) ? text : quoted(text));

function renderArticleFile(article) {
  const { image } = article;
  return [
    '---',
    `title: ${quoted(article.title)}`,
    `description: ${quoted(article.description)}`,
    `publishedAt: ${formatMoment(article.publishedAt)}`,
    ...(article.updatedAt ? [`updatedAt: ${formatMoment(article.updatedAt)}`] : []),
    // The byline's order; a single author keeps the one-author form.
    article.coAuthors.length > 0 ? `authors: [${[article.author, ...article.coAuthors].join(', ')}]` : `author: ${article.author}`,
    `category: ${article.category}`,
    `tags: [${article.tags.map(flowItem).join(', ')}]`,
    ...(article.type ? [`type: ${article.type}`] : []),
    ...(article.draft ? ['draft: true'] : []),
    ...(article.live ? ['live: true'] : []),
    ...(article.dossier ? [`dossier: ${article.dossier}`] : []),
    ...(article.corrections.length > 0 ? ['corrections:', ...article.corrections.flatMap(({ date, text }) => [`  - date: ${formatMoment(date)}`, `    text: ${quoted(text)}`])] : []),
    'image:',
    `  src: ${image.src}`,
    `  alt: ${quoted(image.alt)}`,
    `  credit: ${quoted(image.credit)}`,
    ...(image.caption ? [`  caption: ${quoted(image.caption)}`] : []),
    '---',
    '',
    article.body,
    '',
  ].join('\n');
}

function renderAuthorFile(author) {
  return ['---', `name: ${quoted(author.name)}`, `bio: ${quoted(author.bio)}`, '---', ''].join('\n');
}

/** The front matter of a real file, read with the same core schema as the site (dates stay text). */
function readFrontMatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error('real content file without front matter');
  return parseYaml(match[1], { schema: 'core' });
}

async function readRealContent() {
  const [articleText, authorText] = await Promise.all([
    readFile(path.join(PROJECT_ROOT, REAL_FILES.article), 'utf8'),
    readFile(path.join(PROJECT_ROOT, REAL_FILES.author), 'utf8'),
  ]);
  const article = readFrontMatter(articleText);
  const author = readFrontMatter(authorText);
  return {
    articleText,
    authorText,
    article: {
      slug: path.basename(REAL_FILES.article, '.md'),
      title: article.title,
      description: article.description,
      publishedAt: { epoch: Date.parse(article.publishedAt), text: article.publishedAt },
      author: path.basename(REAL_FILES.author, '.md'),
      coAuthors: [],
      corrections: [],
      embeds: [],
      category: article.category,
      tags: article.tags ?? [],
      body: articleText.slice(articleText.indexOf('\n---', 3) + 4),
    },
    author: { slug: path.basename(REAL_FILES.author, '.md'), name: author.name },
  };
}

// ---------------------------------------------------------------------------
// Checks and summary
// ---------------------------------------------------------------------------

const fold = (text) => slugify(text).replace(/-/g, ' ');
const foldedContains = (text, word) => ` ${fold(text)} `.includes(` ${fold(word)} `);

/** Fails loudly when an edit to the tables breaks a promise the tests rely on. */
function checkCorpus(generated, real) {
  const all = [...generated, real];
  const problems = [];
  const slugs = new Set();
  for (const article of all) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(article.slug)) problems.push(`bad slug ${article.slug}`);
    if (slugs.has(article.slug)) problems.push(`duplicate slug ${article.slug}`);
    slugs.add(article.slug);
  }
  const epochs = new Set(all.map((article) => article.publishedAt.epoch));
  if (epochs.size !== all.length) problems.push('two articles share a publication time');
  for (const article of generated) {
    if (article.title.length > 110) problems.push(`title over 110 characters: ${article.title}`);
    if (article.tags.length < 2 || article.tags.length > 5) problems.push(`${article.slug} has ${article.tags.length} tags`);
    for (const tag of article.tags) if (!TAG_POOL.includes(tag)) problems.push(`${article.slug}: tag « ${tag} » is not in TAG_POOL`);
    for (const moment of [article.publishedAt, article.updatedAt]) {
      if (!article.recent && moment && moment.epoch >= real.publishedAt.epoch) problems.push(`${article.slug} is not older than the real article`);
    }
  }
  const titled = generated.filter((article) => foldedContains(article.title, SEARCH_WORDS.title));
  if (titled.length !== 1) problems.push(`${titled.length} generated titles contain « ${SEARCH_WORDS.title} »`);
  const withNonce = all.filter((article) => article.body.includes(SEARCH_WORDS.body));
  if (withNonce.length !== 1) problems.push(`${withNonce.length} bodies contain « ${SEARCH_WORDS.body} »`);
  const mentions = all.filter((article) => [article.title, article.description, article.body].some((text) => foldedContains(text, SEARCH_WORDS.titleOverBody)));
  if (mentions.length !== 2) problems.push(`« ${SEARCH_WORDS.titleOverBody} » should appear in exactly two articles, found ${mentions.length}`);
  if (problems.length > 0) throw new Error(`fixture corpus is inconsistent:\n  ${problems.join('\n  ')}`);
}

function countBy(articles, keysOf, nameOf = (key) => key) {
  const counts = new Map();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const slug = slugify(key);
      const entry = counts.get(slug) ?? { name: nameOf(key), count: 0 };
      entry.count += 1;
      counts.set(slug, entry);
    }
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** Counts over the whole corpus (real article included), keyed by slug, and the planted articles. */
function summarize(generated, real, authors) {
  const all = [...generated, real];
  const authorNames = new Map(authors.map((author) => [author.slug, author.name]));
  const categories = countBy(all, (article) => [article.category]);
  const tags = countBy(all, (article) => article.tags);
  const bySlug = (article) => article.slug;
  const titleMatch = all.filter((article) => foldedContains(article.title, SEARCH_WORDS.title)).map(bySlug).sort();
  const zephyrTitle = all.find((article) => foldedContains(article.title, SEARCH_WORDS.titleOverBody));
  const nonceBody = all.find((article) => article.body.includes(SEARCH_WORDS.body));
  const newestFirst = [...all].sort((a, b) => b.publishedAt.epoch - a.publishedAt.epoch);
  const newest = newestFirst[0];
  return {
    counts: {
      articles: all.length,
      generatedArticles: generated.length,
      authors: authors.length,
      categories: Object.keys(categories).length,
      tags: Object.keys(tags).length,
    },
    categories,
    tags,
    authors: countBy(all, (article) => [article.author, ...article.coAuthors], (slug) => authorNames.get(slug)),
    // Newest first, with the dates this script computed itself: the browser tests
    // compare the site's listings with this, not with the site's own code.
    articles: newestFirst.map((article) => ({
      slug: article.slug,
      title: article.title,
      category: article.category,
      tags: article.tags,
      author: article.author,
      /** Every author in the byline's order, the first being `author`. */
      authors: [article.author, ...article.coAuthors],
      /** Newest first, as the page shows them. */
      corrections: article.corrections.map(({ date, text }) => ({ date: new Date(date.epoch).toISOString(), text })).sort((a, b) => b.date.localeCompare(a.date)),
      type: article.type,
      /** A live article's entries, newest first, as the page shows them; absent on the others. */
      /** The provider embeds of the body, in its order, as written. */
      embeds: article.embeds,
      dossier: article.dossier,
      ...(article.live ? { live: [...article.live].reverse().map(({ id, title, key, epoch }) => ({ id, title, key: key === true, date: new Date(epoch).toISOString() })) } : {}),
      publishedAt: new Date(article.publishedAt.epoch).toISOString(),
      // As written in the front matter (offset kept, or none for Paris time).
      publishedAtText: article.publishedAt.text ?? formatMoment(article.publishedAt),
      recent: article.recent === true,
    })),
    special: {
      realArticle: real.slug,
      newest: newest.slug,
      long: generated.find((article) => article.long).slug,
      updated: generated.filter((article) => article.updatedAt).map(bySlug).sort(),
      titleSearch: { word: SEARCH_WORDS.title, slugs: titleMatch },
      bodySearch: { word: SEARCH_WORDS.body, slug: nonceBody.slug },
      titleOverBody: { word: SEARCH_WORDS.titleOverBody, titleSlug: zephyrTitle.slug, bodySlug: nonceBody.slug },
    },
  };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

const CORPUS_ENTRIES = new Set(['articles', 'authors', 'dossiers', 'images', 'summary.json']);

/** The folder is deleted first: refuse anything that does not look like an earlier corpus. */
async function assertReplaceable(folder) {
  if (folder === path.parse(folder).root || folder === PROJECT_ROOT) throw new Error(`refusing to replace ${folder}`);
  let entries;
  try {
    entries = await readdir(folder);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  const foreign = entries.filter((entry) => !CORPUS_ENTRIES.has(entry));
  if (foreign.length > 0) throw new Error(`refusing to delete ${folder}: it holds ${foreign.join(', ')}, not only a fixture corpus`);
}

/** Deletes and rewrites `folder` with the corpus; returns the summary also written to summary.json. */
export async function generateFixtureCorpus(folder = DEFAULT_FOLDER, now = new Date()) {
  const target = path.resolve(folder);
  const real = await readRealContent();
  const random = createRandom(SEED);
  const written = buildArticles(random, new Set([real.article.publishedAt.epoch]), now);
  // Drafts are written but left out of the summary: the site must not show them anywhere.
  const generated = written.filter((article) => !article.draft);
  const drafts = written.filter((article) => article.draft);
  checkCorpus(generated, real.article);
  const authors = [...AUTHORS, real.author];
  const summary = { ...summarize(generated, real.article, authors), dossiers: summarizeDossiers(generated), drafts: drafts.map((article) => article.slug) };

  await assertReplaceable(target);
  await rm(target, { recursive: true, force: true });
  await Promise.all(['articles', 'authors', 'dossiers'].map((folder) => mkdir(path.join(target, folder), { recursive: true })));
  await Promise.all([
    ...written.map((article) => writeFile(path.join(target, 'articles', `${article.slug}.md`), renderArticleFile(article))),
    ...AUTHORS.map((author) => writeFile(path.join(target, 'authors', `${author.slug}.md`), renderAuthorFile(author))),
    ...DOSSIERS.map((dossier) => writeFile(path.join(target, 'dossiers', `${dossier.slug}.md`), renderDossierFile(dossier))),
    writeFile(path.join(target, 'articles', `${real.article.slug}.md`), real.articleText),
    writeFile(path.join(target, 'authors', `${real.author.slug}.md`), real.authorText),
    writeFile(path.join(target, 'summary.json'), `${JSON.stringify(summary)}\n`),
    cp(path.join(PROJECT_ROOT, 'content', 'images'), path.join(target, 'images'), { recursive: true }),
  ]);
  return summary;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  const summary = await generateFixtureCorpus(process.argv[2] ?? DEFAULT_FOLDER);
  console.log(JSON.stringify(summary));
}
