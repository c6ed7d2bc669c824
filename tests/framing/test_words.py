"""Distinctive words: Fightin' Words log-odds with an informative Dirichlet prior."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from scoanalysis import framing


# --- distinctive words -----------------------------------------------------------------------------------

def test_fightin_words_matches_the_statistic_computed_by_hand():
    counts = pd.DataFrame({
        "group": ["A", "A", "B", "B", "B"],
        "term": ["x", "y", "x", "y", "z"],
        "count": [4, 1, 1, 2, 3],
    })
    # Corpus: x 5, y 3, z 3, n = 11. Prior a_0 = 22, so a_w = 22 * y_w / 11 = 2 y_w: a_x 10, a_y 6, a_z 6.
    out = framing.distinctive_words(counts, prior=22).set_index(["group", "term"])
    # x in A: y_i = 4, n_i = 5; rest (B): y_j = 1, n_j = 6.
    #   delta = log((4 + 10) / (5 + 22 - 4 - 10)) - log((1 + 10) / (6 + 22 - 1 - 10))
    #         = log(14 / 13) - log(11 / 17) = 0.074108 - (-0.435318) = 0.509426
    #   var   = 1 / (4 + 10) + 1 / (1 + 10) = 0.071429 + 0.090909 = 0.162338;  z = 0.509426 / 0.402912 = 1.264362
    assert out.loc[("A", "x"), "delta"] == pytest.approx(0.509426, abs=1e-6)
    assert out.loc[("A", "x"), "z"] == pytest.approx(1.264362, abs=1e-6)
    assert out.loc[("A", "x"), ["count", "count_other"]].tolist() == [4, 1]
    # z in A (never used there): y_i = 0, a_z = 6; rest: y_j = 3.
    #   delta = log(6 / (5 + 22 - 0 - 6)) - log((3 + 6) / (6 + 22 - 3 - 6)) = log(6 / 21) - log(9 / 19) = -0.505549
    #   z     = -0.505549 / sqrt(1 / 6 + 1 / 9) = -0.959211
    assert out.loc[("A", "z"), "delta"] == pytest.approx(-0.505549, abs=1e-6)
    assert out.loc[("A", "z"), "z"] == pytest.approx(-0.959211, abs=1e-6)
    # z in B mirrors it: y_i = 3, n_i = 6; rest: y_j = 0, n_j = 5.
    assert out.loc[("B", "z"), "z"] == pytest.approx(0.959211, abs=1e-6)
    # written out once more, from the formula, for every row
    a0, n = 22, 11
    totals = {"x": 5, "y": 3, "z": 3}
    sizes = {"A": 5, "B": 6}
    for (group, term), row in out.iterrows():
        a = a0 * totals[term] / n
        yi, yj = row["count"], totals[term] - row["count"]
        ni, nj = sizes[group], n - sizes[group]
        delta = math.log((yi + a) / (ni + a0 - yi - a)) - math.log((yj + a) / (nj + a0 - yj - a))
        assert row["delta"] == pytest.approx(delta)
        assert row["z"] == pytest.approx(delta / math.sqrt(1 / (yi + a) + 1 / (yj + a)))
    # sorted by group, then z, largest first
    assert out.reset_index().groupby("group")["z"].apply(lambda z: z.is_monotonic_decreasing).all()


def test_distinctive_words_from_sentences_and_default_prior(seed_sentences):
    summit = {
        "000_0e1afe955a39ce53": "2022-samarkand", "001_dd488588730cc6da": "2022-samarkand",
        "002_31059493dcc32406": "2024-astana", "003_4d584bb8d7e03168": "2024-astana",
        "004_3df29d9bc2d73539": "2014-dushanbe",
    }
    out = framing.distinctive_words(seed_sentences, by=summit)
    assert list(out.columns) == framing.DISTINCTIVE_COLUMNS
    top = out.groupby("group").head(10).groupby("group")["term"].apply(set)
    assert {"india", "delhi"} <= top["2022-samarkand"]
    assert "karimov" in top["2014-dushanbe"]
    with pytest.raises(ValueError):
        framing.distinctive_words(seed_sentences)  # sentences need `by`
