/**
 * ECharts (from its WebJar, loaded by index.html as the global `echarts`) behind a few small functions.
 * Charts are resized with the window and disposed of when their page goes away.
 */
import { h } from './dom.js';

const live = new Set();

window.addEventListener('resize', () => live.forEach((chart) => chart.resize()));

/** Disposes of the previous page's charts (the router calls this before showing a page). */
export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

/** A chart container; the chart is drawn once the element is in the page. */
export function chart(label, option, onClick) {
  const element = h('div', { class: 'chart', role: 'img', 'aria-label': label });
  requestAnimationFrame(() => {
    if (!element.isConnected || !window.echarts) return;
    const instance = window.echarts.init(element);
    // no animation: a work screen shows the figures at once (and screenshots show them as they are)
    instance.setOption({ animation: false, ...option });
    if (onClick) instance.on('click', onClick);
    live.add(instance);
  });
  return element;
}

const COLOURS = { pass: '#3a9d5d', fail: '#d64545', notGraded: '#b0b8c1', noData: '#dde3ea' };

/** Stacked bars: per category, the counts of each series. series: [{name, key, colour}] */
export function stackedBars(label, categories, series, rows) {
  return chart(label, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name, type: 'bar', stack: 'all', itemStyle: { color: COLOURS[s.key] || s.colour },
      data: rows.map((row) => row[s.key] ?? 0),
    })),
  });
}

/** A radar of shares (0–100) per axis. */
export function radar(label, axes, values, seriesName) {
  return chart(label, {
    tooltip: {},
    radar: { indicator: axes.map((name) => ({ name, max: 100 })), radius: '65%' },
    series: [{ type: 'radar', name: seriesName, data: [{ value: values, name: seriesName, areaStyle: { opacity: 0.2 } }] }],
  });
}

/** A tree map of areas, coloured from green (no failures) to red (most failures); click drills down. */
export function failureMap(label, areas, onPick) {
  const max = Math.max(1, ...areas.map((a) => a.fail));
  return chart(label, {
    tooltip: { formatter: (p) => `${p.name}: ${p.data.fail}` },
    series: [{
      type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
      data: areas.map((a) => ({
        name: a.name, value: 1, code: a.code, fail: a.fail,
        itemStyle: { color: a.fail === 0 ? COLOURS.pass : `rgba(214, 69, 69, ${0.35 + 0.65 * (a.fail / max)})` },
      })),
      label: { formatter: (p) => `${p.name}\n${p.data.fail}` },
    }],
  }, (event) => event.data && onPick(event.data.code));
}

/** Lines over dates: series [{name, data: [[date, value], ...], dashed}] */
export function lines(label, series) {
  return chart(label, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name, type: 'line', showSymbol: false, data: s.data,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
    })),
  });
}
