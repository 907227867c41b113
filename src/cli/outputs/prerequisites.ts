import { open, stat } from 'node:fs/promises';
import type { ResolvedConfig } from '../../config/defaults.js';
import { ConfigError } from '../../errors.js';
import { loadTemplate, type ReportTemplate } from '../../report/pdf/template.js';

/** PNG and JPEG signatures: the formats pdfkit embeds. */
const IMAGE_SIGNATURES = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0xff, 0xd8, 0xff]),
];

/**
 * What the outputs need besides the data, checked before anything is read or written: the
 * template (its JSON and its logo) and the configured logo. A bad one is exit 2 at once, not after
 * minutes of reading with metrics.json already replaced. Returns the loaded template.
 */
export async function checkOutputPrerequisites(config: ResolvedConfig): Promise<ReportTemplate> {
  const template = loadTemplate(config.template);
  const logo = config.report.logo ?? template.logoPath;
  if (logo !== null)
    await checkLogo(logo, config.report.logo !== undefined ? 'report.logo' : `template ${template.name} "logo"`);
  return template;
}

async function checkLogo(file: string, option: string): Promise<void> {
  const hint = `\n  hint: give a PNG or JPEG file (config report.logo or the template's theme.json "logo")`;
  // A FIFO or a device would block the open: only a regular file is opened.
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ConfigError(`${option} ${file}: does not exist or is not a file${hint}`);
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(8);
      const { bytesRead } = await handle.read(buffer, 0, 8, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ConfigError(`${option} ${file}: cannot be read${hint}`, { cause: error });
  }
  if (!IMAGE_SIGNATURES.some((signature) => head.subarray(0, signature.length).equals(signature))) {
    throw new ConfigError(`${option} ${file}: not a PNG or JPEG image${hint}`);
  }
}
