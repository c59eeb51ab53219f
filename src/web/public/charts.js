// Charts of the trends page, drawn with uPlot (served from node_modules, no build step).
import uPlot from '/assets/uPlot.esm.js';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

const DAY = 86400;

function fmtDate(ts) {
  return ts === null || ts === undefined ? '' : new Date(ts * 1000).toISOString().slice(0, 10);
}

function fmtSigned(v) {
  return v === null || v === undefined ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
}

/** Hides legend rows of helper series (interval bounds) so the legend lists outlets only. */
function hideLegendRows(u, indexes) {
  const rows = u.root.querySelectorAll('.u-legend .u-series');
  for (const i of indexes) if (rows[i]) rows[i].style.display = 'none';
}

/** Dashed vertical lines where framing-change alerts start, in the outlet's colour. */
function alertMarkerPlugin(alerts, colorOf) {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u;
          const [min, max] = [u.scales.x.min, u.scales.x.max];
          ctx.save();
          for (const a of alerts) {
            if (a.x < min - DAY || a.x > max + DAY) continue;
            const x = Math.round(u.valToPos(a.x, 'x', true));
            ctx.strokeStyle = colorOf(a.outletId);
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = colorOf(a.outletId);
            ctx.font = `${11 * devicePixelRatio}px sans-serif`;
            ctx.fillText(`▼ ${a.kind}`, x + 4 * devicePixelRatio, u.bbox.top + 12 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

function sizeOf(el) {
  return { width: Math.max(320, el.clientWidth - 8), height: 320 };
}

/**
 * Mean stance per outlet with its 95% interval as a shaded band, and alert markers. Sets
 * data-series (outlet lines), data-points (periods) and data-alerts (markers in range) on the
 * container, which the browser test reads.
 */
export function renderTrendChart(el, data, outletColors) {
  el.textContent = '';
  const columns = [data.x];
  const series = [{ value: (u, v) => fmtDate(v) }];
  const bands = [];
  const hidden = [];
  for (const s of data.series) {
    const color = outletColors(s.outletId);
    const base = columns.length;
    // A single article has no interval: a zero-width band there, so the band has gaps only
    // where the line has them (uPlot fills oddly across a gap in just one bound).
    const bound = (b) => b.map((v, i) => (v === null && s.mean[i] !== null ? s.mean[i] : v));
    columns.push(s.mean, bound(s.high), bound(s.low));
    series.push(
      { label: s.outletName, stroke: color, width: 2, spanGaps: false, points: { show: true, size: 6 }, value: (u, v) => fmtSigned(v) },
      { label: `${s.outletName} high`, stroke: 'transparent', points: { show: false } },
      { label: `${s.outletName} low`, stroke: 'transparent', points: { show: false } },
    );
    bands.push({ series: [base + 1, base + 2], fill: `${color}26` });
    hidden.push(base + 1, base + 2);
  }
  const inRange = data.alerts.filter((a) => data.x.length > 0 && a.x >= data.x[0] - 7 * DAY && a.x <= data.x[data.x.length - 1] + 7 * DAY);
  const opts = {
    ...sizeOf(el),
    series,
    bands,
    scales: { x: { time: true }, y: { range: [-1, 1] } },
    axes: [{}, { values: (u, vals) => vals.map((v) => fmtSigned(v)), label: 'mean stance' }],
    plugins: [alertMarkerPlugin(inRange, outletColors)],
  };
  const chart = new uPlot(opts, columns, el);
  hideLegendRows(chart, hidden);
  el.dataset.series = String(data.series.length);
  el.dataset.points = String(data.x.length);
  el.dataset.alerts = String(inRange.length);
  el.removeAttribute('aria-busy');
  return chart;
}

/** Frame shares over time, one line per frame, 0–100%. Sets data-series and data-points. */
export function renderFrameChart(el, data) {
  el.textContent = '';
  const columns = [data.x, ...data.frames.map((f) => f.share)];
  const series = [
    { value: (u, v) => fmtDate(v) },
    ...data.frames.map((f, i) => ({
      label: f.frame,
      stroke: PALETTE[(i + 3) % PALETTE.length],
      width: 2,
      points: { show: true, size: 5 },
      value: (u, v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`),
    })),
  ];
  const opts = {
    ...sizeOf(el),
    series,
    scales: { x: { time: true }, y: { range: [0, 1] } },
    axes: [{}, { values: (u, vals) => vals.map((v) => `${Math.round(v * 100)}%`), label: 'share of mentions' }],
  };
  const chart = new uPlot(opts, columns, el);
  el.dataset.series = String(data.frames.length);
  el.dataset.points = String(data.x.length);
  el.removeAttribute('aria-busy');
  return chart;
}

export { fmtDate, fmtSigned };
