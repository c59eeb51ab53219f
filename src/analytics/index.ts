export { formatTrends, formatTrendMatrix, type TrendPoint, type TrendFormat } from './format-trends.js';
export {
  alignTrends,
  alignFrames,
  dayToUnix,
  type TrendInput,
  type OutletSeries,
  type AlignedTrends,
  type FrameInput,
  type AlignedFrames,
} from './trend-series.js';
export {
  exportEncoder,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportColumn,
  type ExportEncoder,
} from './export-format.js';
