"""Agent and recipient spans the parse cuts short or misses (extract/arguments.py, recipients.py)."""

from __future__ import annotations

import pytest

from tidings.extract import arguments as args
from tidings.extract import recipients

pytestmark = pytest.mark.model


def word(doc, text):
    return next(t for t in doc if t.text == text)


def test_infinitive_on_a_noun_takes_the_subject_of_its_governor(nlp):
    doc = nlp("The rebels announced a plan to attack the northern garrison.")
    attack = word(doc, "attack")
    if not args.infinitive_of_noun(attack):
        pytest.skip("parsed without an infinitive on 'plan'")
    assert [s.text for s in args.agents(attack)] == ["The rebels"]


def test_participle_in_a_verbless_parse_with_an_object_is_the_main_verb(nlp):
    doc = nlp("A statement released in the Kenyan capital accused Uganda of arming the rebels.")
    accused = word(doc, "accused")
    if accused.dep_ != "acl" or doc[0].sent.root.pos_ != "NOUN":
        pytest.skip("parsed with a verb at the root")
    found = [s.text for s in args.agents(accused)]
    assert found == ["A statement released in the Kenyan capital"]


def test_participle_without_an_object_is_not_made_active(nlp):
    doc = nlp("Ten soldiers killed in Ukraine.")
    killed = word(doc, "killed")
    assert args._verbless_subject(killed) is None


def test_origin_participle_identifies_an_unnamed_actor(nlp):
    doc = nlp("A group based in Kenya claimed the attack.")
    group = word(doc, "group")
    assert args.noun_span(group).text == "A group based in Kenya"
    named = nlp("Greenpeace, based in Amsterdam, claimed the protest.")
    assert args.noun_span(word(named, "Greenpeace")).text == "Greenpeace"


def test_name_cut_at_a_preposition_runs_to_the_entity_end(nlp):
    doc = nlp("The minister bowed to demands from the National Front for the Liberation of Mordor.")
    front = word(doc, "Front")
    if front.ent_type_ != "ORG" or word(doc, "Mordor").ent_iob_ != "I":
        pytest.skip("the NER did not read the front as one organisation")
    assert args.noun_span(front).text.endswith("National Front for the Liberation of Mordor")


def test_entity_is_not_followed_past_a_conjunction(nlp):
    doc = nlp("Fighting broke out between Israel and Hamas.")
    israel = word(doc, "Israel")
    assert "Hamas" not in args.noun_span(israel).text


def test_bare_nationality_shares_the_next_members_noun(nlp):
    doc = nlp("Police in Gondor have beaten dozens of Sierra Leonean and Ghanaian migrants.")
    beaten = word(doc, "beaten")
    found = [s.text for s in args.patients(beaten, (), "ASSAULT")]
    assert "Sierra Leonean and Ghanaian migrants" in found
    assert "Ghanaian migrants" in found
    assert found.index("Ghanaian migrants") < found.index("Sierra Leonean and Ghanaian migrants")
    assert "Sierra Leonean" not in found


def test_country_name_does_not_share_the_next_noun(nlp):
    doc = nlp("The rockets hit Israel and Palestinian villages.")
    hit = word(doc, "hit")
    found = [s.text for s in args.patients(hit, (), "ASSAULT")]
    assert "Israel" in found


def test_charge_falls_on_the_subject_of_the_reported_clause(nlp):
    doc = nlp("The commission alleged that Mordor was arming the rebels.")
    alleged = word(doc, "alleged")
    found = [s.text for s in args.patients(alleged, (), "ACCUSE")]
    assert found == ["Mordor"]


def test_people_of_a_party_are_not_dropped_for_the_party(nlp):
    doc = nlp("The police pressured workers of the Gondor Steel Company to end the strike.")
    workers = word(doc, "workers")
    company = word(doc, "Company")
    spans = [args.noun_span(workers), args.noun_span(company)]
    kept = [s.text for s in recipients.drop_containers(spans)]
    assert kept[0].startswith("workers of")
    thing = nlp("They demanded the resignation of President Aragorn.")
    spans = [args.noun_span(word(thing, "resignation")), args.noun_span(word(thing, "Aragorn"))]
    assert [s.text for s in recipients.drop_containers(spans)] == ["President Aragorn"]


def test_comma_list_of_countries_is_split_when_its_and_hangs_elsewhere(nlp):
    doc = nlp("The council agreed to lift the embargo on exports in March to Iran, Libya, Syria, Sudan, "
              "and with conditions, Cuba.")
    iran = word(doc, "Iran")
    if any(c.dep_ == "cc" for t in (iran, *iran.conjuncts) for c in t.children):
        pytest.skip("the parser kept the 'and' inside the list")
    assert [t.text for t in args.split_conj(iran)][:3] == ["Iran", "Libya", "Syria"]


def test_two_names_without_a_conjunction_are_not_a_list(nlp):
    doc = nlp("He flew to Paris, France, on Monday.")
    paris = word(doc, "Paris")
    assert [t.text for t in args.split_conj(paris)] == ["Paris"]


def test_object_of_a_preposition_read_as_a_clause_subject(nlp):
    doc = nlp("Spain has granted political asylum to three Cuban navy officers holed up in a consulate since the coup.")
    to = next(t for t in doc if t.lower_ == "to")
    if any(c.dep_ == "pobj" for c in to.children):
        pytest.skip("the parser gave 'to' its object")
    found = [s.text for s in args.patients(word(doc, "granted"), ("to",), "AID")]
    assert "three Cuban navy officers" in found


def test_participle_parsed_as_subject_gives_way_to_its_noun(nlp):
    doc = nlp("The Red Cross working in Gondor said the ceasefire had collapsed.")
    assert [s.text for s in args.agents(word(doc, "said"))] == ["The Red Cross"]


def test_for_phrase_with_a_nationality_says_whom_a_place_serves(nlp):
    doc = nlp("Militias attacked a school for Palestinian children.")
    assert args.noun_span(word(doc, "school")).text == "a school for Palestinian children"
    plain = nlp("Militias attacked a school for girls.")
    assert args.noun_span(word(plain, "school")).text == "a school"


def test_conjoined_nationalities_give_each_recipient(nlp):
    doc = nlp("Rebels shelled US and British positions.")
    found = [s.text for s in args.patients(word(doc, "shelled"), (), "ASSAULT")]
    assert found == ["British positions", "US and British positions"]


def test_conjoined_verb_with_its_own_auxiliary_shares_the_subject(nlp):
    doc = nlp("Gondor opened its borders to the refugees, but was still refusing entry to Rohan's soldiers.")
    refusing = word(doc, "refusing")
    if refusing.dep_ != "conj" or any(c.dep_ == "nsubj" for c in refusing.children):
        pytest.skip("parsed without a subjectless conjoined verb")
    assert [s.text for s in args.agents(refusing)] == ["Gondor"]


def test_gerund_after_of_or_for_is_done_by_the_one_acted_on(nlp):
    doc = nlp("A Gondor court has jailed a Rohan student for helping the rebels.")
    helping = word(doc, "helping")
    if helping.dep_ != "pcomp":
        pytest.skip("parsed without a gerund complement")
    assert [s.text for s in args.agents(helping)] == ["a Rohan student"]
    passive = nlp("Gondor was accused of shelling villages.")
    assert [s.text for s in args.agents(word(passive, "shelling"))] == ["Gondor"]


def test_gerund_after_by_is_done_by_the_governors_subject(nlp):
    doc = nlp("Gondor angered Rohan by closing the border.")
    closing = word(doc, "closing")
    if closing.dep_ != "pcomp":
        pytest.skip("parsed without a gerund complement")
    assert [s.text for s in args.agents(closing)] == ["Gondor"]


def test_piece_of_a_whole_name_is_not_a_second_recipient(nlp):
    doc = nlp("The minister bowed to demands from the National Front for the Liberation of Mordor.")
    front, liberation = word(doc, "Front"), word(doc, "Liberation")
    if not args.same_entity(front, liberation):
        pytest.skip("the NER did not read the front as one organisation")
    spans = [args.noun_span(front), args.noun_span(liberation)]
    assert [s.text for s in recipients.drop_containers(spans)] == [spans[0].text]
