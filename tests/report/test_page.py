"""The HTML pages: the nbconvert template around a report's outputs, the reports index, nothing fetched."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from scoanalysis import report, summaries
from scoanalysis.report import page


def _notebook(tmp_path):
    """An executed notebook written by hand: a heading, a table, a figure, a warning on stderr, a code input."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\n## Section <one>"),
        nbformat.v4.new_code_cell("secret_code_input()", outputs=[
            nbformat.v4.new_output("stream", name="stderr", text="a warning\n"),
            nbformat.v4.new_output("display_data", data={"text/html": "<table><tr><td>cell &amp; text</td></tr></table>",
                                                         "text/plain": "table"}),
            nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
        ]),
    ]
    path = tmp_path / "executed.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_a_report_page_holds_the_outputs_only_in_the_template(tmp_path):
    html = report.to_html(_notebook(tmp_path), title="A <report> & more")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</body>\n</html>\n")
    assert "<title>A &lt;report&gt; &amp; more</title>" in html
    assert "cell &amp; text" in html and 'alt="Figure: Section &lt;one&gt;"' in html
    assert "secret_code_input" not in html and "a warning" not in html and "In&nbsp;[" not in html
    assert "table.side-by-side td{width:50%}" in html  # the template's own stylesheet
    assert "default-src 'none'" in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert html.count("<html") == 1 and html.count("<body>") == 1


def test_the_template_inherits_nbconvert_classic(tmp_path):
    import json

    conf = json.loads((page.TEMPLATES / page.TEMPLATE / "conf.json").read_text())
    assert conf["base_template"] == "classic"
    assert "extends 'classic/base.html.j2'" in (page.TEMPLATES / page.TEMPLATE / "index.html.j2").read_text()
    html = report.to_html(_notebook(tmp_path), title="x")
    assert 'class="cell border-box-sizing code_cell rendered"' in html  # classic's cells


def test_the_index_links_every_report_and_sums_up_the_corpus():
    jobs = [report.Job("01-corpus-overview", {}, "01-corpus-overview", "Corpus overview"),
            report.Job("02-summit-profile", {"summit_id": "x"}, "a&b", "Summit <x>")]
    tables = summaries.Summaries.of({"articles": pd.DataFrame({"summit_id": ["a", None, "b"], "n_words": [1, 2000, None]})})
    html = page.index_page(jobs, tables)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n") and html.endswith("</ul>\n</body>\n</html>\n")
    assert "<title>SCO summits in the news: reports</title>" in html
    assert '<li><a href="01-corpus-overview.html">Corpus overview</a></li>\n' in html
    assert '<li><a href="a&amp;b.html">Summit &lt;x&gt;</a></li>\n</ul>' in html
    assert re.search(r'<p class="lead">3 articles \(2,001 words\) about 2 SCO summits; built \d{4}-\d\d-\d\d \d\d:\d\d UTC '
                     r"by scoanalysis \d", html)


@pytest.mark.slow
def test_article_text_is_escaped_in_reports(rendered_reports):
    out, written, _ = rendered_reports
    for path in written:
        page = path.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
        assert "<b onmouseover" not in page
    overview = (out / "01-corpus-overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in overview  # shown as text
    assert "script-src" not in overview and "default-src 'none'" in overview
