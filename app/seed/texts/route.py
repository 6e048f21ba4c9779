"""« Inventons la route de demain »: sharing the road, safety, the environment, trials."""

from __future__ import annotations

from app.seed.texts import Idea, QuestionSpec, Theme

IDEAS = (
    Idea(
        "Une piste cyclable entre {commune} et {commune2}",
        "Je propose d'aménager une piste cyclable séparée de la chaussée entre {commune} et {commune2}, "
        "le long de la {rd}.",
        "Vélo",
    ),
    Idea(
        "Élargir les accotements de la {rd} pour les vélos",
        "Revêtir et élargir les accotements de la {rd} pour que les cyclistes ne soient plus obligés de "
        "rouler au milieu des camions.",
        "Vélo",
    ),
    Idea(
        "Des abris vélos fermés aux arrêts de car de {commune}",
        "Installer des abris vélos fermés et éclairés aux principaux arrêts de car de {commune}, pour "
        "faire le premier kilomètre à vélo sans craindre le vol.",
        "Vélo",
    ),
    Idea(
        "Un itinéraire vélo balisé jusqu'au {college}",
        "Baliser un itinéraire vélo sûr entre les hameaux et le {college} de {commune}, avec des traversées protégées.",
        "Vélo",
    ),
    Idea(
        "Une aire de covoiturage à l'entrée de {commune}",
        "Créer une petite aire de covoiturage à l'entrée de {commune}, près de l'échangeur de la {rd} : "
        "aujourd'hui les voitures se garent sur le bas-côté.",
        "Covoiturage",
    ),
    Idea(
        "Des arrêts de covoiturage spontané sur la {rd}",
        "Matérialiser des arrêts d'autostop organisé sur la {rd}, avec un panneau lumineux qui indique la "
        "destination, comme cela se fait dans d'autres départements.",
        "Covoiturage",
    ),
    Idea(
        "Une plateforme départementale de covoiturage domicile-travail",
        "Mettre en relation les salariés des zones d'activités du département grâce à une plateforme "
        "unique de covoiturage domicile-travail.",
        "Covoiturage",
    ),
    Idea(
        "Sécuriser le carrefour de la {rd} à {commune}",
        "Le carrefour de la {rd} à la sortie de {commune} est très dangereux : la visibilité est mauvaise "
        "et les voitures arrivent vite. Un giratoire ou un tourne-à-gauche protégé s'impose.",
        "Aménagements",
    ),
    Idea(
        "Un plateau surélevé devant l'école de {commune}",
        "Aménager un plateau surélevé et un passage piéton éclairé devant l'école de {commune}, traversée par la {rd}.",
        "Aménagements",
    ),
    Idea(
        "Éclairer le passage piéton de la {rd} à {commune}",
        "Le passage piéton de la {rd} près de la boulangerie de {commune} n'est pas éclairé : l'hiver, "
        "on ne voit pas les piétons.",
        "Aménagements",
    ),
    Idea(
        "Des glissières adaptées aux motards",
        "Équiper les virages les plus dangereux de glissières doublées d'un écran de protection pour les "
        "motards, notamment sur la {rd}.",
        "Aménagements",
    ),
    Idea(
        "Passer la {rd} à 70 km/h entre {commune} et {commune2}",
        "Abaisser la vitesse à 70 km/h sur la {rd} entre {commune} et {commune2}, où les accès riverains "
        "et les sorties de ferme sont nombreux.",
        "Vitesse",
    ),
    Idea(
        "Un radar pédagogique à l'entrée de {commune}",
        "Installer un radar pédagogique à l'entrée de {commune} en venant de {commune2} : beaucoup de "
        "conducteurs ne ralentissent pas en arrivant dans le bourg.",
        "Vitesse",
    ),
    Idea(
        "Aider les communes à passer leur bourg à 30 km/h",
        "Accompagner techniquement et financièrement les communes comme {commune} qui veulent passer la "
        "traversée de leur bourg à 30 km/h.",
        "Vitesse",
    ),
    Idea(
        "Faucher plus tard les bords de route",
        "Retarder le fauchage des accotements après la floraison, sauf dans les virages où la visibilité "
        "compte, pour laisser vivre les insectes pollinisateurs.",
        "Biodiversité",
    ),
    Idea(
        "Des passages à petite faune sous la {rd}",
        "Créer des passages pour les amphibiens et la petite faune sous la {rd} près de {commune} : au "
        "printemps, la route est couverte de crapauds écrasés.",
        "Biodiversité",
    ),
    Idea(
        "Planter des haies le long des routes départementales",
        "Replanter des haies bocagères le long des routes départementales : elles coupent le vent, "
        "limitent les congères et abritent les oiseaux.",
        "Biodiversité",
    ),
    Idea(
        "Éteindre l'éclairage des giratoires la nuit",
        "Éteindre l'éclairage des giratoires hors agglomération entre minuit et cinq heures, en "
        "renforçant les bandes réfléchissantes.",
        "Route et environnement",
    ),
    Idea(
        "Recycler les enrobés de tous les chantiers",
        "Réutiliser systématiquement les anciens enrobés raclés lors des chantiers de réfection, comme sur "
        "le chantier de la {rd}.",
        "Matériaux et chantiers",
    ),
    Idea(
        "Prévenir les riverains avant les travaux",
        "Informer les habitants de {commune} au moins un mois avant les travaux sur la {rd}, par courrier "
        "et sur le site de la commune, avec les déviations prévues.",
        "Matériaux et chantiers",
    ),
    Idea(
        "Des déviations pour les vélos pendant les chantiers",
        "Prévoir une déviation balisée pour les cyclistes pendant les chantiers : la déviation des voitures "
        "passe souvent par une route à grande circulation.",
        "Matériaux et chantiers",
    ),
    Idea(
        "Afficher les temps de parcours en temps réel",
        "Installer des panneaux qui affichent le temps de parcours jusqu'au périphérique nantais, pour que "
        "chacun puisse choisir son heure de départ ou le car.",
        "Innovations et expérimentations",
    ),
    Idea(
        "Tester une voie réservée au covoiturage sur la {rd}",
        "Expérimenter une voie réservée aux voitures transportant au moins deux personnes sur la {rd} aux "
        "heures de pointe, à l'approche de l'agglomération.",
        "Innovations et expérimentations",
    ),
    Idea(
        "Des passages piétons lumineux la nuit",
        "Tester des passages piétons équipés de plots lumineux qui s'allument à l'approche d'un piéton, "
        "par exemple au centre de {commune}.",
        "Innovations et expérimentations",
    ),
    Idea(
        "Un transport à la demande vers la gare de {commune}",
        "Mettre en place un transport à la demande pour rejoindre la gare de {commune} depuis les "
        "communes voisines, en complément des cars.",
        "Partage de la voirie",
    ),
    Idea(
        "Des bandes rugueuses sur les longues lignes droites",
        "Poser des bandes rugueuses au bord des longues lignes droites de la {rd} pour réveiller les "
        "conducteurs qui s'endorment ou regardent leur téléphone.",
        "Sécurité routière",
    ),
)

CONTEXTS = (
    "J'emprunte la {rd} tous les jours pour aller travailler à {commune2}.",
    "J'habite {commune} depuis quinze ans et la circulation a beaucoup augmenté.",
    "Avec mes enfants, nous faisons souvent le trajet à vélo entre {commune} et {commune2}.",
    "Le matin, entre 7 h 30 et 8 h 30, la circulation est très dense à l'entrée de {commune}.",
    "Plusieurs accidents ont eu lieu à cet endroit ces dernières années.",
    "Je suis agriculteur et je croise chaque jour cyclistes et voitures sur ces petites routes.",
    "Beaucoup de collégiens de {commune} pourraient venir à vélo si le trajet était sûr.",
    "Je suis chauffeur de car scolaire sur le secteur de {commune}.",
)

REASONS = (
    "Cela réduirait le nombre de voitures aux heures de pointe.",
    "Ce serait un vrai gain de sécurité, surtout pour les plus jeunes.",
    "Le coût serait modeste au regard du service rendu.",
    "On économiserait du carburant et on polluerait moins.",
    "Des départements voisins l'ont fait et cela fonctionne très bien.",
    "Cela encouragerait à laisser la voiture au garage pour les petits trajets.",
    "Les habitants des hameaux seraient enfin moins isolés.",
)

PROS = (
    "Je fais le même trajet et je confirme : c'est dangereux aux heures de pointe.",
    "Mes enfants pourraient enfin aller au collège à vélo.",
    "Cela existe déjà en Vendée et c'est très utilisé.",
    "Cela libérerait de la place sur les parkings de la gare.",
    "Il y a encore eu un accrochage la semaine dernière à cet endroit.",
    "Avec le prix du carburant, beaucoup de voisins seraient prêts à essayer.",
    "Les haies, c'est aussi moins de neige sur la route l'hiver.",
    "Le soir, on ne voit vraiment rien à cet endroit.",
)

CONS = (
    "Le coût me paraît élevé pour une route aussi peu fréquentée.",
    "Je crains que cela ne fasse que déplacer le problème vers le bourg voisin.",
    "Les agriculteurs passent avec des engins larges : il faut y penser.",
    "Je préférerais qu'on entretienne d'abord les routes existantes, pleines de nids-de-poule.",
    "Encore une contrainte pour ceux qui n'ont pas d'autre choix que la voiture.",
    "Ralentir tout le monde pour quelques conducteurs imprudents ne me paraît pas juste.",
)

QUESTIONS = (
    "Quel serait le calendrier des travaux ?",
    "Le Département a-t-il des chiffres de fréquentation pour ce tronçon ?",
    "Qui financerait, la commune ou le Département ?",
    "Une étude de sécurité a-t-elle déjà été faite sur ce secteur ?",
    "Est-ce que cela concerne aussi la portion en agglomération ?",
)

TOPICS = (
    "partage de la voirie",
    "sécurité dans les traversées de bourg",
    "vélo du quotidien",
    "covoiturage",
    "route et biodiversité",
    "chantiers et information des usagers",
)

SURVEY = (
    QuestionSpec(
        "title_and_description",
        ("Vos déplacements", "Your journeys"),
        description=("Quelques questions sur vos trajets habituels.", "A few questions about your usual journeys."),
    ),
    QuestionSpec(
        "single_option",
        ("Comment vous déplacez-vous le plus souvent ?", "How do you usually travel?"),
        options=(
            ("En voiture, seul", "By car, alone"),
            ("En covoiturage", "Car sharing"),
            ("En car ou en train", "By coach or train"),
            ("À vélo", "By bike"),
            ("À pied", "On foot"),
        ),
        mandatory=True,
    ),
    QuestionSpec(
        "multiple_option",
        ("Qu'est-ce qui vous ferait laisser la voiture ?", "What would make you leave the car at home?"),
        options=(
            ("Des pistes cyclables continues", "Continuous cycle paths"),
            ("Plus d'aires de covoiturage", "More car-sharing areas"),
            ("Des cars plus fréquents", "More frequent coaches"),
            ("Des abris vélos sécurisés", "Secure bike shelters"),
            ("Autre", "Other"),
        ),
        max_choices=3,
        other=True,
    ),
    QuestionSpec(
        "matrix_single",
        ("Sur les routes départementales, vous vous sentez en sécurité…", "On departmental roads, you feel safe…"),
        options=(
            ("Pas du tout", "Not at all"),
            ("Plutôt non", "Rather not"),
            ("Plutôt oui", "Rather yes"),
            ("Tout à fait", "Completely"),
        ),
        rows=(("en voiture", "by car"), ("à vélo", "by bike"), ("à pied", "on foot")),
        mandatory=True,
    ),
    QuestionSpec(
        "sorting",
        ("Classez ces priorités pour la route de demain", "Rank these priorities for tomorrow's road"),
        options=(
            ("La sécurité", "Safety"),
            ("Le partage de la route", "Sharing the road"),
            ("L'environnement", "The environment"),
            ("L'entretien", "Maintenance"),
        ),
    ),
    QuestionSpec(
        "short_answer",
        ("Dans quelle commune habitez-vous ?", "Which municipality do you live in?"),
        answers=("{commune}",),
    ),
    QuestionSpec(
        "long_answer",
        ("Une idée pour la route de demain ?", "An idea for tomorrow's road?"),
        answers=(
            "Plus de pistes cyclables séparées de la route.",
            "Des aires de covoiturage mieux éclairées.",
            "Réduire la vitesse près des écoles.",
            "Entretenir les routes existantes avant d'en construire de nouvelles.",
            "Des cars plus tôt le matin vers Nantes.",
        ),
    ),
)

ROUTE = Theme(
    key="route",
    ideas=IDEAS,
    contexts=CONTEXTS,
    reasons=REASONS,
    pros=PROS,
    cons=CONS,
    questions=QUESTIONS,
    plan="le livre blanc « Inventons la route de demain » voté le 17 décembre 2018",
    topics=TOPICS,
    survey=SURVEY,
)
