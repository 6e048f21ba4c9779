"""Meetings, news and debates: titles, descriptions, agendas, reports."""

from __future__ import annotations

from app.seed.texts import at_town, of_town

PLACES = (
    "Salle des fêtes",
    "Mairie, salle du conseil",
    "Médiathèque",
    "Espace culturel",
    "Maison des associations",
    "Salle polyvalente",
    "Espace départemental des solidarités",
)

SERVICES = (
    ("Garde d'enfants", "Un espace jeux encadré accueille les enfants de 3 à 10 ans."),
    ("Interprétation en langue des signes", "Sur demande, au moins une semaine à l'avance."),
    ("Collation", "Un café et des jus de fruits sont offerts à l'accueil."),
    ("Covoiturage", "Proposez ou cherchez une place sur la plateforme de covoiturage du Département."),
)

AGENDA: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Accueil et présentation de la démarche", "Les objectifs de la concertation et son calendrier.", ()),
    (
        "Échanges en petits groupes",
        "Chaque table travaille sur une question puis désigne un rapporteur.",
        ("Constats", "Propositions"),
    ),
    ("Restitution des groupes", "Chaque rapporteur présente les idées de sa table.", ()),
    ("Réponses des élus et des services", "Premiers éléments de réponse et questions de la salle.", ()),
    ("Suites de la démarche", "Comment les contributions seront analysées et publiées.", ()),
)


def meeting_title(kind: str, *, town: str, topic: str, number: int, type_of: str, space: str) -> str:
    if kind == "town":
        return f"Rencontre « {space} » {at_town(town)}"
    if kind == "workshop":
        return f"Atelier citoyen n° {number} : {topic}"
    if kind == "walk":
        return f"Balade commentée {at_town(town)}"
    if kind == "session":
        return f"Séance n° {number} : {topic}"
    if type_of == "online":
        return f"Webinaire : {topic}"
    return f"Réunion publique {at_town(town)}"


def meeting_description(kind: str, *, town: str, topic: str, space: str) -> str:
    what = {
        "workshop": f"Un atelier pour approfondir le thème « {topic} », en petits groupes.",
        "walk": f"Une balade avec les services du Département pour découvrir le terrain, au départ {of_town(town)}.",
        "session": f"Une séance de travail des membres sur le thème « {topic} ».",
    }.get(kind, f"Une rencontre ouverte à toutes et à tous sur le thème « {topic} ».")
    return (
        f"<p>{what}</p><p>Dans le cadre de la concertation « {space} », venez partager votre expérience "
        "et vos idées. Les échanges alimentent la synthèse publiée sur la plateforme.</p>"
    )


def closing_report(*, attendees: int, topic: str, proposals: int) -> str:
    taken = (
        f" {proposals} propositions déposées sur la plateforme ont été discutées et reprises."
        if proposals
        else " Les participants ont surtout posé des questions aux services."
    )
    return (
        f"<p>{attendees} personnes ont participé à cette rencontre. Les échanges ont porté sur « {topic} ».{taken}</p>"
        "<p>Le compte-rendu complet est disponible dans les documents de la concertation.</p>"
    )


# (title, body) of news posts, in the order a consultation lives them; {title} is the consultation's.
POSTS = {
    "launch": (
        "Lancement de la concertation « {title} »",
        "<p>La concertation est ouverte ! Déposez vos propositions, soutenez celles des autres et venez aux "
        "rencontres organisées près de chez vous.</p>",
    ),
    "meeting": (
        "Retour sur la rencontre {of_town}",
        "<p>Merci aux habitantes et habitants venus nombreux. Le compte-rendu est en ligne et les idées "
        "exprimées seront versées à la synthèse.</p>",
    ),
    "reminder": (
        "Plus que quinze jours pour contribuer",
        "<p>Il reste deux semaines pour déposer vos propositions et soutenir celles qui vous paraissent "
        "prioritaires.</p>",
    ),
    "summary": (
        "Synthèse des contributions en ligne",
        "<p>La synthèse des contributions est publiée. Elle regroupe les propositions par thème et sera "
        "présentée aux élus.</p>",
    ),
    "answers": (
        "Le Département répond à vos propositions",
        "<p>Chaque proposition a reçu une réponse argumentée : retenue, à l'étude ou non retenue, et pourquoi.</p>",
    ),
    "next": (
        "Prochaine étape : les résultats",
        "<p>Les résultats seront publiés ici dès la fin du vote. Merci pour votre participation !</p>",
    ),
}
