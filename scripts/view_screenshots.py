"""Screenshots of the HTML network view for the README: ``python scripts/view_screenshots.py [OUT_DIR]``.

Renders the example articles (examples/news), a 600-actor and a 5,000-actor news-like synthetic
store (benchmarks/views.py ``story_graph``) to HTML, opens each in headless Chromium at
1280x800 and saves ``view-news.png``, ``view-600.png`` and ``view-5000.png`` (palette PNGs, so
they stay small). Needs /usr/bin/chromium and /usr/bin/chromedriver.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def driver(width: int = 1280, height: int = 800):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--force-device-scale-factor=1", f"--window-size={width},{height}"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)


def wait_ready(d, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if d.execute_script("return document.documentElement.getAttribute('data-ag-state')") == "ready":
            return
        time.sleep(0.05)
    raise RuntimeError("view not ready")


def shoot(d, html: Path, png: Path) -> None:
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    d.get(html.resolve().as_uri())
    wait_ready(d)
    time.sleep(0.3)
    d.save_screenshot(str(png))
    try:  # a palette PNG is a third of the size; Pillow is optional
        from PIL import Image

        Image.open(png).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(png, optimize=True)
    except ImportError:
        pass
    print(png, png.stat().st_size // 1024, "KiB")


def main(out: Path) -> None:
    from conftest import EXAMPLES

    from actorgraph.ingest import ingest_paths
    from benchmarks.views import story_graph
    from graph.html import render_html
    from graph.store import GraphStore

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="actorgraph-shots-"))
    news = GraphStore.open(work / "news")
    ingest_paths([EXAMPLES], news, progress=False)
    views = {"view-news": (news, "actorgraph: examples/news")}
    for n in (600, 5000):
        views[f"view-{n}"] = (story_graph(work / f"s{n}", n), f"{n:,} synthetic actors")
    d = driver()
    try:
        for name, (store, title) in views.items():
            render_html(store, work / f"{name}.html", title=title)
            shoot(d, work / f"{name}.html", out / f"{name}.png")
    finally:
        d.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
