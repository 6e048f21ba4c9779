"""Living in the département: ageing well at home, and the protected natural areas one walks through."""

from __future__ import annotations

from app.seed.texts import Idea, QuestionSpec, Theme
from app.seed.texts.voices import GENERIC_REASONS

AGEING = Theme(
    key="ageing",
    ideas=(
        Idea(
            "Un transport solidaire pour les aînés de {commune}",
            "Organiser avec des bénévoles un transport solidaire à {commune} pour conduire les personnes âgées "
            "sans voiture chez le médecin, au marché ou chez le coiffeur.",
            "Mobilité des aînés",
        ),
        Idea(
            "Adapter son logement avant la chute",
            "Faire venir un ergothérapeute à domicile dès 70 ans pour conseiller barres d'appui, douche de "
            "plain-pied et éclairage, avant qu'un accident n'oblige à déménager.",
            "Logement adapté",
        ),
        Idea(
            "Des habitats partagés au cœur du bourg",
            "Aider la commune de {commune} à créer de petits logements regroupés près des commerces, entre la "
            "maison devenue trop grande et l'établissement.",
            "Habitat partagé",
        ),
        Idea(
            "Un relais pour les aidants de {commune}",
            "Ouvrir à {commune} un lieu où les proches aidants trouvent conseil, groupes de parole et quelques "
            "heures de répit par semaine.",
            "Proches aidants",
        ),
        Idea(
            "Des ateliers numériques pour les seniors",
            "Proposer dans chaque canton des ateliers pour apprendre à utiliser une tablette, faire ses démarches "
            "en ligne et appeler ses petits-enfants en vidéo.",
            "Lien social",
        ),
        Idea(
            "Des visites de convivialité contre l'isolement",
            "Mettre en relation les personnes âgées isolées de {commune} avec des bénévoles qui passent une heure "
            "avec elles chaque semaine.",
            "Lien social",
        ),
        Idea(
            "Un guichet unique pour l'autonomie",
            "Réunir en un seul endroit, à {commune}, les informations sur l'allocation personnalisée d'autonomie, "
            "l'aide à domicile et les établissements, au lieu de renvoyer d'un service à l'autre.",
            "Information des familles",
        ),
        Idea(
            "Des bancs tous les deux cents mètres",
            "Installer des bancs le long des rues entre le centre de {commune} et la maison de santé, pour "
            "pouvoir faire le trajet à pied en se reposant.",
            "Mobilité des aînés",
        ),
    ),
    contexts=(
        "J'ai 78 ans et je vis seule à {commune} depuis le décès de mon mari.",
        "Je m'occupe de mon père qui perd la mémoire.",
        "Je suis aide à domicile dans le secteur de {commune}.",
        "Mes parents ne conduisent plus et habitent loin du bourg.",
        "Je suis bénévole dans un club des aînés.",
    ),
    reasons=(
        *GENERIC_REASONS,
        "Rester chez soi le plus longtemps possible, c'est ce que tout le monde souhaite.",
        "Les aidants s'épuisent sans qu'on les voie.",
    ),
    pros=(
        "C'est exactement ce qui manque dans notre commune.",
        "Ma mère aurait pu rester chez elle deux ans de plus avec ce genre d'aide.",
        "Oui, et il faudrait que les jeunes retraités puissent s'y engager.",
        "Les aidants sont les grands oubliés, merci de le rappeler.",
    ),
    cons=(
        "Sans aides à domicile en nombre suffisant, cela restera sur le papier.",
        "Les bénévoles ne peuvent pas remplacer des professionnels.",
        "Tout le monde n'a pas envie de vivre en habitat partagé.",
    ),
    questions=(
        "Qui financerait le transport solidaire ?",
        "Existe-t-il déjà un tel service dans certaines communes ?",
        "Les caisses de retraite participeraient-elles ?",
    ),
    plan="le schéma départemental de l'autonomie",
    topics=("rester chez soi", "proches aidants", "isolement des aînés"),
    survey=(
        QuestionSpec(
            "single_option",
            ("Vous répondez en tant que…", "You are answering as…"),
            options=(
                ("Personne de plus de 60 ans", "Someone over 60"),
                ("Proche aidant", "A family carer"),
                ("Professionnel", "A professional"),
                ("Autre", "Other"),
            ),
            mandatory=True,
            other=True,
        ),
        QuestionSpec(
            "multiple_option",
            ("Ce qui vous aiderait à rester chez vous", "What would help you stay at home"),
            options=(
                ("Un logement adapté", "An adapted home"),
                ("Des transports", "Transport"),
                ("Des visites", "Visits"),
                ("Du répit pour mes proches", "Respite for my family"),
            ),
            max_choices=2,
        ),
        QuestionSpec(
            "long_answer",
            ("Que faudrait-il changer en premier ?", "What should change first?"),
            answers=("Les transports pour aller en ville.", "Plus d'aides à domicile.", "Un seul interlocuteur."),
        ),
    ),
)

NATURE = Theme(
    key="nature",
    ideas=(
        Idea(
            "Relier {commune} et {commune2} par un sentier balisé",
            "Créer un sentier de randonnée balisé entre {commune} et {commune2} en reprenant les chemins creux "
            "et les anciennes voies communales.",
            "Sentiers de randonnée",
        ),
        Idea(
            "Un parking à vélos à l'entrée de l'espace naturel",
            "Installer des arceaux à vélos à l'entrée de l'espace naturel de {commune} pour éviter d'y venir en "
            "voiture.",
            "Accès et stationnement",
        ),
        Idea(
            "Des sorties nature avec un garde",
            "Proposer le dimanche matin des sorties accompagnées par un garde du Département pour découvrir les "
            "oiseaux et les plantes du marais de {commune}.",
            "Découverte et animation",
        ),
        Idea(
            "Un circuit accessible en fauteuil",
            "Aménager dans l'espace naturel de {commune} une boucle courte et plane, praticable en fauteuil et "
            "avec une poussette.",
            "Sentiers de randonnée",
        ),
        Idea(
            "Mettre en défens les zones de nidification",
            "Fermer au public les prairies humides de {commune} au printemps, le temps de la nidification, avec "
            "des panneaux qui expliquent pourquoi.",
            "Préservation des milieux",
        ),
        Idea(
            "Des panneaux sur l'histoire des lieux",
            "Raconter sur quelques panneaux l'histoire des landes, des carrières ou des tourbières que traversent "
            "les sentiers de {commune}.",
            "Découverte et animation",
        ),
        Idea(
            "Une navette le week-end vers les espaces naturels",
            "Faire circuler l'été une navette le week-end entre la gare de {commune} et les espaces naturels voisins.",
            "Accès et stationnement",
        ),
    ),
    contexts=(
        "Je randonne chaque semaine autour de {commune}.",
        "Nous venons en famille avec deux jeunes enfants.",
        "Je fais partie d'une association naturaliste.",
        "J'habite en bordure de l'espace naturel de {commune}.",
    ),
    reasons=(
        *GENERIC_REASONS,
        "La nature proche de chez soi devrait être accessible à tous.",
        "Mieux on connaît un milieu, mieux on le respecte.",
    ),
    pros=(
        "Je le ferais tous les dimanches.",
        "Bonne idée, à condition de ne pas déranger la faune.",
        "Cela ferait découvrir le site à ceux qui n'osent pas y aller seuls.",
    ),
    cons=(
        "Plus de visiteurs, c'est plus de dérangement pour les oiseaux.",
        "Il faudrait d'abord entretenir les sentiers existants.",
        "Les riverains subissent déjà le stationnement sauvage.",
    ),
    questions=(
        "Le sentier passerait-il par des terrains privés ?",
        "Combien de visiteurs le site accueille-t-il aujourd'hui ?",
        "Qui entretiendrait le balisage ?",
    ),
    plan="le plan départemental des espaces naturels sensibles",
    topics=("sentiers et balisage", "accueil du public", "préservation des milieux"),
    survey=(
        QuestionSpec(
            "single_option",
            ("À quelle fréquence randonnez-vous ?", "How often do you go walking?"),
            options=(("Chaque semaine", "Every week"), ("Chaque mois", "Every month"), ("Rarement", "Rarely")),
            mandatory=True,
        ),
        QuestionSpec(
            "multiple_option",
            ("Comment venez-vous ?", "How do you get there?"),
            options=(("À pied", "On foot"), ("À vélo", "By bike"), ("En voiture", "By car"), ("En car", "By coach")),
        ),
        QuestionSpec(
            "short_answer",
            ("Votre espace naturel préféré", "Your favourite natural area"),
            answers=("Le marais de {commune}.", "Les landes près de {commune}.", "Le bord de l'Erdre."),
        ),
    ),
)
