// SolarTap web page: reads the JSON API (docs/web-api.md) and follows /api/events. Everything from the appliance is
// put on the page as text (textContent), never as HTML.
"use strict";

const devices = new Map(); // "kind/serial" -> newest reading
let rows = [];
let lastStatus = null;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
  return node;
}

function fill(tbody, items, cells) {
  tbody.replaceChildren(...items.map((item) => el("tr", {}, ...cells(item).map((c) =>
    c instanceof Node ? el("td", {}, c) : el("td", typeof c === "number" ? { class: "num" } : {}, c)))));
}

function num(value, digits = 0) {
  return value == null || Number.isNaN(value) ? "–" : value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function power(w) {
  if (w == null) return "–";
  return Math.abs(w) >= 10000 ? num(w / 1000, 1) + " kW" : num(w) + " W";
}

function energy(wh) {
  if (wh == null) return "–";
  return Math.abs(wh) >= 10000 ? num(wh / 1000, 1) + " kWh" : num(wh) + " Wh";
}

function time(text) {
  if (!text) return "–";
  const d = new Date(text);
  return d.toISOString().replace("T", " ").slice(0, 19) + "Z";
}

// A quantity's total, or the sum of its phases when the device reports only those.
function total(values, quantity) {
  if (values[quantity] != null) return values[quantity];
  let sum = null;
  for (const [key, v] of Object.entries(values)) {
    if (key.startsWith(quantity + ".L") && v != null) sum = (sum ?? 0) + v;
  }
  return sum;
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

// --- status -------------------------------------------------------------------------------------------------------

function renderStatus(s) {
  lastStatus = s;
  const state = $("state");
  state.textContent = s.state.replace("_", " ");
  state.className = "badge " + s.state;
  $("summary").textContent = s.summary;
  $("messages").replaceChildren(...s.messages.map((m) => el("li", {}, m)));

  fill($("link-inverters").tBodies[0], s.inverters, (i) => [
    i.serial ?? "–", i.mac ?? "–", i.address ?? "–", i.hostname ?? "–", i.firmware.replaceAll("_", " "), i.posts, time(i.last_post),
  ]);
  $("guidance").replaceChildren(...s.inverters.filter((i) => i.guidance).map((i) => el("li", {}, `${i.serial ?? i.address}: ${i.guidance}`)));
  fill($("sources").tBodies[0], s.sources, (src) => [
    src.name, el("span", { class: "state-" + src.state }, src.state), src.detail ?? "",
    Object.entries(src.counters).map(([k, v]) => `${k} ${v}`).join(", "),
  ]);
  const rs485 = s.sources.filter((src) => src.name.startsWith("rs485"));
  $("rs485").textContent = rs485.length === 0
    ? "No RS485 source is running."
    : rs485.map((src) => `${src.name}: ${src.state}${src.detail ? ", " + src.detail : ""}`).join("; ");
  fill($("sinks").tBodies[0], s.sinks, (k) => [
    k.name, el("span", { class: "state-" + k.state }, k.state), k.backlog, time(k.last_delivery), k.detail ?? "",
  ]);
  if (s.sinks.length === 0) fill($("sinks").tBodies[0], [0], () => ["No sink is configured (mqtt, jsonl).", "", "", "", ""]);
  renderInverters();
}

// --- site and panels ----------------------------------------------------------------------------------------------

function mergeDevices(list) {
  for (const d of list) devices.set(d.kind + "/" + d.serial, d);
}

function inverters() {
  return [...devices.values()].filter((d) => d.kind === "inverter");
}

function renderSite() {
  const list = inverters();
  let sumPower = null, sumEnergy = null, newest = null;
  for (const d of list) {
    const p = total(d.values, "AcPower");
    const e = d.values.EnergyToday;
    if (p != null) sumPower = (sumPower ?? 0) + p;
    if (e != null) sumEnergy = (sumEnergy ?? 0) + e;
  }
  for (const d of devices.values()) if (!newest || d.time > newest) newest = d.time;
  $("site-power").textContent = power(sumPower);
  $("site-energy").textContent = energy(sumEnergy);
  $("site-time").textContent = time(newest);
  renderInverters();
  renderPanels();
}

const cards = new Map(); // serial -> card element

function renderInverters() {
  const container = $("inverters");
  for (const d of inverters()) {
    let card = cards.get(d.serial);
    if (!card) {
      card = el("div", { class: "card", dataset: { serial: d.serial } },
        el("h3", {}, "Inverter " + d.serial), el("dl", { class: "facts" }), el("div", { class: "chart-box" }));
      cards.set(d.serial, card);
      container.append(card);
      loadChart(d.serial);
    }
    const seen = lastStatus?.inverters.find((i) => i.serial === d.serial);
    const facts = [
      ["AC power", power(total(d.values, "AcPower"))],
      ["Energy today", energy(d.values.EnergyToday)],
      ["Energy total", energy(d.values.EnergyTotal)],
      ["DC voltage", num(d.values.DcVoltage, 1) + " V"],
      ["Temperature", num(d.values.Temperature, 1) + " °C"],
      ["Firmware", seen ? seen.firmware.replaceAll("_", " ") : "–"],
      ["Reading", time(d.time)],
    ];
    card.querySelector("dl").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }
}

function renderPanels() {
  const map = $("panel-map");
  const optimizers = [...devices.values()].filter((d) => d.kind === "optimizer");
  const byLayout = rows.length > 0;
  let shownRows = rows;
  if (!byLayout) {
    // No layout and no rows from the server yet: group what we have by inverter.
    const groups = new Map();
    for (const o of optimizers) {
      const key = o.parent ? "Inverter " + o.parent : "Optimizers of an unknown inverter";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(o.serial);
    }
    shownRows = [...groups].map(([name, list]) => ({ name, optimizers: list.sort() }));
  }
  let max = 0;
  for (const o of optimizers) max = Math.max(max, o.values.DcPower ?? 0);
  map.replaceChildren(...shownRows.map((row) => el("div", { class: "panel-row" },
    el("div", { class: "name" }, `${row.name} (${row.optimizers.length})`),
    el("div", { class: "panel-grid" }, ...row.optimizers.map((serial) => panel(serial, max))))));
  if (shownRows.length === 0) map.replaceChildren(el("p", { class: "hint" }, "No optimizer has reported yet."));
}

function panel(serial, max) {
  const d = devices.get("optimizer/" + serial);
  if (!d) {
    return el("div", { class: "panel missing", title: `${serial}: no reading yet`, dataset: { serial } }, el("span", {}, "–"));
  }
  const w = d.values.DcPower ?? null;
  const f = max > 0 && w != null ? Math.max(0, Math.min(1, w / max)) : 0;
  // dark blue (no power) to yellow (the most of any panel)
  const hue = 230 - f * 180, light = 22 + f * 33;
  const title = `${serial}: ${power(w)}, ${num(d.values.DcVoltage, 1)} V, ${num(d.values.DcCurrent, 2)} A, ` +
    `${num(d.values.Temperature, 0)} °C, energy today ${energy(d.values.EnergyToday)}, ${time(d.time)}`;
  const node = el("div", { class: "panel" + (f > 0.6 ? " bright" : ""), title, dataset: { serial } },
    el("span", { class: "w" }, w == null ? "–" : Math.round(w)), el("span", {}, serial.slice(-4)));
  node.style.background = `hsl(${hue} 70% ${light}%)`;
  return node;
}

// --- 24-hour chart (SVG drawn here; no library) --------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
}

async function loadChart(serial) {
  try {
    drawChart(serial, await getJson("/api/history?hours=24&serial=" + encodeURIComponent(serial)));
  } catch (e) {
    console.warn("chart", serial, e.message);
  }
}

function drawChart(serial, history) {
  const box = cards.get(serial)?.querySelector(".chart-box");
  if (!box) return;
  const W = 600, H = 160, L = 44, B = 20, T = 8;
  const since = Date.parse(history.since), until = Date.parse(history.until);
  const points = history.points.map((p) => [Date.parse(p.time), p.watts]);
  const peak = Math.max(100, ...points.map((p) => p[1]));
  const step = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].find((s) => peak / s <= 4) ?? 100000;
  const top = Math.ceil(peak / step) * step;
  const x = (t) => L + ((t - since) / (until - since)) * (W - L - 4);
  const y = (w) => T + (1 - w / top) * (H - T - B);
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `AC power of ${serial}, last 24 hours` });
  for (let v = 0; v <= top; v += step) {
    chart.append(svg("line", { class: "axis", x1: L, x2: W - 4, y1: y(v), y2: y(v) }));
    chart.append(svg("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end" }, v >= 1000 ? v / 1000 + " kW" : v + " W"));
  }
  for (let h = 0; h <= 24; h += 6) {
    const t = since + h * 3600e3;
    chart.append(svg("text", { x: x(t), y: H - 5, "text-anchor": h === 0 ? "start" : h === 24 ? "end" : "middle" },
      new Date(t).toISOString().slice(11, 16)));
  }
  if (points.length > 0) {
    const line = points.map(([t, w]) => `${x(t).toFixed(1)},${y(w).toFixed(1)}`).join(" ");
    const base = y(0).toFixed(1);
    chart.append(svg("polygon", { class: "area", points: `${x(points[0][0]).toFixed(1)},${base} ${line} ${x(points.at(-1)[0]).toFixed(1)},${base}` }));
  } else {
    chart.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "No readings in the last 24 hours"));
  }
  box.replaceChildren(chart);
}

// --- diagnostics, configuration, settings ---------------------------------------------------------------------------

async function loadDiagnostics() {
  const d = await getJson("/api/diagnostics");
  fill($("dns-names").tBodies[0], d.dns_names, (n) => [n.client, n.name, time(n.first_asked)]);
  if (d.dns_names.length === 0) fill($("dns-names").tBodies[0], [0], () => ["No names asked yet.", "", ""]);
  const j = d.journal;
  const facts = j
    ? [["File", j.path], ["Readings", num(j.readings)], ["Devices", num(j.devices)], ["From", time(j.first)], ["To", time(j.last)],
      ["Space used", num(j.used_bytes / 1048576, 1) + " MB"], ["Undecodable frames kept", num(j.unknown_frames)],
      ...j.cursors.map((c) => [`Sink ${c.sink}`, `delivered up to ${c.sequence}, backlog ${c.backlog}`])]
    : [["Journal", d.journal_problem ?? "–"]];
  $("journal").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  $("sessions").textContent = d.sessions_file ? "SolarEdge session keys are kept in " + d.sessions_file + "." : "";
}

async function loadConfig() {
  const c = await getJson("/api/config");
  $("config-file").textContent = c.file ? `File: ${c.file}${c.valid ? "" : " (has errors, see above)"}` : "No configuration file: the defaults apply.";
  $("config-text").textContent = JSON.stringify(c.settings, null, 2);
}

async function loadSettings() {
  const s = await getJson("/api/settings");
  document.querySelector("#settings-form [name=interval]").value = s.display_page_interval_seconds;
  if (!s.password_set) {
    $("settings-result").textContent = "Changes are off: no password is set (web.password_hash; see docs/web.md).";
  }
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.target;
  const result = $("settings-result");
  const headers = { "Content-Type": "application/json" };
  if (form.password.value) {
    const bytes = new TextEncoder().encode("admin:" + form.password.value);
    headers.Authorization = "Basic " + btoa(String.fromCharCode(...bytes));
  }
  const response = await fetch("/api/settings", {
    method: "POST", headers, body: JSON.stringify({ display_page_interval_seconds: Number(form.interval.value) }),
  });
  const body = await response.json();
  result.textContent = response.ok ? `Saved: OLED pages change every ${body.display_page_interval_seconds} s.` : body.message;
}

// --- live updates -------------------------------------------------------------------------------------------------

function connect() {
  const live = $("live");
  const events = new EventSource("/api/events");
  events.addEventListener("open", () => { live.textContent = "live"; live.className = "live on"; });
  events.addEventListener("error", () => { live.textContent = "reconnecting"; live.className = "live off"; });
  events.addEventListener("status", (e) => renderStatus(JSON.parse(e.data)));
  events.addEventListener("readings", (e) => {
    const before = new Set(devices.keys());
    mergeDevices(JSON.parse(e.data).devices);
    if ([...devices.keys()].some((k) => !before.has(k))) loadRows();
    renderSite();
  });
}

async function loadRows() {
  const site = await getJson("/api/site");
  rows = site.from_layout ? site.rows : [];
  mergeDevices(site.devices);
  renderSite();
}

async function start() {
  document.getElementById("settings-form").addEventListener("submit", (e) => saveSettings(e).catch((x) => { $("settings-result").textContent = x.message; }));
  try {
    renderStatus(await getJson("/api/status"));
    await loadRows();
  } catch (e) {
    $("summary").textContent = "The appliance did not answer: " + e.message;
  }
  connect();
  loadDiagnostics().catch((e) => console.warn("diagnostics", e.message));
  loadConfig().catch((e) => console.warn("config", e.message));
  loadSettings().catch((e) => console.warn("settings", e.message));
  setInterval(() => loadDiagnostics().catch(() => {}), 10000);
  setInterval(() => { for (const serial of cards.keys()) loadChart(serial); }, 60000);
}

start();
