// Turns the scenario results into the markdown of docs/benchmarks.md (and the console).
'use strict';

const DECIMALS = { ms: 0, KB: 1, B: 0, count: 0, calls: 0, 'msg/s': 0 };

function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  const decimals = unit === 'ms' && Math.abs(value) < 10 ? 1 : DECIMALS[unit] ?? 1;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const withUnit = (text, unit) => (unit === 'count' ? text : `${text} ${unit}`);

function formatSummary(summary, unit) {
  if (summary.runs === 0) return '—';
  if (summary.valid === 0) return `— (0/${summary.runs} runs)`;
  const median = withUnit(formatValue(summary.median, unit), unit);
  if (summary.valid <= 1) return summary.valid === summary.runs ? median : `${median} (${summary.valid}/${summary.runs} runs)`;
  const spread = `${formatValue(summary.min, unit)}–${formatValue(summary.max, unit)}`;
  return `${median} (${spread}${summary.valid < summary.runs ? `; ${summary.valid}/${summary.runs} runs` : ''})`;
}

function goalVerdict(row) {
  const goal = row.goal;
  if (!goal) return '';
  if (goal.oursAtMost !== undefined) {
    const value = row.ours.median;
    if (value === null) return `${goal.text}: no value`;
    return value <= goal.oursAtMost ? `${goal.text}: met` : `${goal.text}: missed by ${formatValue(value - goal.oursAtMost, row.unit)} ${row.unit}`;
  }
  if (row.ratio === null) return `${goal.text}: no ratio`;
  const met = goal.ratioAtMost !== undefined ? row.ratio <= goal.ratioAtMost : row.ratio >= goal.ratioAtLeast;
  return `${goal.text}: ${met ? 'met' : 'missed'} (${row.ratio.toFixed(2)}×)`;
}

function rowsTable(rows) {
  const lines = ['| Measure | This SDK | Upstream 5.0.0 | Ours / upstream | Goal |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const ratio = row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`;
    lines.push(`| ${row.name} | ${formatSummary(row.ours, row.unit)} | ${formatSummary(row.upstream, row.unit)} | ${ratio} | ${goalVerdict(row)} |`);
  }
  return lines;
}

function compositionTable(composition) {
  const lines = [`${composition.title}:`, '', '| Part | Minified KB | Share |', '|---|---|---|'];
  for (const part of composition.parts) lines.push(`| ${part.name} | ${part.kb.toFixed(1)} | ${(part.share * 100).toFixed(1)}% |`);
  return [...lines, ''];
}

function scenarioSection(result) {
  const lines = [`### ${result.title}`, ''];
  if (result.error) return [...lines, `Failed: ${result.error}`, ''];
  if (result.rows) lines.push(...rowsTable(result.rows), '');
  if (result.facts) lines.push('| Measure | Value |', '|---|---|', ...result.facts.map(([name, value]) => `| ${name} | ${value} |`), '');
  for (const composition of result.compositions || []) lines.push(...compositionTable(composition));
  for (const note of result.notes || []) lines.push(`- ${note}`);
  return [...lines, ''];
}

function machineLines(run) {
  const m = run.machine;
  return [
    `Run on ${run.date} (${run.mode} run, ${Math.round(run.durationMs / 1000)} s).`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, ${m.os}; Node ${m.node}; headless Chromium ${m.chromium}.`,
  ];
}

/** The results part of the page: machine, then one section per scenario. */
function resultsMarkdown(run) {
  return [...machineLines(run), '', ...run.scenarios.flatMap(scenarioSection)].join('\n');
}

module.exports = { resultsMarkdown };
