"""Solidarity and education: the education project, solidarity centres, school meals."""

from __future__ import annotations

from datetime import date

from app.seed.specs import REPORT, CategorySpec, ProcessSpec, StepSpec

EDUCATION = ProcessSpec(
    slug="projet-educatif-departemental",
    title=("Projet éducatif départemental", "Departmental education project"),
    subtitle=("Construire ensemble l'avenir des collégiens", "Shaping the future of secondary pupils together"),
    short_description=(
        "Collégiens, parents, enseignants : quelles priorités pour les collèges de Loire-Atlantique ?",
        "Pupils, parents, teachers: which priorities for the secondary schools of Loire-Atlantique?",
    ),
    description=(
        (
            "Le Département construit, entretient et équipe les collèges publics et soutient les "
            "collèges privés. Le projet éducatif fixe ses priorités pour les années à venir.",
            "The Département builds, maintains and equips public secondary schools and supports "
            "private ones. The education project sets its priorities for the coming years.",
        ),
        (
            "Des ateliers numériques ont été animés dans les établissements pour recueillir la parole "
            "des collégiens et de la communauté éducative.",
            "Digital workshops were held in schools to hear pupils and the whole educational community.",
        ),
    ),
    hashtag="ProjetEducatif44",
    process_type="consultation",
    group="solidarity",
    developer_group=("Direction éducation", "Education department"),
    target=("Collégiens, familles et équipes éducatives", "Pupils, families and school staff"),
    participatory_scope=("Propositions", "Proposals"),
    participatory_structure=(
        "Ateliers numériques dans les collèges, propositions en ligne, rencontres",
        "Digital workshops in schools, online proposals, meetings",
    ),
    steps=(
        StepSpec(
            ("Ateliers numériques dans les collèges", "Digital workshops in schools"),
            ("Les collégiens découvrent la plateforme.", "Pupils discover the platform."),
            date(2018, 9, 17),
            date(2018, 11, 30),
        ),
        StepSpec(
            ("Propositions en ligne", "Online proposals"),
            ("Chacun peut proposer et soutenir des idées.", "Everyone may propose and support ideas."),
            date(2018, 12, 1),
            date(2019, 2, 28),
            "contribute",
        ),
        StepSpec(
            ("Rencontres avec la communauté éducative", "Meetings with the educational community"),
            ("Les propositions sont discutées en réunion.", "Proposals are discussed in meetings."),
            date(2019, 3, 1),
            date(2019, 4, 30),
        ),
        StepSpec(
            ("Adoption du projet éducatif", "Adoption of the education project"),
            REPORT,
            date(2019, 5, 1),
            date(2019, 6, 28),
            "report",
        ),
    ),
    categories=(
        CategorySpec(("Réussite éducative", "Educational success"), (("Orientation", "Career guidance"),)),
        CategorySpec(("Citoyenneté des collégiens", "Pupils' citizenship")),
        CategorySpec(("Numérique éducatif", "Digital education"), (("Équipement", "Equipment"), ("Usages", "Uses"))),
        CategorySpec(("Sport et culture", "Sport and culture")),
    ),
    components=("pages", "proposals", "meetings", "surveys", "blogs", "accountability"),
    theme=2,
    document_themes=("education",),
    texts="education",
)

SOLIDARITY = ProcessSpec(
    slug="accueil-solidarites",
    title=(
        "Améliorer l'accueil dans les espaces départementaux des solidarités",
        "Improving reception in the departmental solidarity centres",
    ),
    subtitle=(
        "Vos idées pour un accueil plus simple et plus humain",
        "Your ideas for a simpler, more humane welcome",
    ),
    short_description=(
        "Horaires, prise de rendez-vous, confidentialité : aidez-nous à mieux vous accueillir.",
        "Opening hours, appointments, privacy: help us welcome you better.",
    ),
    description=(
        (
            "Les espaces départementaux des solidarités accueillent chaque année des milliers de "
            "personnes pour l'enfance, l'insertion, le logement ou l'autonomie.",
            "Each year the departmental solidarity centres welcome thousands of people about childhood, "
            "integration, housing or independent living.",
        ),
        (
            "Des agents sont allés à la rencontre des usagers dans les salles d'attente pour recueillir "
            "leurs propositions et les aider à les déposer en ligne.",
            "Staff met users in waiting rooms to gather their proposals and help them post them online.",
        ),
    ),
    hashtag="AccueilSolidarites",
    process_type="consultation",
    group="solidarity",
    developer_group=("Direction de l'action sociale de proximité", "Local social action department"),
    target=("Usagers des espaces départementaux des solidarités", "Users of the solidarity centres"),
    participatory_scope=("Propositions", "Proposals"),
    participatory_structure=(
        "Rencontres dans les salles d'attente, propositions en ligne",
        "Waiting-room meetings, online proposals",
    ),
    steps=(
        StepSpec(
            ("Recueil des propositions", "Collecting proposals"),
            ("Sur place et en ligne.", "On site and online."),
            date(2019, 1, 14),
            date(2019, 4, 12),
            "contribute",
        ),
        StepSpec(
            ("Analyse par les équipes", "Review by the teams"),
            ("Chaque proposition reçoit une réponse.", "Every proposal gets an answer."),
            date(2019, 4, 15),
            date(2019, 5, 31),
        ),
        StepSpec(("Restitution", "Feedback"), REPORT, date(2019, 6, 1), date(2019, 7, 5), "report"),
    ),
    categories=(
        CategorySpec(("Horaires et rendez-vous", "Opening hours and appointments")),
        CategorySpec(("Confidentialité", "Privacy")),
        CategorySpec(
            ("Information et orientation", "Information and guidance"),
            (("Affichage", "Signage"), ("Accueil téléphonique", "Telephone")),
        ),
    ),
    components=("pages", "proposals", "meetings", "blogs", "accountability", "surveys"),
    territory=0,
    theme=1,
    document_themes=("solidarity",),
    texts="solidarity",
)

FOOD = ProcessSpec(
    slug="bien-manger-au-college",
    title=("Bien manger au collège", "Eating well at school"),
    subtitle=("Une restauration scolaire locale et de qualité", "Local, quality school catering"),
    short_description=(
        "Produits locaux, gaspillage, temps du repas : donnez votre avis sur la restauration des collèges.",
        "Local produce, food waste, lunch time: tell us what you think about school catering.",
    ),
    description=(
        (
            "Chaque jour, des dizaines de milliers de repas sont servis dans les collèges publics. Le "
            "Département veut davantage de produits locaux et biologiques et moins de gaspillage.",
            "Tens of thousands of meals are served every day in public secondary schools. The "
            "Département wants more local and organic produce and less waste.",
        ),
    ),
    hashtag="BienMangerAuCollege",
    process_type="consultation",
    group="solidarity",
    developer_group=("Direction éducation", "Education department"),
    target=("Collégiens, familles, cuisiniers", "Pupils, families, cooks"),
    participatory_scope=("Avis et propositions", "Opinions and proposals"),
    participatory_structure=(
        "Questionnaire, débats, propositions, visites de cuisines",
        "Survey, debates, proposals, kitchen visits",
    ),
    steps=(
        StepSpec(
            ("Questionnaire", "Survey"),
            ("Répondez en dix minutes.", "Answer in ten minutes."),
            -45,
            -1,
            "contribute",
        ),
        StepSpec(
            ("Débats et propositions", "Debates and proposals"),
            ("Échangez sur les pistes retenues.", "Discuss the options."),
            0,
            45,
            "contribute",
        ),
        StepSpec(("Plan d'actions", "Action plan"), REPORT, 46, 120, "report"),
    ),
    categories=(
        CategorySpec(
            ("Produits locaux", "Local produce"), (("Bio", "Organic"), ("Circuits courts", "Short supply chains"))
        ),
        CategorySpec(("Gaspillage alimentaire", "Food waste")),
        CategorySpec(("Temps du repas", "Lunch time")),
    ),
    components=("pages", "surveys", "debates", "proposals", "meetings"),
    theme=2,
    promoted=True,
    document_themes=("education",),
    texts="food",
)

AGEING = ProcessSpec(
    slug="bien-vieillir",
    title=("Bien vieillir en Loire-Atlantique", "Ageing well in Loire-Atlantique"),
    subtitle=("Rester chez soi, rester relié aux autres", "Staying at home, staying connected"),
    short_description=(
        "Logement, transports, aide aux aidants : comment mieux accompagner l'avancée en âge ?",
        "Housing, transport, support for carers: how can we better support people as they grow older?",
    ),
    description=(
        (
            "Le Département est chef de file de l'autonomie des personnes âgées : il finance l'aide à domicile, "
            "autorise les établissements et accompagne les proches aidants.",
            "The Département leads on the independence of older people: it funds home help, licenses care "
            "homes and supports family carers.",
        ),
        (
            "Avant de renouveler son schéma de l'autonomie, il a invité les seniors, leurs familles et les "
            "professionnels à dire ce qui les aiderait à bien vieillir là où ils vivent.",
            "Before renewing its plan for independent living, it asked older people, their families and "
            "professionals what would help them age well where they live.",
        ),
    ),
    hashtag="BienVieillir44",
    process_type="consultation",
    group="solidarity",
    developer_group=("Direction des personnes âgées et handicapées", "Older and disabled people department"),
    target=("Seniors, proches aidants et professionnels", "Older people, family carers and professionals"),
    participatory_scope=("Propositions", "Proposals"),
    participatory_structure=(
        "Cafés-débats dans les clubs des aînés, propositions en ligne, questionnaire",
        "Café debates in senior clubs, online proposals, survey",
    ),
    steps=(
        StepSpec(
            ("Cafés-débats dans les territoires", "Café debates across the territories"),
            ("Échanges dans les clubs et les foyers-logements.", "Talks in senior clubs and sheltered housing."),
            date(2019, 2, 4),
            date(2019, 3, 29),
        ),
        StepSpec(
            ("Propositions en ligne", "Online proposals"),
            ("Proposez et soutenez des idées.", "Propose and support ideas."),
            date(2019, 4, 1),
            date(2019, 6, 14),
            "contribute",
        ),
        StepSpec(
            ("Ateliers avec les professionnels", "Workshops with professionals"),
            ("Les propositions sont approfondies.", "Proposals are worked on in depth."),
            date(2019, 6, 17),
            date(2019, 9, 27),
        ),
        StepSpec(
            ("Schéma de l'autonomie", "Plan for independent living"),
            REPORT,
            date(2019, 10, 1),
            date(2019, 12, 20),
            "report",
        ),
    ),
    categories=(
        CategorySpec(("Logement adapté", "Adapted housing"), (("Habitat partagé", "Shared housing"),)),
        CategorySpec(("Mobilité des aînés", "Getting around")),
        CategorySpec(("Lien social", "Social ties")),
        CategorySpec(("Proches aidants", "Family carers"), (("Information des familles", "Information for families"),)),
    ),
    components=("pages", "proposals", "meetings", "surveys", "blogs", "accountability"),
    theme=1,
    document_themes=("ageing",),
    texts="ageing",
)
