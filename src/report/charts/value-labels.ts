import type { Chart, Plugin } from 'chart.js';

/**
 * A minimal Chart.js plugin that writes each bar's value just past its end (right of a horizontal
 * bar, above a vertical one). Direct labels let a reader skip the grid; Chart.js has no built-in
 * for this and the datalabels plugin is not a dependency.
 */
export function valueLabelsPlugin(
  font: { family: string; size: number },
  colour: string,
  format: (value: number) => string,
): Plugin<'bar' | 'line'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx;
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.font = `${font.size}px "${font.family}"`;
      ctx.fillStyle = colour;
      ctx.textAlign = horizontal ? 'left' : 'center';
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden || meta.type !== 'bar') return;
        meta.data.forEach((element, index) => {
          const value = dataset.data[index];
          if (typeof value !== 'number') return;
          const { x, y } = element.getProps(['x', 'y'], true);
          if (horizontal) ctx.fillText(format(value), x + 4, y);
          else ctx.fillText(format(value), x, y - 3);
        });
      });
      ctx.restore();
    },
  };
}
