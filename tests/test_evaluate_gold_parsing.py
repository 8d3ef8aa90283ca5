"""Gold parsing: the regex reader of PETRARCH XML (not well-formed) and the
PLOVER JSON, on a hand-written snippet and, when ../shared is present, on the
real files (counts as the eval README states them)."""

from __future__ import annotations

import pytest

from tidings.evaluate import petr2_gsr, petr_unittest, plover_gsr
from tidings.evaluate.common import EvalError, parse_petr_xml, sector_codes, split_code

SNIPPET = """<Validation>
<!-- header mentioning <EventCoding eventcode="999"> in a comment -->
<Sentences>
<Sentence category="AFP" date="20080806" id="A_1" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<EventCoding eventcode="031" sourcecode="USA" targetcode="BRA" />
<Text>
Brazil and the United States are seeking
to deepen a partnership.
</Text>
<Parse>1	Brazil	...</Parse>
</Sentence>
<Sentence date = "121108" id ="A_2"  category="TEST" sentence="true">
<!-- Discard event on "1994" -->
<EventCoding noevents = "True">
<Text>France condemned the allegations.</Text>
</Sentence>
<!--
<Sentence date="20150101" id="COMMENTED" category="X"><Text>gone</Text></Sentence>
-->
<Sentence date="20150101" id="A_2" category="ERR">
<EventCoding error="some error"></EventCoding>
<EventCoding sourcecode='ARN' targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_snippet_sentences_codings_and_flags():
    sents = parse_petr_xml(SNIPPET)
    assert [s.id for s in sents] == ["A_1", "A_2", "A_2#2"]
    a, b, c = sents
    assert a.text == "Brazil and the United States are seeking to deepen a partnership."
    assert a.date == "2008-08-06" and len(a.codings) == 2 and not a.empty
    assert b.noevents and b.empty and b.date is None and b.category == "TEST"
    assert c.error and c.codings[0].source == "ARN" and c.codings[0].event == "064"


def test_record_without_text_is_an_error():
    with pytest.raises(EvalError):
        parse_petr_xml('<Sentences><Sentence id="x" date="20000101"></Sentences>')


def test_code_splitting():
    assert split_code("USAGOV") == ("USA", ["GOV"])
    assert split_code("---REB") == (None, ["REB"])
    assert split_code("JAP") == ("JPN", [])
    assert sector_codes("CVLalb") == ["CVL"] and sector_codes("GOVMOS") == ["GOV", "MOS"]
    assert sector_codes("CIVsrp") == ["CVL"]


def test_real_petr2_counts(shared):
    sents = petr2_gsr.load()
    assert len(sents) == 78
    assert sum(len(s.codings) for s in sents) == 80
    assert sum(s.noevents for s in sents) == 12  # 80 + 12 = 92 EventCoding elements
    assert all(s.text for s in sents)


def test_real_unittest_counts(shared):
    from tidings.evaluate.common import gold_path

    raw = parse_petr_xml(gold_path("petr_unittest", "PETR.UnitTest.records.xml").read_text())
    assert len(raw) == 284
    elements = sum(len(s.codings) for s in raw) + sum(s.noevents for s in raw) + sum(s.error for s in raw)
    assert elements == 385
    assert len({s.id for s in raw}) == 284
    kept = petr_unittest.load()
    assert len(kept) == 284 - sum(s.error for s in raw)


def test_real_plover_counts(shared):
    gold = plover_gsr.load()
    events = [e for s in gold for e in s.events]
    assert len(events) == 179
    assert len(gold) == 176  # three sentences carry two records
    assert {e.type for e in events} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert any(e.mode == "investigate" for e in events)


def test_empty_text_is_rebuilt_from_conll_parse():
    xml = ('<Sentences><Sentence id="c" date="20150101">\n<EventCoding eventcode="190" '
           'sourcecode="NGAREB" targetcode="NGAMUS" />\n<Text>\n</Text>\n<Parse>\n'
           "1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_\n"
           "2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\tSpaceAfter=No\n"
           "3\t,\t,\tPUNCT\t,\t_\t0\tpunct\t_\t_\n"
           "4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n</Parse>\n</Sentence></Sentences>")
    (sent,) = parse_petr_xml(xml)
    assert sent.text == "Boko Haram, attacked"
