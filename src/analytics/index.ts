export { formatTrends, formatTrendMatrix, type TrendPoint, type TrendFormat } from './format-trends.js';
