"""Places and budgets: the Loire estuary, the participatory budget, the citizens' panel."""

from __future__ import annotations

from app.seed.texts import Idea, QuestionSpec, Theme
from app.seed.texts.voices import GENERIC_REASONS

LOIRE = Theme(
    key="loire",
    ideas=(
        Idea(
            "Un chemin continu le long de l'estuaire",
            "Relier les chemins de halage entre {commune} et {commune2} pour suivre l'estuaire à pied et à vélo.",
            "Loisirs et itinéraires",
        ),
        Idea(
            "Des bacs de Loire plus fréquents le week-end",
            "Augmenter la fréquence des bacs de Loire le week-end à la belle saison.",
            "Traversées de Loire",
        ),
        Idea(
            "Protéger les roselières de l'estuaire",
            "Protéger les roselières près de {commune} où nichent les oiseaux, en canalisant les promeneurs.",
            "Zones humides",
        ),
        Idea(
            "Des observatoires à oiseaux",
            "Installer des observatoires discrets pour observer les oiseaux de l'estuaire sans les déranger.",
            "Biodiversité",
        ),
        Idea(
            "La Loire à vélo jusqu'à {commune}",
            "Prolonger un embranchement de la Loire à vélo jusqu'au bourg de {commune}, pour faire vivre les "
            "commerces.",
            "Loire à vélo",
        ),
        Idea(
            "Un bac de Loire pour les vélos uniquement",
            "Mettre en service une navette fluviale réservée aux piétons et aux vélos entre les deux rives.",
            "Traversées de Loire",
        ),
        Idea(
            "Nettoyer les berges avec les habitants",
            "Organiser chaque printemps une grande journée de nettoyage des berges avec les associations.",
            "Biodiversité",
        ),
    ),
    contexts=(
        "Je me promène souvent sur les bords de Loire à {commune}.",
        "Je traverse la Loire en bac deux fois par jour.",
        "Je suis naturaliste bénévole dans l'estuaire.",
        "Nous faisons la Loire à vélo en famille chaque été.",
    ),
    reasons=(*GENERIC_REASONS, "L'estuaire est un trésor qu'il faut faire connaître sans l'abîmer."),
    pros=(
        "Superbe idée, l'estuaire mérite d'être découvert.",
        "Les oiseaux ont besoin de tranquillité, oui.",
        "Les bacs sont pleins tout l'été.",
    ),
    cons=(
        "Attention à ne pas attirer trop de monde dans les zones fragiles.",
        "Les bacs coûtent déjà très cher au Département.",
        "Il y a des propriétés privées le long du fleuve.",
    ),
    questions=("Qui entretiendrait ces chemins ?", "Le Conservatoire du littoral est-il associé ?"),
    plan="le programme d'actions pour les rives de Loire",
    topics=("biodiversité de l'estuaire", "traversées de Loire", "itinéraires de loisirs"),
    survey=(
        QuestionSpec(
            "multiple_option",
            ("Que faites-vous au bord de la Loire ?", "What do you do by the Loire?"),
            options=(
                ("Je me promène", "Walking"),
                ("Je fais du vélo", "Cycling"),
                ("J'observe la nature", "Watching nature"),
                ("Je pêche", "Fishing"),
            ),
            mandatory=True,
        ),
        QuestionSpec(
            "long_answer",
            ("Votre lieu préféré sur l'estuaire", "Your favourite place on the estuary"),
            answers=("Le port de {commune}.", "Les bords de Loire à {commune}.", "Le bac entre les deux rives."),
        ),
    ),
)

BUDGET = Theme(
    key="budget",
    ideas=(
        Idea(
            "Un jardin partagé au cœur de {commune}",
            "Créer un jardin partagé avec des bacs accessibles aux personnes à mobilité réduite au centre "
            "de {commune}.",
            "Jardins partagés",
        ),
        Idea(
            "Une boîte à livres dans chaque hameau de {commune}",
            "Installer des boîtes à livres fabriquées par le lycée professionnel dans les hameaux de {commune}.",
            "Culture et sport",
        ),
        Idea(
            "Un terrain multisports à {commune}",
            "Construire un terrain multisports ouvert à tous à côté de la salle des fêtes de {commune}.",
            "Culture et sport",
        ),
        Idea(
            "Des panneaux solaires sur la salle de sport de {commune}",
            "Couvrir le toit de la salle de sport de {commune} de panneaux solaires gérés par une coopérative "
            "citoyenne.",
            "Énergie",
        ),
        Idea(
            "Une recyclerie solidaire à {commune}",
            "Ouvrir une recyclerie où l'on répare et revend à petit prix meubles et vélos, avec des emplois "
            "d'insertion.",
            "Solidarité",
        ),
        Idea(
            "Des bancs et de l'ombre sur la place de {commune}",
            "Planter des arbres et installer des bancs sur la place de {commune} pour que les anciens puissent "
            "s'y retrouver.",
            "Espaces publics",
        ),
        Idea(
            "Un verger conservatoire à {commune}",
            "Planter un verger de variétés anciennes de pommiers et de poiriers, ouvert aux écoles.",
            "Environnement",
        ),
        Idea(
            "Un minibus solidaire pour les aînés de {commune}",
            "Acheter un minibus conduit par des bénévoles pour emmener les personnes âgées au marché et chez "
            "le médecin.",
            "Solidarité",
        ),
        Idea(
            "Un skatepark pour les jeunes de {commune}",
            "Aménager un petit skatepark conçu avec les jeunes de {commune}.",
            "Culture et sport",
        ),
    ),
    contexts=(
        "Nous sommes un groupe d'habitants de {commune}.",
        "Notre association porte ce projet depuis deux ans.",
        "Les jeunes de {commune} n'ont aucun lieu pour se retrouver.",
    ),
    reasons=(*GENERIC_REASONS, "Le projet profiterait à toutes les générations."),
    pros=(
        "Je vote pour, c'est un projet concret et utile.",
        "Nos enfants en ont vraiment besoin.",
        "Le projet est bien construit, bravo aux porteurs.",
    ),
    cons=(
        "Le budget me semble sous-estimé.",
        "Qui paiera l'entretien après l'installation ?",
        "D'autres communes en ont plus besoin.",
    ),
    questions=("Le terrain est-il déjà trouvé ?", "La commune soutient-elle le projet ?"),
    plan="la liste des projets soumis au vote des habitants",
    topics=("présentation des projets", "vote du budget participatif"),
    survey=(
        QuestionSpec(
            "single_option",
            ("Avez-vous déjà voté à un budget participatif ?", "Have you voted in a participatory budget before?"),
            options=(("Oui", "Yes"), ("Non", "No")),
        ),
        QuestionSpec(
            "multiple_option",
            ("Les thèmes qui vous intéressent", "Themes you care about"),
            options=(("Environnement", "Environment"), ("Solidarité", "Solidarity"), ("Sport", "Sport")),
        ),
    ),
)

PANEL = Theme(
    key="panel",
    ideas=(),
    contexts=(),
    reasons=(),
    pros=(
        "Je partage cet avis : il faut entendre les usagers.",
        "Bonne méthode, les auditions ont été très riches.",
    ),
    cons=("Je ne suis pas d'accord sur ce point.", "Il nous manque des chiffres pour conclure."),
    questions=("Pouvons-nous auditionner aussi les associations ?", "Quand rendons-nous l'avis ?"),
    plan="l'avis citoyen du panel",
    topics=("méthode d'évaluation", "auditions"),
    survey=(
        QuestionSpec(
            "sorting",
            ("Quelle politique évaluer en premier ?", "Which policy should be evaluated first?"),
            options=(
                ("Les routes", "Roads"),
                ("Les collèges", "Secondary schools"),
                ("L'autonomie des personnes âgées", "Elderly independence"),
            ),
            mandatory=True,
        ),
        QuestionSpec(
            "single_option",
            ("Les séances vous conviennent-elles ?", "Do the sessions suit you?"),
            options=(("Oui", "Yes"), ("Non", "No")),
        ),
    ),
)
