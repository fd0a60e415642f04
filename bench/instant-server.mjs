// A loopback server that answers the test call at once (no pacing, unlike `serve`), for timing `check`
// as a whole process: GET /v1/models and a streamed POST /v1/chat/completions from the real fixtures.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const fixtures = JSON.parse(
  readFileSync(new URL('../src/demo/fixtures/openai-api.json', import.meta.url), 'utf8'),
);

/** Starts the server on 127.0.0.1; resolves with its base URL and a stop function. */
export async function startInstantServer() {
  const models = JSON.stringify(fixtures.models_list.body);
  const stream = fixtures.stream_chunks.body;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/v1/models') {
        res.writeHead(200, { ...fixtures.models_list.headers, 'content-type': 'application/json' });
        res.end(models);
        return;
      }
      res.writeHead(200, { ...fixtures.stream_chunks.headers, 'content-type': 'text/event-stream' });
      res.end(stream);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/v1`, stop: () => new Promise((r) => server.close(r)) };
}
