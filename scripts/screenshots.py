"""Full-page screenshots of every page type at phone and desktop widths, so anyone can look at the site without serving it."""
from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-features=Translate,OptimizationHints,MediaRouter"]
WIDTHS = (390, 1280)
BROWSE = ["", "requests/", "forces/", "topics/", "years/", "caveats/", "glossary/", "data/", "reading/", "curation/", "labels/",
          "compare/", "compare/indecent-images/", "search/?q=grooming", "404.html"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on a free localhost port for the duration of the block; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def pages(site: Path) -> list[str]:
    """Every browse page and every request page, as URL paths."""
    requests = sorted(p.parent.name for p in (site / "requests").glob("*/index.html"))
    return BROWSE + [f"requests/{r}/" for r in requests]


def name(path: str, width: int) -> str:
    return f"{path.strip('/').replace('/', '--').replace('?q=', '--').replace('.html', '') or 'home'}-{width}.png"


def shoot(site: Path, out: Path) -> list[Path]:
    """Write one full-page PNG per page and width into `out`."""
    from playwright.sync_api import sync_playwright
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
            page = context.new_page()
            for path in pages(site):
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                # Charts are loading="lazy": a full-page shot does not scroll, so load them all before it is taken.
                page.evaluate("""() => Promise.all([...document.images].map(i => { i.loading = "eager";
                    return i.complete ? null : new Promise(done => { i.onload = i.onerror = done; }); }))""")
                target = out / name(path, width)
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site; run `make build` first", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: install Debian's chromium (make browser)", file=sys.stderr)
        return 2
    written = shoot(args.site, args.out)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
