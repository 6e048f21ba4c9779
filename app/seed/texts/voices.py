"""Texts every consultation shares: how comments open and close, replies, the Département's answers."""

from __future__ import annotations

OPENERS: dict[int, tuple[str, ...]] = {
    1: (
        "Tout à fait d'accord.",
        "Je soutiens cette proposition.",
        "Excellente idée !",
        "Entièrement d'accord avec vous.",
        "Bravo pour cette proposition.",
        "Oui, mille fois oui.",
        "",
    ),
    0: ("Une question :", "Je m'interroge.", "Pour compléter :", ""),
    -1: (
        "Je ne suis pas d'accord.",
        "J'ai des doutes.",
        "Je ne suis pas convaincu.",
        "Je comprends l'intention, mais je suis réservée.",
        "",
    ),
}

CLOSERS = ("", "", "", "Merci.", "À suivre !", "Merci pour cette consultation.", "Qu'en pensent les autres ?")

REPLIES = (
    "Merci pour votre retour, c'est exactement ce que je voulais dire.",
    "Je ne suis pas sûr que ce soit si simple, mais l'idée mérite d'être étudiée.",
    "Vous avez raison, je n'avais pas pensé à cet aspect.",
    "Il faudrait en parler à la prochaine réunion publique.",
    "Tout à fait, et c'est encore pire l'hiver.",
    "D'accord avec vous sur le fond, moins sur la méthode.",
    "Je ne partage pas votre avis, mais je comprends l'argument.",
    "Bonne remarque. On pourrait commencer par une expérimentation.",
    "C'est déjà le cas dans la commune voisine, et cela marche bien.",
    "Pouvez-vous préciser l'endroit exact ?",
    "Je vous rejoins complètement.",
    "Attention quand même au coût pour la collectivité.",
)

STAFF_REPLIES = (
    "Merci pour votre contribution : elle sera présentée aux élus lors du prochain atelier.",
    "Merci pour ce signalement, nous l'avons transmis au service concerné.",
    "Les services étudient cette question ; la réponse du Département sera publiée ici.",
    "Le compte-rendu de la rencontre sur ce sujet est disponible dans l'onglet des documents.",
)

ANSWERS: dict[str, tuple[str, ...]] = {
    "accepted": (
        "Merci pour cette proposition. Le Département la retient : elle est intégrée dans {plan}.",
        "Proposition retenue. {Direction} l'a inscrite dans {plan} ; sa mise en œuvre sera suivie dans "
        "l'onglet « Suivi du projet ».",
        "Votre proposition rejoint plusieurs contributions similaires. Elle est retenue et figure dans {plan}.",
    ),
    "rejected": (
        "Merci pour cette contribution. Elle relève de la compétence des communes et non du Département : "
        "nous l'avons transmise à la mairie concernée.",
        "Après étude, {direction} ne retient pas cette proposition : son coût est trop élevé au regard du "
        "nombre d'usagers concernés.",
        "Cette proposition n'est pas retenue : une solution différente, présentée dans {plan}, répond au même besoin.",
    ),
    "evaluating": (
        "Votre proposition est à l'étude par {direction}. La réponse sera publiée ici.",
        "Proposition en cours d'analyse technique et financière par {direction}.",
    ),
}

WITHDRAW_REASONS = ("doublon", "proposition déposée par erreur")

REPORT_DETAILS = (
    "Propos injurieux envers les élus.",
    "Publicité pour une entreprise.",
    "Message sans rapport avec la consultation.",
    "Contribution entièrement en majuscules.",
)

# Reasons any proposal may give, whatever its subject.
GENERIC_REASONS = (
    "Ce serait simple à mettre en place.",
    "Beaucoup de gens seraient concernés.",
    "Le Département montrerait qu'il écoute les habitants.",
)
