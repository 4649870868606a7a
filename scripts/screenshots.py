"""Screenshots of every page, both languages, on a projector and on a phone, to look at before a release.

    python scripts/screenshots.py [out_dir] [--pages overview,workload] [--sizes 1920x1080,390x844]

Starts its own server on a free loopback port (the database of $WARDDASH_DB or data/), drives Debian's
Chromium with Playwright and writes one full-page PNG per page, language and size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from warddash import db  # noqa: E402
from warddash.serve import CHROMIUM, CHROMIUM_ARGS, server  # noqa: E402
from warddash.views import PAGE_KEYS  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="test-artifacts/screens")
    ap.add_argument("--pages", default=",".join(PAGE_KEYS))
    ap.add_argument("--sizes", default="1920x1080,390x844")
    ap.add_argument("--langs", default="vi,en")
    ap.add_argument("--query", default="", help="extra query string, e.g. district=269")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp, server(db.ensure_built(), Path(tmp) / "server.log") as (_, base):
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in sizes:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.set_default_timeout(60_000)
                for key in args.pages.split(","):
                    for lang in args.langs.split(","):
                        query = "&".join(q for q in (f"lang={lang}" if lang != "vi" else "", args.query) if q)
                        page.goto(f"{base}/{key}" + (f"?{query}" if query else ""))
                        page.wait_for_selector("[data-testid=stMainBlockContainer] h1")
                        page.wait_for_timeout(2500)  # charts draw after the script ends
                        page.wait_for_function(
                            "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
                        )
                        # Streamlit scrolls an inner container, not the document: grow the window to it
                        full = page.evaluate(
                            "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
                            "[data-testid=stAppScrollToBottomContainer]')].map((e) => e.scrollHeight), 0)"
                        )
                        page.set_viewport_size({"width": width, "height": max(height, min(full, 16000))})
                        page.wait_for_timeout(1500)
                        name = out / f"{key}-{lang}-{width}.png"
                        page.screenshot(path=str(name), full_page=True)
                        page.set_viewport_size({"width": width, "height": height})
                        print(name)
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
