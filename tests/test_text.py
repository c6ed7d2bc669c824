"""Cleaning, headline detection and sentence splitting, on text written here and on the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import text


def kinds(raw: str) -> list[tuple[str, str]]:
    return [(raw[p.start:p.end], p.kind) for p in text.paragraphs(raw)]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Leave a Reply", "prompt"),
        ("Leave a comment", "prompt"),
        ("Back to top button", "prompt"),
        ("Share this article", "prompt"),
        ("Subscribe to our newsletter", "prompt"),
        ("Read more: SCO leaders gather", "prompt"),
        ("Advertisement", "prompt"),
        ("X", "debris"),
        ("\u00d7", "debris"),
        ("2 / 7", "debris"),
        ("3 of 12", "debris"),
        ("> <", "debris"),
        ("|", "debris"),
        ("Leaders pose for a photo in Qingdao. (Photo: Jane Roe/Reuters)", "caption"),
        ("Photo: AFP", "caption"),
        ("Leaders arrive in Bishkek. AFP via Getty Images", "caption"),
        ("Jane Roe and John Doe contributed reporting.", "credit"),
        ("Reporting by Jane Roe; Editing by John Doe", "credit"),
        ("This article was translated automatically by machine translation software.", "disclaimer"),
        ("The opinions do not necessarily reflect the views of this site.", "disclaimer"),
        ("The leaders will share a stage in Astana on Thursday.", "body"),
        ("Comments by the Kremlin aide drew a sharp reply from Delhi.", "body"),
    ],
)
def test_page_furniture_is_recognised_by_rule(line, kind):
    raw = "Body sentence that opens the story and ends here.\n\n" + line + "\n"
    assert kinds(raw)[-1] == (line, kind)


def test_headline_dek_byline_and_repeated_headline():
    raw = (
        "X\n\nSCO Leaders Meet in Bishkek\n\nA second line that sets the scene without a stop\n\n"
        "By Jane Roe, Example News\n\nThe leaders met on Friday. They signed a declaration.\n\n"
        "SCO Leaders Meet in Bishkek\n\n1 / 1\n"
    )
    assert [k for _, k in kinds(raw)] == ["debris", "headline", "dek", "byline", "body", "duplicate", "debris"]
    assert text.headline(raw) == "SCO Leaders Meet in Bishkek"
    assert text.byline(raw) == "Jane Roe, Example News"


def test_article_opening_with_prose_has_no_headline():
    raw = "Russia and China met in Astana on Wednesday. The summit ended.\nMore prose follows here.\n"
    assert text.headline(raw) is None


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Mr Putin met Mr. Xi on Sept. 16 in Samarkand. Then he left.",
         ["Mr Putin met Mr. Xi on Sept. 16 in Samarkand.", "Then he left."]),
        ("The U.S. State Department said so. Ms. Fallon agreed.",
         ["The U.S. State Department said so.", "Ms. Fallon agreed."]),
        ("Russian President Vladimir V. Putin arrived. He spoke.",
         ["Russian President Vladimir V. Putin arrived.", "He spoke."]),
        ("Trade rose in its favour.Although talks stalled, ties grew.",
         ["Trade rose in its favour.", "Although talks stalled, ties grew."]),
        ("A headline without a stop\nThe first sentence. The second one.",
         ["A headline without a stop", "The first sentence.", "The second one."]),
        ("\u201cWe agree,\u201d he said. \u201cWe do.\u201d",
         ["\u201cWe agree,\u201d he said.", "\u201cWe do.\u201d"]),
    ],
)
def test_sentence_splitting_knows_abbreviations_and_glued_sentences(raw, expected):
    frame = text.split_sentences(raw)
    assert list(frame["text"]) == expected
    assert all(raw[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))


def test_no_break_spaces_and_curly_quotes_keep_offsets():
    raw = "Leaders\u00a0met in Astana.\u00a0\u201cIt went well,\u201d he said.\n\u00a0\n"
    frame = text.split_sentences(raw)
    assert list(frame["text"]) == ["Leaders\u00a0met in Astana.", "\u201cIt went well,\u201d he said."]
    assert len(text.fold(raw)) == len(raw)


def test_glued_words_are_split_for_counting_but_names_are_not():
    assert text.glued_words("VietnamTheresa") == [7]
    assert text.glued_words("McDonald") == []
    assert text.glued_words("MacArthur") == []
    assert text.count_words("North Korea And VietnamTheresa Fallon") == 6


@pytest.mark.parametrize("index", range(5))
def test_seed_sentence_offsets_give_back_the_raw_text(seed_articles, seed_sentences, index):
    article = seed_articles.iloc[index]
    frame = seed_sentences[seed_sentences["article_id"] == article["article_id"]]
    raw = article["text"]
    assert len(frame) > 10
    assert list(frame["sentence_id"]) == list(range(len(frame)))
    previous_end = 0
    for row in frame.itertuples():
        assert raw[row.start:row.end] == row.text
        assert row.text == row.text.strip() and row.text
        assert row.start >= previous_end
        previous_end = row.end
    # everything outside the sentences is white space
    covered = set()
    for row in frame.itertuples():
        covered.update(range(row.start, row.end))
    assert all(raw[i].isspace() for i in range(len(raw)) if i not in covered)


def test_seed_debris_is_flagged_and_prose_is_not(seed_sentences):
    flagged = seed_sentences[seed_sentences["is_boilerplate"]]
    flagged_text = set(flagged["text"])
    for debris in ("Leave a Replay", "Back to top button", "X", "1 / 1", "> <",
                   "(Photo: Sergei Bobylyov/Pool/AFP/Sputnik/Getty Images)",
                   "suhasini raj And Li You Contributed to reporting and research."):
        assert debris in flagged_text
    assert flagged["text"].str.startswith("Not all news on the site").any()
    # the repeated headline at the foot of a page is flagged, its first print is the headline
    repeated = seed_sentences[seed_sentences["kind"] == "duplicate"]
    assert len(repeated) == 1
    headlines = seed_sentences[seed_sentences["kind"] == "headline"]
    assert repeated.iloc[0]["text"] in set(headlines["text"])
    body = seed_sentences[seed_sentences["kind"] == "body"]
    assert not body["text"].str.contains("Leave a Repl|Back to top|Getty Images").any()
    assert len(body) > 150


def test_seed_headlines(seed_articles):
    found = [text.headline(t) for t in seed_articles["text"]]
    assert found[0] == "Putin says Russia will do everything to stop the conflict"
    assert found[3] is None  # opens straight into prose
    assert found[4] == "Putin Fails to Win Ukraine Consensus at SCO Summit"


def test_punkt_training_keeps_learned_abbreviations_conservative(seed_articles):
    tok = text.train_punkt(["It sells oil and gas. Gas prices rose. It sells gas. Trade grew."] * 20)
    frame = text.split_sentences("It sells gas. Trade grew.", tokenizer=tok)
    assert list(frame["text"]) == ["It sells gas.", "Trade grew."]


def test_term_counts_leave_out_function_words_and_boilerplate(seed_sentences):
    counts = text.term_counts(seed_sentences)
    terms = set(counts["term"])
    assert {"russia", "china", "summit"} <= terms
    assert not terms & {"the", "and", "leave", "replay"}


def test_html_saved_as_text_is_split_on_its_blocks_with_offsets_into_the_raw_page():
    raw = (
        "<!DOCTYPE html><html><head><title>SCO</title><script>var x = '<p>no</p>';</script></head>\n"
        "<body><h1>Leaders Meet in Astana</h1><p>Xi Jinping arrived on Tuesday &amp; met Tokayev.</p>"
        "<p>Putin&nbsp;followed. <b>He</b> spoke.</p><!-- ad --></body></html>"
    )
    assert text.looks_like_html(raw)
    assert len(text.fold(raw)) == len(raw)
    frame = text.split_sentences(raw)
    assert all(raw[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
    folded = [" ".join(text.fold(t).split()) for t in frame["text"]]
    assert folded == ["Leaders Meet in Astana", "Xi Jinping arrived on Tuesday & met Tokayev.", "Putin followed.", "He spoke."]
    assert frame["kind"].tolist()[0] == "headline"
    assert not text.looks_like_html("Trade rose 5% <not a tag> and fell & rose again.")


def test_a_line_of_several_sentences_is_not_a_headline():
    raw = "The SCO summit in Astana drew leaders; on July 4 Belarus joined. See the site for more\n"
    assert text.headline(raw) is None


def test_abbreviations_inside_a_headline_keep_it_a_headline():
    assert text.headline("Mr. Putin Meets Xi in St. Petersburg\n\nThe two leaders met on Friday.\n") == \
        "Mr. Putin Meets Xi in St. Petersburg"


def test_fold_is_the_translation_table():
    from scoanalysis.patterns import text as P

    raw = "\u201cQuote\u201d \u2018it\u2019s\u2019 \u00a0a\u2013b\u2014c\u2026 \u00abx\u00bb plain"
    assert text.fold(raw) == raw.translate(P.FOLD)


def test_importing_the_splitter_leaves_nltk_and_scipy_unimported_until_a_tokenizer_is_made():
    import subprocess
    import sys

    code = ("import sys, scoanalysis.text as t; assert not {'nltk', 'scipy'} & set(sys.modules); "
            "t.split_sentences('One. Two.'); assert 'nltk' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_default_tokenizer_is_made_once():
    assert text.default_tokenizer() is text.default_tokenizer()


@pytest.mark.parametrize("segment", ["A headline without a stop", "By Emma Burrows, AP", "x", "Trailing space   ",
                                     "Two sentences. On one line"])
def test_a_line_splits_as_punkt_splits_it(segment):
    tok = text.default_tokenizer()
    frame = text.split_sentences(segment, tokenizer=tok)
    assert list(zip(frame["start"], frame["end"])) == list(tok.span_tokenize(segment))


@pytest.mark.parametrize("raw", [
    "Leaders met in Astana on Wednesday.",
    "the summit opened in VietnamTheresa May said, then McDonald and MacArthur left.",
    "GluedWords everywhereHere: CNN's reportOn Tuesday, 12.5 per cent, U.S.-led, don't.",
    "ABCDef abcDef abcdEfgh _abcDef abc_Def 3rdWord",
])
def test_word_spans_are_the_words_split_where_glued(raw):
    folded = text.fold(raw)
    slow = []
    for m in text.P.WORD.finditer(folded):
        start = m.start()
        for cut in text.glued_words(m.group()):
            slow.append((start, m.start() + cut))
            start = m.start() + cut
        slow.append((start, m.end()))
    assert text.word_spans(raw) == slow
    assert text.count_words(raw) == len(slow)


def test_split_sentences_with_article_id_gives_the_sentences_table_columns():
    raw = "Leaders met in Astana.\nIt went well, he said. Then they left."
    plain = text.split_sentences(raw)
    named = text.split_sentences(raw, article_id="astana-note")
    assert list(named.columns) == text.SENTENCE_COLUMNS
    assert set(named["article_id"]) == {"astana-note"}
    assert named.drop(columns="article_id").equals(plain)
    assert list(text.split_sentences("", article_id="empty").columns) == text.SENTENCE_COLUMNS


def test_term_counts_fold_each_sentence_once_with_the_same_counts():
    sentences = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"],
        "text": ["Leaders\u00a0met in Astana; Astana\u2019s talks went well.", "The U.S.-led talks, VietnamTheresa said.",
                 "Markup &amp; <b>bold</b> talks in Astana", "2024 talks: \u201cgood\u201d talks"],
        "is_boilerplate": [False, False, False, False],
    })
    got = text.term_counts(sentences, by=pd.Series({"a": "x", "b": "y"}))
    expected = {}
    for aid, t in zip(sentences["article_id"], sentences["text"]):
        for a, b in text.word_spans(t):
            w = text.fold(t[a:b]).strip(".'-")
            if len(w) >= 3 and w.lower() not in text.P.STOPWORDS and not w[0].isdigit():
                key = ({"a": "x", "b": "y"}[aid], w.lower())
                expected[key] = expected.get(key, 0) + 1
    assert dict(zip(zip(got["group"], got["term"]), got["count"])) == expected
    assert expected[("x", "astana")] == 1 and expected[("x", "astana's")] == 1 and expected[("y", "talks")] == 3


def test_a_sentence_without_punctuation_is_cut_at_spaces_below_the_length_limit():
    raw = "The leaders met in Astana and talked about trade " * 200  # 10,000 characters, no full stop
    sents = text.split_sentences(raw)
    lengths = (sents["end"] - sents["start"]).tolist()
    assert len(sents) == 5 and max(lengths) <= text.MAX_SENTENCE_CHARS
    assert all(raw[s - 1] == " " and raw[s] != " " for s in sents["start"].iloc[1:])  # cut between words
    assert all(raw[e - 1] != " " for e in sents["end"])
    assert "".join(sents["text"]).replace(" ", "") == raw.replace(" ", "")  # nothing lost


def test_a_word_longer_than_the_limit_is_cut_at_the_limit():
    raw = "x" * (2 * text.MAX_SENTENCE_CHARS + 10)
    sents = text.split_sentences(raw)
    assert (sents["end"] - sents["start"]).tolist() == [text.MAX_SENTENCE_CHARS, text.MAX_SENTENCE_CHARS, 10]


def test_a_line_longer_than_a_paragraph_is_read_as_several_paragraphs():
    line = " ".join(f"Sentence number {i} says the summit opened." for i in range(400))  # about 18,000 characters
    sents = text.split_sentences(line + "\n\nA second line.")
    per_para = sents.groupby("paragraph_id").agg(start=("start", "min"), end=("end", "max"), n=("text", "size"))
    assert len(per_para) > 3 and (per_para["end"].iloc[:-1] - per_para["start"].iloc[:-1]).max() <= (
        text.MAX_PARAGRAPH_CHARS + text.MAX_SENTENCE_CHARS)
    assert sents["paragraph_id"].is_monotonic_increasing and sents["text"].iloc[-1] == "A second line."
    assert (sents.groupby("paragraph_id")["kind"].first() == "body").all()


def test_sentences_and_paragraphs_of_ordinary_length_are_not_cut():
    para = " ".join(["A long but ordinary sentence, with commas, clauses and names like Xi Jinping"] * 12) + "."
    sents = text.split_sentences(para + "\n" + para)
    assert sents["text"].tolist() == [para, para] and sents["paragraph_id"].tolist() == [0, 1]
