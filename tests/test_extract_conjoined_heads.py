"""Role nouns and nationality words shared by a list of actors: one span per actor,
and the words that name each one ("the foreign ministers of France, Germany and
Britain" -> the ministers of Germany are an actor of their own)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.phrases import shared_reading

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def clause(nlp, lex):
    def run(text: str, type_: str):
        found = [c for s in nlp(text).sents for c in find_clauses(s, lex) if c.type == type_]
        assert len(found) == 1, [(c.trigger.text, c.type) for c in found]
        return found[0]

    return run


def readings(spans):
    """What each span names: its shared reading, else its own words."""
    out = []
    for s in spans:
        shared = shared_reading(s)
        out.append(shared.text if shared is not None else s.text)
    return out


def test_head_with_a_list_of_countries_after_of_is_one_actor_per_country(clause):
    c = clause("The foreign ministers of France, Germany and Britain met Iranian officials in Geneva.", "CONSULT")
    assert readings(c.agents) == [
        "The foreign ministers of France",
        "The foreign ministers of Germany",
        "The foreign ministers of Britain",
    ]
    assert len({(s.start, s.end) for s in c.agents}) == 3  # each member has its own tokens


def test_recipient_head_shares_its_list(clause):
    c = clause("The Iranian president met the leaders of Egypt and Jordan in Cairo.", "CONSULT")
    assert readings(c.patients) == ["the leaders of Egypt", "the leaders of Jordan"]


def test_list_after_from_is_shared(clause):
    c = clause("Troops from Chad and Niger attacked rebel positions near the border.", "ASSAULT")
    assert readings(c.agents) == ["Troops from Chad", "Troops from Niger"]


def test_a_role_with_its_own_determiner_or_nationality_does_not_share_the_place(clause):
    c = clause("The Ukrainian government and the protesters in Kiev held a meeting.", "CONSULT")
    assert readings(c.agents) == ["The Ukrainian government", "the protesters in Kiev"]


def test_every_role_noun_shares_every_place(clause):
    c = clause("Lawmakers and officials in Fornost and Gondor welcomed the agreement.", "SUPPORT")
    assert sorted(readings(c.agents)) == [
        "Lawmakers in Fornost",
        "Lawmakers in Gondor",
        "officials in Fornost",
        "officials in Gondor",
    ]


def test_a_name_in_the_list_of_heads_keeps_its_own_span(clause):
    c = clause("Iran and officials from Qatar and Egypt signed an agreement.", "SUPPORT")
    assert readings(c.agents) == ["Iran", "officials from Qatar", "officials from Egypt"]


def test_a_head_with_its_own_complement_does_not_share_the_next_one(clause):
    c = clause("The president of Egypt and the king of Jordan met in Amman.", "CONSULT")
    assert readings(c.agents) == ["The president of Egypt", "the king of Jordan"]
    assert all(shared_reading(s) is None for s in c.agents)


def test_a_common_noun_after_the_list_is_not_a_member_of_it(clause):
    c = clause("The leaders of Egypt and their aides met Israeli officials.", "CONSULT")
    assert readings(c.agents) == ["The leaders of Egypt", "their aides"]


def test_conjoined_nationalities_name_their_first_member_first(clause):
    c = clause("Egyptian, Jordanian and Saudi officials met Israeli negotiators.", "CONSULT")
    assert c.agents[0].text == "Egyptian, Jordanian and Saudi officials"  # the span keeps the group
    assert readings(c.agents) == ["Egyptian officials", "Jordanian officials", "Saudi officials"]


def test_shared_reading_keeps_the_list_it_was_cut_from(clause):
    c = clause("The president of Trinidad and Tobago met the Venezuelan foreign minister.", "CONSULT")
    shared = [shared_reading(s) for s in c.agents if shared_reading(s) is not None]
    assert [(r.text, r.group.text, r.name.text, r.role) for r in shared] == [
        ("The president of Trinidad", "Trinidad and Tobago", "Trinidad", False),  # what one head alone gives
        ("The president of Tobago", "Trinidad and Tobago", "Tobago", True),
    ]


def test_countries_sharing_a_possessed_noun_are_one_actor_each(clause):
    c = clause("Egypt and Jordan's leaders condemned the attack.", "ACCUSE")
    assert readings(c.agents) == ["Egypt's leaders", "Jordan's leaders"]


def test_a_recased_headline_keeps_the_readings(clause):
    c = clause("Foreign Ministers Of France And Germany Meet Iranian Officials In Geneva", "CONSULT")
    assert [r.lower() for r in readings(c.agents)] == ["foreign ministers of france", "foreign ministers of germany"]


def test_readings_survive_doc_serialisation(nlp):
    from spacy.tokens import Doc

    from tidings.extract.phrases import list_members

    doc = nlp("The leaders of Egypt and Jordan met in Cairo.")
    spans = list_members(doc[1])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert readings([again[s.start : s.end] for s in spans]) == ["The leaders of Egypt", "The leaders of Jordan"]
