"""Lighthouse (mobile defaults) on the main pages, served by gunicorn on loopback.

Runs Lighthouse several times per page and prints the median of each figure: the four
category scores, LCP, TBT, CLS and the transfer bytes of HTML+CSS+JS, then each figure
against its target and, for any score under 100, the audits that cost points. The full
summary goes to bench/out/lighthouse.json. Installs Lighthouse into bench/.node on first use.

    .venv/bin/python -m bench.lighthouse [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench.server import acuplan_server

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "bench" / ".node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
# Lighthouse 13 needs Node >= 22.19; 12 supports Node >= 18.16 (the machine has v20).
LIGHTHOUSE_PACKAGE = "lighthouse@12"
OUT = ROOT / "bench" / "out" / "lighthouse.json"

PAGES = ["/", "/routines", "/routines/evening-unwind"]
SHORT_NAMES = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
CATEGORIES = list(SHORT_NAMES)
CRITICAL_TYPES = {"Document", "Stylesheet", "Script"}
# Loopback only, running as root: no sandbox, and nothing that reaches out to Google.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
SKIPPED_MODES = {"informative", "notApplicable", "manual"}

# figure -> (column header, format, passes target, target as text)
FIGURES = {
    **{
        name: (short, "{:.0f}", lambda v: v == 100, "100 (warn < 95)")
        for name, short in SHORT_NAMES.items()
    },
    "lcp_s": ("LCP s", "{:.2f}", lambda v: v <= 1.2, "<= 1.2 s"),
    "tbt_ms": ("TBT ms", "{:.0f}", lambda v: v <= 50, "<= 50 ms"),
    "cls": ("CLS", "{:.3f}", lambda v: round(v, 3) == 0, "0"),
    "critical_kib": ("crit KiB", "{:.1f}", lambda v: v <= 50, "<= 50 KiB transferred"),
}


def ensure_lighthouse() -> None:
    """Install Lighthouse into the gitignored bench/.node unless it is there already."""
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
             LIGHTHOUSE_PACKAGE],
            check=True,
        )  # fmt: skip


def run_lighthouse(url: str, attempts: int = 3) -> dict:
    """One Lighthouse run of `url`; returns its report (LHR) as a dict.

    Retries, since Lighthouse with this Chromium now and then fails to record the trace
    (NO_NAVSTART) and itself says to run it again.
    """
    for _ in range(attempts - 1):
        try:
            return run_lighthouse_once(url)
        except RuntimeError as error:
            print(f"  retrying: {str(error).strip().splitlines()[-1]}", file=sys.stderr)
    return run_lighthouse_once(url)


def run_lighthouse_once(url: str) -> dict:
    """A single attempt; raises RuntimeError if Lighthouse could not audit the page."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    return report


def figures(report: dict) -> dict:
    """The figures this bench tracks, read from one report."""
    audits = report["audits"]
    # Critical path: transferSize (compressed bytes on the wire) from the
    # `network-requests` audit, summed over the HTML, CSS and JS requests.
    critical = sum(
        item.get("transferSize", 0)
        for item in audits["network-requests"]["details"]["items"]
        if item.get("resourceType") in CRITICAL_TYPES
    )
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "critical_kib": critical / 1024,
    }


def failing_audits(report: dict) -> dict[str, list[str]]:
    """Per category scoring under 100: titles of its audits that scored below 1."""
    failing = {}
    for name in CATEGORIES:
        category = report["categories"][name]
        if category["score"] == 1:
            continue
        failing[name] = [
            audit["title"]
            for audit in (report["audits"][ref["id"]] for ref in category["auditRefs"])
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit["scoreDisplayMode"] not in SKIPPED_MODES
        ]
    return failing


def measure(base_url: str, runs: int) -> dict:
    """Median figures, every run's figures and failing audits, per page."""
    reports = {page: [] for page in PAGES}
    for run in range(1, runs + 1):  # pages interleaved, so drift hits them alike
        for page in PAGES:
            print(f"run {run}/{runs} {page}", file=sys.stderr, flush=True)
            reports[page].append(run_lighthouse(base_url + page))
    summary = {}
    for page, page_reports in reports.items():
        per_run = [figures(report) for report in page_reports]
        failing: dict[str, Counter] = {}
        for report in page_reports:
            for category, titles in failing_audits(report).items():
                failing.setdefault(category, Counter()).update(titles)
        summary[page] = {
            "median": {name: statistics.median(r[name] for r in per_run) for name in FIGURES},
            "runs": per_run,
            "failing_audits": {c: dict(titles) for c, titles in failing.items()},
            "lighthouse_version": page_reports[0]["lighthouseVersion"],
        }
    return summary


def report_text(summary: dict, runs: int) -> str:
    """The table, each figure against its target, and the audits to fix."""
    width = max(len(page) for page in PAGES)
    lines = [f"Lighthouse, mobile defaults, median of {runs} runs"]
    lines.append(f"{'page':<{width}}  " + "  ".join(f"{h:>8}" for h, *_ in FIGURES.values()))
    for page in PAGES:
        median = summary[page]["median"]
        cells = [fmt.format(median[name]) for name, (_, fmt, *_) in FIGURES.items()]
        lines.append(f"{page:<{width}}  " + "  ".join(f"{c:>8}" for c in cells))

    lines.append("\nagainst targets")
    for name, (_, fmt, passes, target) in FIGURES.items():
        cells = []
        for page in PAGES:
            value = summary[page]["median"][name]
            mark = "ok" if passes(value) else "MISS"
            if name in CATEGORIES and value < 95:
                mark = "WARN"
            cells.append(f"{page} {fmt.format(value)} {mark}")
        lines.append(f"  {name:<14} {target:<22} " + "; ".join(cells))

    for page in PAGES:
        for category, titles in summary[page]["failing_audits"].items():
            if summary[page]["median"][category] == 100:
                continue
            lines.append(f"\n{page} {category}: failing audits (runs failing / {runs})")
            lines += [f"  {count}  {title}" for title, count in titles.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    args = parser.parse_args()
    ensure_lighthouse()

    with acuplan_server(2) as port:
        summary = measure(f"http://127.0.0.1:{port}", args.runs)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"runs": args.runs, "pages": summary}, indent=2) + "\n")
    print(report_text(summary, args.runs))
    print(f"\nfull summary: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
