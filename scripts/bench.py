"""Benchmark: full build time against a plain Material build, and Lighthouse on the served site.

Usage: python scripts/bench.py [--runs N] [--out bench/results.md]

1. Build time: alternates N full builds (site, decks, cards; .cache/ cleared) with N builds of
   the same Markdown by plain Material (no macros, hooks, decks or cards); reports the medians
   and their ratio.
2. Lighthouse 12.2.3 (bench/package-lock.json), mobile preset, on the home page, one argument
   page and each deck, served with gzip on loopback; reports each category, the bytes
   transferred and the LCP.
The table goes to the console and to --out. Targets: every category 100, ratio ≤ 1.5, an
argument page ≤ 100 KiB, a deck ≤ 150 KiB. A target missed is reported, not raised.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.browser import ARGS, executable  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def transferred(path: Path) -> bytes:
    """A file's body as a production host sends it: text gzipped (level 6), the rest as it is."""
    data = path.read_bytes()
    return gzip.compress(data, 6) if path.suffix in COMPRESSIBLE else data


def timed_build(config: Path, out: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
                   check=True, env=env, cwd=config.parent, capture_output=True)
    return time.perf_counter() - start


def plain_project(tmp: Path) -> Path:
    """The same Markdown under plain Material: no macros, hooks, overrides, decks or cards."""
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("data"))
    (tmp / "mkdocs.yml").write_text(
        "site_name: Le mythe de la prospection facile\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - search:\n      lang: fr\n"
        "markdown_extensions: [attr_list, md_in_html, def_list, admonition, toc, pymdownx.keys]\n",
        encoding="utf-8")
    return tmp / "mkdocs.yml"


def build_times(runs: int) -> tuple[float, float]:
    full, plain = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain_config = plain_project(tmp / "plain")
        for _ in range(runs):
            shutil.rmtree(ROOT / ".cache", ignore_errors=True)  # from scratch: no cached card
            full.append(timed_build(ROOT / "mkdocs.yml", tmp / "full-site"))
            plain.append(timed_build(plain_config, tmp / "plain-site"))
    return statistics.median(full), statistics.median(plain)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text the way any production host does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = transferred(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path):
    handler = functools.partial(GzipHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": executable() or ""}
    flags = " ".join(["--headless=new", *ARGS])
    subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                   check=True, env=env, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "failed": [a["id"] for a in audits.values() if a.get("score") is not None and a["score"] < 1
                   and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    (args.out.parent / "reports").mkdir(parents=True, exist_ok=True)

    full, plain = build_times(args.runs)
    lines = ["# Benchmark", "", f"Build, median of {args.runs} alternating runs: full {full:.2f} s, "
             f"plain Material {plain:.2f} s, ratio {full / plain:.2f} (target ≤ 1.5)", "",
             "| page | performance | accessibility | best practices | SEO | KiB | LCP (ms) | budget |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    misses = [] if full / plain <= 1.5 else [f"build ratio {full / plain:.2f} > 1.5"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        timed_build(ROOT / "mkdocs.yml", site)
        httpd, base = serve(site)
        from macros.model import load

        content = load(ROOT)
        targets = [("accueil", "", None), (f"argument {content.argument(2).number}", content.argument(2).url, 100)]
        targets += [(f"deck {d.id}", f"slides/{d.id}/", 150) for d in content.decks]
        try:
            for name, path, budget in targets:
                r = lighthouse(base + path, args.out.parent / "reports" / f"{name.replace(' ', '-')}.json")
                ok_budget = budget is None or r["kib"] <= budget
                lines.append(f"| {name} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | "
                             f"{r['seo']} | {r['kib']:.0f} | {r['lcp']:.0f} | "
                             f"{'—' if budget is None else ('≤ %d ok' % budget if ok_budget else '> %d' % budget)} |")
                misses += [f"{name}: {c} {r[c]}" for c in CATEGORIES if r[c] < 100]
                misses += [] if ok_budget else [f"{name}: {r['kib']:.0f} KiB > {budget}"]
                if r["failed"]:
                    lines.append(f"|  | audits below 1: {', '.join(sorted(r['failed']))} | | | | | | |")
        finally:
            httpd.shutdown()
    lines += ["", "Targets missed: " + ("; ".join(misses) if misses else "none")]
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
