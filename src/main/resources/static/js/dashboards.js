// Draws each dashboard chart from the table beside it, so the table is both the accessible
// alternative and the one source of the figures. A bar or point leads to the cases behind it,
// through the link in the same row of the table. ECharts is loaded before this as a plain script.
/* global echarts */

// GOV.UK Design System colours, in an order that keeps neighbours apart.
const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#5694ca', '#85994b', '#b58840'];

function read(table, labelColumn, series) {
  const headings = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
  const rows = [...table.tBodies[0].rows];
  return {
    names: series.map((i) => headings[i]),
    labels: rows.map((r) => r.cells[labelColumn].textContent.trim()),
    links: rows.map((r) => {
      const a = r.cells[0].querySelector('a');
      return a ? a.getAttribute('href') : null;
    }),
    values: series.map((i) => rows.map((r) => {
      const v = r.cells[i].dataset.value;
      return v === undefined || v === '' ? null : Number(v);
    })),
  };
}

function draw(element) {
  const table = document.getElementById(element.dataset.table);
  if (!table || typeof echarts === 'undefined') {
    return;
  }
  const kind = element.dataset.chart;
  const series = element.dataset.series.split(',').filter((s) => s !== '').map(Number);
  const data = read(table, Number(element.dataset.labelColumn), series);
  // Many categories read better as horizontal bars, with room for their names; time stays across.
  const horizontal = kind !== 'line' && element.dataset.overTime !== 'true' && data.labels.length > 8;
  if (horizontal) {
    element.style.height = `${Math.max(320, data.labels.length * 28 + 80)}px`;
  }
  const category = { type: 'category', data: data.labels, inverse: horizontal, axisLabel: { width: 160, overflow: 'truncate' } };
  const value = { type: 'value' };
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: 'GDS Transport, arial, sans-serif' },
    tooltip: { trigger: 'axis' },
    legend: { data: data.names, top: 0 },
    grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: data.names.map((name, n) => ({
      name,
      type: kind === 'line' ? 'line' : 'bar',
      stack: kind === 'stacked' ? 'all' : undefined,
      data: data.values[n],
      cursor: data.links.some((l) => l) ? 'pointer' : 'default',
    })),
  });
  chart.on('click', (event) => {
    const href = data.links[event.dataIndex];
    if (href) {
      window.location.assign(href);
    }
  });
  element.dataset.drawn = 'true';
  window.addEventListener('resize', () => chart.resize());
}

document.querySelectorAll('.borough-chart[data-chart]').forEach(draw);
