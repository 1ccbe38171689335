'use strict';
// The live page: one server-sent event per sample (mode, position, PnL, book, quotes, latency, rings, fills...), a
// uPlot chart of the session's position and PnL, and the controls. The operator token is posted once and kept by the
// server in this browser session's memory; every POST carries the session's anti-forgery token in a header.
(function () {
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  const history = [[], [], []];
  const MAX_POINTS = 7200;
  let chart = null;

  function fmt(v) { return (v === undefined || v === null) ? '-' : Number(v).toLocaleString('en-US'); }
  function micros(ns) { return ns > 0 ? (ns / 1000).toFixed(1) + ' us' : '-'; }

  function makeChart() {
    const width = Math.max(400, $('chart').clientWidth || 900);
    chart = new uPlot({
      width: width, height: 260,
      series: [
        {},
        { label: 'position, lots', stroke: '#1565c0', scale: 'lots' },
        { label: 'net PnL, ticks x lots', stroke: '#2e7d32', scale: 'pnl' }
      ],
      axes: [{}, { scale: 'lots', label: 'lots' }, { scale: 'pnl', side: 1, label: 'PnL', size: 70 }]
    }, history, $('chart'));
  }

  function addPoint(s) {
    if (s.position_lots === undefined) { return; }
    const t = s.time_ms / 1000;
    if (history[0].length && t <= history[0][history[0].length - 1]) { return; }
    history[0].push(t);
    history[1].push(s.position_lots);
    history[2].push(s.net_pnl_tick_lots);
    if (history[0].length > MAX_POINTS) { history.forEach((a) => a.shift()); }
    if (chart) { chart.setData(history); }
  }

  function render(s) {
    $('updated').textContent = 'updated ' + new Date(s.time_ms).toISOString().substring(11, 19) + ' UTC';
    $('updated').dataset.timeMs = s.time_ms;
    if (!s.mode) {
      $('daemon').textContent = s.problem || 'no daemon';
      $('mode').textContent = 'NO DAEMON';
      $('mode').className = 'mode';
      return;
    }
    $('daemon').textContent = 'daemon ' + s.daemon;
    $('mode').textContent = s.mode;
    $('mode').className = 'mode ' + s.mode;
    $('mode-reason').textContent = s.mode_reason;
    $('position').textContent = fmt(s.position_lots);
    $('pnl').textContent = fmt(s.net_pnl_tick_lots);
    $('touch').textContent = fmt(s.best_bid_ticks) + ' / ' + fmt(s.best_ask_ticks);
    $('quotes').textContent = (s.quoted_bid_ticks ? fmt(s.quoted_bid_ticks) : '-') + ' / ' +
      (s.quoted_ask_ticks ? fmt(s.quoted_ask_ticks) : '-');
    $('open-orders').textContent = fmt(s.open_orders);
    $('fills').textContent = fmt(s.fills);
    $('t2q').textContent = micros(s.tick_to_quote_p50_ns) + ' / ' + micros(s.tick_to_quote_p99_ns);
    $('rings').textContent = fmt(s.inbound_ring_slots) + ' / ' + fmt(s.outbound_ring_slots);
    $('journal-lag').textContent = fmt(s.journal_lag_frames);
    $('heartbeat-age').textContent = s.heartbeat_age_ms < 0 ? '-' :
      (s.heartbeat_age_at_least ? '>= ' : '') + (s.heartbeat_age_ms / 1000).toFixed(1) + ' s';
    const fills = $('fills-table').tBodies[0];
    fills.replaceChildren(...s.fills_recent.map((f) => row([
      new Date(f.time_ns / 1e6).toISOString().substring(11, 23), f.side, fmt(f.price_ticks), fmt(f.quantity_lots),
      f.client_order_id, f.liquidity])));
    $('fills-note').textContent = s.fills_note || '';
    const rejects = $('rejects-table').tBodies[0];
    rejects.replaceChildren(...Object.entries(s.rejects).filter(([, v]) => v !== 0).map(([k, v]) => row([k, fmt(v)])));
    if (!rejects.children.length) { rejects.replaceChildren(row(['none', '0'])); }
    const counters = $('counters-table').tBodies[0];
    counters.replaceChildren(...Object.entries(s.counters).map(([k, v]) => row([k, fmt(v)])));
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((c) => { const td = document.createElement('td'); td.textContent = String(c); tr.appendChild(td); });
    return tr;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-Ticklane-CSRF': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body || ''
    });
    let json = {};
    try { json = await response.json(); } catch (e) { json = { error: 'HTTP ' + response.status }; }
    return { status: response.status, json: json };
  }

  function show(text, ok) {
    const p = $('control-result');
    p.textContent = text;
    p.className = 'result ' + (ok ? 'ok' : 'bad');
  }

  async function session() {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    const json = await response.json();
    csrf = json.csrf;
    $('token-state').textContent = json.authenticated === 'true' ? 'token held for this session' : 'no token entered';
  }

  $('token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const field = $('token');
    const r = await post('/api/token', 'token=' + encodeURIComponent(field.value));
    field.value = '';
    if (r.status === 200) {
      $('token-state').textContent = 'token held for this session';
      show('operator token accepted for this session (the daemon checks it with the first control)', true);
    } else {
      $('token-state').textContent = 'no token entered';
      show(r.json.error || ('HTTP ' + r.status), false);
    }
  });

  $('logout').addEventListener('click', async () => {
    const r = await post('/api/logout');
    show(r.status === 200 ? 'session ended: the token is forgotten' : (r.json.error || 'HTTP ' + r.status), r.status === 200);
    await session();
  });

  document.querySelectorAll('button[data-control]').forEach((button) => {
    button.addEventListener('click', async () => {
      const control = button.dataset.control;
      if (!window.confirm('Send ' + control.toUpperCase() + ' to the daemon?')) {
        show(control.toUpperCase() + ' not sent', false);
        return;
      }
      show('sending ' + control.toUpperCase() + '...', true);
      const r = await post('/api/control/' + control);
      if (r.status === 200) {
        show(r.json.message + ': mode ' + r.json.mode + ', open orders ' + r.json.open_orders + ', position ' +
          r.json.position_lots, true);
      } else {
        show(r.json.message || r.json.error || ('HTTP ' + r.status), false);
        if (r.status === 409 && r.json.outcome === 'REJECTED') { $('token-state').textContent = 'no token entered'; }
      }
    });
  });

  async function start() {
    await session();
    const h = await (await fetch('/api/history', { credentials: 'same-origin' })).json();
    history[0] = h.time_ms.map((t) => t / 1000);
    history[1] = h.position_lots;
    history[2] = h.net_pnl_tick_lots;
    makeChart();
    const events = new EventSource('/api/events');
    events.addEventListener('sample', (e) => {
      const s = JSON.parse(e.data);
      render(s);
      addPoint(s);
    });
    events.onerror = () => { $('daemon').textContent = 'cockpit connection lost: retrying...'; };
  }
  start();
}());
