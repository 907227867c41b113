import type { FontWeight } from './fonts.js';

/**
 * The CSS strings a canvas receives as styles (chart-canvas.ts): colours and fonts, in the forms
 * Chart.js and our palette write, turned into what pdfkit paints and sets.
 */

/** Where a colour string paints: RGB 0-255 and alpha 0-1, or a name pdfkit knows. */
export interface Paint {
  color: string | [number, number, number];
  alpha: number;
}

/** Parses the colour forms Chart.js and our palette use: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba(). */
export function parseColour(text: string): Paint {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { color: [0, 0, 0], alpha: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    const part = (index: number): number => Number.parseInt(full.slice(index * 2, index * 2 + 2), 16);
    return { color: [part(0), part(1), part(2)], alpha: full.length === 8 ? part(3) / 255 : 1 };
  }
  const functional = /^rgba?\(([^)]*)\)$/.exec(value)?.[1];
  if (functional !== undefined) {
    const parts = functional.split(/[\s,/]+/).filter((part) => part.length > 0);
    const channel = (part: string | undefined): number => Math.max(0, Math.min(255, Number(part ?? 0)));
    const alphaPart = parts[3];
    const alpha =
      alphaPart === undefined ? 1 : Number(alphaPart.replace('%', '')) / (alphaPart.endsWith('%') ? 100 : 1);
    return { color: [channel(parts[0]), channel(parts[1]), channel(parts[2])], alpha: Math.max(0, Math.min(1, alpha)) };
  }
  return { color: value, alpha: 1 };
}

/** Weight and size of a CSS font string ("bold 8.5px DejaVu Sans"); chart text is only ever DejaVu Sans. */
export function parseFont(font: string): { weight: FontWeight; size: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
  const weight: FontWeight = /\b(bold|bolder|[6-9]00)\b/.test(font) ? 'bold' : 'regular';
  return { weight, size };
}
