"""Coreference that must not land on a namesake: 'they' is a group before its country,
'the junta' is a state's, 'Mr Brown' is the Gordon Brown said in full earlier."""

from __future__ import annotations

import pytest

from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def resolve_all(resolver, nlp, text: str, date: str, country: str | None = None) -> dict[str, list]:
    """Every noun chunk and pronoun of the text resolved in order, as the pipeline does
    (`country`: the article's home country, as the pipeline sets it from a dateline)."""
    doc = nlp(text)
    ctx = resolver.context(date)
    ctx.country = country
    out: dict[str, list] = {}
    for sent in doc.sents:
        resolver.observe(sent, ctx)
        for chunk in sent.noun_chunks:
            out.setdefault(chunk.text, []).append(resolver.resolve_span(chunk, ctx))
    return out


def test_they_is_the_group_not_the_country_named_after_it(resolver, nlp):
    out = resolve_all(resolver, nlp, "The militant group al-Shabab has stepped up its attacks in "
                      "central Somalia. They stormed a hotel in Beledweyne on Tuesday.", "2023-01-01")
    they = out["They"][0]
    assert they is not None and they.sector == "REB"


def test_they_may_still_be_a_country_when_no_group_is_near(resolver, nlp):
    out = resolve_all(resolver, nlp, "Kenya signed the trade deal on Monday. They said it would "
                      "create jobs.", "2023-01-01")
    they = out["They"][0]
    assert they is not None and they.country == "KEN"


def test_a_junta_is_not_an_international_body(resolver, nlp):
    out = resolve_all(resolver, nlp, "The military continues to defy calls by the UN Security Council "
                      "to end violations. The junta imposed martial law on six townships in Yangon.",
                      "2021-03-19")
    junta = out["The junta"][0]
    assert junta is not None and junta.country not in ("UNO", "IGO", "EUR")


def test_the_council_may_still_be_the_un_security_council(resolver, nlp):
    out = resolve_all(resolver, nlp, "The UN Security Council met on Monday. The council condemned "
                      "the attack.", "2021-03-19")
    council = out["The council"][0]
    assert council is not None and council.country == "UNO"


def test_mr_surname_is_the_person_named_in_full_earlier(resolver, nlp):
    out = resolve_all(resolver, nlp, "Chancellor Gordon Brown presented the budget. Mr Brown said "
                      "taxes would not rise.", "2005-03-16")
    brown = out["Mr Brown"][0]
    assert brown is not None and (brown.name, brown.country) == ("Gordon Brown", "GBR")


def test_mrs_surname_is_not_taken_for_the_man_named_earlier(resolver, nlp):
    out = resolve_all(resolver, nlp, "Tory leader Michael Howard spoke in Leeds. Mrs Howard "
                      "visited a school.", "2005-03-16")
    wife = out["Mrs Howard"][0]
    assert wife is None or wife.name != "Michael Howard"


def test_an_unknown_mr_x_takes_the_article_s_country(resolver, nlp):
    doc = nlp("Mr Quimbley criticised the plan on Monday.")
    ctx = resolver.context("2005-03-16")
    ctx.country = "GBR"  # as the pipeline sets it from a dateline
    resolver.observe(next(iter(doc.sents)), ctx)
    actor = resolver.resolve_span(doc[0:2], ctx)
    assert actor is not None and (actor.name, actor.country) == ("Quimbley", "GBR")


def test_a_known_person_said_in_full_replaces_an_unknown_namesake(resolver, nlp):
    out = resolve_all(resolver, nlp, "Labour said Mr Kennedy was wrong. Liberal Democrat leader "
                      "Charles Kennedy replied on Monday. Mr Kennedy said taxes must rise.",
                      "2005-03-16", country="GBR")
    first, last = out["Mr Kennedy"][0], out["Mr Kennedy"][-1]
    assert first is not None and first.name == "Kennedy"  # not known yet: an unknown Briton
    assert last is not None and last.name == "Charles Kennedy"
