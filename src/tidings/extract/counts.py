"""How many: numbers in news prose, and the dead / wounded / crowd size of a clause.

`parse_number` reads the ways reporters write counts ("at least 25",
"more than 100", "two dozen", "1,200", "3.5 million", "hundreds"). Vague
plurals get the smallest value the word allows, so a count is never
inflated: "dozens" = 24 (two dozen), "scores" = 40, "hundreds" = 200,
"thousands" = 2000, "tens of thousands" = 20000, "millions" = 2000000. Lower
bounds ("at least", "more than", "over") give the bound itself. Vague
words without a number ("several", "some", "many") give None.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon.cues import number_map, word_set

# Word lists are data (data/lexicon/cues/counts.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
UNITS = number_map("counts", "units")
SCALES = number_map("counts", "scales")
# Conservative readings of vague plurals: the smallest amount the word allows.
VAGUE = number_map("counts", "vague")
# Words that qualify a number without changing the conservative value.
QUALIFIERS = (
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "up to",
    "roughly",
    "approximately",
    "an estimated",
    "estimated",
    "as many as",
    "as few as",
    "close to",
    "upwards of",
    "just over",
    "just under",
)
_NUM = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _words_value(words: list[str]) -> int | None:
    """English number words ('two hundred and fifty', 'three dozen', '2.5 million')."""
    total, current, seen = 0, 0, False
    i = 0
    while i < len(words):
        w = words[i]
        pair = " ".join(words[i : i + 2])
        if w == "and":
            i += 1
            continue
        if i + 1 < len(words) and pair in UNITS:
            current += UNITS[pair]
            seen = True
            i += 2
            continue
        if _NUM.match(w):
            current += float(w.replace(",", ""))  # type: ignore[assignment]
            seen = True
        elif "-" in w and all(p in UNITS for p in w.split("-")):
            current += sum(UNITS[p] for p in w.split("-"))
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in SCALES:
            scale = SCALES[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
        i += 1
    return int(total + current) if seen else None


def parse_number(text: str) -> int | None:
    """A count from text: '25' 25, 'at least 25' 25, 'two dozen' 24, 'dozens' 24, 'several' None."""
    t = " ".join(text.lower().replace("\u2013", "-").split()).strip(" .,;:")
    if not t:
        return None
    changed = True
    while changed:
        changed = False
        for q in QUALIFIERS:
            if t.startswith(q + " "):
                t = t[len(q) + 1 :]
                changed = True
    t = t.removesuffix(" of")
    if t in VAGUE:
        return VAGUE[t]
    for vague, value in VAGUE.items():
        if t.startswith(vague + " of "):
            return value
    return _words_value(t.split())


def count_of(tok: Token) -> int | None:
    """The number a noun phrase counts: '25 fighters', 'hundreds of protesters', 'an American'."""
    nums = [c for c in tok.children if c.dep_ in ("nummod", "quantmod")]
    if nums:
        lo = min(t.i for n in nums for t in n.subtree)
        hi = max(t.i for n in nums for t in n.subtree)
        return parse_number(tok.doc[lo : hi + 1].text)
    if tok.like_num and tok.pos_ == "NUM":
        span = tok.doc[min(t.i for t in tok.subtree) : tok.i + 1]
        return parse_number(span.text)
    low = tok.text.lower()
    if low in VAGUE or tok.lemma_.lower() in ("hundred", "thousand", "dozen", "million"):
        if tok.lemma_.lower() in ("hundred", "thousand", "dozen", "million") and low not in VAGUE:
            return parse_number(low + "s") if tok.tag_ == "NNS" else None
        lefts = [c for c in tok.lefts if c.dep_ in ("nummod", "advmod", "quantmod")]
        return parse_number(" ".join([*(c.text for c in lefts), tok.text]))
    dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
    if dets and tok.tag_ == "NN":
        return 1
    return None


KILL = word_set("counts", "kill_verbs")
HURT = word_set("counts", "hurt_verbs")
DEAD_WORDS = word_set("counts", "dead_words")
HURT_WORDS = word_set("counts", "hurt_words")


def sentence_counts(sent: Span) -> list[tuple[str, int, Token]]:
    """(kind, value, anchor token) for every death / injury count in the sentence.

    The anchor is the verb (kill, wound...) or the noun counted, so the clause
    finder can give each count to the event it belongs to.
    """
    out: list[tuple[str, int, Token]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            kind = "fatalities" if lemma in KILL else "injuries" if lemma in HURT else None
            if kind is None:
                continue
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            roles = ("nsubjpass",) if passive else ("dobj",) if lemma not in ("die",) else ("nsubj",)
            if (
                tok.dep_ in ("acl", "amod")
                and tok.tag_ == "VBN"
                and not any(c.dep_ == "dobj" for c in tok.children)
            ):
                roles = ()
                value = count_of(tok.head)
                if value is not None:
                    out.append((kind, value, tok))
                continue
            for c in tok.children:
                if c.dep_ in roles:
                    value = count_of(c)
                    if value is not None:
                        out.append((kind, value, tok))
                        for cc in c.conjuncts:  # "killed 3 soldiers and 2 civilians"
                            v2 = count_of(cc)
                            if v2 is not None:
                                out.append((kind, v2, tok))
        elif tok.lower_ in DEAD_WORDS | HURT_WORDS and tok.pos_ in ("ADJ", "NOUN", "VERB"):
            kind = "fatalities" if tok.lower_ in DEAD_WORDS else "injuries"
            # "25 dead", "left 25 dead", "the dead numbered 25"
            nums = [c for c in tok.lefts if c.like_num or c.dep_ in ("nummod", "npadvmod")]
            if not nums and tok.head.like_num:
                nums = [tok.head]
            for n in nums:
                value = parse_number(sent.doc[min(t.i for t in n.subtree) : n.i + 1].text)
                if value is not None:
                    out.append((kind, value, tok))
        elif lemma == "toll" and any(c.lower_ == "death" for c in tok.lefts):
            for t in tok.subtree:
                if t.like_num and t.i > tok.i:
                    value = parse_number(t.text)
                    if value is not None:
                        out.append(("fatalities", value, tok))
                        break
    return _dedupe(out)


def _dedupe(found: list[tuple[str, int, Token]]) -> list[tuple[str, int, Token]]:
    """One count per (kind, anchor): conjoined groups add up ('3 soldiers and 2 civilians')."""
    sums: dict[tuple[str, int], tuple[str, int, Token]] = {}
    for kind, value, anchor in found:
        key = (kind, anchor.i)
        if key in sums:
            sums[key] = (kind, sums[key][1] + value, anchor)
        else:
            sums[key] = (kind, value, anchor)
    return list(sums.values())
