"""Public services: the departmental solidarity centres and the car-sharing areas."""

from __future__ import annotations

from app.seed.texts import Idea, QuestionSpec, Theme
from app.seed.texts.voices import GENERIC_REASONS

SOLIDARITY = Theme(
    key="solidarity",
    ideas=(
        Idea(
            "Ouvrir l'espace des solidarités un soir par semaine",
            "Ouvrir l'espace départemental des solidarités de {commune} jusqu'à 19 h un soir par semaine, "
            "pour les personnes qui travaillent.",
            "Horaires et rendez-vous",
        ),
        Idea(
            "Prendre rendez-vous par SMS",
            "Pouvoir prendre et déplacer un rendez-vous avec son assistante sociale par SMS, avec un rappel la veille.",
            "Horaires et rendez-vous",
        ),
        Idea(
            "Un bureau fermé pour parler de sa situation",
            "À {commune}, l'accueil se fait au guichet devant tout le monde : il faudrait un bureau fermé "
            "pour expliquer sa situation sans être entendu.",
            "Confidentialité",
        ),
        Idea(
            "Un coin enfants dans la salle d'attente",
            "Aménager un coin jeux dans la salle d'attente de l'espace des solidarités de {commune} : on vient "
            "souvent avec les petits.",
            "Information et orientation",
        ),
        Idea(
            "Des panneaux clairs pour trouver le bon service",
            "Revoir la signalétique de l'espace des solidarités de {commune} : on ne sait pas à quel étage aller.",
            "Affichage",
        ),
        Idea(
            "Un numéro unique qui répond vraiment",
            "Mettre en place un numéro unique où quelqu'un répond, au lieu de tomber sur un répondeur plein.",
            "Accueil téléphonique",
        ),
        Idea(
            "Des documents en français facile",
            "Réécrire les courriers et les formulaires en français facile à lire, avec des pictogrammes.",
            "Information et orientation",
        ),
        Idea(
            "Une permanence dans les communes rurales",
            "Tenir une permanence mensuelle en mairie de {commune} : l'espace des solidarités est à trente "
            "minutes en voiture et il n'y a pas de car.",
            "Horaires et rendez-vous",
        ),
        Idea(
            "Un écrivain public pour les démarches en ligne",
            "Proposer l'aide d'un écrivain public ou d'un médiateur numérique pour les démarches en ligne.",
            "Information et orientation",
        ),
    ),
    contexts=(
        "Je viens régulièrement à l'espace des solidarités de {commune}.",
        "Je suis maman solo et je travaille en horaires décalés.",
        "J'accompagne ma mère âgée dans ses démarches.",
        "La dernière fois, j'ai attendu plus d'une heure.",
        "Je ne suis pas à l'aise avec internet.",
    ),
    reasons=(*GENERIC_REASONS, "On se sentirait mieux accueillis.", "Cela éviterait des déplacements inutiles."),
    pros=(
        "C'est exactement ce que je vis à chaque rendez-vous.",
        "Oui, et il faudrait la même chose pour les personnes âgées.",
        "Cela éviterait de raconter sa vie devant tout le monde.",
        "Très bonne idée, les agents font de leur mieux mais les locaux ne suivent pas.",
    ),
    cons=(
        "Je ne suis pas sûr qu'il y ait assez d'agents pour ouvrir plus longtemps.",
        "Le SMS ne convient pas à tout le monde.",
        "Ce n'est pas la priorité : il faut d'abord plus de travailleurs sociaux.",
    ),
    questions=(
        "Cela concernerait tous les espaces des solidarités du département ?",
        "Combien de temps faudrait-il pour le mettre en place ?",
        "Les agents ont-ils été consultés ?",
    ),
    plan="le plan d'amélioration de l'accueil des espaces départementaux des solidarités",
    topics=("accueil et horaires", "confidentialité", "démarches en ligne"),
    survey=(
        QuestionSpec(
            "single_option",
            ("Êtes-vous satisfait de l'accueil ?", "Are you satisfied with the welcome?"),
            options=(("Oui", "Yes"), ("Plutôt", "Rather"), ("Non", "No")),
            mandatory=True,
        ),
        QuestionSpec(
            "multiple_option",
            ("Comment nous contactez-vous ?", "How do you contact us?"),
            options=(("Par téléphone", "By phone"), ("Sur place", "In person"), ("Par courriel", "By email")),
        ),
        QuestionSpec(
            "long_answer",
            ("Que faudrait-il améliorer en priorité ?", "What should be improved first?"),
            answers=("Les horaires.", "L'attente au téléphone.", "La confidentialité à l'accueil."),
        ),
    ),
)

CARPOOL = Theme(
    key="carpool",
    ideas=(
        Idea(
            "Une aire de covoiturage près de l'échangeur de {commune}",
            "Créer une aire de covoiturage près de l'échangeur de la {rd} à {commune} : chaque matin une "
            "vingtaine de voitures se garent dans l'herbe.",
            "Nouvelles aires",
        ),
        Idea(
            "Agrandir l'aire de covoiturage de {commune}",
            "L'aire de {commune} est pleine dès 7 h 30 : il faut doubler le nombre de places.",
            "Nouvelles aires",
        ),
        Idea(
            "Des abris vélos sur les aires de covoiturage",
            "Installer des abris vélos fermés sur l'aire de {commune} pour venir à vélo et repartir en covoiturage.",
            "Abris vélos",
        ),
        Idea(
            "Éclairer l'aire de covoiturage de {commune}",
            "L'aire de {commune} n'est pas éclairée : l'hiver, rejoindre sa voiture le soir n'est pas rassurant.",
            "Éclairage",
        ),
        Idea(
            "Une ligne de covoiturage entre {commune} et {commune2}",
            "Créer une ligne de covoiturage avec des arrêts fixes entre {commune} et {commune2}, sans "
            "réservation, avec un départ garanti.",
            "Lignes de covoiturage",
        ),
        Idea(
            "Des bornes de recharge sur les aires",
            "Équiper les aires de covoiturage de bornes de recharge pour les voitures électriques.",
            "Équipements",
        ),
        Idea(
            "Un arrêt de car sur l'aire de {commune}",
            "Faire passer la ligne de car par l'aire de covoiturage de {commune} pour combiner les deux.",
            "Équipements",
        ),
    ),
    contexts=(
        "Je covoiture tous les jours depuis {commune} vers Nantes.",
        "Nous sommes quatre collègues à partager une voiture.",
        "J'aimerais covoiturer mais je ne sais pas où laisser ma voiture.",
        "Je passe devant l'aire de {commune} chaque matin.",
    ),
    reasons=(
        *GENERIC_REASONS,
        "Moins de voitures sur le périphérique, c'est bon pour tout le monde.",
        "Le covoiturage divise les frais par deux ou trois.",
    ),
    pros=(
        "Je confirme, l'aire déborde tous les matins.",
        "Avec un abri vélo je viendrais à vélo jusqu'à l'aire.",
        "Une ligne avec un départ garanti, c'est ce qui manque pour se lancer.",
    ),
    cons=(
        "Les aires existantes sont à moitié vides, il faut d'abord les faire connaître.",
        "Les bornes de recharge coûtent cher pour très peu d'utilisateurs.",
        "Une aire de plus, c'est encore des terres agricoles bétonnées.",
    ),
    questions=(
        "Combien de places sont prévues ?",
        "Les aires seront-elles surveillées ?",
        "Existe-t-il un comptage de l'occupation des aires ?",
    ),
    plan="le schéma départemental des aires de covoiturage",
    topics=("nouvelles aires", "lignes de covoiturage", "équipement des aires"),
    survey=(
        QuestionSpec(
            "single_option",
            ("Covoiturez-vous ?", "Do you share rides?"),
            options=(("Tous les jours", "Every day"), ("De temps en temps", "Sometimes"), ("Jamais", "Never")),
            mandatory=True,
        ),
        QuestionSpec(
            "short_answer",
            ("Quelle aire utilisez-vous ?", "Which area do you use?"),
            answers=("{commune}", "Aire de {commune}"),
        ),
        QuestionSpec(
            "multiple_option",
            ("Ce qui manque sur les aires", "What the areas lack"),
            options=(
                ("De l'éclairage", "Lighting"),
                ("Des abris vélos", "Bike shelters"),
                ("Un arrêt de car", "A coach stop"),
                ("Des bornes de recharge", "Charging points"),
            ),
            max_choices=2,
        ),
    ),
)
