"""Benchmark (not a test): Lighthouse on the served site and on plain Material, build time, scale.

Usage: python scripts/bench.py [--runs N] [--lighthouse-runs N] [--scale 1,5,10] [--out bench/results.md]

1. Lighthouse 12.2.3 (bench/package-lock.json), mobile preset (simulated throttling), on the
   home page, one argument page and each deck, then on the same two pages built by plain
   Material from the same Markdown (the baseline); served with gzip on loopback. Each page is
   measured --lighthouse-runs times, runs alternating; the median is reported with the spread.
2. Build time: alternates --runs full builds (site, decks, cards; .cache/ cleared) with --runs
   builds of the same Markdown by plain Material (no macros, hooks, decks or cards).
3. Scale: scripts/synthetic.py writes the content repeated 1, 5 and 10 times (7, 35 and 70
   arguments with their tables, figures, quizzes and decks) in a temporary folder; for each, the
   build time, the PDF step (scripts/print_pdfs.py) and the size of the site (medians of --runs),
   and how they grow.
Targets (issue 15): home and argument pages at performance 100, the shortest deck at 100, every
other deck at 98 or more, every other category at 100, an argument page within 100 KiB and a deck
within 150 KiB, growth from 7 to 70 arguments linear or better. A target missed is reported, not
raised. The report goes to the console and to --out; the text after NOTES in the previous report
(the closing notes, written by hand) is kept.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
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


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and the children it waited for)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=cwd, capture_output=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def timed_build(config: Path, out: Path) -> tuple[float, float]:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], config.parent)


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


def build_times(runs: int, plain_config: Path, tmp: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) of the full build and of plain Material's, alternating, from scratch."""
    full, plain = [], []
    for _ in range(runs):
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)  # no cached card
        full.append(timed_build(ROOT / "mkdocs.yml", tmp / "full-site"))
        plain.append(timed_build(plain_config, tmp / "plain-site"))
    return medians(full), medians(plain)


def medians(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


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


# -- Lighthouse ----------------------------------------------------------------------------------

METRICS = {"fcp": "first-contentful-paint", "lcp": "largest-contentful-paint", "tbt": "total-blocking-time",
           "cls": "cumulative-layout-shift"}


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
        **{key: audits[audit]["numericValue"] for key, audit in METRICS.items()},
        "failed": [a["id"] for a in audits.values() if a.get("score") is not None and a["score"] < 1
                   and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")],
    }


@dataclass
class Target:
    name: str
    url: str
    performance: int  # the target score
    budget: int | None = None  # KiB
    runs: list[dict] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.runs)

    def spread(self, key: str) -> str:
        low, high = min(r[key] for r in self.runs), max(r[key] for r in self.runs)
        return f"{low}" if low == high else f"{low}–{high}"

    def failing(self) -> list[str]:
        """Audits below 1 in most runs."""
        counts: dict[str, int] = {}
        for r in self.runs:
            for audit in r["failed"]:
                counts[audit] = counts.get(audit, 0) + 1
        return sorted(a for a, n in counts.items() if n * 2 > len(self.runs))


def measure(targets: list[Target], runs: int, reports: Path) -> None:
    """Each target `runs` times, alternating, so that a busy moment spreads over all of them."""
    for i in range(runs):
        for t in targets:
            name = t.name.replace(" ", "-").replace(",", "")
            t.runs.append(lighthouse(t.url, reports / f"{name}-{i + 1}.json"))
            print(f"  lighthouse {t.name} run {i + 1}: performance {t.runs[-1]['performance']}", flush=True)


def lighthouse_table(targets: list[Target], runs: int) -> tuple[list[str], list[str]]:
    lines = [f"Median of {runs} runs per page (min–max of performance in brackets); FCP, LCP and TBT in ms.", "",
             "| page | performance | accessibility | best practices | SEO | KiB | FCP | LCP | TBT | CLS | target |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    misses = []
    for t in targets:
        perf = t.median("performance")
        kib = t.median("kib")
        goal = [] if t.performance is None else [f"perf {'≥ ' if t.performance < 100 else ''}{t.performance}"]
        goal += [] if t.budget is None else [f"≤ {t.budget} KiB"]
        lines.append(f"| {t.name} | {perf:.0f} ({t.spread('performance')}) | {t.median('accessibility'):.0f} | "
                     f"{t.median('best-practices'):.0f} | {t.median('seo'):.0f} | {kib:.0f} | {t.median('fcp'):.0f} | "
                     f"{t.median('lcp'):.0f} | {t.median('tbt'):.0f} | {t.median('cls'):.3f} | {', '.join(goal) or 'baseline'} |")
        if t.performance is None:
            continue
        misses += [f"{t.name}: performance {perf:.0f} < {t.performance}"] if perf < t.performance else []
        misses += [f"{t.name}: {c} {t.median(c):.0f}" for c in CATEGORIES[1:] if t.median(c) < 100]
        misses += [f"{t.name}: {kib:.0f} KiB > {t.budget}"] if t.budget and kib > t.budget else []
    lines += ["", "Audits below 1 in most runs:", ""]
    lines += [f"- {t.name}: {', '.join(t.failing()) or 'none'}" for t in targets]
    return lines, misses


def issue_table(targets: dict[str, Target], short: str, full: str, plain: list[Target]) -> list[str]:
    """The issue's table: where it started, where it is."""
    pages = [targets["accueil"], targets["argument"]]
    met = lambda ok: "met" if ok else "**missed**"  # noqa: E731
    page_perf = " / ".join(f"{t.median('performance'):.0f}" for t in pages)
    argument_kib = targets["argument"].median("kib")
    short_t, full_t = targets[short], targets[full]
    plain_perf = " / ".join(f"{t.median('performance'):.0f}" for t in plain)
    plain_kib = " / ".join(f"{t.median('kib'):.0f}" for t in plain)
    return [
        "| measured | before (issue 15) | now (median) | target | |",
        "| --- | --- | --- | --- | --- |",
        f"| performance, home page / argument page | 95–99 | {page_perf} | 100 | "
        f"{met(all(t.median('performance') >= 100 for t in pages))} |",
        f"| performance, short deck ({short_t.name.removeprefix('deck ')}) | 97–98 | "
        f"{short_t.median('performance'):.0f} | 100 | {met(short_t.median('performance') >= 100)} |",
        f"| performance, full deck ({full_t.name.removeprefix('deck ')}) | 86 | {full_t.median('performance'):.0f} | ≥ 98 | "
        f"{met(full_t.median('performance') >= 98)} |",
        f"| argument page weight | 105 KiB | {argument_kib:.0f} KiB | ≤ 100 KiB | {met(argument_kib <= 100)} |",
        f"| plain Material, same Markdown: home / argument page (baseline) | — | {plain_perf}, {plain_kib} KiB | — | |",
    ]


# -- Scale ---------------------------------------------------------------------------------------


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def scale(counts: list[int], runs: int, tmp: Path) -> list[dict]:
    """Build and print the synthetic projects; times in seconds, sizes in bytes."""
    from macros.model import load
    from scripts import synthetic

    projects = {count: synthetic.generate(count, tmp / f"scale-{count}") for count in counts}
    sites = {count: tmp / f"scale-{count}-site" for count in counts}
    builds: dict[int, list] = {count: [] for count in counts}
    pdfs: dict[int, list] = {count: [] for count in counts}
    arguments = {count: len(load(projects[count].parent).arguments) for count in counts}
    for _ in range(runs):  # sizes alternate, so that a busy moment spreads over all of them
        for count, config in projects.items():
            shutil.rmtree(config.parent / ".cache", ignore_errors=True)  # from scratch: no cached card
            shutil.rmtree(sites[count], ignore_errors=True)
            builds[count].append(timed_build(config, sites[count]))
            print_pdfs = config.parent / "scripts" / "print_pdfs.py"
            pdfs[count].append(timed([sys.executable, str(print_pdfs), str(sites[count])], config.parent)[0])
            print(f"  scale {arguments[count]} arguments: build {builds[count][-1][0]:.1f} s, "
                  f"PDF {pdfs[count][-1]:.1f} s", flush=True)
    rows = []
    for count in counts:
        site = sites[count]
        pdf_files = [p for p in site.rglob("*") if p.suffix in (".pdf", ".pptx", ".zip")]
        size, files = site_size(site)
        wall, cpu = medians(builds[count])
        rows.append({"arguments": arguments[count], "build": wall, "cpu": cpu, "pdf": statistics.median(pdfs[count]),
                     "size": size - sum(p.stat().st_size for p in pdf_files), "files": files - len(pdf_files),
                     "pages": len(list(site.rglob("*.html"))),
                     "slides": sum(p.read_text(encoding="utf-8").count("<section") for p in site.glob("slides/*/index.html")),
                     "pdf_bytes": sum(p.stat().st_size for p in pdf_files)})
    return rows


def scale_table(rows: list[dict]) -> tuple[list[str], list[str]]:
    mib = 1024 * 1024
    lines = ["| arguments | HTML pages | slides | build (s) | build, CPU (s) | PDF step (s) | site (MiB) | files | "
             "PDF step's files (MiB) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['arguments']} | {r['pages']} | {r['slides']} | {r['build']:.1f} | {r['cpu']:.1f} | {r['pdf']:.1f} | "
              f"{r['size'] / mib:.1f} | {r['files']} | {r['pdf_bytes'] / mib:.1f} |" for r in rows]
    first, last = rows[0], rows[-1]
    content = last["arguments"] / first["arguments"]
    misses, growth = [], []
    for key, label in (("build", "build time"), ("cpu", "build CPU time"), ("pdf", "PDF step"), ("size", "site size")):
        factor = last[key] / first[key]
        growth.append(f"{label} ×{factor:.1f}")
        if key != "build" and factor > content * 1.05:  # wall time of the build: shown, judged by its CPU time
            misses.append(f"scale: {label} grew ×{factor:.1f} for ×{content:.0f} content (worse than linear)")
    steps = []
    for a, b in zip(rows, rows[1:]):
        extra = b["arguments"] - a["arguments"]
        steps.append(f"{a['arguments']} → {b['arguments']}: {(b['cpu'] - a['cpu']) / extra:.3f} s of build CPU and "
                     f"{(b['pdf'] - a['pdf']) / extra:.2f} s of PDF step")
    lines += ["", f"From {first['arguments']} to {last['arguments']} arguments (content ×{content:.0f}): "
              f"{', '.join(growth)}; {'linear or better' if not misses else 'worse than linear'}. "
              f"Per added argument: {'; '.join(steps)}."]
    return lines, misses


# -- The report ----------------------------------------------------------------------------------

NOTES = "## Notes"


def kept_notes(out: Path) -> list[str]:
    """The hand-written closing notes of the previous report."""
    if not out.is_file():
        return []
    text = out.read_text(encoding="utf-8")
    return ["", text[text.index(NOTES):].rstrip()] if NOTES in text else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per measure")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page")
    parser.add_argument("--scale", default="1,5,10", help="copies of the content for the scale benchmark")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    reports = args.out.parent / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    from macros.model import load

    content = load(ROOT)
    decks = sorted(content.decks, key=lambda d: d.minutes)
    started = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain_config = plain_project(tmp / "plain")
        site, plain_site = tmp / "site", tmp / "plain-lh"
        timed_build(ROOT / "mkdocs.yml", site)
        timed_build(plain_config, plain_site)
        httpd, base = serve(site)
        plain_httpd, plain_base = serve(plain_site)
        argument = content.argument(2)
        targets = {"accueil": Target("accueil", base, 100), "argument": Target(f"argument {argument.number}",
                                                                              base + argument.url, 100, 100)}
        for i, deck in enumerate(decks):
            targets[deck.id] = Target(f"deck {deck.id}", f"{base}slides/{deck.id}/", 100 if i == 0 else 98, 150)
        plain = [Target("plain Material: accueil", plain_base, None),
                 Target(f"plain Material: argument {argument.number}", plain_base + argument.url, None)]
        try:
            measure([*targets.values(), *plain], args.lighthouse_runs, reports)
        finally:
            httpd.shutdown()
            plain_httpd.shutdown()
        load_end = os.getloadavg()[0]
        (full, full_cpu), (plain_build, plain_cpu) = build_times(args.runs, plain_config, tmp)
        counts = [int(c) for c in args.scale.split(",")]
        rows = scale(counts, args.runs, tmp)

    table, misses = lighthouse_table([*targets.values(), *plain], args.lighthouse_runs)
    growth, scale_misses = scale_table(rows)
    misses += [] if full / plain_build <= 1.5 else [f"build ratio {full / plain_build:.2f} > 1.5"]
    misses += scale_misses
    lines = [
        "# Benchmark", "",
        f"`make bench`, {started}, {os.cpu_count()} CPUs, load average {load_start:.1f} when Lighthouse started and "
        f"{load_end:.1f} when it ended (other jobs share this machine; Lighthouse's simulated throttling scales "
        "the CPU time it observes, so a busy machine lowers scores). Lighthouse 12.2.3, mobile preset, "
        "pages served gzipped on loopback.", "",
        "## Issue 15", "",
        *issue_table(targets, decks[0].id, decks[-1].id, plain), "",
        "## Lighthouse", "",
        *table, "",
        "## Build time", "",
        f"Median of {args.runs} alternating builds from scratch: full {full:.2f} s, plain Material {plain_build:.2f} s, "
        f"ratio {full / plain_build:.2f} (target ≤ 1.5); CPU time {full_cpu:.2f} s and {plain_cpu:.2f} s, "
        f"ratio {full_cpu / plain_cpu:.2f}.", "",
        "## Scale", "",
        f"The real content repeated {', '.join(map(str, counts))} times by scripts/synthetic.py (arguments with their "
        f"tables, figures, quizzes, carousels and decks), each built from scratch and put through the PDF step "
        f"(scripts/print_pdfs.py: every deck in PDF with and without notes and in PowerPoint, the handout, the carousels, "
        f"the offline zip), {args.runs} times, sizes alternating; medians. "
        "CPU time is the build's own (user + system), which a busy machine changes little; the PDF step is wall time "
        "(Chromium's processes escape the count). Site size: the built site before the PDF step.", "",
        *growth, "",
        "Targets missed: " + ("; ".join(misses) if misses else "none"),
        *kept_notes(args.out),
    ]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
