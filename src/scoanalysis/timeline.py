"""Integration shim: the timeline tables are in scoanalysis.summaries.timeline, the exports in summaries.timelinejs."""

from .reference import FOCUS_SUMMITS  # noqa: F401  # integration alias: reference.FOCUS_SUMMITS
from .summaries.timelinejs import write_exports  # noqa: F401  # integration alias: summaries.timelinejs.write_exports
