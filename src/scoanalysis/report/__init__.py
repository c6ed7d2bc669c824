"""The reports: views and figures of the summaries, notebooks run by papermill, HTML pages from a template.

* `views`: display-ready tables and one-line narratives, read from the summaries only;
* `plots`: the figures;
* `execute`: which reports to render (`plan`) and rendering them (`render`);
* `reads`: the tables each notebook declares it reads, and the digest a report is keyed by;
* `page`: the HTML pages, from the nbconvert template in ``templates/scoanalysis``;
* `parameters`: the notebooks' parameters checked in their first cell (`check_summit`).
"""

from .execute import FIGURES, MAX_REPORT_BYTES, NOTEBOOK_ORDER, OVERVIEW, PROFILE, TIMELINE, Job, plan, render
from .page import index_page, to_html
from .reads import Reads, job_digest, notebook_reads

__all__ = [
    "OVERVIEW", "PROFILE", "TIMELINE", "NOTEBOOK_ORDER", "MAX_REPORT_BYTES", "FIGURES", "Job", "plan", "render",
    "to_html", "index_page", "Reads", "notebook_reads", "job_digest",
]
