"""The insights' statistics, run in Chromium from the built modules, against NumPy and SciPy.

The device computes every number itself (offline); these tests give it the same inputs as
NumPy/SciPy and compare: medians, quantiles, rank correlations and the normal quantile
exactly, bootstrap intervals within resampling error (the generators differ).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

pytestmark = pytest.mark.browser

RNG = np.random.default_rng(20261122)


@pytest.fixture
def js(call_module):
    """Call a function of an insights module: js("stats", "median", [1, 2])."""
    return lambda module, name, *args: call_module(f"insights/{module}", name, *args)


@pytest.mark.parametrize("q", [0.0, 0.1, 0.25, 0.5, 0.8, 1.0])
def test_quantiles_match_numpy(js, q):
    values = RNG.integers(0, 11, 37).tolist()
    assert js("stats", "quantile", values, q) == pytest.approx(np.quantile(values, q))


def test_spearman_matches_scipy_with_ties(js):
    xs, ys = RNG.integers(0, 6, 25).tolist(), RNG.integers(0, 11, 25).tolist()
    assert js("stats", "spearman", xs, ys) == pytest.approx(stats.spearmanr(xs, ys)[0])
    assert js("stats", "ranks", xs) == stats.rankdata(xs).tolist()


def test_spearman_of_a_constant_series_is_no_number(js):
    assert js("stats", "spearman", [1, 2, 3, 4], [5, 5, 5, 5]) is None


@pytest.mark.parametrize("p", [0.001, 0.02, 0.1, 0.5, 0.9, 0.95, 0.999])
def test_the_normal_quantile_matches_scipy(js, p):
    assert js("stats", "normalQuantile", p) == pytest.approx(stats.norm.ppf(p), abs=1e-8)


def test_the_spearman_interval_is_fisher_z_with_the_fieller_variance(js):
    rho, n = 0.62, 9
    spread = stats.norm.ppf(0.9) * math.sqrt(1.06 / (n - 3))
    expected = [math.tanh(math.atanh(rho) - spread), math.tanh(math.atanh(rho) + spread)]
    assert js("stats", "spearmanInterval", rho, n, 0.8) == pytest.approx(expected)
    assert js("stats", "spearmanInterval", rho, 3, 0.8) is None


def test_the_bootstrap_interval_of_a_median_agrees_with_scipy(module_page):
    changes = RNG.integers(-5, 2, 30).tolist()
    low, high = module_page.evaluate(
        """async (values) => {
             const s = await import("acuplan/insights/stats");
             return s.bootstrapInterval(values, s.median, {level: 0.8, resamples: 4000, seed: 7});
           }""",
        changes,
    )
    reference = stats.bootstrap(
        (np.array(changes),),
        np.median,
        confidence_level=0.8,
        n_resamples=4000,
        method="percentile",
        random_state=np.random.default_rng(7),
    ).confidence_interval
    # Medians of small integers move in half steps: within one step of each other.
    assert abs(low - reference.low) <= 1 and abs(high - reference.high) <= 1
    assert low <= np.median(changes) <= high


def test_the_same_seed_gives_the_same_interval_every_time(module_page):
    twice = module_page.evaluate(
        """async () => {
             const s = await import("acuplan/insights/stats");
             const values = [1, 4, 2, 8, 5, 7, 3, 3, 6, 2];
             return [1, 2].map(() => s.bootstrapInterval(values, s.mean, {seed: 3}));
           }"""
    )
    assert twice[0] == twice[1]


def moving_block_interval(series, statistic, block, level, resamples, rng):
    """The same moving-block bootstrap in NumPy, as the reference."""
    n = len(series)
    starts = n - block + 1
    results = []
    for _ in range(resamples):
        sample = []
        while len(sample) < n:
            start = rng.integers(0, starts)
            sample += series[start : start + block][: n - len(sample)]
        value = statistic(sample)
        if value is not None:
            results.append(value)
    tail = (1 - level) / 2
    return np.quantile(results, [tail, 1 - tail])


def test_the_block_bootstrap_interval_agrees_with_numpy(module_page):
    days = [
        {"day": i, "practised": bool(RNG.random() < 0.6), "value": int(RNG.integers(1, 6))}
        for i in range(70)
    ]

    def difference(series):
        a = [d["value"] for d in series if d["practised"]]
        b = [d["value"] for d in series if not d["practised"]]
        return np.mean(a) - np.mean(b) if a and b else None

    low, high = module_page.evaluate(
        """async (days) => (await import("acuplan/insights/stats")).blockBootstrapDifference(
             days.map((d) => d.practised), days.map((d) => d.value),
             {block: 7, level: 0.9, resamples: 4000, seed: 5})""",
        days,
    )
    ref_low, ref_high = moving_block_interval(days, difference, 7, 0.9, 4000, RNG)
    width = ref_high - ref_low
    assert abs(low - ref_low) <= 0.15 * width and abs(high - ref_high) <= 0.15 * width


@pytest.mark.parametrize("size", [1, 2, 9, 30])
def test_the_counting_median_bootstrap_draws_exactly_what_sorting_would(module_page, size):
    values = RNG.integers(-6, 4, size).tolist()
    fast, slow = module_page.evaluate(
        """async (values) => {
             const s = await import("acuplan/insights/stats");
             return [s.bootstrapMedianInterval(values, {seed: 11}),
                     s.bootstrapInterval(values, s.median, {seed: 11})];
           }""",
        values,
    )
    assert fast == slow
