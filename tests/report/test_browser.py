"""Every report opened in headless Chromium, as a reader would: figures load, nothing errs, nothing leaves the machine,
and the pages read at desk width (1300 px) and on a phone (390 px)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"),
]
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE, DESK = 390, 1300

#: The overview's articles table (the first after its heading) and the text column (that heading's box).
ARTICLES_TABLE = """() => {
  const h = [...document.querySelectorAll('h2')].find(e => e.textContent.trim().startsWith('The articles'));
  const t = [...document.querySelectorAll('table')].find(x => h.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING);
  const c = h.getBoundingClientRect(), r = t.getBoundingClientRect(), box = t.parentElement;
  return {column: [c.left, c.right], table: [r.left, r.right], scrolls: box.scrollWidth > box.clientWidth};
}"""


@pytest.fixture(scope="module")
def seed_reports(seed_tables_dir, tmp_path_factory):
    """The overview, the comparison and Samarkand's profile rendered from the seeds (long ids, a repeated story)."""
    from scoanalysis import report

    return report.render(seed_tables_dir, tmp_path_factory.mktemp("seed-reports"), summit_ids=["2022-samarkand"])


def _launch(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def _open(browser, path, **kwargs):
    """Return a page showing `path`, with the console errors and the requests that tried to leave the machine."""
    page = browser.new_page(**kwargs)
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith(("file:", "data:")) else route.continue_())
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, outside


def test_reports_open_offline_with_figures_and_no_errors(rendered_reports, tmp_path):
    from playwright.sync_api import sync_playwright

    out, written, _ = rendered_reports
    with sync_playwright() as pw:
        browser = _launch(pw)
        try:
            for path in written:
                page, errors, outside = _open(browser, path)
                widths = page.evaluate("Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)")
                if path.name != "index.html":
                    assert widths and all(w > 0 for w in widths), (path.name, widths)
                else:
                    links = page.evaluate("Array.from(document.links).map(a => a.getAttribute('href'))")
                    assert all((out / href).is_file() for href in links) and len(links) == len(written) - 1
                assert errors == [], (path.name, errors)
                assert outside == [], (path.name, outside)
                assert page.evaluate("document.title")
                shot = tmp_path / f"{path.stem}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 5_000
                page.close()
        finally:
            browser.close()


def test_no_page_scrolls_sideways_on_a_phone_and_figures_keep_their_size(rendered_reports, seed_reports, tmp_path):
    """At 390 px the page is as wide as the screen: wide tables and figures scroll in their own boxes, and a figure
    is shown at its natural size (scaled to the screen, the history chart's labels would be 4 px high)."""
    from playwright.sync_api import sync_playwright

    _, written, _ = rendered_reports
    with sync_playwright() as pw:
        browser = _launch(pw)
        try:
            for path in [*written, *seed_reports]:
                page, errors, _ = _open(browser, path, viewport={"width": PHONE, "height": 844})
                width, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
                assert width <= inner == PHONE, (path.name, width)
                images = page.evaluate("Array.from(document.images).map(i => [i.naturalWidth, i.getBoundingClientRect().width])")
                assert all(abs(shown - natural) < 1 for natural, shown in images), (path.name, images)
                if path.name != "index.html":
                    boxes = page.evaluate("Array.from(document.querySelectorAll('table, img')).map(e => getComputedStyle("
                                          "e.parentElement).overflowX)")
                    assert boxes and set(boxes) == {"auto"}, (path.name, boxes)  # each in a box that scrolls
                assert errors == [], (path.name, errors)
                page.screenshot(path=str(tmp_path / f"{path.parent.name}-{path.stem}-{PHONE}.png"), full_page=True)
                page.close()
        finally:
            browser.close()


def test_the_overviews_articles_table_stays_in_the_text_column_at_desk_width(seed_reports, tmp_path):
    """The seeds' articles have 20-character ids (article and repeats columns): they wrap inside the column."""
    from playwright.sync_api import sync_playwright

    overview = next(p for p in seed_reports if p.name.startswith("01-corpus-overview"))
    with sync_playwright() as pw:
        browser = _launch(pw)
        try:
            page, errors, _ = _open(browser, overview, viewport={"width": DESK, "height": 900})
            box = page.evaluate(ARTICLES_TABLE)
            (left, right), (t_left, t_right) = box["column"], box["table"]
            assert left - 0.5 <= t_left and t_right <= right + 0.5, box
            assert not box["scrolls"], box  # it fits: nothing hidden in its box either
            assert page.evaluate("document.scrollingElement.scrollWidth") <= DESK
            assert errors == []
            page.screenshot(path=str(tmp_path / f"{overview.stem}-{DESK}.png"), full_page=True)
            page.close()
        finally:
            browser.close()


#: TimelineJS's built files (dist/ of the npm package @knight-lab/timelinejs 3.9), installed by .ci/run.
TIMELINEJS = os.environ.get("TIMELINEJS_DIST", "")
TIMELINE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>timeline</title>
<link rel="stylesheet" href="lib/css/timeline.css"></head>
<body><div id="timeline-embed" style="width:100%;height:600px"></div>
<script src="lib/js/timeline.js"></script>
<script>
window.timeline = new TL.Timeline('timeline-embed', 'timeline.json', {script_path: new URL('lib/js/', location.href).href, font: 'georgia-helvetica'});
window.timeline.on('loaded', data => { window.loaded = data; });
</script></body></html>
"""


@pytest.mark.skipif(not (TIMELINEJS and Path(TIMELINEJS, "js", "timeline.js").is_file()),
                    reason="TimelineJS is not installed (.ci/run: npm install @knight-lab/timelinejs, TIMELINEJS_DIST)")
def test_timelinejs_loads_the_built_timeline_json_without_errors(seed_tables_dir, tmp_path):
    """TimelineJS 3.9, served from localhost, loads the seeds' timeline.json: every event, one group per summit."""
    from playwright.sync_api import sync_playwright

    site = tmp_path / "site"
    shutil.copytree(TIMELINEJS, site / "lib")
    shutil.copy(seed_tables_dir / "timeline.json", site / "timeline.json")
    (site / "index.html").write_text(TIMELINE_PAGE, encoding="utf-8")
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = _launch(pw)
            try:
                page = browser.new_page(viewport={"width": DESK, "height": 900})
                errors, outside = [], []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                           if not route.request.url.startswith(base) else route.continue_())
                page.goto(base + "index.html")
                page.wait_for_function("window.loaded !== undefined", timeout=30_000)
                loaded = page.evaluate("[window.loaded.events.length, window.timeline.config.events.length]")
                groups = page.evaluate("Array.from(document.querySelectorAll('.tl-timegroup-message'))"
                                       ".map(e => e.textContent.trim())")
                page.screenshot(path=str(tmp_path / "timelinejs.png"))
                assert errors == [] and outside == [], (errors, outside)
                assert loaded == [len(data["events"]), len(data["events"])]
                assert sorted(set(groups)) == sorted({e["group"] for e in data["events"]})  # "Astana 2024", ...
                assert all(not g[0].isdigit() for g in groups)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
