// The statistics behind the insights: medians, quantiles, bootstrap intervals, rank
// correlation. Pure (no DOM, no store), seeded, so a page shows the same numbers every time
// for the same journal, and tests compare them with NumPy and SciPy.

/** A seeded pseudo-random generator (mulberry32): a function giving numbers in [0, 1). */
export function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile of numbers, interpolated linearly between ranks (NumPy's default). */
export function quantile(values, q) {
  const sorted = Float64Array.from(values).sort();
  if (!sorted.length) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

export function mean(values) {
  if (!values.length) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * A percentile bootstrap interval for `statistic` of `values`: resample with replacement
 * `resamples` times and take the middle `level` of the results.
 */
export function bootstrapInterval(values, statistic, { level = 0.8, resamples = 2000, seed = 1 } = {}) {
  const random = randomFrom(seed);
  const n = values.length;
  const sample = new Array(n);
  const results = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < n; i += 1) sample[i] = values[Math.floor(random() * n)];
    results[r] = statistic(sample);
  }
  const tail = (1 - level) / 2;
  return [quantile(results, tail), quantile(results, 1 - tail)];
}

/**
 * A percentile bootstrap interval for the median of small whole numbers (scores, changes),
 * drawn by counting rather than sorting each resample: the same draws and the same result
 * as bootstrapInterval(values, median), in a fraction of the time.
 */
export function bootstrapMedianInterval(values, { level = 0.8, resamples = 2000, seed = 1 } = {}) {
  const whole = values.every((v) => Number.isInteger(v) && Math.abs(v) <= 100);
  if (!whole) return bootstrapInterval(values, median, { level, resamples, seed });
  const n = values.length;
  const counts = new Int32Array(201);
  let state = seed >>> 0; // randomFrom's generator, inlined: this loop draws a million times
  const results = new Float64Array(resamples);
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.ceil((n - 1) / 2);
  for (let r = 0; r < resamples; r += 1) {
    counts.fill(0);
    for (let i = 0; i < n; i += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      counts[values[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)] + 100] += 1;
    }
    let seen = 0;
    let low = null;
    for (let bin = 0; bin < counts.length; bin += 1) {
      seen += counts[bin];
      if (low === null && seen > lowRank) low = bin - 100;
      if (seen > highRank) {
        results[r] = (low + bin - 100) / 2;
        break;
      }
    }
  }
  const tail = (1 - level) / 2;
  return [quantile(results, tail), quantile(results, 1 - tail)];
}

/**
 * A moving-block bootstrap interval for the difference of means between two kinds of day
 * (mean of `values` where `flags` is true, minus where false), for a series whose
 * neighbours are alike: blocks of `block` consecutive days are drawn whole, so a good week
 * stays a week. Draws without both kinds are left out.
 */
export function blockBootstrapDifference(
  flags,
  values,
  { block = 7, level = 0.8, resamples = 2000, seed = 1 } = {},
) {
  const random = randomFrom(seed);
  const n = values.length;
  const starts = Math.max(n - block + 1, 1);
  const results = [];
  for (let r = 0; r < resamples; r += 1) {
    let taken = 0;
    let sumWith = 0;
    let countWith = 0;
    let sumWithout = 0;
    let countWithout = 0;
    while (taken < n) {
      const start = Math.floor(random() * starts);
      for (let i = start; i < start + block && i < n && taken < n; i += 1, taken += 1) {
        if (flags[i]) {
          sumWith += values[i];
          countWith += 1;
        } else {
          sumWithout += values[i];
          countWithout += 1;
        }
      }
    }
    if (countWith && countWithout) results.push(sumWith / countWith - sumWithout / countWithout);
  }
  if (!results.length) return null;
  const tail = (1 - level) / 2;
  return [quantile(results, tail), quantile(results, 1 - tail)];
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(values) {
  const order = values.map((value, index) => [value, index]).sort((a, b) => a[0] - b[0]);
  const result = new Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) result[order[k][1]] = rank;
    i = j + 1;
  }
  return result;
}

function pearson(xs, ys) {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Spearman's rank correlation (SciPy's spearmanr), null when either side is constant. */
export const spearman = (xs, ys) => pearson(ranks(xs), ranks(ys));

/** The standard normal quantile (Acklam's rational approximation, error < 1.2e-9). */
export function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269,
    -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838,
    -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * An interval for a Spearman correlation from n pairs: Fisher's z with the variance
 * 1.06 / (n - 3) of Fieller, Hartley and Pearson (1957). Null below 4 pairs.
 */
export function spearmanInterval(rho, n, level = 0.8) {
  if (rho === null || n < 4) return null;
  const z = Math.atanh(Math.max(Math.min(rho, 0.999999), -0.999999));
  const spread = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(1.06 / (n - 3));
  return [Math.tanh(z - spread), Math.tanh(z + spread)];
}
