"""Every report opened in headless Chromium, as a reader would: figures load, nothing errs, nothing leaves the machine."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"),
]


def test_reports_open_offline_with_figures_and_no_errors(rendered_reports, tmp_path):
    from playwright.sync_api import sync_playwright

    out, written, _ = rendered_reports
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            for path in written:
                page = browser.new_page()
                errors, outside = [], []
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                           if not route.request.url.startswith(("file:", "data:")) else route.continue_())
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
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
