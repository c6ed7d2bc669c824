"""The side-by-side HTML of two aligned articles: the words that differ marked, all text escaped."""

from __future__ import annotations

import pandas as pd

from scoanalysis import duplicates
from scoanalysis.report.views.aligned import HTML_COLUMNS, aligned_html, aligned_html_of


def test_aligned_html_marks_the_words_that_differ_and_escapes_html():
    a = ["Putin met Xi & Modi in <Astana> on Wednesday.", "The summit ended.", "Only in the first text, with many words."]
    b = ["Putin met Xi & Modi in <Astana> on Thursday.", "The summit ended."]
    rows = aligned_html_of(duplicates.align(a, b))
    assert rows["status"].tolist() == ["aligned", "aligned", "only_a"]
    assert rows.loc[0, "html_a"] == "Putin met Xi &amp; Modi in &lt;Astana&gt; on <del>Wednesday</del>."
    assert rows.loc[0, "html_b"] == "Putin met Xi &amp; Modi in &lt;Astana&gt; on <ins>Thursday</ins>."
    assert rows.loc[1, "html_a"] == "The summit ended." and rows.loc[1, "score"] == 1.0
    assert rows.loc[2, "html_a"].startswith("<del>") and pd.isna(rows.loc[2, "sentence_b"])
    assert rows.loc[2, "html_b"] == ""
    only_b = aligned_html_of(duplicates.align([], ["Xi & Putin left."]))
    assert only_b[["status", "html_a", "html_b"]].values.tolist() == [["only_b", "", "<ins>Xi &amp; Putin left.</ins>"]]
    pd.testing.assert_frame_equal(aligned_html(a, b), rows)
    assert list(rows.columns) == HTML_COLUMNS


def test_consecutive_changed_words_share_one_tag():
    a = ["Officials said the pro-Moscow separatists had shelled the town on Sunday."]
    b = ["Officials said the Russia-backed separatists had shelled the town on Sunday."]
    rows = aligned_html(a, b)
    assert "<del>pro-Moscow</del>" in rows.loc[0, "html_a"] and "<ins>Russia-backed</ins>" in rows.loc[0, "html_b"]
