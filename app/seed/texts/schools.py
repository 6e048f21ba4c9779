"""The departmental education project and « Bien manger au collège »: colleges, pupils, school meals."""

from __future__ import annotations

from app.seed.texts import Idea, QuestionSpec, Theme

_EDUCATION_IDEAS = (
    Idea(
        "Un forum des métiers dans chaque collège",
        "Organiser chaque année au {college} de {commune} un forum où des professionnels du territoire "
        "présentent leur métier aux élèves de quatrième et de troisième.",
        "Orientation",
    ),
    Idea(
        "Des stages de troisième près de chez soi",
        "Créer une bourse aux stages de troisième avec les entreprises et les collectivités du secteur de "
        "{commune}, pour que les élèves sans réseau trouvent aussi un stage.",
        "Orientation",
    ),
    Idea(
        "Un conseil des collégiens dans chaque établissement",
        "Donner un vrai budget au conseil de la vie collégienne du {college}, pour que les élèves "
        "décident eux-mêmes de quelques aménagements.",
        "Citoyenneté des collégiens",
    ),
    Idea(
        "Des casiers pour alléger les cartables",
        "Installer des casiers au {college} de {commune} : les cartables pèsent souvent plus de huit kilos.",
        "Réussite éducative",
    ),
    Idea(
        "Une aide aux devoirs gratuite après les cours",
        "Ouvrir une aide aux devoirs encadrée après 16 h 30, avec des étudiants et des retraités bénévoles, "
        "au {college} de {commune}.",
        "Réussite éducative",
    ),
    Idea(
        "Des ordinateurs reconditionnés pour les familles",
        "Donner aux familles qui n'en ont pas les ordinateurs du collège remplacés chaque année, après "
        "reconditionnement.",
        "Équipement",
    ),
    Idea(
        "Le wifi dans toutes les salles de classe",
        "Équiper toutes les salles du {college} d'un wifi qui fonctionne : aujourd'hui les tablettes "
        "restent souvent dans les armoires.",
        "Équipement",
    ),
    Idea(
        "Apprendre à repérer les fausses informations",
        "Proposer à tous les élèves de cinquième des ateliers d'éducation aux médias et aux réseaux sociaux.",
        "Usages",
    ),
    Idea(
        "Moins d'écrans, plus de livres au CDI",
        "Renforcer le fonds du CDI du {college} et ouvrir le CDI pendant la pause de midi.",
        "Usages",
    ),
    Idea(
        "Une section sportive voile sur la côte",
        "Ouvrir une section sportive voile dans un collège du littoral, en lien avec les clubs de la côte "
        "de Jade et de la presqu'île.",
        "Sport et culture",
    ),
    Idea(
        "Un artiste en résidence au collège",
        "Accueillir chaque année un artiste en résidence au {college} de {commune}, avec une exposition "
        "de fin d'année ouverte aux familles.",
        "Sport et culture",
    ),
    Idea(
        "Des cours de récréation végétalisées",
        "Remplacer une partie du bitume de la cour du {college} par des arbres et des espaces verts, pour "
        "avoir de l'ombre l'été.",
        "Réussite éducative",
    ),
    Idea(
        "Des toilettes propres et fermées",
        "Rénover les toilettes du {college} : beaucoup d'élèves se retiennent toute la journée.",
        "Réussite éducative",
    ),
)

_FOOD_IDEAS = (
    Idea(
        "Plus de produits bio à la cantine",
        "Atteindre la moitié de produits bio dans les repas du {college} de {commune}, en commençant par "
        "les fruits, les laitages et le pain.",
        "Bio",
    ),
    Idea(
        "Acheter aux producteurs du secteur",
        "Faire travailler les maraîchers et éleveurs autour de {commune} pour la cantine du collège, avec "
        "une plateforme commune aux collèges du secteur.",
        "Circuits courts",
    ),
    Idea(
        "Un repas végétarien équilibré chaque semaine",
        "Servir au moins un repas végétarien par semaine, préparé par des cuisiniers formés, et pas "
        "seulement une assiette sans viande.",
        "Temps du repas",
    ),
    Idea(
        "Peser les restes pour réduire le gaspillage",
        "Installer une table de tri et peser chaque jour le pain et les restes au {college}, en affichant "
        "les résultats pour motiver les élèves.",
        "Gaspillage alimentaire",
    ),
    Idea(
        "Choisir la taille de sa portion",
        "Laisser les élèves choisir entre une petite et une grande portion : les restes diminuent tout de suite.",
        "Gaspillage alimentaire",
    ),
    Idea(
        "Trente minutes assises pour manger",
        "Garantir à chaque élève au moins trente minutes à table : avec les files d'attente, certains "
        "mangent en dix minutes.",
        "Temps du repas",
    ),
    Idea(
        "Un potager pédagogique au collège",
        "Créer un potager au {college} de {commune}, entretenu par les élèves avec le club nature, dont "
        "les légumes vont à la cantine.",
        "Circuits courts",
    ),
    Idea(
        "Des menus construits avec les élèves",
        "Associer chaque trimestre une commission d'élèves à l'élaboration des menus du {college}.",
        "Temps du repas",
    ),
    Idea(
        "Composter les déchets de la cantine",
        "Installer des composteurs pour les épluchures et les restes du {college}, en lien avec la "
        "communauté de communes.",
        "Gaspillage alimentaire",
    ),
)

_CONTEXTS = (
    "Je suis parent de deux collégiens au {college} de {commune}.",
    "Je suis élève de quatrième au {college}.",
    "En tant qu'enseignante à {commune}, je vois tous les jours ce que vivent les élèves.",
    "Notre association de parents d'élèves en a discuté lors de sa dernière réunion.",
    "Mon fils prend le car à 7 h 10 et rentre à 18 h.",
    "Je suis agent d'entretien dans un collège du secteur de {commune}.",
)

_REASONS = (
    "Tous les élèves y gagneraient, pas seulement les meilleurs.",
    "Cela ne coûterait pas grand-chose et changerait le quotidien.",
    "Les élèves se sentiraient écoutés.",
    "Cela réduirait les inégalités entre les familles.",
    "D'autres départements le font déjà avec succès.",
)

_PROS = (
    "Mes enfants en parlent tous les soirs, c'est une vraie attente.",
    "Oui, et il faudrait associer les élèves dès le départ.",
    "Au collège de ma fille, ça a été fait et tout le monde est content.",
    "C'est le genre de projet qui donne envie d'aller au collège.",
    "Les professeurs y sont favorables aussi.",
    "Les familles les plus modestes en profiteraient d'abord.",
)

_CONS = (
    "Qui va encadrer ? Les équipes sont déjà débordées.",
    "C'est une bonne idée, mais le collège a d'autres urgences, comme le chauffage.",
    "Je doute que les élèves s'en servent vraiment.",
    "Le coût serait reporté sur les familles, je crains.",
    "Il faudrait d'abord régler le problème des effectifs par classe.",
)

_QUESTIONS = (
    "Est-ce que cela concernerait aussi les collèges privés ?",
    "Quel serait le budget nécessaire par collège ?",
    "Qui décide, le Département ou le chef d'établissement ?",
    "Y a-t-il déjà des collèges qui le font dans le département ?",
)

_EDUCATION_SURVEY = (
    QuestionSpec(
        "single_option",
        ("Vous êtes…", "You are…"),
        options=(
            ("Collégien ou collégienne", "A pupil"),
            ("Parent", "A parent"),
            ("Enseignant ou personnel du collège", "School staff"),
            ("Autre", "Other"),
        ),
        mandatory=True,
    ),
    QuestionSpec(
        "multiple_option",
        ("Ce qui compte le plus pour vous au collège", "What matters most to you at school"),
        options=(
            ("Le bien-être des élèves", "Pupils' well-being"),
            ("La réussite scolaire", "Academic success"),
            ("L'ouverture culturelle et sportive", "Culture and sport"),
            ("Le numérique", "Digital tools"),
            ("Les bâtiments et la cour", "Buildings and playground"),
        ),
        max_choices=2,
        mandatory=True,
    ),
    QuestionSpec(
        "matrix_single",
        ("Votre avis sur votre collège", "Your view of your school"),
        options=(("Insatisfaisant", "Unsatisfactory"), ("Correct", "Fair"), ("Très bien", "Very good")),
        rows=(("Les locaux", "Buildings"), ("La cantine", "Canteen"), ("Le CDI", "Library")),
    ),
    QuestionSpec(
        "long_answer",
        (
            "Si vous étiez président du Département, que changeriez-vous ?",
            "If you ran the Département, what would you change?",
        ),
        answers=(
            "Des casiers pour tout le monde.",
            "Plus de sorties scolaires.",
            "Une cour avec des arbres.",
            "Plus de temps pour manger le midi.",
        ),
    ),
)

_FOOD_SURVEY = (
    QuestionSpec(
        "single_option",
        ("Mangez-vous à la cantine du collège ?", "Do you eat at the school canteen?"),
        options=(("Tous les jours", "Every day"), ("Parfois", "Sometimes"), ("Jamais", "Never")),
        mandatory=True,
    ),
    QuestionSpec(
        "matrix_single",
        ("Que pensez-vous des repas ?", "What do you think of the meals?"),
        options=(("Pas bon", "Not good"), ("Moyen", "Average"), ("Bon", "Good")),
        rows=(("Le goût", "Taste"), ("La quantité", "Quantity"), ("La variété", "Variety")),
        mandatory=True,
    ),
    QuestionSpec(
        "sorting",
        ("Classez vos priorités", "Rank your priorities"),
        options=(
            ("Des produits locaux", "Local produce"),
            ("Des produits bio", "Organic produce"),
            ("Moins de gaspillage", "Less waste"),
            ("Plus de temps pour manger", "More time to eat"),
        ),
    ),
    QuestionSpec(
        "multiple_option",
        ("Quels plats aimeriez-vous voir plus souvent ?", "Which dishes would you like more often?"),
        options=(
            ("Des légumes de saison", "Seasonal vegetables"),
            ("Des plats végétariens", "Vegetarian dishes"),
            ("Du poisson", "Fish"),
            ("Des desserts maison", "Home-made desserts"),
            ("Autre", "Other"),
        ),
        max_choices=3,
        other=True,
    ),
    QuestionSpec(
        "short_answer",
        ("Votre plat préféré à la cantine", "Your favourite canteen dish"),
        answers=("Les lasagnes", "Le hachis parmentier", "Le couscous", "Les crêpes du vendredi", "Le poisson pané"),
    ),
)

EDUCATION = Theme(
    key="education",
    ideas=_EDUCATION_IDEAS,
    contexts=_CONTEXTS,
    reasons=_REASONS,
    pros=_PROS,
    cons=_CONS,
    questions=_QUESTIONS,
    plan="le projet éducatif départemental adopté par l'assemblée départementale",
    topics=("orientation", "citoyenneté des collégiens", "numérique éducatif", "bien-être au collège"),
    survey=_EDUCATION_SURVEY,
)

FOOD = Theme(
    key="food",
    ideas=_FOOD_IDEAS,
    contexts=_CONTEXTS,
    reasons=(*_REASONS, "Les producteurs du secteur y gagneraient aussi."),
    pros=(*_PROS, "Moins de gaspillage, c'est aussi moins cher pour tout le monde."),
    cons=(*_CONS, "Les élèves ne mangeront pas un repas végétarien s'il n'est pas bon."),
    questions=(*_QUESTIONS, "Les cuisiniers seront-ils formés ?"),
    plan="le plan d'actions « Bien manger au collège »",
    topics=("produits locaux", "gaspillage alimentaire", "temps du repas"),
    survey=_FOOD_SURVEY,
)
