/**
 * The practice server: an OpenAI-compatible loopback server for GET /v1/models and POST
 * /v1/chat/completions, streamed and not, answering with the real bodies and headers of
 * ../shared/fixtures/openai-api.json (copied to ./fixtures), one scenario per outcome kind.
 * It never logs a key unmasked: trainees will paste real ones.
 */
import { randomBytes } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { cleanText } from '../text/sanitize.js';
import { maskKey } from '../text/secrets.js';
import fixtures from './fixtures/openai-api.json' with { type: 'json' };
import type { ScenarioName } from './scenario-names.js';

export { PRACTICE_KEY } from './practice-key.js';

/** The largest request body the server reads. */
export const BODY_LIMIT = 1024 * 1024;

/** The practice haiku, streamed a few words at a time. */
const HAIKU = 'A function calls itself,\nsmaller mirrors, one by one,\nuntil the base case.';

type FixtureName = Exclude<keyof typeof fixtures, '_meta'>;
type Fixture = { status: number; headers: Record<string, string>; body: unknown };

function fixture(name: FixtureName): Fixture {
  return fixtures[name] as unknown as Fixture;
}

/** How a practice server is set up. */
export type DemoServerOptions = {
  readonly scenario?: ScenarioName;
  /** no-credit-then-ok: how many chat calls fail before credit "arrives". */
  readonly creditAfter?: number;
  /** Pause between streamed chunks, so the haiku is seen being written. */
  readonly chunkDelayMs?: number;
  readonly port?: number;
  /** A TLS certificate and key: then it serves https (tests of proxies and certificates). */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** One line per request, key masked. */
  readonly log?: (entry: RequestLogEntry) => void;
  /** Tests: answer the chat call with this fixture of ../shared/fixtures (by name), whatever the scenario. */
  readonly fixture?: string;
  /**
   * The organization and project the practice key belongs to (a team file's): a call that names another in
   * OpenAI-Organization or OpenAI-Project is refused, as the API refuses it. Unset, any header is accepted.
   */
  readonly keyOwner?: { readonly organization?: string | undefined; readonly project?: string | undefined };
};

/**
 * Where the practice key belongs in the wrong-organization and wrong-project scenarios: somewhere other than
 * any team file says, so a call with a team's headers is refused and one without them is not.
 */
export const ELSEWHERE = {
  organization: 'org-Elsewhere000000000000000',
  project: 'proj_Elsewhere000000000000000',
} as const;

/** What the server saw of one request. */
export type RequestLogEntry = {
  readonly method: string;
  readonly path: string;
  /** The Authorization key, masked. */
  readonly maskedKey: string | null;
  /** The OpenAI-Organization and OpenAI-Project headers sent, if any (ids, not secrets). */
  readonly organization: string | null;
  readonly project: string | null;
  readonly status: number;
  /** The request body's size in bytes, as read (at most the 1 MB cap). */
  readonly bodyBytes: number;
};

/** A running practice server. */
export type DemoServer = {
  /** The API root, ending in /v1. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request so far, key masked. */
  readonly requests: RequestLogEntry[];
  /** How many connections clients opened (both requests of a check share one). */
  readonly connections: () => number;
  readonly close: () => Promise<void>;
};

function requestId(): string {
  return `req_${randomBytes(16).toString('hex')}`;
}

/** The headers of a real success answer, with a fresh request id. */
function apiHeaders(contentType: string): Record<string, string> {
  const headers = { ...fixture('chat_completion_success').headers };
  delete headers['content-type'];
  return { ...headers, 'content-type': contentType, 'x-request-id': requestId() };
}

/** The model a real server names in its answer: gpt-4o-mini as its dated snapshot, any other as asked. */
function answeredModel(model: string): string {
  return model === 'gpt-4o-mini' ? 'gpt-4o-mini-2024-07-18' : model;
}

function chunk(
  model: string,
  delta: Record<string, unknown>,
  finish: string | null,
  usage: unknown = null,
): string {
  const base = (fixtures.stream_chunks.chunks[0] ?? {}) as Record<string, unknown>;
  return `data: ${JSON.stringify({
    ...base,
    model: answeredModel(model),
    choices: finish === 'usage' ? [] : [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    usage,
  })}\n\n`;
}

const STREAM_USAGE = {
  prompt_tokens: 27,
  completion_tokens: 19,
  total_tokens: 46,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
};

/** The limits a free-tier organization's answers carry (gpt-4o-mini: 200 requests a day, 40,000 tokens a minute). */
const FREE_TIER_LIMITS = {
  'x-ratelimit-limit-requests': '200',
  'x-ratelimit-remaining-requests': '199',
  'x-ratelimit-reset-requests': '7m12s',
  'x-ratelimit-limit-tokens': '40000',
  'x-ratelimit-remaining-tokens': '39954',
  'x-ratelimit-reset-tokens': '69ms',
};

/**
 * A relay that trusts nothing it passes on: control sequences in the model name, counts that are not
 * counts, and C1 controls in headers (Node sends bytes 0x80-0x9f in a header as they are).
 */
const HOSTILE = {
  model: 'gpt\u001b]0;pwned\u0007-4o\u001b]52;c;ZXZpbA==\u0007-mini',
  usage: { prompt_tokens: '27\u001b[2J', completion_tokens: -19, total_tokens: 1e308 },
  headers: {
    'x-request-id': 'req_\u009b2J\u009d0;pwned\u009c',
    'openai-organization': 'user-\u009b31mred\u009d52;c;ZXZpbA==\u009c',
    'x-ratelimit-limit-requests': '1e9',
    'x-ratelimit-remaining-requests': '-1',
  },
};

/**
 * The spend-limit answers the fixtures lack. The project budget's body is as seen in public code that handles
 * real answers (2025-26): 429, type insufficient_quota, code project_spend_limit_exceeded, and a message that
 * names the project's Limits page. The organization's codes are documented, but their message texts are
 * UNCONFIRMED: these are written by analogy.
 */
const SPEND_LIMITS = {
  'organization-spend-limit': {
    code: 'organization_spend_limit_exceeded',
    message:
      'Your organization has reached its configured enforced spend limit. Update your limit at https://platform.openai.com/settings/organization/limits.',
  },
  'project-spend-limit': {
    code: 'project_spend_limit_exceeded',
    message:
      'Your project has reached its configured enforced spend limit. Update your limit at https://platform.openai.com/settings/proj_QRf115YMnQwMUdTI9cu2sWQ8/limits.',
  },
  'organization-usage-limit': {
    code: 'organization_usage_limit_exceeded',
    message:
      'Your organization has reached its usage limit. Update your limit at https://platform.openai.com/settings/organization/limits.',
  },
} as const;

/**
 * A project that does not match the key: no real answer has been seen (CLI reference: UNCONFIRMED), so this
 * mirrors mismatched_organization's status, type and wording.
 */
const MISMATCHED_PROJECT = {
  message: 'OpenAI-Project header should match project for API key',
  type: 'invalid_request_error',
  param: null,
  code: 'mismatched_project',
};

const CONTROL_REPLY =
  'Recursion\u001b[31m in red\u001b[0m\u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u001b]52;c;ZXZpbA==\u0007 ends.';

/** Starts a practice server on 127.0.0.1. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const scenario = options.scenario ?? 'success';
  const creditAfter = options.creditAfter ?? 2;
  const delay = options.chunkDelayMs ?? 0;
  const requests: RequestLogEntry[] = [];
  let chatCalls = 0;
  const sockets = new Set<Socket>();
  let connections = 0;

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const auth = req.headers.authorization ?? '';
    const headerText = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const sentOrganization = headerText('openai-organization');
    const sentProject = headerText('openai-project');
    const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? null;
    // A request body is read up to 1 MB; a larger one is refused, never held (the wizard runs this server).
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const part of req) {
      size += (part as Buffer).length;
      if (size > BODY_LIMIT) {
        const refusal = JSON.stringify({
          error: {
            message: 'Request body over 1 MB',
            type: 'invalid_request_error',
            param: null,
            code: 'request_too_large',
          },
        });
        res.writeHead(413, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(refusal),
          connection: 'close',
        });
        // Written but not ended: ending would close the connection at once, and closing with the client's
        // bytes unread resets it, which can throw away the 413 before the client reads it. Nothing more is
        // read (the client's sending stalls), and the connection closes when the client closes it, or
        // after a second.
        res.write(refusal);
        log(413);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          req.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        req.destroy();
        return;
      }
      chunks.push(part as Buffer);
    }
    const bodyText = Buffer.concat(chunks).toString('utf8');

    function log(status: number) {
      // What a client sent is shown (serve prints the log): Node's parser lets C1 controls through in headers.
      const entry = {
        method: req.method ?? '?',
        path: cleanText(path),
        maskedKey: key ? maskKey(cleanText(key)) : null,
        organization: sentOrganization === undefined ? null : cleanText(sentOrganization),
        project: sentProject === undefined ? null : cleanText(sentProject),
        status,
        // What was read (a refused body is logged before it would be joined into text).
        bodyBytes: size,
      };
      requests.push(entry);
      options.log?.(entry);
    }
    const sendFixture = (
      name: FixtureName,
      overrides: { headers?: Record<string, string>; message?: string } = {},
    ) => {
      const f = fixture(name);
      let body = f.body;
      if (overrides.message !== undefined) {
        const error = (f.body as { error: Record<string, unknown> }).error;
        body = { error: { ...error, message: overrides.message } };
      }
      res.writeHead(f.status, { ...f.headers, 'x-request-id': requestId(), ...overrides.headers });
      res.end(JSON.stringify(body));
      log(f.status);
    };

    const isModels = req.method === 'GET' && path === '/v1/models';
    const isChat = req.method === 'POST' && path === '/v1/chat/completions';

    if (scenario === 'missing-key' || !key) return sendFixture('missing_api_key');
    // The key belongs to one organization and project: a header naming another is refused (by the
    // organization first, as the API checks it first), and answers name the key's organization.
    const keyOrganization =
      scenario === 'wrong-organization' ? ELSEWHERE.organization : options.keyOwner?.organization;
    const keyProject = scenario === 'wrong-project' ? ELSEWHERE.project : options.keyOwner?.project;
    if (keyOrganization) {
      const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => void;
      res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) =>
        writeHead(
          status,
          headers && 'openai-organization' in headers
            ? { ...headers, 'openai-organization': keyOrganization }
            : headers,
        )) as typeof res.writeHead;
    }
    if (sentOrganization !== undefined && keyOrganization && sentOrganization !== keyOrganization)
      return sendFixture('mismatched_organization');
    if (sentProject !== undefined && keyProject && sentProject !== keyProject) {
      res.writeHead(401, { ...fixture('mismatched_organization').headers, 'x-request-id': requestId() });
      res.end(JSON.stringify({ error: MISMATCHED_PROJECT }));
      return log(401);
    }
    if (scenario === 'invalid-url' || (!isModels && !isChat)) {
      return sendFixture('invalid_url', { message: `Invalid URL (${req.method} ${path})` });
    }
    const everywhere: Partial<Record<ScenarioName, FixtureName>> = {
      'invalid-key': 'invalid_api_key',
      'account-deactivated': 'account_deactivated',
      'missing-scope': 'missing_scopes',
      'mismatched-organization': 'mismatched_organization',
      'no-organization': 'no_organization',
      region: 'unsupported_region',
    };
    const fromEverywhere = everywhere[scenario];
    if (fromEverywhere) return sendFixture(fromEverywhere);
    if (scenario === 'mismatched-project') {
      res.writeHead(401, { ...fixture('mismatched_organization').headers, 'x-request-id': requestId() });
      res.end(JSON.stringify({ error: MISMATCHED_PROJECT }));
      return log(401);
    }
    if (scenario === 'echo-key') {
      return sendFixture('invalid_api_key', {
        message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      });
    }
    if (isModels) {
      if (scenario === 'models-forbidden') {
        return sendFixture('missing_scopes', {
          message: (fixture('missing_scopes').body as { error: { message: string } }).error.message.replace(
            'model.request',
            'api.model.read',
          ),
        });
      }
      const f = fixture('models_list');
      res.writeHead(200, { ...f.headers, 'content-type': 'application/json', 'x-request-id': requestId() });
      res.end(JSON.stringify(f.body));
      return log(200);
    }

    // POST /v1/chat/completions
    chatCalls += 1;
    if (options.fixture) return sendFixture(options.fixture as FixtureName);
    let request: { model?: unknown; stream?: unknown; max_tokens?: unknown; max_completion_tokens?: unknown };
    try {
      request = JSON.parse(bodyText) as typeof request;
    } catch {
      return sendFixture('invalid_json_body');
    }
    if (typeof request.model !== 'string' || request.model === '') return sendFixture('missing_model_param');
    const stream = request.stream === true;

    const limits =
      scenario === 'free-tier' ? FREE_TIER_LIMITS : scenario === 'hostile-fields' ? HOSTILE.headers : {};
    const hostile = scenario === 'hostile-fields';
    const model = hostile ? HOSTILE.model : request.model;
    const usage = hostile ? HOSTILE.usage : STREAM_USAGE;
    switch (scenario) {
      case 'stream-needs-verification':
        if (stream) return sendFixture('stream_requires_verification');
        break;
      case 'verification':
        if (stream) return sendFixture('stream_requires_verification');
        res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': requestId() });
        res.end(
          JSON.stringify({
            error: {
              message: `Your organization must be verified to use the model \`${request.model}\`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.`,
              type: 'invalid_request_error',
              param: null,
              code: null,
            },
          }),
        );
        return log(400);
      case 'no-credit':
        return sendFixture('insufficient_quota');
      case 'no-credit-then-ok':
        if (chatCalls <= creditAfter) return sendFixture('insufficient_quota');
        break;
      case 'credit-balance-exhausted':
        // The fixture's message text is unconfirmed; the observed quota message stands in for it.
        return sendFixture('credit_balance_exhausted', {
          message: (fixture('insufficient_quota').body as { error: { message: string } }).error.message,
        });
      case 'billing-hard-limit':
        return sendFixture('billing_hard_limit_reached');
      case 'organization-spend-limit':
      case 'project-spend-limit':
      case 'organization-usage-limit': {
        const { code, message } = SPEND_LIMITS[scenario];
        res.writeHead(429, { ...fixture('insufficient_quota').headers, 'x-request-id': requestId() });
        res.end(JSON.stringify({ error: { message, type: 'insufficient_quota', param: null, code } }));
        return log(429);
      }
      case 'access-terminated':
        return sendFixture('access_terminated');
      case 'rate-limit':
        if (chatCalls === 1) return sendFixture('rate_limit', { headers: { 'retry-after-ms': '300' } });
        break;
      case 'rate-limit-always':
        return sendFixture('rate_limit', { headers: { 'retry-after-ms': '300' } });
      case 'server-error':
        return sendFixture('server_error');
      case 'overloaded':
        return sendFixture('server_overloaded');
      case 'model-not-found':
        return sendFixture('model_not_found', {
          message: `The model \`${request.model}\` does not exist or you do not have access to it.`,
        });
      case 'project-model-forbidden':
        return sendFixture('project_model_forbidden');
      case 'html-502':
      case 'html-503': {
        const status = scenario === 'html-502' ? 502 : 503;
        const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
        res.writeHead(status, { 'content-type': 'text/html', server: 'cloudflare' });
        res.end(
          `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`,
        );
        return log(status);
      }
      case 'stall-body':
        // Headers and the start of the body, then nothing: the client's time limit has to end it.
        res.writeHead(200, apiHeaders('application/json'));
        res.write('{"id":"chatcmpl-stall","object":');
        return log(200);
      case 'control-error':
        return sendFixture('invalid_api_key', {
          message:
            'Bad key \u001b[2J\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b]52;c;ZXZpbA==\u0007 done',
        });
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('OK');
        return log(200);
      case 'cut-off': {
        res.writeHead(200, apiHeaders('application/json'));
        res.end(JSON.stringify(fixture('chat_completion_success').body).slice(0, 120));
        return log(200);
      }
      case 'slow':
        // Never answer: the client's time limit has to end it.
        log(0);
        return;
      case 'slow-then-ok':
        // The first chat call never answers; the next one (a retry with a fresh time limit) does.
        if (chatCalls === 1) {
          log(0);
          return;
        }
        break;
      case 'too-large': {
        res.writeHead(200, apiHeaders('application/json'));
        res.end(`{"padding":"${'x'.repeat(1_100_000)}"}`);
        return log(200);
      }
      case 'endless-stream': {
        // A relay gone wrong: the answer never ends, and comes as fast as the client reads it, a thousand
        // characters of reply in each event. Written in batches, waiting for the socket to drain, so the
        // server itself stays small.
        const words = 'again and '.repeat(100);
        const piece = stream ? chunk(request.model, { content: words }, null) : words;
        const batch = piece.repeat(Math.ceil(16_384 / piece.length));
        res.writeHead(200, apiHeaders(stream ? 'text/event-stream; charset=utf-8' : 'application/json'));
        log(200);
        if (!stream) res.write('{"padding":"');
        const drained = () =>
          new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          });
        while (!res.destroyed && !res.writableEnded) {
          if (!res.write(batch)) await drained();
        }
        return;
      }
      case 'gzip': {
        const body = gzipSync(Buffer.from(JSON.stringify(completion(request.model))));
        res.writeHead(200, { ...apiHeaders('application/json'), 'content-encoding': 'gzip' });
        res.end(body);
        return log(200);
      }
      default:
        break;
    }

    if (!stream) {
      res.writeHead(200, { ...apiHeaders('application/json'), ...limits });
      res.end(JSON.stringify({ ...completion(model), usage }));
      return log(200);
    }
    res.writeHead(200, { ...apiHeaders('text/event-stream; charset=utf-8'), ...limits });
    log(200);
    const words = (scenario === 'control-chars' ? CONTROL_REPLY : HAIKU).split(/(?<= )/);
    const write = async (text: string) => {
      res.write(text);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    };
    await write(chunk(model, { role: 'assistant', content: '', refusal: null }, null));
    for (const [index, word] of words.entries()) {
      await write(chunk(model, { content: word }, null));
      if (scenario === 'stream-error' && index === 1) {
        res.end(`data: ${JSON.stringify(fixture('server_error').body)}\n\n`);
        return;
      }
      if (scenario === 'malformed-stream' && index === 1) {
        res.end('data: {"choices": [{"delta": {"content": "oops"\n\n');
        return;
      }
      if (scenario === 'reset' && index === 1) {
        req.socket.destroy();
        return;
      }
    }
    if (scenario === 'stream-early-end') {
      res.end();
      return;
    }
    await write(chunk(model, {}, 'stop'));
    await write(chunk(model, {}, 'usage', usage));
    res.end('data: [DONE]\n\n');
  };

  function completion(model: string) {
    const body = fixture('chat_completion_success').body as Record<string, unknown>;
    return {
      ...body,
      model: answeredModel(model),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: HAIKU, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: STREAM_USAGE,
    };
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.tls ? 'localhost' : '127.0.0.1';
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://${host}:${port}/v1`,
    port,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
