"""Territories and citizenship: the Loire estuary, the participatory budget, the citizens' panel."""

from __future__ import annotations

from datetime import date

from app.seed.specs import REPORT, CategorySpec, ProcessSpec, StepSpec

LOIRE = ProcessSpec(
    slug="loire-estuaire",
    title=(
        "Loire et estuaire : imaginons nos rives de demain",
        "Loire and estuary: imagining tomorrow's riverbanks",
    ),
    subtitle=("Vivre avec le fleuve", "Living with the river"),
    short_description=(
        "Promenades, bacs de Loire, biodiversité : quelles rives voulons-nous entre Nantes et Saint-Nazaire ?",
        "Walks, Loire ferries, biodiversity: which riverbanks do we want between Nantes and Saint-Nazaire?",
    ),
    description=(
        (
            "L'estuaire de la Loire relie l'agglomération nantaise à l'océan. Ses rives accueillent "
            "des espaces naturels protégés, des activités portuaires et des itinéraires de loisirs.",
            "The Loire estuary links the Nantes conurbation to the ocean. Its banks host protected "
            "natural areas, port activities and leisure routes.",
        ),
    ),
    hashtag="RivesDeLoire",
    process_type="consultation",
    group="territory",
    developer_group=("Direction de l'environnement", "Environment department"),
    target=("Habitants des communes de l'estuaire", "Residents of the estuary municipalities"),
    participatory_scope=("Avis et débats", "Opinions and debates"),
    participatory_structure=(
        "Balades commentées, débats en ligne, propositions",
        "Guided walks, online debates, proposals",
    ),
    steps=(
        StepSpec(
            ("Balades commentées", "Guided walks"),
            ("Découvrir les rives avec des naturalistes.", "Discover the banks with naturalists."),
            date(2019, 3, 16),
            date(2019, 5, 31),
        ),
        StepSpec(
            ("Débats et propositions", "Debates and proposals"),
            ("Partagez vos idées pour les rives.", "Share your ideas for the banks."),
            date(2019, 6, 1),
            date(2019, 9, 30),
            "contribute",
        ),
        StepSpec(("Synthèse", "Summary"), REPORT, date(2019, 10, 1), date(2019, 11, 29), "report"),
    ),
    categories=(
        CategorySpec(("Biodiversité", "Biodiversity"), (("Zones humides", "Wetlands"),)),
        CategorySpec(("Loisirs et itinéraires", "Leisure and routes"), (("Loire à vélo", "Loire by bike"),)),
        CategorySpec(("Traversées de Loire", "Crossing the Loire")),
    ),
    components=("pages", "debates", "proposals", "meetings", "blogs", "surveys"),
    territory=2,
    theme=3,
    document_themes=("loire",),
    texts="loire",
)

BUDGET = ProcessSpec(
    slug="budget-participatif",
    title=("Budget participatif de Loire-Atlantique", "Loire-Atlantique participatory budget"),
    subtitle=("Vos projets pour le territoire", "Your projects for the territory"),
    short_description=(
        "Proposez des projets d'intérêt général, puis votez pour ceux que le Département financera.",
        "Propose projects of general interest, then vote for those the Département will fund.",
    ),
    description=(
        (
            "Une enveloppe d'investissement est confiée aux habitants : chacun peut déposer un projet, "
            "les services vérifient sa faisabilité, puis tout le monde vote.",
            "An investment budget is entrusted to residents: anyone may submit a project, departmental "
            "services check its feasibility, then everyone votes.",
        ),
    ),
    hashtag="BudgetParticipatif44",
    process_type="budget",
    group="territory",
    developer_group=("Direction vie citoyenne", "Civic life department"),
    target=("Habitantes et habitants dès 11 ans", "Residents aged 11 and over"),
    participatory_scope=("Décision sur une enveloppe d'investissement", "Decision on an investment budget"),
    participatory_structure=(
        "Dépôt de projets, analyse, vote en ligne et en mairie",
        "Project submission, review, online and town-hall voting",
    ),
    steps=(
        StepSpec(
            ("Dépôt des projets", "Project submission"),
            (
                "Déposez un projet pour votre commune ou le département.",
                "Submit a project for your town or the département.",
            ),
            -120,
            -61,
            "contribute",
        ),
        StepSpec(
            ("Analyse de faisabilité", "Feasibility review"),
            ("Les services étudient chaque projet.", "Services review each project."),
            -60,
            -15,
        ),
        StepSpec(
            ("Vote", "Vote"),
            ("Choisissez les projets à financer.", "Choose the projects to fund."),
            -14,
            30,
            "vote",
        ),
        StepSpec(
            ("Réalisation des projets lauréats", "Delivering the winning projects"),
            ("Suivez l'avancement des projets.", "Follow the projects' progress."),
            31,
            400,
            "report",
        ),
    ),
    categories=(
        CategorySpec(("Cadre de vie", "Living environment"), (("Espaces publics", "Public spaces"),)),
        CategorySpec(("Solidarité", "Solidarity")),
        CategorySpec(
            ("Environnement", "Environment"), (("Jardins partagés", "Community gardens"), ("Énergie", "Energy"))
        ),
        CategorySpec(("Culture et sport", "Culture and sport")),
    ),
    components=("pages", "proposals", "budgets", "accountability", "meetings", "blogs", "surveys"),
    theme=4,
    promoted=True,
    document_themes=("budget",),
    texts="budget",
)

PANEL = ProcessSpec(
    slug="panel-citoyen-evaluation",
    title=("Panel citoyen d'évaluation des politiques départementales", "Citizens' panel on departmental policies"),
    subtitle=(
        "Des habitants tirés au sort évaluent l'action publique",
        "Residents drawn by lot evaluate public action",
    ),
    short_description=(
        "Espace de travail réservé aux membres du panel citoyen.",
        "Workspace reserved for the members of the citizens' panel.",
    ),
    description=(
        (
            "Vingt habitants tirés au sort examinent une politique départementale par an, auditionnent "
            "des agents et des usagers, puis rendent un avis public.",
            "Twenty residents drawn by lot examine one departmental policy a year, hear staff and users, "
            "then give a public opinion.",
        ),
    ),
    hashtag="PanelCitoyen44",
    process_type="panel",
    group="territory",
    developer_group=("Service participation citoyenne", "Citizen participation service"),
    target=("Membres du panel", "Panel members"),
    participatory_scope=("Avis citoyen", "Citizens' opinion"),
    participatory_structure=("Séances de travail, auditions, débats", "Working sessions, hearings, debates"),
    steps=(
        StepSpec(("Formation du panel", "Panel training"), ("Premières séances.", "First sessions."), -90, -31),
        StepSpec(
            ("Auditions", "Hearings"),
            ("Rencontres avec les services.", "Meetings with services."),
            -30,
            60,
            "contribute",
        ),
        StepSpec(
            ("Avis citoyen", "Citizens' opinion"),
            ("Rédaction et remise de l'avis.", "Writing and delivering the opinion."),
            61,
            150,
            "report",
        ),
    ),
    categories=(CategorySpec(("Méthode", "Method")), CategorySpec(("Auditions", "Hearings"))),
    components=("pages", "debates", "surveys", "meetings"),
    theme=4,
    private=True,
    document_themes=("panel",),
    texts="panel",
)

NATURE = ProcessSpec(
    slug="espaces-naturels",
    title=(
        "Espaces naturels sensibles : randonner et préserver",
        "Protected natural areas: walking and preserving",
    ),
    subtitle=("Des sentiers ouverts, des milieux protégés", "Open paths, protected habitats"),
    short_description=(
        "Sentiers, accès, sorties nature : comment accueillir les promeneurs sans abîmer les sites ?",
        "Paths, access, nature outings: how can we welcome walkers without harming the sites?",
    ),
    description=(
        (
            "Marais, landes, coteaux et bords de rivière : le Département acquiert et gère des espaces naturels "
            "sensibles, et entretient des centaines de kilomètres de sentiers de randonnée.",
            "Marshes, heathland, hillsides and riverbanks: the Département buys and manages protected natural "
            "areas, and maintains hundreds of kilometres of footpaths.",
        ),
        (
            "Il prépare son prochain plan de gestion et demande aux promeneurs, riverains et naturalistes "
            "comment concilier découverte et préservation.",
            "It is preparing its next management plan and asks walkers, neighbours and naturalists how to "
            "reconcile discovery and protection.",
        ),
    ),
    hashtag="EspacesNaturels44",
    process_type="consultation",
    group="territory",
    developer_group=("Direction de l'environnement", "Environment department"),
    target=("Promeneurs, riverains, associations naturalistes", "Walkers, neighbours, naturalist associations"),
    participatory_scope=("Avis et propositions", "Opinions and proposals"),
    participatory_structure=(
        "Questionnaire, propositions en ligne, balades avec les gardes",
        "Survey, online proposals, walks with the rangers",
    ),
    steps=(
        StepSpec(
            ("Balades avec les gardes", "Walks with the rangers"),
            ("Découvrir les sites et leurs fragilités.", "Discover the sites and what makes them fragile."),
            -75,
            -31,
        ),
        StepSpec(
            ("Propositions et questionnaire", "Proposals and survey"),
            ("Partagez vos idées pour les sentiers.", "Share your ideas for the paths."),
            -30,
            30,
            "contribute",
        ),
        StepSpec(("Plan de gestion", "Management plan"), REPORT, 31, 150, "report"),
    ),
    categories=(
        CategorySpec(("Sentiers de randonnée", "Footpaths")),
        CategorySpec(("Accès et stationnement", "Access and parking")),
        CategorySpec(("Découverte et animation", "Discovery and activities")),
        CategorySpec(("Préservation des milieux", "Protecting habitats")),
    ),
    components=("pages", "proposals", "surveys", "meetings", "blogs"),
    territory=6,
    theme=3,
    document_themes=("nature",),
    texts="nature",
)
