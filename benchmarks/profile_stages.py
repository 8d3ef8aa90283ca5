"""Where one process spends its CPU: spaCy parsing versus our code after it.

Parses a corpus with `nlp.parse_articles` (timed), then runs the coder's
per-article work on the parsed docs (timed), in one process, measuring CPU
time (not wall time) so the split holds on a busy machine. With --profile,
the per-article work runs under cProfile and the top functions are printed.
With --events FILE, every event's contract is written as JSONL, sorted, so two
runs (before and after a speed change) can be compared with `diff`.

    python benchmarks/profile_stages.py /work/shared/corpora/voa/voa_stories.jsonl --repeat 3
    python benchmarks/profile_stages.py CORPUS --profile 30 --events /tmp/events.jsonl
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time

from tidings.model import Article, ArticleResult
from tidings.pipeline import Coder
from tidings.run.bench import load_corpus
from tidings.run.sources import read_sources


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions of the coding step")
    ap.add_argument("--events", help="write every event's contract (sorted JSONL) here")
    a = ap.parse_args()

    articles: list[Article] = load_corpus(read_sources(a.inputs), limit=a.limit, repeat=a.repeat)
    coder = Coder().setup()
    k = coder.knowledge
    from tidings import nlp as nlp_mod

    t0 = time.process_time()
    parsed = list(nlp_mod.parse_articles(k.nlp, articles, coder.options.batch_size))
    parse_s = time.process_time() - t0

    prof = cProfile.Profile() if a.profile else None
    t0 = time.process_time()
    if prof:
        prof.enable()
    results: list[ArticleResult] = [coder._code_article(art, docs) for art, docs in parsed]
    if prof:
        prof.disable()
    code_s = time.process_time() - t0

    n = len(articles)
    events = sum(len(r.events) for r in results)
    print(f"articles {n}  events {events}  parse {parse_s:.2f} cpu-s  code {code_s:.2f} cpu-s  "
          f"code/parse {code_s / parse_s:.1%}  articles per cpu-s {n / (parse_s + code_s):.2f}")
    if a.events:
        lines = sorted(json.dumps(e.to_contract(), sort_keys=True, ensure_ascii=False)
                       for r in results for e in r.events)
        with open(a.events, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(a.profile)


if __name__ == "__main__":
    main()
