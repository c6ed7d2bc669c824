"""Random and adversarial text through the per-article step: it never crashes and every offset points into the text."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoanalysis import corpus, text
from scoanalysis.build.article import analyse_article

TOKENIZER = text.default_tokenizer()

_PIECES = st.sampled_from([
    "Putin", "Xi Jinping", "Mr.", "Sept. 16", "U.S.", "SCO", "summit", "Astana", "said", "“", "”", "‘", "’", '"', "'",
    "(", ")", "<", ">", "<p>", "</b>", "&amp;", "...", "!!!", "???", "—", "–", "-", ".", ",", ";", ":", "\n", "\n\n",
    "\r\n", "\u00a0", "\t", "Москва", "上海合作组织", "تهران", "Ünïcödé", "x", "X", "1 / 1", "2024", "on Wednesday",
    "VietnamTheresa", "by", "By Jane Doe", "Leave a Reply", " ", "  ", "\u200b", "\ufeff",
])
TEXTS = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=200).map(" ".join),
    st.lists(_PIECES, min_size=1, max_size=200).map("".join),
    st.text(min_size=1, max_size=2_000),
)


def _check(raw: str) -> None:
    art = corpus.Article("fuzz", "raw/fuzz.txt", raw, hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest())
    rec = analyse_article(art, tokenizer=TOKENIZER)
    for name in ("sentences", "entities"):
        frame = getattr(rec, name)
        for s, e, t in zip(frame["start"], frame["end"], frame["text"]):
            assert 0 <= s < e <= len(raw)
            assert raw[s:e] == t
    assert rec.article["n_words"] >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_random_text_never_breaks_the_per_article_step(raw):
    if not raw.strip():
        return
    _check(raw)


def test_pathological_inputs():
    for raw in [
        "word " * 20_000,  # a 100,000-character sentence
        "“" * 5_000 + "quoted" + "”" * 3,  # unbalanced quotation marks
        "." * 50_000 + "!" * 10_000,  # runs of punctuation
        "Путин и Си Цзиньпин встретились. 普京与习近平会晤。 Putin met Xi in Astana.",  # mixed scripts
        ("Leaders met. " * 2_000).replace(" ", "\u00a0"),
        "<" * 10_000 + "p>" + "a" * 1_000,
    ]:
        _check(raw)
