import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the report's fonts live. The PDF (pdfkit), the charts Chart.js draws into its pages, and the
 * tests' Skia reference rendering all use these same files, so chart text measures the same everywhere.
 */

/** Family name chart SVG text carries; the PDF maps it back to the embedded DejaVu Sans. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** The TTF files the report embeds. */
export interface FontFiles {
  /** DejaVu Sans: Latin, Cyrillic, Greek and most symbols. */
  regular: string;
  bold: string;
  /** Noto Sans SC: Chinese (and the kana/hangul it carries); only loaded when a string needs it. */
  cjkRegular: string;
  cjkBold: string;
}

let cached: FontFiles | undefined;

/** Resolves the font files inside their npm packages (cached; the packages never move at run time). */
export function fontFiles(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // Resolving package.json works whatever the package's "main" points to.
  const dejavu = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const noto = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  cached = {
    regular: join(dejavu, 'DejaVuSans.ttf'),
    bold: join(dejavu, 'DejaVuSans-Bold.ttf'),
    cjkRegular: join(noto, '400Regular', 'NotoSansSC_400Regular.ttf'),
    cjkBold: join(noto, '700Bold', 'NotoSansSC_700Bold.ttf'),
  };
  return cached;
}
