import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { computed } from 'vue';
import { useSettingsStore } from '../../stores/settings';

/**
 * Tree-shaken Chart.js: only the scales, elements and fills our charts draw (vue-chartjs's Bar and
 * Line register their own controllers). Text uses the system font stack: no web fonts, offline.
 */
Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Filler, Legend, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'system-ui, sans-serif';
Chart.defaults.animation = false;

interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  series: [string, string, string, string];
  /** Alert thresholds drawn on a chart (the same red as the exported charts in the light theme). */
  alert: string;
}

/** Chart colours from the theme's CSS variables, recomputed when the theme changes. */
export function useChartPalette() {
  const settings = useSettingsStore();
  return computed<ChartPalette>(() => {
    void settings.effectiveTheme;
    const style = getComputedStyle(document.documentElement);
    const css = (name: string) => style.getPropertyValue(name).trim();
    return {
      text: css('--text'),
      muted: css('--muted'),
      grid: css('--chart-grid'),
      series: [css('--chart-1'), css('--chart-2'), css('--chart-3'), css('--chart-4')],
      alert: css('--chart-alert'),
    };
  });
}

/** The legend every chart uses: under the plot, small square keys in the theme's text colour. */
export function bottomLegend(palette: ChartPalette) {
  return { position: 'bottom' as const, labels: { color: palette.text, boxWidth: 12, boxHeight: 12 } };
}
