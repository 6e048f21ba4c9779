"""Getting around: the road consultation, car-sharing areas, the cycling plan."""

from __future__ import annotations

from datetime import date

from app.seed.specs import REPORT, CategorySpec, ProcessSpec, StepSpec

ROUTE = ProcessSpec(
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
)

CARPOOL = ProcessSpec(
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
            REPORT,
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
)

CYCLING = ProcessSpec(
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
        StepSpec(("Adoption du plan", "Adoption of the plan"), REPORT, 151, 240, "report"),
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
)
