"""The HTML pages: an executed notebook through the nbconvert template in templates/, and the reports index.

Both pages share templates/scoanalysis/page_head.html.j2: their own stylesheet, a
Content-Security-Policy that forbids fetching anything, no script. A report shows the
notebook's outputs only (no inputs, prompts or stderr), figures inline as data URIs.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import os
from functools import lru_cache
from pathlib import Path

from .. import __version__, summaries

#: The folder of the template folders (nbconvert's extra_template_basedirs).
TEMPLATES = Path(__file__).with_name("templates")
#: The template folder of the reports, inheriting nbconvert's classic template.
TEMPLATE = "scoanalysis"
#: The title of the reports index.
INDEX_TITLE = "SCO summits in the news: reports"


def to_html(notebook, *, title: str) -> str:
    """Return a standalone HTML page of an executed notebook (a file, or a notebook node): outputs only, figures inline.

    Input cells, prompts and stderr streams (warnings) are left out; each figure's
    alternative text names the section it is in. The page carries its own stylesheet
    and loads nothing from the network. nbformat and nbconvert are imported here, not
    with the module: the report kernels import this package and need neither.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = (copy.deepcopy(notebook) if isinstance(notebook, nbformat.NotebookNode)
          else nbformat.read(str(notebook), as_version=4))
    heading = title
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [line.lstrip("# ").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = lines[-1] if lines else heading
        elif cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            for output in cell.outputs:
                if "image/png" in output.get("data", {}):
                    output.setdefault("metadata", {})["alt"] = f"Figure: {heading}"
    exporter = HTMLExporter(
        template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)], exclude_input=True,
        exclude_input_prompt=True, exclude_output_prompt=True, anchor_link_text="",
    )
    page, _ = exporter.from_notebook_node(nb, resources={"scoanalysis": {"title": title}})
    return page


def index_page(jobs, tables: summaries.Summaries) -> str:
    """Return the HTML of reports/index.html: a link per report (`jobs`: stem, title), the corpus in one line, the build time."""
    arts = tables["articles"]
    n_summits = arts["summit_id"].nunique()
    words = int(arts["n_words"].fillna(0).sum())
    built = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    line = (
        f"{len(arts)} articles ({words:,} words) about {n_summits} SCO summit{'s' * (n_summits != 1)}; "
        f"built {built} by scoanalysis {__version__}."
    )
    return _environment().get_template("reports.html.j2").render(title=INDEX_TITLE, line=line, jobs=jobs)


@lru_cache(maxsize=1)
def _environment():
    """The Jinja environment of the reports index: the reports' template folder, nbconvert's HTML escaping."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES / TEMPLATE)))
    env.filters["escape_html"] = lambda s: html.escape(str(s))
    return env
