"""The nine consultations of the demo platform, modelled on the Département de Loire-Atlantique's.

Texts are written for this demo. Dates are either real dates (the 2018-2019 consultations) or
day offsets from the day the seed runs (the current ones), so the demo always has live steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.seed.territory import Text

Day = date | int
"""A calendar date, or a number of days from the day the seed runs."""


@dataclass(frozen=True, slots=True)
class StepSpec:
    title: Text
    description: Text
    start: Day
    end: Day
    role: str = "inform"
    """What participants may do: inform, contribute, vote or report (drives component step settings)."""


@dataclass(frozen=True, slots=True)
class CategorySpec:
    name: Text
    children: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class ProcessSpec:
    slug: str
    title: Text
    subtitle: Text
    short_description: Text
    description: tuple[Text, ...]
    hashtag: str
    process_type: str
    group: str | None
    developer_group: Text
    target: Text
    participatory_scope: Text
    participatory_structure: Text
    steps: tuple[StepSpec, ...]
    categories: tuple[CategorySpec, ...]
    components: tuple[str, ...]
    territory: int | None = None
    """Index into ``TERRITORIES``; ``None`` for the whole département."""
    theme: int = 0
    published: bool = True
    private: bool = False
    promoted: bool = False
    document_themes: tuple[str, ...] = field(default_factory=tuple)
    texts: str = "route"
    """The key of the words its participants use (``app.seed.texts.themes.THEMES``)."""


PROCESS_TYPES: dict[str, Text] = {
    "consultation": ("Concertation", "Consultation"),
    "budget": ("Budget participatif", "Participatory budget"),
    "panel": ("Panel citoyen", "Citizens' panel"),
}

PROCESS_GROUPS: dict[str, tuple[Text, Text]] = {
    "mobility": (
        ("Se déplacer en Loire-Atlantique", "Getting around Loire-Atlantique"),
        (
            "Routes, covoiturage, vélo : les démarches qui préparent les déplacements de demain.",
            "Roads, car sharing, cycling: the consultations preparing tomorrow's journeys.",
        ),
    ),
    "solidarity": (
        ("Solidarités et éducation", "Solidarity and education"),
        (
            "Accueil des usagers, collèges, avancée en âge : les politiques qui accompagnent chacun.",
            "Public reception, secondary schools, ageing: the policies that support everyone.",
        ),
    ),
    "territory": (
        ("Territoires et citoyenneté", "Territories and citizenship"),
        (
            "La Loire, le budget participatif et l'évaluation citoyenne des politiques départementales.",
            "The Loire, the participatory budget and citizens' evaluation of departmental policies.",
        ),
    ),
}

_REPORT = (
    "Le Département publie la synthèse des contributions et explique les décisions prises.",
    "The Département publishes the summary of contributions and explains its decisions.",
)

PROCESSES: tuple[ProcessSpec, ...] = (
    ProcessSpec(
        slug="route-de-demain",
        title=("Inventons la route de demain", "Let's invent tomorrow's road"),
        subtitle=("Une route partagée, sécurisée et durable", "A shared, safe and sustainable road"),
        short_description=(
            "Comment rénover la politique routière du Département ? Donnez votre avis sur le partage "
            "de la voirie, la sécurité et l'environnement.",
            "How should the Département renew its road policy? Share your views on sharing the road, "
            "safety and the environment.",
        ),
        description=(
            (
                "Le réseau routier départemental s'étend sur plusieurs milliers de kilomètres. Ses usages changent : "
                "covoiturage, vélo, nouveaux véhicules, attentes environnementales.",
                "The departmental road network spans thousands of kilometres. Its uses are changing: "
                "car sharing, cycling, new vehicles, environmental expectations.",
            ),
            (
                "Usagers, riverains, élus et professionnels ont été invités à imaginer ensemble la route "
                "de demain, en ligne et sur le terrain : aires de covoiturage, marchés, stations-service.",
                "Road users, residents, elected members and professionals were invited to imagine "
                "tomorrow's road together, online and in the field: car-sharing areas, markets, petrol stations.",
            ),
        ),
        hashtag="RouteDeDemain",
        process_type="consultation",
        group="mobility",
        developer_group=("Direction des routes", "Roads department"),
        target=("Usagères et usagers de la route", "Road users"),
        participatory_scope=("Avis et propositions", "Opinions and proposals"),
        participatory_structure=(
            "Questionnaire, boîte à idées, rencontres sur le terrain, ateliers",
            "Survey, ideas box, field meetings, workshops",
        ),
        steps=(
            StepSpec(
                ("Veille et diagnostic", "Foresight and assessment"),
                ("Une note de veille ouvre les questions à débattre.", "A foresight note opens the questions."),
                date(2018, 3, 5),
                date(2018, 4, 15),
            ),
            StepSpec(
                ("Contributions en ligne et sur le terrain", "Online and field contributions"),
                (
                    "Déposez vos idées et soutenez celles des autres participants.",
                    "Post your ideas and support other participants' ideas.",
                ),
                date(2018, 4, 16),
                date(2018, 6, 30),
                "contribute",
            ),
            StepSpec(
                ("Ateliers citoyens", "Citizens' workshops"),
                (
                    "Des ateliers approfondissent les propositions les plus soutenues.",
                    "Workshops examine the most supported proposals.",
                ),
                date(2018, 9, 10),
                date(2018, 10, 31),
            ),
            StepSpec(
                ("Livre blanc et engagements", "White paper and commitments"),
                (
                    "L'assemblée départementale vote onze engagements le 17 décembre 2018.",
                    "The departmental assembly adopts eleven commitments on 17 December 2018.",
                ),
                date(2018, 11, 1),
                date(2018, 12, 17),
                "report",
            ),
        ),
        categories=(
            CategorySpec(
                ("Partage de la voirie", "Sharing the road"), (("Vélo", "Cycling"), ("Covoiturage", "Car sharing"))
            ),
            CategorySpec(("Sécurité routière", "Road safety"), (("Aménagements", "Road layout"), ("Vitesse", "Speed"))),
            CategorySpec(
                ("Route et environnement", "Roads and the environment"),
                (("Biodiversité", "Biodiversity"), ("Matériaux et chantiers", "Materials and roadworks")),
            ),
            CategorySpec(("Innovations et expérimentations", "Innovation and trials")),
        ),
        components=("pages", "proposals", "meetings", "surveys", "debates", "blogs", "accountability"),
        theme=0,
        document_themes=("route",),
        texts="route",
    ),
    ProcessSpec(
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
                _REPORT,
                date(2019, 5, 1),
                date(2019, 6, 28),
                "report",
            ),
        ),
        categories=(
            CategorySpec(("Réussite éducative", "Educational success"), (("Orientation", "Career guidance"),)),
            CategorySpec(("Citoyenneté des collégiens", "Pupils' citizenship")),
            CategorySpec(
                ("Numérique éducatif", "Digital education"), (("Équipement", "Equipment"), ("Usages", "Uses"))
            ),
            CategorySpec(("Sport et culture", "Sport and culture")),
        ),
        components=("pages", "proposals", "meetings", "surveys", "blogs", "accountability"),
        theme=2,
        document_themes=("education",),
        texts="education",
    ),
    ProcessSpec(
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
            StepSpec(("Restitution", "Feedback"), _REPORT, date(2019, 6, 1), date(2019, 7, 5), "report"),
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
    ),
    ProcessSpec(
        slug="aires-de-covoiturage",
        title=("Schéma des aires de covoiturage", "Car-sharing areas plan"),
        subtitle=("Où et comment covoiturer demain ?", "Where and how to share rides tomorrow?"),
        short_description=(
            "Indiquez sur la carte les aires à créer ou à améliorer et partagez vos habitudes de covoiturage.",
            "Mark on the map the car-sharing areas to create or improve and share your habits.",
        ),
        description=(
            (
                "Le Département a aménagé de nombreuses aires de covoiturage. Le nouveau schéma "
                "prévoit leur extension, leur équipement et leur desserte.",
                "The Département has built many car-sharing areas. The new plan covers their "
                "extension, equipment and connections.",
            ),
        ),
        hashtag="Covoiturage44",
        process_type="consultation",
        group="mobility",
        developer_group=("Direction des routes", "Roads department"),
        target=("Covoitureurs et futurs covoitureurs", "Current and future car sharers"),
        participatory_scope=("Avis localisés", "Located opinions"),
        participatory_structure=(
            "Carte participative, questionnaire, rencontres sur les aires",
            "Participatory map, survey, on-site meetings",
        ),
        steps=(
            StepSpec(
                ("Questionnaire sur les pratiques", "Survey on habits"),
                ("Décrivez vos trajets.", "Describe your journeys."),
                date(2019, 4, 1),
                date(2019, 5, 15),
                "contribute",
            ),
            StepSpec(
                ("Propositions géolocalisées", "Located proposals"),
                ("Placez vos idées sur la carte.", "Put your ideas on the map."),
                date(2019, 5, 16),
                date(2019, 7, 15),
                "contribute",
            ),
            StepSpec(
                ("Restitution du schéma", "The plan is presented"),
                _REPORT,
                date(2019, 9, 2),
                date(2019, 10, 31),
                "report",
            ),
        ),
        categories=(
            CategorySpec(("Nouvelles aires", "New areas")),
            CategorySpec(("Équipements", "Equipment"), (("Abris vélos", "Bike shelters"), ("Éclairage", "Lighting"))),
            CategorySpec(("Lignes de covoiturage", "Car-sharing lines")),
        ),
        components=("pages", "surveys", "proposals", "meetings"),
        theme=0,
        document_themes=("mobility",),
        texts="carpool",
    ),
    ProcessSpec(
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
            StepSpec(("Synthèse", "Summary"), _REPORT, date(2019, 10, 1), date(2019, 11, 29), "report"),
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
    ),
    ProcessSpec(
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
    ),
    ProcessSpec(
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
            StepSpec(("Plan d'actions", "Action plan"), _REPORT, 46, 120, "report"),
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
    ),
    ProcessSpec(
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
    ),
    ProcessSpec(
        slug="plan-velo",
        title=("Plan vélo départemental", "Departmental cycling plan"),
        subtitle=("Des itinéraires cyclables pour tous les trajets", "Cycle routes for every journey"),
        short_description=(
            "En préparation : la concertation sur le prochain plan vélo ouvrira prochainement.",
            "In preparation: the consultation on the next cycling plan opens soon.",
        ),
        description=(
            (
                "Le plan vélo prévoit de relier les bourgs, les collèges et les gares par des itinéraires "
                "sécurisés. La concertation permettra de choisir les liaisons prioritaires.",
                "The cycling plan aims to link villages, schools and stations with safe routes. The "
                "consultation will pick the priority links.",
            ),
        ),
        hashtag="PlanVelo44",
        process_type="consultation",
        group="mobility",
        developer_group=("Direction des routes", "Roads department"),
        target=("Cyclistes du quotidien et de loisir", "Everyday and leisure cyclists"),
        participatory_scope=("Propositions d'itinéraires", "Route proposals"),
        participatory_structure=("Carte participative, ateliers", "Participatory map, workshops"),
        steps=(
            StepSpec(
                ("Diagnostic partagé", "Shared assessment"),
                ("Cartographie des besoins.", "Mapping needs."),
                30,
                90,
                "contribute",
            ),
            StepSpec(
                ("Ateliers territoriaux", "Local workshops"),
                ("Un atelier par territoire.", "One workshop per territory."),
                91,
                150,
            ),
            StepSpec(("Adoption du plan", "Adoption of the plan"), _REPORT, 151, 240, "report"),
        ),
        categories=(
            CategorySpec(("Liaisons domicile-travail", "Commuting links")),
            CategorySpec(("Vélo et collèges", "Cycling to school")),
        ),
        components=("pages", "proposals", "meetings", "surveys"),
        theme=0,
        published=False,
        document_themes=("mobility",),
        texts="route",
    ),
)

# Related consultations, shown as links on each other's page (Decidim's "related processes").
RELATED: tuple[tuple[str, str], ...] = (
    ("route-de-demain", "aires-de-covoiturage"),
    ("route-de-demain", "plan-velo"),
    ("projet-educatif-departemental", "bien-manger-au-college"),
    ("budget-participatif", "panel-citoyen-evaluation"),
)
