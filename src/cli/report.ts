import * as fs from "node:fs";
import * as path from "node:path";
import { describeFinding, type Language } from "../i18n";
import type { Finding } from "../shared/types";
import type { SimulationResult } from "./simulate";

/**
 * `simulate --report FILE.html`: the simulation as one self-contained page an administrator
 * can open offline or attach to a rollout decision: the summary, prompts per week and per
 * rule as charts (Chart.js, inlined: no CDN), and every send that prompted, with why.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

/** Chart.js's browser build (UMD), from the installed package (its `exports` do not name the file, so it is found next to the main entry). */
function chartLibrary(): string {
  return fs.readFileSync(path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js"), "utf8");
}

const TEXT = {
  en: {
    title: "Send Guard policy simulation",
    sends: "Sends judged",
    received: "Received (thread parents)",
    unreadable: "Could not be read",
    prompts: "Sends that prompt",
    per100: "Prompts per 100 sends",
    reviews: "Reviews per 100 sends",
    replies: "Judged as replies",
    memory: "Memory at the end (senders / addresses / groups)",
    perWeek: "Prompts per week",
    perRule: "Findings per rule",
    prompted: "Sends that prompt",
    file: "File",
    date: "Date",
    verdict: "Verdict",
    why: "Why",
    none: "No send prompts anyone under this policy.",
  },
  ja: {
    title: "Send Guard ポリシーのシミュレーション",
    sends: "判定した送信",
    received: "受信（スレッドの元）",
    unreadable: "読めなかったもの",
    prompts: "確認が出る送信",
    per100: "100通あたりの確認",
    reviews: "100通あたりの承認依頼",
    replies: "返信として判定",
    memory: "最後のメモリ（送信者／アドレス／グループ）",
    perWeek: "週ごとの確認",
    perRule: "ルールごとの指摘",
    prompted: "確認が出る送信",
    file: "ファイル",
    date: "日時",
    verdict: "判定",
    why: "理由",
    none: "このポリシーでは確認が出る送信はありません。",
  },
} as const;

export function renderReport(result: SimulationResult, language: Language, policySource: string): string {
  const t = TEXT[language];
  const s = result.summary;
  const prompted = result.sends.filter((send) => send.verdict !== "allow");
  const rules = Object.entries(s.byRule).map(([code, levels]) => ({ code, ...levels }));
  const rows = prompted
    .map((send) => {
      const why = send.findings.map((f) => `<li>${escapeHtml(`${f.code} (${f.level}): ${describeFinding(f as Finding, language)}`)}</li>`).join("");
      return `<tr><td>${escapeHtml(send.file)}</td><td>${escapeHtml(send.date ?? "—")}</td><td class="v-${send.verdict}">${send.verdict}</td><td><ul>${why}</ul></td></tr>`;
    })
    .join("\n");
  const facts: [string, string][] = [
    [t.sends, String(s.sends)],
    [t.received, String(s.received)],
    [t.unreadable, String(s.unreadable)],
    [t.replies, String(s.replies)],
    [t.prompts, `${s.prompts} (confirm ${s.verdicts.confirm}, review ${s.verdicts.review}, block ${s.verdicts.block})`],
    [t.per100, String(s.promptsPer100Sends)],
    [t.reviews, String(s.reviewsPer100Sends)],
    [t.memory, `${s.memory.senders} / ${s.memory.addresses} / ${s.memory.groups}`],
  ];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
body { font-family: "Segoe UI", "Yu Gothic UI", "Meiryo", sans-serif; margin: 24px; color: #242424; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #d1d1d1; padding: 4px 8px; text-align: left; vertical-align: top; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { width: min(560px, 100%); }
.v-confirm { color: #8a5300; } .v-review { color: #b10e1c; } .v-block { color: #750b1c; font-weight: 600; }
ul { margin: 0; padding-left: 18px; }
</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(policySource)}</p>
<table data-testid="summary">${facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>
<div class="charts">
<div class="chart"><h2>${escapeHtml(t.perWeek)}</h2><canvas id="weeks" role="img" aria-label="${escapeHtml(t.perWeek)}"></canvas></div>
<div class="chart"><h2>${escapeHtml(t.perRule)}</h2><canvas id="rules" role="img" aria-label="${escapeHtml(t.perRule)}"></canvas></div>
</div>
<h2>${escapeHtml(t.prompted)}</h2>
${prompted.length === 0 ? `<p>${escapeHtml(t.none)}</p>` : `<table data-testid="prompted"><tr><th>${t.file}</th><th>${t.date}</th><th>${t.verdict}</th><th>${t.why}</th></tr>\n${rows}</table>`}
<script>${chartLibrary()}</script>
<script>
const summary = ${scriptJson({ weeks: s.byWeek, rules })};
const colors = { confirm: "#f2c661", review: "#d13438", block: "#750b1c", sends: "#0f6cbd" };
const levels = ["confirm", "review", "block"];
new Chart(document.getElementById("weeks"), {
  type: "bar",
  data: { labels: summary.weeks.map((w) => w.week), datasets: levels.map((l) => ({ label: l, data: summary.weeks.map((w) => w[l]), backgroundColor: colors[l], stack: "p" })) },
  options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
});
new Chart(document.getElementById("rules"), {
  type: "bar",
  data: { labels: summary.rules.map((r) => r.code), datasets: levels.map((l) => ({ label: l, data: summary.rules.map((r) => r[l] || 0), backgroundColor: colors[l], stack: "r" })) },
  options: { animation: false, indexAxis: "y", scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
});
document.body.dataset.chartsReady = "true";
</script>
</body>
</html>
`;
}
