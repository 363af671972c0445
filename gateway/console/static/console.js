// finmatch regulator console: signs in with an API key kept in this tab's sessionStorage, reads
// the public API with it (GET only: the console offers no write of any kind) and fills the
// figures and tables the server-rendered shell has slots for; the charts are SVG the gateway
// draws (GET /console/charts/<page>/<chart>.svg, the same key and filters), put in as they come.
"use strict";
(() => {
  const KEY = "finmatch.console.key";
  const NOT_RECOGNISED = "API key not recognised / API 密钥无效";
  const READERS = ["admin", "regulator"];
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const labels = JSON.parse($("#console-labels").textContent);
  const sources = JSON.parse($("#console-sources").textContent);
  const answers = {};
  const { format, kindOf } = window.ConsoleFormat;

  const get = (obj, path) => path.split(".").reduce((at, part) => (at == null ? undefined : at[part]), obj);
  const label = (key) => labels[key] || key;

  function statusMessage(status) {
    if (status === 403) return "此密钥无权查看 This key may not read this (403)";
    if (status === 404) return "暂不可用 Not available on this platform (404)";
    if (status === 429) return "请求过多，请稍后再试 Too many requests, try again shortly (429)";
    if (status >= 502 && status <= 504) return `服务暂不可用 Service unavailable (${status})`;
    return `错误 Error (${status})`;
  }

  async function call(path, key, accept = "application/json") {
    const headers = { Authorization: `Bearer ${key}`, Accept: accept };
    return fetch(path, { method: "GET", headers, credentials: "omit", cache: "no-store" });
  }

  async function whoAmI(key) {
    try {
      const response = await call("/v1/me", key);
      if (response.status === 401) return { error: NOT_RECOGNISED };
      if (!response.ok) return { error: statusMessage(response.status) };
      return { me: await response.json() };
    } catch (_) {
      return { error: "无法连接网关 Cannot reach the gateway" };
    }
  }

  // ---- sign-in -------------------------------------------------------------------------------
  function showSignIn(message) {
    $("#sign-in").hidden = false;
    $("#content").hidden = true;
    $("#who").hidden = true;
    const error = $("#sign-in-error");
    error.hidden = !message;
    error.textContent = message || "";
    $("#api-key").focus();
  }

  function signedIn(me) {
    $("#sign-in").hidden = true;
    $("#content").hidden = false;
    $("#who").hidden = false;
    $("#who-name").textContent = `${me.name} (${me.role})`;
    document.body.dataset.role = me.role;
    if (!READERS.includes(me.role)) {
      notice(`此密钥角色为 ${me.role}：控制台面向 admin 与 regulator，部分数据将被拒绝。` +
        ` This key's role is ${me.role}: the console is for admin and regulator keys; some figures will be refused.`);
    }
  }

  function notice(text) {
    const box = $("#notice");
    box.hidden = !text;
    box.textContent = text || "";
  }

  async function submitKey(event) {
    event.preventDefault();
    const input = $("#api-key");
    const key = input.value.trim();
    if (!key) return;
    const button = $("#sign-in-button");
    button.disabled = true;
    const result = await whoAmI(key);
    button.disabled = false;
    if (result.error) return showSignIn(result.error);
    input.value = "";
    sessionStorage.setItem(KEY, key);
    signedIn(result.me);
    await loadAll(key);
  }

  function signOut() {
    sessionStorage.removeItem(KEY);
    location.reload();
  }

  // ---- data ----------------------------------------------------------------------------------
  function filterParams() {
    const params = new URLSearchParams();
    for (const name of ["from", "to", "region_code"]) {
      const field = $(`#filters [name="${name}"]`);
      if (field && field.value) params.set(name, field.value);
    }
    return params;
  }

  function withQuery(path, params) {
    const text = params.toString();
    if (!text) return path;
    return path + (path.includes("?") ? "&" : "?") + text;
  }

  async function mapLimited(items, limit, work) {
    let next = 0;
    const run = async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  }

  async function load(source, key, params) {
    const url = withQuery(source.path, source.filtered ? params : new URLSearchParams());
    let response;
    try {
      response = await call(url, key);
    } catch (_) {
      return { url, error: "无法连接网关 Cannot reach the gateway", status: 0 };
    }
    if (response.status === 401) throw new Error(NOT_RECOGNISED);
    if (!response.ok) return { url, error: statusMessage(response.status), status: response.status };
    const body = await response.json();
    if (source.each && Array.isArray(body.items)) {
      await mapLimited(body.items, 4, async (item, index) => {
        const each = await call(source.each.replace("{id}", encodeURIComponent(item.id)), key);
        if (each.ok) body.items[index] = { ...item, ...(await each.json()) };
      });
    }
    return { url, body };
  }

  async function loadAll(key) {
    const params = filterParams();
    // The charts are read alongside the figures; each shows its own refusal, if any.
    const charts = mapLimited($$("figure.chart"), 6, (el) => loadChart(el, key, params));
    try {
      await Promise.all(sources.map(async (s) => { answers[s.id] = await load(s, key, params); }));
    } catch (error) {
      sessionStorage.removeItem(KEY);
      return showSignIn(error.message);
    }
    // A list of orgs names the ids the figures are keyed by (banks in by_bank, for instance).
    for (const s of sources.filter((one) => one.names)) {
      for (const item of (answers[s.id].body || {}).items || []) labels[item.id] = item.name;
    }
    const refused = sources.filter((s) => answers[s.id].error && !(s.optional && (answers[s.id].status === 404 || s.names)));
    if (refused.length) notice(refused.map((s) => `${s.path}: ${answers[s.id].error}`).join(" · "));
    $$(".figure").forEach(fillFigure);
    $$("section.table").forEach(fillTable);
    await charts;
    document.body.dataset.loaded = "true";
  }

  function fillFigure(el) {
    const answer = answers[el.dataset.source] || {};
    const out = $(".value", el);
    let value = answer.body ? get(answer.body, el.dataset.path) : undefined;
    if (value === undefined && answer.body && el.dataset.alt) value = get(answer.body, el.dataset.alt);
    el.classList.toggle("absent", value === undefined);
    out.textContent = format(value, el.dataset.kind);
    out.dataset.value = value === undefined || value === null ? "" : String(value);
    if (answer.error) el.title = answer.error;
  }


  // ---- charts ------------------------------------------------------------------------------
  function chartMessage(el, text) {
    $(".plot", el).replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: text }));
  }

  async function loadChart(el, key, params) {
    const url = withQuery(`/console/charts/${document.body.dataset.page}/${el.dataset.chart}.svg`, params);
    let response;
    try {
      response = await call(url, key, "image/svg+xml");
    } catch (_) {
      return chartMessage(el, "无法连接网关 Cannot reach the gateway");
    }
    // A statistics endpoint this platform does not have (404) leaves its charts out.
    el.hidden = response.status === 404;
    if (!response.ok) return chartMessage(el, statusMessage(response.status));
    const parsed = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
    const svg = parsed.documentElement;
    if (svg.localName !== "svg" || parsed.getElementsByTagName("parsererror").length) {
      return chartMessage(el, "图表无法显示 The chart could not be read");
    }
    // A breakdown the answer does not carry at all is left out, not shown empty.
    el.hidden = svg.getAttribute("data-absent") === "true";
    const metric = svg.getAttribute("data-metric-label");
    if (metric) $("figcaption", el).dataset.metric = metric;
    $(".plot", el).replaceChildren(document.importNode(svg, true));
  }

  // ---- tables --------------------------------------------------------------------------------
  function flatten(value, prefix = "", into = {}) {
    for (const [k, v] of Object.entries(value)) {
      if (v && typeof v === "object" && !Array.isArray(v)) flatten(v, `${prefix}${k}.`, into);
      else if (!Array.isArray(v)) into[`${prefix}${k}`] = v;
    }
    return into;
  }

  // A breakdown (by_region, by_month, by_bank) reads in key order; tiers in the answer's order.
  function rowsOf(data, rowsName) {
    if (Array.isArray(data)) return data.map((item) => ({ key: "", values: flatten(item) }));
    const entries = Object.entries(data);
    if (rowsName.startsWith("by_")) entries.sort(([a], [b]) => (a < b ? -1 : 1));
    return entries.map(([key, v]) => ({ key, values: v && typeof v === "object" ? flatten(v) : { value: v } }));
  }

  function headerOf(section, rows) {
    const given = $$("thead th", section);
    if (given.length) return given.map((th) => ({ key: th.dataset.key, kind: th.dataset.kind || "count" }));
    const keys = [];
    rows.forEach((r) => Object.keys(r.values).forEach((k) => keys.includes(k) || keys.push(k)));
    const columns = [{ key: "@key", kind: "text" }, ...keys.map((k) => ({ key: k, kind: kindOf(k) }))];
    const tr = document.createElement("tr");
    for (const c of columns) {
      const th = Object.assign(document.createElement("th"), { textContent: label(c.key === "@key" ? `@${section.dataset.rows}` : c.key) });
      th.dataset.key = c.key;
      tr.append(th);
    }
    $("thead", section).replaceChildren(tr);
    return columns;
  }

  function fillTable(section) {
    const answer = answers[section.dataset.source] || {};
    const optional = section.dataset.optional === "true";
    const data = answer.body ? answer.body[section.dataset.rows] : undefined;
    const empty = $(".empty", section);
    section.hidden = optional && (data === undefined || data === null) && (!answer.error || answer.status === 404);
    if (data === undefined || data === null) {
      empty.hidden = false;
      empty.textContent = answer.error || "—";
      return;
    }
    const rows = rowsOf(data, section.dataset.rows);
    const columns = headerOf(section, rows);
    $("tbody", section).replaceChildren(...rows.map((r) => tableRow(r, columns, section.dataset.rows)));
    empty.hidden = rows.length > 0;
    empty.textContent = "无数据 No rows";
  }

  function tableRow(row, columns, rowsName) {
    const tr = document.createElement("tr");
    for (const c of columns) {
      const raw = c.key === "@key" ? row.key : row.values[c.key];
      const named = c.kind === "text" && c.key.endsWith("_org_id") ? label(raw) : format(raw, c.kind);
      const text = c.key === "@key" ? (rowsName === "by_month" ? row.key : label(row.key)) : named;
      const td = Object.assign(document.createElement("td"), { textContent: text });
      td.dataset.key = c.key;
      td.dataset.value = raw === undefined || raw === null ? "" : String(raw);
      if (c.kind !== "text" && c.key !== "@key") td.className = "num";
      tr.append(td);
    }
    return tr;
  }

  // ---- CSV -----------------------------------------------------------------------------------
  const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

  function csvOfTable(section) {
    const keys = $$("thead th", section).map((th) => (th.dataset.key === "@key" ? section.dataset.rows : th.dataset.key));
    const lines = [keys.map(csvCell).join(",")];
    for (const tr of $$("tbody tr", section)) lines.push($$("td", tr).map((td) => csvCell(td.dataset.value)).join(","));
    return new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  }

  function download(blob, name) {
    const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // The statistics answer CSV themselves with Accept: text/csv (CONTRACT §1); a link cannot send
  // that header, so it is fetched here. A list, or a service that answers JSON, gives the table.
  async function csv(event) {
    const section = event.target.closest("section.table");
    const source = sources.find((s) => s.id === section.dataset.source);
    const answer = answers[section.dataset.source] || {};
    const key = sessionStorage.getItem(KEY);
    let blob = null;
    if (source && !source.each && answer.url && key && section.dataset.rows !== "items") {
      try {
        const response = await call(answer.url, key, "text/csv");
        if (response.ok && (response.headers.get("content-type") || "").startsWith("text/csv")) blob = await response.blob();
      } catch (_) { blob = null; }
    }
    download(blob || csvOfTable(section), `${section.id}.csv`);
  }

  // ---- start ---------------------------------------------------------------------------------
  function keepFiltersInLinks() {
    const params = filterParams();
    if (!params.toString()) return;
    $$('nav a[href^="/console/"]').forEach((a) => { a.href = withQuery(a.getAttribute("href"), params); });
  }

  async function start() {
    $("#sign-in-form").addEventListener("submit", submitKey);
    $("#sign-out").addEventListener("click", signOut);
    $$("button.csv").forEach((b) => b.addEventListener("click", csv));
    keepFiltersInLinks();
    const key = sessionStorage.getItem(KEY);
    if (!key) return showSignIn();
    const result = await whoAmI(key);
    if (result.error) {
      sessionStorage.removeItem(KEY);
      return showSignIn(result.error);
    }
    signedIn(result.me);
    await loadAll(key);
  }

  start();
})();
