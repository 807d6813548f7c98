// The dashboard: state in the hash (#/<view>?region=CODE&year=YYYY&asOf=YYYY-MM-DD), one view at a time, each a set of
// charts and the tables behind them. <body data-testid="loaded" data-state="done"> once a view has finished loading.
import * as echarts from 'echarts';
import { getJson, query, Denied, loadNamesAlong, pathBelow } from './api.js';
import { t, language, setLanguage } from './i18n.js';
import { count, money, rateText, rateTitle, instant, todayInChina } from './format.js';
import { VIEWS, LOADERS, years, regionLabel } from './views.js';

const $ = sel => document.querySelector(sel);
let session = null;
let charts = [];
let generation = 0;

// ---------------------------------------------------------------------------------------------- state in the hash

function readState() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, q] = hash.split('?');
  const params = new URLSearchParams(q ?? '');
  const view = VIEWS.includes(path) ? path : 'households';
  return {
    view,
    region: params.get('region') ?? session.region,
    year: params.get('year') ?? '',
    asOf: params.get('asOf') ?? '',
  };
}

function href(state, changes = {}) {
  const s = { ...state, ...changes };
  return `#/${s.view}` + query({ region: s.region, year: s.year, asOf: s.asOf });
}

function go(changes) {
  location.hash = href(readState(), changes);
}

// ---------------------------------------------------------------------------------------------- page frame

function renderFrame(state) {
  document.title = t('title');
  $('[data-i18n=title]').textContent = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('[data-testid=lang]').textContent = t('switchTo');
  for (const v of VIEWS) {
    const tab = $(`[data-testid=tab-${v}]`);
    tab.textContent = t('tab.' + v);
    tab.href = href(state, { view: v });
    tab.classList.toggle('active', v === state.view);
    tab.setAttribute('aria-current', v === state.view ? 'page' : 'false');
  }
  const year = $('[data-testid=year]');
  year.replaceChildren(new Option(t('allYears'), ''), ...years().map(y => new Option(y, y)));
  year.value = state.year;
  $('[data-testid=as-of]').value = state.asOf || todayInChina();
  $('#user').textContent = `${t('user')}: ${session.user} · ${regionLabel(session.region)}`;
}

function renderBreadcrumb(state) {
  const crumbs = [session.region, ...pathBelow(session.region, state.region)];
  if (!state.region.startsWith(session.region)) crumbs.push(state.region); // outside: shown, then denied
  const nav = $('[data-testid=breadcrumb]');
  nav.replaceChildren();
  crumbs.forEach((p, i) => {
    if (i > 0) nav.append(document.createTextNode(' › '));
    const a = document.createElement('a');
    a.dataset.region = p;
    a.href = href(state, { region: p });
    a.textContent = regionLabel(p);
    a.title = p || '00';
    if (p === state.region) a.setAttribute('aria-current', 'page');
    nav.append(a);
  });
}

function renderFreshness(list) {
  const el = $('[data-testid=freshness]');
  const latest = list.slice().sort().pop();
  el.dataset.value = latest ?? '';
  el.textContent = latest ? `${t('freshness')} ${instant(latest)}（北京时间）` : t('freshnessNone');
  if (language() === 'en' && latest) el.textContent = `${t('freshness')} ${instant(latest)} (China time)`;
}

// ---------------------------------------------------------------------------------------------- tables and charts

function value(figures, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), figures);
}

function cell(figures, col) {
  const td = document.createElement('td');
  td.dataset.field = col.field;
  const v = value(figures, col.field);
  if (col.kind === 'rate') {
    td.dataset.value = v && v.defined && v.percent !== null ? v.percent : '';
    td.textContent = rateText(v);
    td.title = rateTitle(v);
    if (!(v && v.defined)) td.classList.add('undefined');
  } else if (v === null || v === undefined) {
    td.dataset.value = '';
    td.textContent = '—';
  } else {
    td.dataset.value = String(v);
    td.textContent = col.kind === 'money' ? money(v) : col.kind === 'count' ? count(v) : String(v);
  }
  td.className += ' ' + col.kind;
  return td;
}

function table(block) {
  const section = document.createElement('section');
  section.className = 'block table-block';
  const head = document.createElement('h2');
  head.textContent = block.title;
  if (block.exportHref) {
    const a = document.createElement('a');
    a.dataset.testid = block.exportTestid;
    a.href = block.exportHref;
    a.className = 'export';
    a.textContent = t('export');
    a.setAttribute('download', '');
    head.append(' ', a);
  }
  section.append(head);
  const wrap = document.createElement('div');
  wrap.className = 'scroll';
  const tbl = document.createElement('table');
  tbl.dataset.testid = block.testid;
  const thead = tbl.createTHead().insertRow();
  const th0 = document.createElement('th');
  th0.textContent = block.groupHeader ?? t('region');
  thead.append(th0);
  for (const col of block.columns) {
    const th = document.createElement('th');
    th.textContent = t(col.field);
    th.dataset.field = col.field;
    thead.append(th);
  }
  const body = tbl.createTBody();
  for (const row of block.rows) {
    const tr = body.insertRow();
    if (row.region !== undefined) {
      tr.dataset.region = row.region;
      if (row.drill) tr.classList.add('drill');
    } else {
      tr.dataset.group = row.group;
    }
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    if (row.region !== undefined) th.title = row.region;
    tr.append(th, ...block.columns.map(col => cell(row.figures, col)));
  }
  if (!block.rows.length) {
    const tr = body.insertRow();
    tr.className = 'empty';
    const td = tr.insertCell();
    td.colSpan = block.columns.length + 1;
    td.textContent = t('noRows');
  }
  if (block.total) {
    const tr = tbl.createTFoot().insertRow();
    tr.dataset.total = '';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t('total');
    tr.append(th, ...block.columns.map(col => cell(block.total, col)));
  }
  wrap.append(tbl);
  section.append(wrap);
  return section;
}

function chart(block) {
  const section = document.createElement('section');
  section.className = 'block chart-block';
  const head = document.createElement('h2');
  head.textContent = block.title;
  const div = document.createElement('div');
  div.className = 'chart';
  div.dataset.testid = block.testid;
  section.append(head, div);
  return [section, () => {
    const c = echarts.init(div, null, { renderer: 'canvas' });
    c.setOption({ animation: false, ...block.option });
    if (block.drill) {
      c.on('click', params => {
        const target = block.drill[params.dataIndex];
        if (target) go({ region: target });
      });
    }
    charts.push(c);
  }];
}

function disposeCharts() {
  charts.forEach(c => c.dispose());
  charts = [];
}

// ---------------------------------------------------------------------------------------------- loading a view

async function load() {
  const my = ++generation;
  const state = readState();
  document.body.dataset.state = 'loading';
  renderFrame(state);
  $('[data-testid=denied]').hidden = true;
  $('#error').hidden = true;
  $('#note').hidden = true;
  try {
    await loadNamesAlong(session.region, state.region.startsWith(session.region) ? state.region : session.region);
    if (my !== generation) return;
    renderBreadcrumb(state);
    const model = await LOADERS[state.view](state);
    if (my !== generation) return;
    renderBreadcrumb(state); // names learnt while loading
    disposeCharts();
    const main = $('#view');
    main.replaceChildren();
    const inits = [];
    for (const block of model.blocks) {
      if (block.type === 'table') {
        main.append(table(block));
      } else {
        const [section, init] = chart(block);
        main.append(section);
        inits.push(init);
      }
    }
    inits.forEach(init => init());
    renderFreshness(model.freshness);
    if (model.note) {
      $('#note').textContent = t(model.note);
      $('#note').hidden = false;
    }
  } catch (e) {
    if (my !== generation) return;
    disposeCharts();
    $('#view').replaceChildren();
    renderBreadcrumb(state);
    renderFreshness([]);
    if (e instanceof Denied) {
      const d = $('[data-testid=denied]');
      d.textContent = t('denied') + (e.message || state.region);
      d.hidden = false;
    } else {
      $('#error').textContent = t('error') + e.message;
      $('#error').hidden = false;
    }
  }
  document.body.dataset.state = 'done';
}

// ---------------------------------------------------------------------------------------------- start

async function start() {
  setLanguage(language());
  try {
    session = await getJson('/api/v1/session');
  } catch (e) {
    document.body.dataset.state = 'done';
    const el = e instanceof Denied ? $('[data-testid=denied]') : $('#error');
    el.textContent = (e instanceof Denied ? t('denied') : t('error')) + e.message;
    el.hidden = false;
    return;
  }
  $('[data-testid=lang]').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    load();
  });
  $('[data-testid=year]').addEventListener('change', e => go({ year: e.target.value }));
  $('[data-testid=as-of]').addEventListener('change', e => go({ asOf: e.target.value }));
  $('#view').addEventListener('click', e => {
    const tr = e.target.closest('tr.drill[data-region]');
    if (tr) go({ region: tr.dataset.region });
  });
  window.addEventListener('hashchange', load);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  await load();
}

start();
