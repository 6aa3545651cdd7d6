/*
 * The report page's charts (/admin/reports). Each canvas[data-chart] carries its plotted series as JSON in
 * data-series (the same JSON as /admin/reports/<chart>.json); this draws it with the bundled Chart.js and then marks
 * the canvas data-rendered="true" data-points="<values drawn>" for browser tests. No inline script: the page is served
 * with Content-Security-Policy default-src 'self'.
 */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';
  var percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var colours = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

  function duration(seconds) {
    if (seconds < 60) { return number.format(seconds) + ' s'; }
    if (seconds < 3600) { return number.format(Math.round(seconds / 6) / 10) + ' min'; }
    if (seconds < 172800) { return number.format(Math.round(seconds / 360) / 10) + ' h'; }
    return number.format(Math.round(seconds / 8640) / 10) + ' d';
  }

  function format(unit, value) {
    if (value === null || value === undefined) { return '–'; }
    if (unit === 'seconds') { return duration(value); }
    if (unit === 'ratio') { return percent.format(value); }
    return number.format(value);
  }

  function draw(canvas) {
    var chart = JSON.parse(canvas.getAttribute('data-series'));
    var kind = canvas.getAttribute('data-kind') || 'line';
    var money = chart.series.some(function (s) { return s.unit === 'money'; });
    var datasets = chart.series.map(function (s, i) {
      var colour = s.reference ? '#6b7280' : colours[i % colours.length];
      return {
        label: s.label,
        data: s.values,
        type: s.reference ? 'line' : kind,
        unit: s.unit,
        borderColor: colour,
        backgroundColor: kind === 'bar' && !s.reference ? colour + 'cc' : colour,
        borderDash: s.reference ? [6, 4] : [],
        pointRadius: s.reference ? 0 : 3,
        spanGaps: true,
        yAxisID: s.unit === 'money' ? 'money' : 'y'
      };
    });
    var scales = {
      y: { beginAtZero: true, ticks: { callback: function (v) { return format(chart.unit, v); } } }
    };
    if (chart.unit === 'ratio' && chart.chart !== 'moderation') { scales.y.suggestedMax = 1; }
    if (chart.unit === 'count') { scales.y.ticks.precision = 0; }
    if (money) {
      scales.money = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
        ticks: { callback: function (v) { return number.format(v); } } };
    }
    new window.Chart(canvas, {
      type: kind,
      data: { labels: chart.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: {
          tooltip: { callbacks: { label: function (ctx) {
            return ctx.dataset.label + ': ' + format(ctx.dataset.unit, ctx.parsed.y);
          } } }
        }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
    canvas.setAttribute('data-points', String(chart.points));
  }

  function drawAll() {
    if (!window.Chart) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), function (canvas) {
      try {
        draw(canvas);
      } catch (e) {
        canvas.setAttribute('data-rendered', 'error');
        canvas.setAttribute('data-error', String(e && e.message || e));
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
}());
