// finmatch console: number formatting and the SVG bar and line charts, drawn without a library.
"use strict";
window.ConsoleDraw = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  // Formatting: money arrives as integer fen, ratios as integer basis points (CONTRACT §1).
  const groups = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = (n) => (n < 0 ? "-" : "");
  const fen = (n) => `${sign(n)}${groups(Math.floor(Math.abs(n) / 100))}.${String(Math.abs(n) % 100).padStart(2, "0")} 元`;
  const bp = (n) => `${sign(n)}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, "0")}%`;
  const minutes = (n) => (n < 60 ? `${n} 分钟 min` : `${groups(Math.floor(n / 60))} 小时 h ${n % 60} 分 min`);
  const kindOf = (key) => (key.endsWith("_fen") ? "fen" : key.endsWith("_bp") ? "bp" : key.endsWith("_minutes") ? "minutes" : "count");
  function format(value, kind) {
    if (value === undefined || value === null) return "—";
    if (typeof value !== "number" || kind === "text") return String(value);
    if (kind === "fen") return fen(value);
    if (kind === "bp") return bp(value);
    if (kind === "minutes") return minutes(value);
    return `${sign(value)}${groups(Math.abs(value))}`;
  }

  function node(name, attrs = {}, text) {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function svgFor(plot, height, title) {
    const width = Math.max(280, Math.round(plot.clientWidth || 560));
    const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": title });
    plot.replaceChildren(svg);
    return { svg, width };
  }

  // Labels beside the bars; on a narrow screen above them, so a long label is never cut.
  function barChart(plot, bars, kind, title, targetBp) {
    const narrow = (plot.clientWidth || 560) < 480;
    const row = narrow ? 42 : 30;
    const { svg, width } = svgFor(plot, bars.length * row + 14, title);
    const labelWidth = narrow ? 0 : Math.min(210, Math.round(width * 0.4));
    const room = width - labelWidth - 110;
    const max = Math.max(1, targetBp || 0, ...bars.map((b) => b.value));
    bars.forEach((b, i) => {
      const y = i * row + (narrow ? 20 : 6);
      const length = Math.max(b.value > 0 ? 2 : 0, (Math.max(0, b.value) / max) * room);
      const name = narrow
        ? node("text", { x: 0, y: y - 5, class: "axis" }, b.label)
        : node("text", { x: labelWidth - 6, y: y + 15, class: "axis", "text-anchor": "end" }, b.label);
      const bar = node("rect", { x: labelWidth, y, width: length, height: narrow ? 16 : row - 10, class: "bar", "data-value": b.value });
      bar.append(node("title", {}, `${b.label}: ${format(b.value, kind)}`));
      const amount = node("text", { x: labelWidth + length + 6, y: y + (narrow ? 13 : 15), class: "amount" }, format(b.value, kind));
      svg.append(name, bar, amount);
    });
    if (targetBp) {
      const x = labelWidth + (targetBp / max) * room;
      svg.append(node("line", { x1: x, x2: x, y1: 0, y2: bars.length * row + 14, class: "target" }));
      svg.append(node("text", { x: Math.min(x + 4, width - 110), y: bars.length * row + 12, class: "axis" }, `目标 target ${bp(targetBp)}`));
    }
  }

  function lineChart(plot, points, kind, title) {
    const height = 210;
    const { svg, width } = svgFor(plot, height, title);
    const left = 16, right = 16, top = 24, bottom = 36;
    const max = Math.max(1, ...points.map((p) => p.value));
    const step = points.length > 1 ? (width - left - right) / (points.length - 1) : 0;
    const at = (p, i) => [left + (points.length > 1 ? i * step : (width - left - right) / 2),
      top + (1 - Math.max(0, p.value) / max) * (height - top - bottom)];
    svg.append(node("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "baseline" }));
    svg.append(node("polyline", { points: points.map((p, i) => at(p, i).join(",")).join(" "), class: "line" }));
    const every = Math.ceil(points.length / Math.max(1, Math.floor(width / 70)));
    points.forEach((p, i) => {
      const [x, y] = at(p, i);
      const dot = node("circle", { cx: x, cy: y, r: 4, class: "dot", "data-value": p.value });
      dot.append(node("title", {}, `${p.label}: ${format(p.value, kind)}`));
      svg.append(dot);
      if (i % every === 0) svg.append(node("text", { x, y: height - 14, class: "axis", "text-anchor": "middle" }, p.label));
    });
  }

  return { format, kindOf, bp, barChart, lineChart };
})();
