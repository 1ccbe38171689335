'use strict';
// The backtest explorer: lists what the cockpit found under --reports and --runs, opens one (a report's own page, a
// sweep's ranking with its parameters, a research sweep's summary, a run's settings and latency), and overlays the
// equity curves of two or more reports (their equity.csv) with their key metrics side by side.
(function () {
  const $ = (id) => document.getElementById(id);
  let entries = [];
  let overlay = null;
  const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e', '#9e9d24'];

  function cell(tag, text) { const c = document.createElement(tag); c.textContent = String(text); return c; }
  function fileUrl(e, name) { return '/api/explorer/file?id=' + encodeURIComponent(e.id) + '&name=' + encodeURIComponent(name); }
  async function text(e, name) {
    const r = await fetch(fileUrl(e, name), { credentials: 'same-origin' });
    if (!r.ok) { throw new Error(e.path + '/' + name + ': HTTP ' + r.status); }
    return r.text();
  }
  function num(v, digits) {
    if (v === null || v === undefined) { return '-'; }
    return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 4 : digits }) : String(v);
  }

  async function list() {
    const r = await (await fetch('/api/explorer/list', { credentials: 'same-origin' })).json();
    entries = r.entries;
    $('roots').textContent = r.roots.length ? 'Looking under ' + r.roots.join(', ') + ': ' + entries.length + ' found.' :
      'No --reports or --runs directory was given to the cockpit: nothing to explore.';
    const body = $('entries').tBodies[0];
    body.replaceChildren(...entries.map((e, i) => {
      const tr = document.createElement('tr');
      tr.dataset.id = e.id;
      const check = document.createElement('td');
      if (e.kind === 'report') {
        const box = document.createElement('input');
        box.type = 'checkbox'; box.className = 'pick'; box.value = e.id; box.id = 'pick-' + i;
        check.appendChild(box);
      }
      tr.append(check, cell('td', e.kind), cell('td', e.path), cell('td', new Date(e.modified_ms).toISOString().replace('T', ' ').substring(0, 19)));
      const open = document.createElement('td');
      const button = document.createElement('button');
      button.textContent = 'open'; button.className = 'open';
      button.addEventListener('click', () => openEntry(e));
      open.appendChild(button);
      tr.appendChild(open);
      return tr;
    }));
  }

  function viewer(title) {
    $('viewer').hidden = false;
    $('viewer-title').textContent = title;
    const body = $('viewer-body');
    body.replaceChildren();
    return body;
  }

  async function openEntry(e) {
    const body = viewer(e.kind + ': ' + e.path);
    try {
      if (e.kind === 'report') {
        if (e.files.includes('report.html')) {
          const frame = document.createElement('iframe');
          frame.className = 'report'; frame.src = fileUrl(e, 'report.html'); frame.title = e.path;
          body.appendChild(frame);
        } else {
          body.appendChild(cell('pre', await text(e, 'report.json')));
        }
      } else if (e.kind === 'sweep') {
        body.appendChild(sweepTable(JSON.parse(await text(e, 'sweep.json'))));
      } else if (e.kind === 'research') {
        body.appendChild(cell('p', 'The research sweep\'s ranking (summary.txt), best first, with the grid of each task:'));
        body.appendChild(cell('pre', await text(e, 'summary.txt')));
      } else {
        for (const name of e.files) {
          body.appendChild(cell('h3', name));
          body.appendChild(cell('pre', await text(e, name)));
        }
        if (!e.files.length) { body.appendChild(cell('p', 'This run has no strategy.properties or tick_to_quote.hgrm yet.')); }
      }
    } catch (err) {
      body.appendChild(cell('p', 'Cannot open: ' + err.message));
    }
    $('viewer').scrollIntoView();
  }

  function sweepTable(sweep) {
    const table = document.createElement('table');
    table.id = 'sweep-ranking';
    const head = document.createElement('tr');
    ['rank', ...sweep.keys, 'net PnL (' + sweep.pnl_unit + ')', 'Sharpe', 'max drawdown', 'fills', 'guard difference', 'directory']
      .forEach((h) => head.appendChild(cell('th', h)));
    table.appendChild(head);
    sweep.ranking.forEach((r) => {
      const tr = document.createElement('tr');
      tr.appendChild(cell('td', r.rank));
      sweep.keys.forEach((k) => tr.appendChild(cell('td', r.overrides[k])));
      [num(r.net_pnl), r.sharpe === null ? 'undefined: ' + r.sharpe_undefined : num(r.sharpe), num(r.max_drawdown), r.fills,
        num(r.guard_net_pnl_difference), r.directory].forEach((v) => tr.appendChild(cell('td', v)));
      table.appendChild(tr);
    });
    return table;
  }

  function parseEquity(csv) {
    const lines = csv.trim().split('\n');
    if (lines[0] !== 'time_ns,net_pnl') { throw new Error('equity.csv has an unknown header: ' + lines[0]); }
    const t = [], v = [];
    for (let i = 1; i < lines.length; i++) {
      const [ns, pnl] = lines[i].split(',');
      t.push(Number(ns)); v.push(Number(pnl));
    }
    return { t: t, v: v };
  }

  const METRICS = [
    ['quoter', (r) => r.strategy.quoter],
    ['journal window (UTC)', (r) => r.metrics.window.start_utc + ' .. ' + r.metrics.window.end_utc],
    ['net PnL, ticks x lots', (r) => num(r.metrics.pnl.net)],
    ['realised / unrealised / fees', (r) => num(r.metrics.pnl.realised, 1) + ' / ' + num(r.metrics.pnl.unrealised, 1) + ' / ' + num(r.metrics.pnl.fees, 1)],
    ['Sharpe (annualised)', (r) => r.metrics.sharpe === null ? 'undefined: ' + r.metrics.sharpe_undefined : num(r.metrics.sharpe)],
    ['Sortino', (r) => r.metrics.sortino === null ? 'undefined' : num(r.metrics.sortino)],
    ['max drawdown, ticks x lots', (r) => num(r.metrics.max_drawdown.depth)],
    ['fills', (r) => r.result.fills],
    ['orders new / replace / cancel', (r) => r.result.orders.new + ' / ' + r.result.orders.replace + ' / ' + r.result.orders.cancel],
    ['order to trade', (r) => num(r.metrics.orders.order_to_trade, 2)],
    ['quote uptime (both sides)', (r) => num(r.metrics.quote_uptime.both, 3)],
    ['markout edge, ticks', (r) => num(r.metrics.markouts.edge_ticks, 2)],
    ['final position, lots', (r) => r.result.position],
    ['fill-illusion guard difference', (r) => num(r.fill_illusion_guard.net_pnl_difference)],
    ['models', (r) => r.models.queue + ', ' + r.models.latency + ', ' + r.models.fees]
  ];

  async function compare() {
    const picked = Array.from(document.querySelectorAll('input.pick:checked')).map((b) => entries.find((e) => e.id === b.value));
    if (picked.length < 2) { $('compare-note').textContent = 'Check two or more reports to overlay.'; return; }
    $('compare-note').textContent = '';
    const loaded = [];
    for (const e of picked) {
      const report = JSON.parse(await text(e, 'report.json'));
      if (!e.files.includes('equity.csv')) {
        $('compare-note').textContent = e.path + ' has no equity.csv (written before the explorer existed): run the backtest again.';
        return;
      }
      loaded.push({ entry: e, report: report, equity: parseEquity(await text(e, 'equity.csv')) });
    }
    // each curve against seconds since its own start, so backtests of different days overlay
    const tables = loaded.map((l) => [l.equity.t.map((ns) => (ns - l.equity.t[0]) / 1e9), l.equity.v]);
    const data = uPlot.join(tables);
    const series = [{ label: 's since start' }].concat(loaded.map((l, i) => ({
      label: l.entry.path, stroke: COLOURS[i % COLOURS.length], spanGaps: true })));
    $('comparison').hidden = false;
    if (overlay) { overlay.destroy(); }
    overlay = new uPlot({
      width: Math.max(500, $('overlay').clientWidth || 900), height: 320,
      scales: { x: { time: false } }, series: series,
      axes: [{ label: 'seconds since start' }, { label: 'net PnL, ticks x lots', size: 80 }]
    }, data, $('overlay'));
    const table = $('metrics-table');
    table.replaceChildren();
    const head = document.createElement('tr');
    head.appendChild(cell('th', 'metric'));
    loaded.forEach((l, i) => { const th = cell('th', l.entry.path); th.style.color = COLOURS[i % COLOURS.length]; head.appendChild(th); });
    table.appendChild(head);
    METRICS.forEach(([name, f]) => {
      const tr = document.createElement('tr');
      tr.appendChild(cell('td', name));
      loaded.forEach((l) => { let v; try { v = f(l.report); } catch (err) { v = '-'; } tr.appendChild(cell('td', v)); });
      table.appendChild(tr);
    });
    $('comparison').scrollIntoView();
  }

  $('compare').addEventListener('click', () => compare().catch((err) => { $('compare-note').textContent = err.message; }));
  list();
}());
