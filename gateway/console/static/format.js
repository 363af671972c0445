// finmatch console: how a number of the API reads in the tables and figures. The charts are
// drawn by the server (GET /console/charts/<page>/<chart>.svg, gateway/console/svg.py, which
// formats the same way).
"use strict";
window.ConsoleFormat = (() => {
  // Money arrives as integer fen, ratios as integer basis points (CONTRACT §1).
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

  return { format, kindOf };
})();
