// Small inline SVG charts drawn by the app itself: weekly medians as a line, the changes
// within sessions as bars, habit strength as an area. Colours come from CSS (currentColor and the
// .chart-* classes), so dark mode follows; every chart carries its text equivalent as
// role="img" with an aria-label, and the same text in a <figcaption> for everyone.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 120;
const PAD = { top: 10, right: 8, bottom: 20, left: 24 };

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

function text(x, y, words, anchor = "middle") {
  const node = svg("text", { x, y, "text-anchor": anchor, class: "chart-label" });
  node.textContent = words;
  return node;
}

function frame(label, caption, ...parts) {
  const figure = document.createElement("figure");
  figure.className = "chart";
  const drawing = svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label, focusable: "false" },
    ...parts,
  );
  const words = document.createElement("figcaption");
  words.textContent = caption ?? label;
  figure.append(drawing, words);
  return figure;
}

const scale = (value, [from, to], [low, high]) =>
  low + ((value - from) / (to - from || 1)) * (high - low);

/**
 * Weekly medians as a line with a dot per week. `points` is [{label, value}], `range` the
 * scale's [min, max] (0–10 for pain and stress, 1–5 for sleep); `label` the text equivalent.
 */
export function lineChart(points, range, label, caption) {
  const x = (i) => scale(i, [0, Math.max(points.length - 1, 1)], [PAD.left, WIDTH - PAD.right]);
  const y = (v) => scale(v, range, [HEIGHT - PAD.bottom, PAD.top]);
  const axis = [range[0], range[1]].map((v) => text(PAD.left - 6, y(v) + 4, String(v), "end"));
  const grid = svg("line", {
    x1: PAD.left, x2: WIDTH - PAD.right, y1: y(range[0]), y2: y(range[0]), class: "chart-axis",
  });
  const line = svg("polyline", {
    points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(" "),
    class: "chart-line",
    fill: "none",
  });
  const dots = points.map((p, i) => svg("circle", { cx: x(i), cy: y(p.value), r: 3, class: "chart-dot" }));
  const ends = points.length
    ? [text(x(0), HEIGHT - 4, points[0].label, "start"),
      text(x(points.length - 1), HEIGHT - 4, points.at(-1).label, "end")]
    : [];
  return frame(label, caption, grid, ...axis, line, ...dots, ...ends);
}

/**
 * How many sessions changed by each amount, as bars from -10 to +10, with the median as a
 * line and its interval as a band. Lower is better, so "less" is on the left.
 */
export function changeChart(changes, median, interval, label, caption) {
  const x = (v) => scale(v, [-10.5, 10.5], [PAD.left, WIDTH - PAD.right]);
  const base = HEIGHT - PAD.bottom;
  const counts = new Map();
  for (const change of changes) counts.set(change, (counts.get(change) ?? 0) + 1);
  const most = Math.max(...counts.values(), 1);
  const step = x(1) - x(0);
  const band = interval
    ? [svg("rect", {
      x: x(interval[0]) - step / 2, y: PAD.top,
      width: x(interval[1]) - x(interval[0]) + step, height: base - PAD.top, class: "chart-band",
    })]
    : [];
  const bars = [...counts].map(([change, count]) => {
    const height = Math.max(((base - PAD.top) * count) / most, 2);
    return svg("rect", {
      x: x(change) - step * 0.35, y: base - height, width: step * 0.7, height, class: "chart-dot",
    });
  });
  const mid = median === null || median === undefined
    ? []
    : [svg("line", { x1: x(median), x2: x(median), y1: PAD.top, y2: base, class: "chart-median" })];
  const zero = svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: base, y2: base, class: "chart-axis" });
  const labels = [text(x(-10), HEIGHT - 4, "−10 less", "start"), text(x(0), HEIGHT - 4, "0"),
    text(x(10), HEIGHT - 4, "+10 more", "end")];
  return frame(label, caption, ...band, zero, ...bars, ...mid, ...labels);
}

/** Habit strength from 0 to 1 over days, as a filled area. `days` is [{day, score}]. */
export function strengthChart(days, label, caption) {
  const x = (i) => scale(i, [0, Math.max(days.length - 1, 1)], [PAD.left, WIDTH - PAD.right]);
  const y = (v) => scale(v, [0, 1], [HEIGHT - PAD.bottom, PAD.top]);
  const top = days.map((d, i) => `${x(i)},${y(d.score)}`);
  const area = svg("polygon", {
    points: [`${x(0)},${y(0)}`, ...top, `${x(days.length - 1)},${y(0)}`].join(" "),
    class: "chart-area",
  });
  return frame(label, caption, area, text(PAD.left - 6, y(1) + 4, "100%", "end"),
    text(PAD.left - 6, y(0) + 4, "0", "end"));
}
