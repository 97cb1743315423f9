"""The example's report in a real browser (headless Chromium, Debian package `chromium`): no console errors, no
broken images, every chapter heading, no sideways scrolling on a phone, A4 pages when printed, and a screenshot
of the first page. Skipped when Chromium is not installed (`.ci/run` installs it)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from hkh.outputs.report.builder import chapter_titles
from report_fixtures import ExampleRun

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package `chromium`)"),
]

# Runs after the page (and its images) have loaded, and writes what it found into the page, for --dump-dom.
CHECK_SCRIPT = """
<script>
window.addEventListener("load", function () {
  var images = Array.prototype.map.call(document.images, function (img) {
    return {alt: img.alt, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight};
  });
  var headings = Array.prototype.map.call(document.querySelectorAll("main > section.chapter > h2"), function (h) {
    return h.textContent.replace(/\\s+/g, " ").trim();
  });
  var out = document.createElement("pre");
  out.id = "hkh-browser-check";
  out.textContent = JSON.stringify({
    images: images,
    charts: document.querySelectorAll("figure.chart svg, figure.chart img").length,
    headings: headings,
    errors: window.__hkhErrors,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth
  });
  document.body.appendChild(out);
});
</script>
"""
# Installed first thing in <head>: records script errors, console errors and failed resource loads.
ERROR_HOOK = """
<script>
window.__hkhErrors = [];
window.addEventListener("error", function (event) {
  var target = event.target || {};
  window.__hkhErrors.push(event.message || ("failed to load " + (target.src || target.href || target.tagName)));
}, true);
(function () {
  var original = console.error;
  console.error = function () { window.__hkhErrors.push(Array.prototype.join.call(arguments, " ")); original.apply(console, arguments); };
})();
</script>
"""


def _chromium(profile: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        # no network: anything the page tried to fetch from outside would fail (and be reported)
        "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def report(example_run: ExampleRun) -> Path:
    assert example_run.exit_code == 0, example_run.output
    return example_run.report


def test_report_opens_without_console_errors_and_screenshots_the_first_page(report: Path, tmp_path: Path) -> None:
    from PIL import Image

    screenshot = tmp_path / "page.png"
    # 1240 x 1754 is an A4 page at 150 dpi
    shown = _chromium(tmp_path / "profile", "--window-size=1240,1754", f"--screenshot={screenshot}",
                      "--virtual-time-budget=5000", report.as_uri())
    assert _console_lines(shown.stderr) == []
    assert screenshot.is_file(), shown.stderr[-2000:]
    image = Image.open(screenshot).convert("L")
    assert image.size == (1240, 1754)
    assert screenshot.stat().st_size > 20_000
    # the first page shows the title and contents, not a blank page: a fair share of it is ink
    dark = sum(image.histogram()[:128])
    assert dark > 0.005 * 1240 * 1754


# 500 px: the narrowest window headless Chromium opens (a real 390 px phone: tests/test_report_layout.py)
@pytest.mark.parametrize("width", [1280, 500])
def test_every_image_loads_and_every_chapter_is_there(report: Path, tmp_path: Path, width: int) -> None:
    original = report.read_text("utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', original)
    assert policy is not None, "the report must forbid every external resource"
    # the policy also forbids this test's own script, so the instrumented copy leaves it out
    instrumented = original.replace(policy.group(0), ERROR_HOOK, 1).replace("</body>", CHECK_SCRIPT + "</body>", 1)
    page = tmp_path / "instrumented.html"
    page.write_text(instrumented, "utf-8")
    dumped = _chromium(tmp_path / "profile", f"--window-size={width},900", "--run-all-compositor-stages-before-draw",
                       "--virtual-time-budget=10000", "--dump-dom", page.as_uri())
    dom = lxml_html.fromstring(dumped.stdout)
    found = dom.xpath("//pre[@id='hkh-browser-check']")
    assert found, dumped.stderr[-2000:]
    result = json.loads(found[0].text_content())
    assert result["errors"] == []
    assert _console_lines(dumped.stderr) == []
    assert result["charts"] >= 5  # charts are inline SVG (text that scales); an <img> only where there is no SVG
    broken = [image for image in result["images"] if not image["complete"] or image["width"] == 0]
    assert broken == []
    assert [re.sub(r"^\d+\s+", "", heading) for heading in result["headings"]] == chapter_titles("nb")
    # readable on a phone: wide tables scroll inside their frame, the page itself never scrolls sideways
    assert result["scrollWidth"] <= result["innerWidth"]


def test_report_prints_on_a4_with_chapters_on_new_pages(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    printed = _chromium(tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri())
    assert pdf.is_file(), printed.stderr[-2000:]
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes
    for width, height in boxes:
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2  # A4 in points
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages > len(chapter_titles("nb"))  # every chapter starts a page, after the cover and contents
