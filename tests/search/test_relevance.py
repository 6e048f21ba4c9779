"""French and English full-text search: accents and case ignored, stems matched, titles weigh most."""

from __future__ import annotations

from typing import Any

from tests.builders import Make, tr
from tests.search.conftest import fr, ids

SHOWN = "id resourceType title snippet locale"


async def test_a_plural_without_accents_finds_the_accented_singular(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Une nouvelle école"), body=fr("Pour le quartier."))

    found = await search("ecoles", selection=SHOWN)

    assert found == {
        "totalCount": 1,
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "endCursor": found["pageInfo"]["endCursor"]},
        "nodes": [
            {
                "id": str(proposal.id),
                "resourceType": "Decidim::Proposals::Proposal",
                "title": "Une nouvelle école",
                "snippet": "Une nouvelle <mark>école</mark>",
                "locale": "fr",
            }
        ],
    }


async def test_a_capitalised_unaccented_word_finds_the_accented_one(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Réparer le toit"), body=fr("Le toit de l'école fuit depuis l'hiver."))

    found = await search("Ecole", selection="id snippet")

    assert found["nodes"] == [
        {"id": str(proposal.id), "snippet": "Le toit de l&#x27;<mark>école</mark> fuit depuis l&#x27;hiver."}
    ]


async def test_an_accented_term_finds_the_unaccented_text(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Creer un marche de producteurs"), body=fr("Le samedi matin."))

    assert ids(await search("marché créé")) == [str(proposal.id)]


async def test_singular_and_plural_meet_through_stemming(make: Make, search: Any) -> None:
    plural = await make.proposal(title=fr("Des vélos en libre-service"), body=fr("Partout en ville."))
    singular = await make.proposal(title=fr("Un garage à vélo"), body=fr("Près de la gare."))

    found = await search("vélo", selection="id snippet")
    assert sorted(ids(found)) == sorted([str(plural.id), str(singular.id)])
    assert {n["snippet"] for n in found["nodes"]} == {
        "Des <mark>vélos</mark> en libre-service",
        "Un garage à <mark>vélo</mark>",
    }
    assert sorted(ids(await search("velos"))) == sorted([str(plural.id), str(singular.id)])


async def test_a_title_match_ranks_above_a_body_match(make: Make, search: Any) -> None:
    in_body = await make.proposal(title=fr("Aménager la place"), body=fr("Avec des bancs près de la fontaine."))
    in_title = await make.proposal(title=fr("Une fontaine pour la place"), body=fr("Pour se rafraîchir l'été."))

    found = await search("fontaine", selection="id rank")

    assert ids(found) == [str(in_title.id), str(in_body.id)]
    assert found["nodes"][0]["rank"] > found["nodes"][1]["rank"] > 0


async def test_every_word_must_match(make: Make, search: Any) -> None:
    both = await make.proposal(title=fr("Jardin partagé"), body=fr("Dans le parc municipal."))
    await make.proposal(title=fr("Jardin d'enfants"), body=fr("Rue des écoles."))

    assert ids(await search("jardins parc")) == [str(both.id)]


async def test_english_texts_are_stemmed_in_english(make: Make, search: Any) -> None:
    proposal = await make.proposal(
        title=tr("Des pistes cyclables", "Safer cycling lanes"), body=tr("Partout.", "Everywhere in town.")
    )

    found = await search("cycle lane", selection="id locale snippet", filter={"locale": "en"})

    assert found["nodes"] == [
        {"id": str(proposal.id), "locale": "en", "snippet": "Safer <mark>cycling</mark> <mark>lanes</mark>"}
    ]


async def test_a_resource_matching_in_two_locales_appears_once_with_its_best_locale(make: Make, search: Any) -> None:
    proposal = await make.proposal(
        title=tr("Budget participatif", "Participatory budget"), body=tr("Budget.", "Money.")
    )

    found = await search("budget", selection="id locale")

    assert found["totalCount"] == 1
    assert found["nodes"] == [{"id": str(proposal.id), "locale": "fr"}]


async def test_the_last_word_also_matches_as_a_prefix(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Rénovation de la médiathèque"), body=fr("Et de ses abords."))

    assert ids(await search("renovation media")) == [str(proposal.id)]
    assert ids(await search("médiat")) == [str(proposal.id)]


async def test_the_snippet_shows_the_body_around_its_first_match(make: Make, search: Any) -> None:
    words = " ".join(f"mot{n}" for n in range(40))
    proposal = await make.proposal(title=fr("Un titre"), body=fr(f"<p>{words} <b>piscine</b> couverte {words}</p>"))

    found = await search("piscine", selection="snippet")

    snippet = found["nodes"][0]["snippet"]
    assert snippet.startswith("… mot32 mot33")
    assert "mot39 <mark>piscine</mark> couverte mot0" in snippet
    assert snippet.endswith("…")
    assert "<b>" not in snippet
    assert proposal.id


async def test_markup_in_a_title_is_escaped_in_the_snippet(make: Make, search: Any) -> None:
    proposal = await make.proposal(
        title=fr('<script>alert("x")</script> Sécurité routière'), body=fr("Ralentir devant l'école.")
    )

    found = await search("sécurité", selection="id title snippet")

    assert found["nodes"] == [
        {
            "id": str(proposal.id),
            "title": '<script>alert("x")</script> Sécurité routière',
            "snippet": "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Sécurité</mark> routière",
        }
    ]


async def test_markup_in_a_body_never_reaches_the_snippet_as_markup(make: Make, search: Any) -> None:
    await make.proposal(title=fr("Un titre"), body=fr("<p>Le &lt;img src=x onerror=alert(1)&gt; piège du trottoir</p>"))

    found = await search("trottoir", selection="snippet")

    assert found["nodes"] == [{"snippet": "Le &lt;img src=x onerror=alert(1)&gt; piège du <mark>trottoir</mark>"}]


async def test_nothing_matches_a_word_no_text_contains(make: Make, search: Any) -> None:
    await make.proposal(title=fr("Une école"))

    found = await search("hippopotame")

    assert found == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "endCursor": None},
        "nodes": [],
    }


async def test_a_blank_term_is_refused(search: Any) -> None:
    body = await search("   ", raw=True)

    assert body["data"] is None
    assert [(e["extensions"]["code"], e["extensions"]["fields"]) for e in body["errors"]] == [
        ("BAD_USER_INPUT", {"term": "blank"})
    ]


async def test_a_term_over_two_hundred_characters_is_refused(search: Any) -> None:
    body = await search("a" * 201, raw=True)

    assert [(e["extensions"]["code"], e["extensions"]["fields"]) for e in body["errors"]] == [
        ("BAD_USER_INPUT", {"term": "at most 200 characters"})
    ]


async def test_search_syntax_is_plain_text_not_sql_or_tsquery(make: Make, search: Any) -> None:
    proposal = await make.proposal(title=fr("Bancs et poubelles"))

    assert ids(await search("bancs & | ! ( ' :*")) == [str(proposal.id)]
    assert ids(await search('"bancs et poubelles"')) == [str(proposal.id)]
    assert ids(await search("bancs -poubelles")) == []
