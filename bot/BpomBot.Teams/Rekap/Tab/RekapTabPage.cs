using System.Text.RegularExpressions;

namespace BpomBot.Teams.Rekap.Tab;

/// <summary>
/// The dashboard page: plain HTML and script, no build step. In Teams it gets the SSO token with the Teams JavaScript
/// SDK and sends it as a bearer token; in local mode it names the person with ?as=&lt;roster id&gt; (loopback only).
/// Static labels are written in the reader's language (domain words such as kegiatan and HK stay as they are).
/// </summary>
public static partial class RekapTabPage
{
    public static string Html(bool localMode, bool english) => Label().Replace(Template, m => m.Groups[english ? 2 : 1].Value)
        .Replace("{{MODE}}", localMode ? "local" : "teams", StringComparison.Ordinal)
        .Replace("{{TEAMS_SDK}}", localMode ? string.Empty : """<script src="https://res.cdn.office.net/teams-js/2.34.0/js/MicrosoftTeams.min.js" crossorigin="anonymous"></script>""", StringComparison.Ordinal);

    /// <summary>A static label in both languages, written <c>{{Indonesian|English}}</c> in the template.</summary>
    [GeneratedRegex(@"\{\{([^{}|]*)\|([^{}|]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    private const string Template = """
<!DOCTYPE html>
<html lang="{{id|en}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{Rekap BpomBot|BpomBot recap}}</title>
{{TEAMS_SDK}}
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 16px; color: #242424; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  h2 { font-size: 16px; margin: 20px 0 8px; }
  form { display: flex; gap: 12px; align-items: end; flex-wrap: wrap; margin-bottom: 12px; }
  label { display: flex; flex-direction: column; font-size: 12px; gap: 4px; }
  select, input, button { font: inherit; padding: 4px 8px; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; }
  .card { border: 1px solid #e0e0e0; border-radius: 6px; padding: 8px 12px; }
  .card dt { font-size: 12px; color: #616161; }
  .card dd { margin: 4px 0 0; font-size: 16px; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; }
  td.n { text-align: right; }
  .charts img { max-width: 100%; border: 1px solid #eee; margin: 4px 0; }
  a { color: #5b5fc7; cursor: pointer; }
  #message { color: #a4262c; }
</style>
</head>
<body data-mode="{{MODE}}">
<h1 id="title">{{Rekap|Recap}}</h1>
<form id="filters">
  <label>{{Tahun|Year}} <input id="year" type="number" min="2020" max="2100" style="width:6em"></label>
  <label>{{Sub-proses|Sub-process}} <select id="sub"><option value="">{{Semua|All}}</option><option>A</option><option>B</option><option>C</option><option>D</option></select></label>
  <label>Unit <select id="unit"><option value="">{{Semua dalam wewenang saya|All within my authority}}</option></select></label>
  <button type="submit">{{Tampilkan|Show}}</button>
  <a id="workbook">{{Unduh Excel|Download Excel}}</a>
</form>
<p id="message"></p>
<dl class="cards" id="headline"></dl>
<div class="charts" id="charts"></div>
<h2>Per unit</h2>
<table id="units"><thead><tr><th>Unit</th><th>Kegiatan</th><th>{{Berjalan|In progress}}</th><th>{{Selesai|Completed}}</th><th>{{Dibatalkan|Cancelled}}</th><th>{{Tepat waktu|On time}}</th><th>{{Terlambat|Late}}</th><th>{{Lewat batas|Overdue}}</th><th>{{% tepat waktu|% on time}}</th><th>{{HK terlambat|HK late}}</th></tr></thead><tbody></tbody></table>
<h2>{{Per tahap SOP|Per SOP step}}</h2>
<table id="steps"><thead><tr><th>{{Tahap|Step}}</th><th>{{Aktivitas|Activity}}</th><th>{{Tepat waktu|On time}}</th><th>{{Terlambat|Late}}</th><th>{{Lewat batas|Overdue}}</th><th>{{% tepat waktu|% on time}}</th><th>{{HK terlambat|HK late}}</th></tr></thead><tbody></tbody></table>
<div id="kegiatanSection" hidden><h2>{{Kegiatan unit|Unit kegiatan}}</h2>
<table id="kegiatan"><thead><tr><th>Kegiatan</th><th>Sub</th><th>Status</th><th>{{Tahap saat ini|Current step}}</th></tr></thead><tbody></tbody></table></div>
<div id="historySection" hidden><h2 id="historyTitle">{{Riwayat|History}}</h2>
<table id="steplist"><thead><tr><th>{{Tahap|Step}}</th><th>Status</th><th>{{Mulai|Started}}</th><th>{{Batas waktu|Due}}</th><th>{{Selesai|Completed}}</th><th>{{HK terlambat|HK late}}</th></tr></thead><tbody></tbody></table>
<table id="history"><thead><tr><th>{{Waktu|Time}}</th><th>{{Peristiwa|Event}}</th></tr></thead><tbody></tbody></table></div>
<h2>{{Laporan tahunan UPT|UPT annual reports}}</h2>
<table id="reports"><thead><tr><th>Sub</th><th>UPT</th><th>Status</th></tr></thead><tbody></tbody></table>
<script>
const mode = document.body.dataset.mode;
const params = new URLSearchParams(location.search);
// The server wrote the labels in the reader's language (?lang=, else the browser's Accept-Language); the API is asked
// in the same one. In Teams the client's locale decides when no ?lang= was given: a mismatch reloads with it.
const lang = document.documentElement.lang;
let token = null;
async function headers() {
  if (mode === "local") return { "X-BpomBot-User": params.get("as") || "" };
  if (!token) {
    await microsoftTeams.app.initialize();
    const locale = ((await microsoftTeams.app.getContext()).app.locale || "").toLowerCase();
    if (!params.get("lang") && locale && (locale.startsWith("en") ? "en" : "id") !== lang) {
      params.set("lang", locale.startsWith("en") ? "en" : "id"); location.replace("?" + params); await new Promise(() => {});
    }
    token = await microsoftTeams.authentication.getAuthToken();
  }
  return { "Authorization": "Bearer " + token };
}
async function api(path) {
  const r = await fetch(path, { headers: await headers() });
  const body = await r.json();
  if (!r.ok) throw new Error(body.message || ("HTTP " + r.status));
  return body;
}
const el = id => document.getElementById(id);
function text(tag, value, cls) { const e = document.createElement(tag); e.textContent = value ?? ""; if (cls) e.className = cls; return e; }
function row(tbody, cells) { const tr = document.createElement("tr"); cells.forEach(c => tr.appendChild(c instanceof Node ? c : text("td", c))); tbody.appendChild(tr); return tr; }
function num(v) { return text("td", String(v), "n"); }
function link(label, onClick) { const td = document.createElement("td"); const a = text("a", label); a.addEventListener("click", onClick); td.appendChild(a); return td; }
async function load() {
  el("message").textContent = "";
  const q = new URLSearchParams();
  if (el("year").value) q.set("year", el("year").value);
  if (el("sub").value) q.set("sub", el("sub").value);
  if (el("unit").value) q.set("unit", el("unit").value);
  q.set("lang", lang);
  let data;
  try { data = await api("/rekap/tab/api/rekap?" + q); } catch (e) { el("message").textContent = e.message; return; }
  el("title").textContent = data.title;
  if (!el("year").value) el("year").value = data.year;
  if (data.empty) el("message").textContent = data.message;
  const unitSelect = el("unit");
  if (unitSelect.options.length === 1) data.scopeUnits.forEach(u => { const o = text("option", u.name); o.value = u.id; unitSelect.appendChild(o); });
  el("workbook").href = data.workbook;
  const dl = el("headline"); dl.replaceChildren();
  data.headline.forEach(h => { const d = document.createElement("div"); d.className = "card"; d.dataset.title = h.title; d.append(text("dt", h.title), text("dd", h.value)); dl.appendChild(d); });
  const charts = el("charts"); charts.replaceChildren();
  [data.chartUnit, data.chartStep].filter(Boolean).forEach(src => { const i = document.createElement("img"); i.src = src; i.alt = "{{Grafik % tepat waktu|Chart: % on time}}"; charts.appendChild(i); });
  const units = el("units").tBodies[0]; units.replaceChildren();
  data.units.forEach(u => row(units, [link(u.unitName, () => { el("unit").value = u.unitId; load(); }), num(u.total), num(u.berjalan), num(u.selesai), num(u.dibatalkan), num(u.tepatWaktu), num(u.terlambat), num(u.lewatBatas), num(u.onTime), num(u.lateHk)]).dataset.unit = u.unitId);
  const steps = el("steps").tBodies[0]; steps.replaceChildren();
  data.steps.forEach(s => row(steps, [s.stepId, s.aktivitas, num(s.tepatWaktu), num(s.terlambat), num(s.lewatBatas), num(s.onTime), num(s.lateHk)]).dataset.step = s.stepId);
  const reports = el("reports").tBodies[0]; reports.replaceChildren();
  data.reports.forEach(r => row(reports, [r.subProcess, r.unitName, r.state]));
  el("kegiatanSection").hidden = !data.kegiatan; el("historySection").hidden = true;
  const kegiatan = el("kegiatan").tBodies[0]; kegiatan.replaceChildren();
  (data.kegiatan || []).forEach(k => row(kegiatan, [link(k.title, () => history(k.id)), k.subProcess, k.status, k.currentStepId || "–"]).dataset.kegiatan = k.id);
  document.body.dataset.loaded = String(Date.now());
}
async function history(id) {
  let k;
  try { k = await api("/rekap/tab/api/kegiatan/" + encodeURIComponent(id) + "?lang=" + lang); } catch (e) { el("message").textContent = e.message; return; }
  el("historySection").hidden = false;
  el("historyTitle").textContent = "{{Riwayat|History}}: " + k.title;
  const steps = el("steplist").tBodies[0]; steps.replaceChildren();
  k.steps.forEach(s => row(steps, [s.stepId, s.status, s.startedOn || "–", s.dueOn || "–", s.completedOn || "–", num(s.lateHk)]));
  const h = el("history").tBodies[0]; h.replaceChildren();
  k.history.forEach(e => row(h, [new Date(e.at).toLocaleString(lang === "en" ? "en-GB" : "id-ID"), e.text]).dataset.action = e.action);
  document.body.dataset.history = k.id;
}
el("filters").addEventListener("submit", e => { e.preventDefault(); load(); });
if (params.get("year")) el("year").value = params.get("year");
load();
</script>
</body>
</html>
""";
}
