// The four views: what each asks the API for, and the charts and tables it shows. Tables list the API's figures with
// data-field = the figure's path in the API's JSON (dots for nesting) and data-value = the API's raw value.
import { getJson, query, childrenOf, isVillage, nameOf } from './api.js';
import { t } from './i18n.js';
import { ratePlot } from './format.js';

export const VIEWS = ['households', 'projects', 'funds', 'rectification'];

const STAGES = ['PLANNED', 'PRE_APPROVAL_DONE', 'TENDERING', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'CANCELLED'];
const FIRST_YEAR = 2014; // 建档立卡 began in 2014

/** The years the year selector offers, newest first. */
export function years() {
  const out = [];
  for (let y = new Date().getFullYear(); y >= FIRST_YEAR; y--) out.push(String(y));
  return out;
}

const c = (field, kind = 'count') => ({ field, kind });

const HOUSEHOLD_COLUMNS = [c('registered.households'), c('registered.persons'), c('exited.households'), c('exited.persons'),
  c('returned.households'), c('returned.persons'), c('removed.households'), c('remaining.households'), c('remaining.persons'),
  c('monitored.households'), c('monitored.persons'), c('population'), c('povertyIncidence', 'rate'),
  c('dataQuality.personsInSeveralHouseholds')];

const PROJECT_COLUMNS = [c('projects'), c('nonCancelled'), c('startRate', 'rate'), c('completionRate', 'rate'),
  c('totalBudget', 'money'), c('implementedAmount', 'money'), c('investmentCompleted', 'money'),
  c('investmentCompletionRate', 'rate'), c('physicalProgress', 'rate'), c('incompleteRecords'), c('beneficiaryHouseholds'),
  c('beneficiaryPersons')];

const FUND_COLUMNS = [c('projects'), c('budget', 'money'), c('implementedProjects'), c('implementedAmount', 'money'),
  c('allocated', 'money'), c('disbursed', 'money'), c('reimbursed', 'money'), c('balance', 'money'),
  c('disbursementRate', 'rate'), c('utilisationRate', 'rate'), c('reimbursementRate', 'rate'),
  c('budgetReimbursementRate', 'rate')];

/** The table offices publish per project year (报账率 table). */
const FUND_YEAR_COLUMNS = [c('projects'), c('budget', 'money'), c('implementedProjects'), c('implementedAmount', 'money'),
  c('reimbursed', 'money'), c('reimbursementRate', 'rate')];

const RECTIFICATION_COLUMNS = [c('raised'), c('open'), c('inProgress'), c('reported'), c('closed'), c('returned'),
  c('returnedAtLeastOnce'), c('overdue'), c('longTermOpen'), c('closedOnTime'), c('closureRate', 'rate'),
  c('onTimeClosureRate', 'rate')];

function exportHref(report, params) {
  return `/api/v1/reports/${report}` + query({ ...params, format: 'xlsx' });
}

function freshnessOf(...responses) {
  return responses.map(r => r && r.freshness && r.freshness.latestEventAt).filter(Boolean);
}

/** A region's label: its name, else its code; "全国" for the whole country. */
export function regionLabel(prefix) {
  if (prefix === '') return t('national');
  return nameOf(prefix) ?? prefix;
}

function groupLabel(row, kind) {
  if (row.group === null || row.group === undefined || row.group === 'unknown') return t('unknown');
  if (kind === 'stage') return t('stage.' + row.group);
  if (kind === 'source' && row.label) return row.label;
  return row.group;
}

/** Rows of a groupBy=region answer: clickable region rows (a village's own row is not a level below). */
function regionRows(report, region) {
  return report.rows.map(r => ({ region: r.group, label: regionLabel(r.group), figures: r.figures, drill: r.group !== region }));
}

function groupRows(report, kind) {
  return report.rows.map(r => ({ group: r.group ?? '', label: groupLabel(r, kind), figures: r.figures }));
}

// ---------------------------------------------------------------------------------------------- charts

function bars(categories, series, { percentAxis = false, threshold = null } = {}) {
  const yAxis = [{ type: 'value' }];
  if (percentAxis) yAxis.push({ type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } });
  const out = series.map(s => ({
    name: s.name, type: s.type ?? 'bar', data: s.data, yAxisIndex: s.percent ? 1 : 0, connectNulls: false,
    ...(s.percent ? { tooltip: { valueFormatter: v => (v === null || v === undefined ? '—' : v + '%') } } : {}),
  }));
  if (threshold !== null) {
    const line = out.find(s => s.yAxisIndex === 1);
    if (line) line.markLine = { symbol: 'none', data: [{ yAxis: Number(threshold), name: t('threshold') }],
      label: { formatter: `${t('threshold')} ${threshold}%` }, lineStyle: { type: 'dashed', color: '#c23531' } };
  }
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: percentAxis ? 60 : 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis, series: out,
  };
}

const num = v => (v === null || v === undefined ? null : Number(v));

// ---------------------------------------------------------------------------------------------- households

async function households({ region, year }) {
  const total = await getJson('/api/v1/reports/households', { region, year });
  const kids = isVillage(region) ? [] : await childrenOf(region);
  const [rows, perYear] = await Promise.all([
    Promise.all(kids.map(k => getJson('/api/v1/reports/households', { region: k, year }).catch(() => null))),
    Promise.all(years().slice().reverse().map(y => getJson('/api/v1/reports/households', { region, year: y })
      .then(r => ({ year: y, r })).catch(() => ({ year: y, r: null })))),
  ]);
  const regionRowsList = kids.map((k, i) => rows[i] && { region: k, label: regionLabel(k), figures: rows[i], drill: true })
    .filter(Boolean);
  const shown = regionRowsList.length ? regionRowsList : [{ region, label: regionLabel(region), figures: total, drill: false }];
  const f = (r, path) => num(path.split('.').reduce((o, k) => (o == null ? o : o[k]), r.figures));
  const years_ = perYear.filter(p => p.r);
  return {
    freshness: freshnessOf(total),
    note: 'asOfNotApplied',
    blocks: [
      { type: 'chart', testid: 'chart-households', title: t('byRegion'), drill: shown.map(r => (r.drill ? r.region : null)),
        option: bars(shown.map(r => r.label), [
          { name: t('registered.households'), data: shown.map(r => f(r, 'registered.households')) },
          { name: t('exited.households'), data: shown.map(r => f(r, 'exited.households')) },
          { name: t('returned.households'), data: shown.map(r => f(r, 'returned.households')) },
          { name: t('remaining.households'), data: shown.map(r => f(r, 'remaining.households')) },
          { name: t('monitored.households'), data: shown.map(r => f(r, 'monitored.households')) },
          { name: t('povertyIncidence'), type: 'line', percent: true, data: shown.map(r => ratePlot(r.figures.povertyIncidence)) },
        ], { percentAxis: true, threshold: total.incidenceThresholdPercent ?? null }) },
      { type: 'table', testid: 'table-households', title: t('byRegion'), columns: HOUSEHOLD_COLUMNS, rows: regionRowsList,
        total, exportTestid: 'export-households', exportHref: exportHref('households', { region, year }) },
      { type: 'chart', testid: 'chart-households-years', title: t('perYear'),
        option: bars(years_.map(p => p.year), [
          { name: t('registered.households'), data: years_.map(p => num(p.r.registered.households)) },
          { name: t('exited.households'), data: years_.map(p => num(p.r.exited.households)) },
          { name: t('returned.households'), data: years_.map(p => num(p.r.returned.households)) },
          { name: t('removed.households'), data: years_.map(p => num(p.r.removed.households)) },
        ]) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------- projects

async function projects({ region, year }) {
  const [byRegion, byYear] = await Promise.all([
    getJson('/api/v1/reports/projects', { region, year, groupBy: 'region' }),
    getJson('/api/v1/reports/projects', { region, groupBy: 'year' }),
  ]);
  const total = byRegion.total;
  const stageRows = STAGES.map(s => ({ group: s, label: t('stage.' + s), figures: { projects: total.byStage?.[s] ?? 0 } }));
  const yr = byYear.rows;
  return {
    freshness: freshnessOf(byRegion, byYear),
    note: 'asOfNotApplied',
    blocks: [
      { type: 'chart', testid: 'chart-projects', title: t('byStage'),
        option: {
          tooltip: { trigger: 'item', formatter: '{b}: {c}' }, legend: { top: 0 },
          series: [{ type: 'funnel', sort: 'none', top: 40, bottom: 10, left: '10%', width: '80%', minSize: '5%',
            label: { show: true, position: 'inside', formatter: '{b} {c}' },
            data: STAGES.filter(s => s !== 'CANCELLED').map(s => ({ name: t('stage.' + s), value: total.byStage?.[s] ?? 0 })) }],
        } },
      { type: 'table', testid: 'table-projects-stage', title: t('byStage'), groupHeader: t('stage'),
        columns: [c('projects')], rows: stageRows, total: { projects: total.projects } },
      { type: 'chart', testid: 'chart-projects-regions', title: t('byRegion'),
        drill: byRegion.rows.map(r => (r.group !== region ? r.group : null)),
        option: bars(byRegion.rows.map(r => regionLabel(r.group)), [
          { name: t('totalBudget'), data: byRegion.rows.map(r => num(r.figures.totalBudget)) },
          { name: t('implementedAmount'), data: byRegion.rows.map(r => num(r.figures.implementedAmount)) },
          { name: t('physicalProgress'), type: 'line', percent: true, data: byRegion.rows.map(r => ratePlot(r.figures.physicalProgress)) },
        ], { percentAxis: true }) },
      { type: 'table', testid: 'table-projects', title: t('byRegion'), columns: PROJECT_COLUMNS,
        rows: regionRows(byRegion, region), total,
        exportTestid: 'export-projects', exportHref: exportHref('projects', { region, year, groupBy: 'region' }) },
      { type: 'chart', testid: 'chart-projects-years', title: t('perYear'),
        option: bars(yr.map(r => r.group ?? t('unknown')), [
          { name: t('totalBudget'), data: yr.map(r => num(r.figures.totalBudget)) },
          { name: t('implementedAmount'), data: yr.map(r => num(r.figures.implementedAmount)) },
          { name: t('startRate'), type: 'line', percent: true, data: yr.map(r => ratePlot(r.figures.startRate)) },
          { name: t('completionRate'), type: 'line', percent: true, data: yr.map(r => ratePlot(r.figures.completionRate)) },
        ], { percentAxis: true }) },
      { type: 'table', testid: 'table-projects-years', title: t('perYear'), groupHeader: t('year'), columns: PROJECT_COLUMNS,
        rows: groupRows(byYear, 'year'), total: byYear.total,
        exportTestid: 'export-projects-years', exportHref: exportHref('projects', { region, groupBy: 'year' }) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------- funds

async function funds({ region, year, asOf }) {
  const [byRegion, byYear] = await Promise.all([
    getJson('/api/v1/reports/funds', { region, year, asOf, groupBy: 'region' }),
    getJson('/api/v1/reports/funds', { region, asOf, groupBy: 'year' }),
  ]);
  const yr = byYear.rows;
  return {
    freshness: freshnessOf(byRegion, byYear),
    blocks: [
      { type: 'chart', testid: 'chart-funds', title: t('byYear'),
        option: bars(yr.map(r => groupLabel(r, 'year')), [
          { name: t('allocated'), data: yr.map(r => num(r.figures.allocated)) },
          { name: t('disbursed'), data: yr.map(r => num(r.figures.disbursed)) },
          { name: t('reimbursed'), data: yr.map(r => num(r.figures.reimbursed)) },
          { name: t('reimbursementRate'), type: 'line', percent: true, data: yr.map(r => ratePlot(r.figures.reimbursementRate)) },
        ], { percentAxis: true }) },
      { type: 'table', testid: 'table-funds-year', title: t('byYear'), groupHeader: t('year'), columns: FUND_YEAR_COLUMNS,
        rows: groupRows(byYear, 'year'), total: byYear.total,
        exportTestid: 'export-funds-year', exportHref: exportHref('funds', { region, asOf, groupBy: 'year' }) },
      { type: 'chart', testid: 'chart-funds-regions', title: t('byRegion'),
        drill: byRegion.rows.map(r => (r.group !== region && r.group !== 'unknown' ? r.group : null)),
        option: bars(byRegion.rows.map(r => (r.group === 'unknown' ? t('unknown') : regionLabel(r.group))), [
          { name: t('allocated'), data: byRegion.rows.map(r => num(r.figures.allocated)) },
          { name: t('disbursed'), data: byRegion.rows.map(r => num(r.figures.disbursed)) },
          { name: t('reimbursed'), data: byRegion.rows.map(r => num(r.figures.reimbursed)) },
        ]) },
      { type: 'table', testid: 'table-funds', title: t('byRegion'), columns: FUND_COLUMNS,
        rows: byRegion.rows.map(r => (r.group === 'unknown' || r.group === null
          ? { group: 'unknown', label: t('unknown'), figures: r.figures }
          : { region: r.group, label: regionLabel(r.group), figures: r.figures, drill: r.group !== region })),
        total: byRegion.total,
        exportTestid: 'export-funds', exportHref: exportHref('funds', { region, year, asOf, groupBy: 'region' }) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------- rectification

async function rectification({ region, year, asOf }) {
  const [byRegion, bySource, byUnit] = await Promise.all(['region', 'source', 'unit'].map(groupBy =>
    getJson('/api/v1/reports/rectification', { region, year, asOf, groupBy })));
  const chart = (report, kind) => bars(report.rows.map(r => groupLabel(r, kind)), [
    { name: t('raised'), data: report.rows.map(r => num(r.figures.raised)) },
    { name: t('closed'), data: report.rows.map(r => num(r.figures.closed)) },
    { name: t('overdue'), data: report.rows.map(r => num(r.figures.overdue)) },
    { name: t('longTermOpen'), data: report.rows.map(r => num(r.figures.longTermOpen)) },
    { name: t('closureRate'), type: 'line', percent: true, data: report.rows.map(r => ratePlot(r.figures.closureRate)) },
  ], { percentAxis: true });
  return {
    freshness: freshnessOf(byRegion, bySource, byUnit),
    blocks: [
      { type: 'chart', testid: 'chart-rectification', title: t('byUnit'), option: chart(byUnit, 'unit') },
      { type: 'table', testid: 'table-rectification-unit', title: t('byUnit'), groupHeader: t('byUnit'),
        columns: RECTIFICATION_COLUMNS, rows: groupRows(byUnit, 'unit'), total: byUnit.total,
        exportTestid: 'export-rectification-unit',
        exportHref: exportHref('rectification', { region, year, asOf, groupBy: 'unit' }) },
      { type: 'chart', testid: 'chart-rectification-source', title: t('bySource'), option: chart(bySource, 'source') },
      { type: 'table', testid: 'table-rectification-source', title: t('bySource'), groupHeader: t('bySource'),
        columns: RECTIFICATION_COLUMNS, rows: groupRows(bySource, 'source'), total: bySource.total,
        exportTestid: 'export-rectification-source',
        exportHref: exportHref('rectification', { region, year, asOf, groupBy: 'source' }) },
      { type: 'table', testid: 'table-rectification', title: t('byRegion'), columns: RECTIFICATION_COLUMNS,
        rows: regionRows(byRegion, region), total: byRegion.total,
        exportTestid: 'export-rectification',
        exportHref: exportHref('rectification', { region, year, asOf, groupBy: 'region' }) },
    ],
  };
}

export const LOADERS = { households, projects, funds, rectification };

