/** The lines after a successful reply: the verification note only when the API refused to stream. */
import { afterEach, describe, expect, it } from 'vitest';
import { summaryLines } from '../../src/api/summary.js';
import { contentFor } from '../../src/content/content.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { checkAgainst } from '../helpers/app.js';

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const en = contentFor('en');
let server: DemoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the summary of a success', () => {
  it('says why the reply did not stream only when the API refused to stream it', async () => {
    server = await startDemoServer({ scenario: 'stream-needs-verification' });
    const refused = await checkAgainst({ baseUrl: server.baseUrl, key: KEY });
    expect(refused.report.ok).toBe(true);
    expect(refused.streamRefused).toBe(true);
    const lines = summaryLines(refused.report, en, 'en', refused.streamRefused).map((line) => line.text);
    expect(lines).toContain(en.summary.notStreamed);

    // A reply that came unstreamed for another reason (a gateway that does not stream) is no reason to verify.
    const plain = { ...refused.report, streamed: false };
    expect(summaryLines(plain, en, 'en').map((line) => line.text)).not.toContain(en.summary.notStreamed);
  });

  it('gives the total time alone when no first piece was timed, with no placeholder character', async () => {
    const done = await checkAgainst({ baseUrl: 'http://127.0.0.1:9/v1', key: KEY });
    const report = {
      ...done.report,
      ok: true,
      model: 'gpt-4o-mini',
      latencyMs: { firstToken: null, total: 120 },
    };
    const lines = summaryLines(report, en, 'en').map((line) => line.text);
    expect(lines).toContain('Speed: the whole reply came after 120 ms (network and model together)');
    expect(lines.join('\n')).not.toContain(' - ms');
  });
});
