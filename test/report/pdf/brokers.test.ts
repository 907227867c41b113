import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/report/pdf/index.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { sectionsOnly } from '../../helpers-fast/section-pdf.js';
import { richDocument, richRenderOptions } from './rich-document.js';

describe('brokers in the PDF', () => {
  it('prints small betweenness with two significant digits and says when it was bounded or estimated', async () => {
    const document = richDocument();
    if (!document.network) throw new Error('the rich document has a network');
    document.network = {
      ...document.network,
      topBrokers: [
        {
          id: 'ana.ruiz@example.com',
          name: 'Ana Ruiz',
          department: 'Operations',
          betweenness: 0.002056833314854002,
          partners: 2498,
        },
      ],
      warnings: [
        'network.topBrokers: betweenness computed over the 2000 most connected of 2800 people (network.maxPeopleForBrokers)',
        'network.topBrokers: betweenness estimated from 118 of 2000 people as sources (drawn with a fixed seed): exact would exceed the work budget (network.maxBetweennessWork)',
      ],
    };
    // Brokers are drawn in "Across the organization", alone here (helpers-fast/section-pdf.ts).
    const options = { ...richRenderOptions(), template: sectionsOnly(['organization']) };
    const text = (await readPdf(await renderReport(document, options))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Ana Ruiz Operations 2,498 0.0021');
    expect(text).toContain(
      'Betweenness computed over the 2000 most connected of 2800 people; estimated from 118 of 2000 people as sources (drawn with a fixed seed): exact would exceed the work budget.',
    );
  });
});
