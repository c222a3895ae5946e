// The ratings dashboard: reads /admin/api/dashboard and draws every chart as inline SVG.
// No library, no build step. Data from customers (verbatims, ids) only ever goes through
// textContent, never innerHTML.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var csrf = '';

  function el(name, attrs, text) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgEl(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgRoot(kind, width, height, label) {
    return svgEl('svg', { 'data-chart': kind, viewBox: '0 0 ' + width + ' ' + height,
                          width: width, height: height, role: 'img', 'aria-label': label });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function percent(x) { return (Math.round(x * 1000) / 10) + ' %'; }
  function fixed(x) { return (Math.round(x * 10) / 10).toString(); }
  function group(score) { return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'; }

  function filterQuery(extra) {
    var form = document.getElementById('filters');
    var params = new URLSearchParams();
    ['from', 'to', 'flow', 'channel', 'locale'].forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) params.set(name, v);
    });
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    var q = params.toString();
    return q ? '?' + q : '';
  }

  // NPS over time: the margin as a band, the score as a line with points.
  function drawSeries(container, series) {
    clear(container);
    var W = 1100, H = 300, L = 48, R = 16, T = 12, B = 40;
    var svg = svgRoot('nps-over-time', W, H, 'NPS dans le temps');
    var y = function (v) { return T + (100 - v) / 200 * (H - T - B); };
    [-100, -50, 0, 50, 100].forEach(function (v) {
      svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), 'class': v === 0 ? 'axis' : 'gridline' }));
      svg.appendChild(svgEl('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
    });
    var n = series.length;
    var x = function (i) { return n <= 1 ? (L + W - R) / 2 : L + i * (W - L - R) / (n - 1); };
    if (n === 0) {
      svg.appendChild(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'Aucune réponse sur la période'));
    } else {
      var upper = [], lower = [], line = [];
      series.forEach(function (p, i) {
        upper.push(x(i) + ',' + y(p.high));
        lower.unshift(x(i) + ',' + y(p.low));
        line.push(x(i) + ',' + y(p.nps));
      });
      svg.appendChild(svgEl('polygon', { 'class': 'band', points: upper.concat(lower).join(' ') }));
      svg.appendChild(svgEl('polyline', { 'class': 'nps-line', points: line.join(' ') }));
      var step = Math.max(1, Math.ceil(n / 12));
      series.forEach(function (p, i) {
        if (p.n > 0) svg.appendChild(svgEl('line', { 'class': 'whisker interval', x1: x(i), x2: x(i), y1: y(p.high), y2: y(p.low) }));
        var dot = svgEl('circle', { 'class': 'point', cx: x(i), cy: y(p.nps), r: 4 });
        dot.appendChild(svgEl('title', {}, p.start.slice(0, 10) + ' · NPS ' + fixed(p.nps) + ' ± ' + fixed(p.margin95) + ' (n = ' + p.n + ')'));
        svg.appendChild(dot);
        if (i % step === 0) svg.appendChild(svgEl('text', { x: x(i), y: H - B + 18, 'text-anchor': 'middle' }, p.start.slice(5, 10)));
      });
    }
    container.appendChild(svg);
  }

  // NPS of each group as a horizontal bar from 0, with its 95% interval as a whisker.
  function drawGroups(container, kind, groups) {
    clear(container);
    var W = 380, row = 34, L = 80, R = 76, T = 20;
    var H = T + Math.max(1, groups.length) * row + 10;
    var svg = svgRoot(kind, W, H, kind);
    var x = function (v) { return L + (v + 100) / 200 * (W - L - R); };
    svg.appendChild(svgEl('line', { x1: x(0), x2: x(0), y1: T - 8, y2: H - 6, 'class': 'axis' }));
    [-100, 0, 100].forEach(function (v) { svg.appendChild(svgEl('text', { x: x(v), y: 12, 'text-anchor': 'middle' }, v)); });
    groups.forEach(function (g, i) {
      var cy = T + i * row + row / 2;
      svg.appendChild(svgEl('text', { x: L - 8, y: cy + 4, 'text-anchor': 'end' }, g.key));
      var a = x(Math.min(0, g.nps)), b = x(Math.max(0, g.nps));
      var bar = svgEl('rect', { 'class': 'bar ' + (g.nps >= 0 ? 'promoter' : 'detractor'), x: a, y: cy - 9, width: Math.max(1, b - a), height: 18 });
      bar.appendChild(svgEl('title', {}, g.key + ' · NPS ' + fixed(g.nps) + ' ± ' + fixed(g.margin95) + ' (n = ' + g.n + ')'));
      svg.appendChild(bar);
      if (g.n > 0) {
        svg.appendChild(svgEl('line', { 'class': 'whisker', x1: x(g.low), x2: x(g.high), y1: cy, y2: cy }));
        svg.appendChild(svgEl('line', { 'class': 'whisker', x1: x(g.low), x2: x(g.low), y1: cy - 5, y2: cy + 5 }));
        svg.appendChild(svgEl('line', { 'class': 'whisker', x1: x(g.high), x2: x(g.high), y1: cy - 5, y2: cy + 5 }));
      }
      svg.appendChild(svgEl('text', { x: W - R + 6, y: cy + 4 }, fixed(g.nps) + ' (n=' + g.n + ')'));
    });
    container.appendChild(svg);
  }

  function drawDistribution(container, counts) {
    clear(container);
    var W = 520, H = 240, L = 36, B = 28, T = 10;
    var svg = svgRoot('score-distribution', W, H, 'Distribution des notes');
    var max = Math.max.apply(null, counts.concat([1]));
    var slot = (W - L - 10) / 11;
    svg.appendChild(svgEl('line', { x1: L, x2: W - 10, y1: H - B, y2: H - B, 'class': 'axis' }));
    counts.forEach(function (c, score) {
      var h = c / max * (H - T - B);
      var bar = svgEl('rect', { 'class': 'bar ' + group(score), x: L + score * slot + 4, y: H - B - h, width: slot - 8, height: Math.max(h, 0.5) });
      bar.appendChild(svgEl('title', {}, score + ' : ' + c));
      svg.appendChild(bar);
      svg.appendChild(svgEl('text', { x: L + score * slot + slot / 2, y: H - B + 16, 'text-anchor': 'middle' }, score));
      if (c > 0) svg.appendChild(svgEl('text', { x: L + score * slot + slot / 2, y: H - B - h - 4, 'text-anchor': 'middle' }, c));
    });
    container.appendChild(svg);
  }

  function drawOutcomes(container, outcomes, notAsked) {
    clear(container);
    var rows = [];
    var names = { answered: 'Répondu', declined: 'Refusé', no_answer: 'Sans réponse', not_understood: 'Non compris', not_asked: 'Non posé' };
    Object.keys(names).forEach(function (k) { rows.push({ key: names[k], value: outcomes[k] || 0, cls: k }); });
    Object.keys(notAsked).forEach(function (k) { rows.push({ key: '  non posé : ' + k, value: notAsked[k], cls: 'not_asked' }); });
    var W = 520, row = 26, L = 170, R = 50;
    var H = rows.length * row + 10;
    var svg = svgRoot('outcomes', W, H, 'Issues du questionnaire');
    var max = Math.max.apply(null, rows.map(function (r) { return r.value; }).concat([1]));
    rows.forEach(function (r, i) {
      var cy = 5 + i * row + row / 2;
      svg.appendChild(svgEl('text', { x: L - 8, y: cy + 4, 'text-anchor': 'end' }, r.key));
      svg.appendChild(svgEl('rect', { 'class': 'bar outcome-' + r.cls, x: L, y: cy - 8, width: Math.max(1, r.value / max * (W - L - R)), height: 16 }));
      svg.appendChild(svgEl('text', { x: L + r.value / max * (W - L - R) + 6, y: cy + 4 }, r.value));
    });
    container.appendChild(svg);
  }

  function drawCards(container, d) {
    clear(container);
    [[fixed(d.nps.nps), 'NPS (± ' + fixed(d.nps.margin95) + ', n = ' + d.nps.n + ')'],
     [d.sessions, 'sessions terminées'],
     [d.asked, 'questions posées'],
     [percent(d.response_rate), 'taux de réponse'],
     [d.callbacks.length, 'détracteurs à rappeler']].forEach(function (c) {
      var card = el('div', { 'class': 'card' });
      card.appendChild(el('div', { 'class': 'value' }, c[0]));
      card.appendChild(el('div', { 'class': 'label' }, c[1]));
      container.appendChild(card);
    });
  }

  function fillUx(rows) {
    var body = document.querySelector('#ux tbody');
    clear(body);
    rows.forEach(function (u) {
      var tr = el('tr');
      [u.flow, u.sessions, percent(u.task_success_rate), percent(u.not_understood_rate),
       percent(u.abandonment_rate), fixed(u.mean_turns_to_complete), fixed(u.mean_seconds_to_complete) + ' s']
        .forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      body.appendChild(tr);
    });
  }

  function scoreCell(score, kind) {
    var cls = kind === 'nps' ? group(score) : '';
    return el('td', { 'class': 'score ' + cls }, score === null ? '' : score);
  }

  function fillCallbacks(rows) {
    var body = document.querySelector('#callbacks tbody');
    clear(body);
    rows.forEach(function (o) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, o.ended_at.replace('T', ' ').slice(0, 16)));
      tr.appendChild(el('td', {}, o.user_id));
      tr.appendChild(el('td', {}, o.channel));
      tr.appendChild(scoreCell(o.score, o.kind));
      tr.appendChild(el('td', { 'class': 'verbatim' }, o.verbatim));
      var cell = el('td');
      var button = el('button', { type: 'button' }, 'Marquer comme contacté');
      button.addEventListener('click', function () { markContacted(o.session_id, button); });
      cell.appendChild(button);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  function fillVerbatims(rows) {
    var body = document.querySelector('#verbatims tbody');
    clear(body);
    rows.forEach(function (v) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, v.ended_at.replace('T', ' ').slice(0, 16)));
      tr.appendChild(el('td', {}, v.channel));
      tr.appendChild(scoreCell(v.score, v.kind));
      tr.appendChild(el('td', { 'class': 'verbatim' }, v.verbatim));
      body.appendChild(tr);
    });
  }

  function markContacted(sessionId, button) {
    button.disabled = true;
    fetch('/admin/api/callbacks/' + encodeURIComponent(sessionId) + '/contacted', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: '{}'
    }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      load();
    }).catch(function (e) {
      button.disabled = false;
      document.getElementById('status').textContent = 'Échec : ' + e.message;
    });
  }

  function load() {
    var status = document.getElementById('status');
    var extra = document.getElementById('detractors-only').checked ? { detractors: '1' } : {};
    document.getElementById('csv').setAttribute('href', '/admin/api/survey-outcomes.csv' + filterQuery());
    return fetch('/admin/api/dashboard' + filterQuery(extra), { credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401) { window.location.assign('/admin/login'); throw new Error('session expirée'); }
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (d) {
        drawCards(document.getElementById('cards'), d);
        drawSeries(document.getElementById('chart-series'), d.series);
        drawGroups(document.getElementById('chart-flow'), 'nps-by-flow', d.by_flow);
        drawGroups(document.getElementById('chart-channel'), 'nps-by-channel', d.by_channel);
        drawGroups(document.getElementById('chart-locale'), 'nps-by-locale', d.by_locale);
        drawDistribution(document.getElementById('chart-distribution'), d.distribution);
        drawOutcomes(document.getElementById('chart-outcomes'), d.outcomes, d.not_asked);
        fillUx(d.ux_by_flow);
        fillCallbacks(d.callbacks);
        fillVerbatims(d.verbatims);
        status.textContent = d.sessions + ' sessions' + (d.truncated ? ' (les plus récentes seulement)' : '');
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (e) { status.textContent = 'Erreur : ' + e.message; });
  }

  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.getElementById('detractors-only').addEventListener('change', load);
  document.getElementById('logout').addEventListener('click', function () {
    fetch('/admin/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf }, body: '' })
      .then(function () { window.location.assign('/admin'); });
  });
  fetch('/admin/api/session', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : { csrf: '' }; })
    .then(function (s) { csrf = s.csrf || ''; })
    .then(load);
})();
