"""Chart labels measured in Chromium: at least 11 px high on a 390 px phone and on a 1280 px screen."""
from __future__ import annotations

from pathlib import Path

import pytest

from .browser import ARGS, CHROMIUM, serve

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")

PAGES = ["requests/bedfordshire-foi2019-05348/", "requests/south-yorkshire-20210999/", "compare/indecent-images/"]
# Each chart <img> drawn again inline at the width the page gives the <img>, so its text can be measured: the bounding box
# of every label, and its type size (font-size times the scale the page shows the picture at).
MEASURE = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('figure.foi-chart img')) {
    const shown = img.getBoundingClientRect().width;
    const text = await (await fetch(img.src)).text();
    const box = document.createElement('div');
    box.style.cssText = `position:absolute;left:0;top:0;width:${shown}px`;
    box.innerHTML = text.replace(/^<\\?xml[^>]*>/, '');
    const svg = box.querySelector('svg');
    const own = parseFloat(svg.getAttribute('width'));
    if (!svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${own} ${svg.getAttribute('height')}`);
    svg.setAttribute('width', '100%');
    svg.removeAttribute('height');
    document.body.appendChild(box);
    for (const t of svg.querySelectorAll('text')) {
      out.push({chart: img.src.split('/').pop(), label: t.textContent, shown,
                height: t.getBoundingClientRect().height, size: parseFloat(getComputedStyle(t).fontSize) * shown / own});
    }
    box.remove();
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_chart_labels_are_at_least_11_px_high(site_root, browser, width):
    """Every chart label on a request page and a comparison: its box at least 11 px high, and its type at least 11 px
    (before, a 560 px chart shrunk into a phone's 358 px column showed 15 px type at 9.6 px)."""
    labels = []
    with serve(site_root / "build" / "site") as base:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in PAGES:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            labels += page.evaluate(MEASURE)
        context.close()
    assert len({x["chart"] for x in labels}) >= 5 and len(labels) >= 10
    small = [(x["chart"], x["label"], round(x["height"], 1), round(x["size"], 1)) for x in labels if x["height"] < 11 or x["size"] < 11]
    assert small == []
    if width == 1280:  # on a wide screen the chart is not blown up either
        assert all(x["size"] <= 16 for x in labels)


def test_a_chart_label_fits_its_chart(site_root, browser):
    """No label runs past the chart's right edge (labels are shortened to fit the line above their bar)."""
    with serve(site_root / "build" / "site") as base:
        context = browser.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        page.goto(base + PAGES[2])
        page.wait_for_load_state("networkidle")
        over = page.evaluate(MEASURE.replace("out.push({chart", "out.push({right: t.getBoundingClientRect().right, edge: "
                                                                "svg.getBoundingClientRect().right, chart"))
        context.close()
    assert over and [x["label"] for x in over if x["right"] > x["edge"]] == []
