/**
 * The fault matrix: every way the test call can go wrong, how each fault is produced, and what must come of
 * it (kind, exit code, step to go back to, whether retrying helps, the message shown). test/faults.test.ts
 * runs every row through a spawned `check` and through the wizard; the README's Reliability section is
 * generated from this table.
 */
import type { DetailKey, FailureKind, OutcomeKind } from '../src/api/outcomes.js';
import type { Content } from '../src/content/content.js';
import type { ScenarioName } from '../src/demo/scenario-names.js';
import type { StepId } from '../src/wizard/steps.js';

/** How a fault is produced. */
export type Produce =
  /** The practice server answers the chat call with this body of ../shared/fixtures/openai-api.json. */
  | { readonly fixture: string }
  /** The practice server plays this scenario. */
  | { readonly scenario: ScenarioName }
  /** Nothing listens on the port. */
  | { readonly refused: true }
  /** The host does not resolve (an injected lookup, not the machine's resolver). */
  | { readonly dns: true }
  /** The server's certificate is self-signed and not trusted. */
  | { readonly tls: true }
  /** Through a CONNECT proxy on loopback: tunnelling, refusing, asking for a password, or given one. */
  | { readonly proxy: 'tunnel' | 'refuse' | 'auth' | 'auth-ok' };

/** One row. */
export type FaultRow = {
  readonly name: string;
  readonly produce: Produce;
  readonly kind: OutcomeKind;
  readonly exitCode: number;
  readonly step: StepId | null;
  readonly retryable: boolean;
  /** The variant of the kind's words the answer picks (explain.ts variantOf): its own title, action, retry. */
  readonly variant?: string;
  /** The detail named in the message (locale key details.*), when there is one. */
  readonly detail?: DetailKey;
  /** `check --timeout`, for rows that end by the time limit or would wait long for a retry. */
  readonly timeout?: number;
};

const ok = (name: string, produce: Produce): FaultRow => ({
  name,
  produce,
  kind: 'ok',
  exitCode: 0,
  step: null,
  retryable: false,
});

/** The whole matrix. */
export const FAULT_ROWS: readonly FaultRow[] = [
  ok('a reply arrives', { scenario: 'success' }),
  // Every error body of the shared fixtures.
  {
    name: '401 invalid_api_key',
    produce: { fixture: 'invalid_api_key' },
    kind: 'invalid-key',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  {
    name: '401 no API key received',
    produce: { fixture: 'missing_api_key' },
    kind: 'invalid-key',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  {
    name: '429 insufficient_quota',
    produce: { fixture: 'insufficient_quota' },
    kind: 'no-credit',
    exitCode: 4,
    step: 'balance',
    retryable: false,
  },
  {
    name: '429 credit_balance_exhausted',
    produce: { fixture: 'credit_balance_exhausted' },
    kind: 'no-credit',
    exitCode: 4,
    step: 'balance',
    retryable: false,
    variant: 'exhausted',
  },
  {
    name: '429 rate limit (tokens per minute)',
    produce: { fixture: 'rate_limit' },
    kind: 'rate-limit',
    exitCode: 5,
    step: null,
    retryable: true,
    timeout: 3,
  },
  {
    name: '429 rate limit (requests per day, free tier)',
    produce: { fixture: 'rate_limit_rpd_free_tier' },
    kind: 'rate-limit',
    exitCode: 5,
    step: null,
    retryable: true,
    timeout: 3,
  },
  {
    name: '429 request larger than the limit',
    produce: { fixture: 'request_too_large' },
    kind: 'api',
    exitCode: 7,
    step: null,
    retryable: false,
  },
  {
    name: '404 model_not_found',
    produce: { fixture: 'model_not_found' },
    kind: 'model',
    exitCode: 7,
    step: 'test-call',
    retryable: false,
  },
  {
    name: '403 model not allowed in the project',
    produce: { fixture: 'project_model_forbidden' },
    kind: 'model',
    exitCode: 7,
    step: 'test-call',
    retryable: false,
    variant: 'project',
  },
  {
    name: '403 unsupported country or region',
    produce: { fixture: 'unsupported_region' },
    kind: 'region',
    exitCode: 3,
    step: null,
    retryable: false,
  },
  {
    name: '400 body is not JSON',
    produce: { fixture: 'invalid_json_body' },
    kind: 'api',
    exitCode: 7,
    step: null,
    retryable: false,
  },
  {
    name: '400 model parameter missing',
    produce: { fixture: 'missing_model_param' },
    kind: 'api',
    exitCode: 7,
    step: null,
    retryable: false,
  },
  {
    name: '404 invalid URL',
    produce: { fixture: 'invalid_url' },
    kind: 'api',
    exitCode: 7,
    step: null,
    retryable: false,
  },
  {
    name: '500 server_error',
    produce: { fixture: 'server_error' },
    kind: 'server',
    exitCode: 5,
    step: null,
    retryable: true,
  },
  {
    name: '503 server_is_overloaded',
    produce: { fixture: 'server_overloaded' },
    kind: 'server',
    exitCode: 5,
    step: null,
    retryable: true,
  },
  {
    name: '401 mismatched_organization',
    produce: { fixture: 'mismatched_organization' },
    kind: 'organization',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
    variant: 'mismatched',
  },
  {
    name: '401 no_organization',
    produce: { fixture: 'no_organization' },
    kind: 'organization',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
    variant: 'none',
  },
  {
    name: '401 missing scopes',
    produce: { fixture: 'missing_scopes' },
    kind: 'missing-scope',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  {
    name: '400 billing_hard_limit_reached',
    produce: { fixture: 'billing_hard_limit_reached' },
    kind: 'spend-limit',
    exitCode: 4,
    step: null,
    retryable: false,
    variant: 'hardLimit',
  },
  {
    name: '429 organization_spend_limit_exceeded',
    produce: { scenario: 'organization-spend-limit' },
    kind: 'spend-limit',
    exitCode: 4,
    step: null,
    retryable: false,
    variant: 'organization',
  },
  {
    name: '429 project_spend_limit_exceeded',
    produce: { scenario: 'project-spend-limit' },
    kind: 'spend-limit',
    exitCode: 4,
    step: null,
    retryable: false,
    variant: 'project',
  },
  {
    name: '429 organization_usage_limit_exceeded',
    produce: { scenario: 'organization-usage-limit' },
    kind: 'spend-limit',
    exitCode: 4,
    step: null,
    retryable: false,
    variant: 'usage',
  },
  {
    name: '401 a project that does not match the key',
    produce: { scenario: 'mismatched-project' },
    kind: 'organization',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
    variant: 'project',
  },
  {
    name: '429 access_terminated',
    produce: { fixture: 'access_terminated' },
    kind: 'access-terminated',
    exitCode: 3,
    step: null,
    retryable: false,
  },
  {
    name: '401 account_deactivated',
    produce: { fixture: 'account_deactivated' },
    kind: 'account-deactivated',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  // Other answers.
  ok('GET /models refused for scopes, the chat call works', { scenario: 'models-forbidden' }),
  ok('429 rate limit once, then success', { scenario: 'rate-limit' }),
  {
    name: '502 with an HTML body',
    produce: { scenario: 'html-502' },
    kind: 'server',
    exitCode: 5,
    step: null,
    retryable: true,
  },
  {
    name: '503 with an HTML body',
    produce: { scenario: 'html-503' },
    kind: 'server',
    exitCode: 5,
    step: null,
    retryable: true,
  },
  {
    name: '200 with cut-off JSON',
    produce: { scenario: 'cut-off' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'cutOff',
  },
  {
    name: '200 that is not JSON',
    produce: { scenario: 'not-json' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'notJson',
  },
  ok('a gzip body sent unasked', { scenario: 'gzip' }),
  {
    name: 'a stream that stops without [DONE]',
    produce: { scenario: 'stream-early-end' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'streamEnded',
  },
  {
    name: 'a stream carrying an error object',
    produce: { scenario: 'stream-error' },
    kind: 'server',
    exitCode: 5,
    step: null,
    retryable: true,
  },
  {
    name: 'a malformed stream line',
    produce: { scenario: 'malformed-stream' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'notJson',
  },
  {
    name: 'a body over the 1 MB cap',
    produce: { scenario: 'too-large' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'tooLarge',
  },
  {
    name: 'headers never sent',
    produce: { scenario: 'slow' },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    variant: 'timeout',
    detail: 'timeout',
    timeout: 1,
  },
  {
    name: 'a body that stalls',
    produce: { scenario: 'stall-body' },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    variant: 'timeout',
    detail: 'timeout',
    timeout: 1,
  },
  {
    name: 'a stream that never ends, as fast as it is read',
    produce: { scenario: 'endless-stream' },
    kind: 'bad-response',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'tooLarge',
  },
  {
    name: 'a reset in the middle of the body',
    produce: { scenario: 'reset' },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'reset',
  },
  ok('a reply full of control sequences', { scenario: 'control-chars' }),
  ok('a model name, counts and headers full of control sequences', { scenario: 'hostile-fields' }),
  ok('streaming refused until the organization is verified (answers unstreamed)', {
    scenario: 'stream-needs-verification',
  }),
  {
    name: 'a model only a verified organization may use',
    produce: { scenario: 'verification' },
    kind: 'verification',
    exitCode: 3,
    step: 'settings',
    retryable: false,
  },
  ok('the rate limits of a free-tier account', { scenario: 'free-tier' }),
  {
    name: 'an error message full of control sequences',
    produce: { scenario: 'control-error' },
    kind: 'invalid-key',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  {
    name: 'a server echoing the whole key',
    produce: { scenario: 'echo-key' },
    kind: 'invalid-key',
    exitCode: 3,
    step: 'api-key',
    retryable: false,
  },
  // The network.
  {
    name: 'connection refused',
    produce: { refused: true },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'refused',
  },
  {
    name: 'a host that does not resolve',
    produce: { dns: true },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'dns',
  },
  {
    name: 'a self-signed TLS certificate',
    produce: { tls: true },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'tls',
  },
  ok('through a loopback proxy', { proxy: 'tunnel' }),
  {
    name: 'the proxy refusing',
    produce: { proxy: 'refuse' },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'proxy',
  },
  {
    name: 'the proxy asking for a password (407)',
    produce: { proxy: 'auth' },
    kind: 'network',
    exitCode: 6,
    step: null,
    retryable: true,
    detail: 'proxyAuth',
  },
  ok('a proxy URL with a password', { proxy: 'auth-ok' }),
];

/** How a row's fault is produced, in words, for the README. */
export function describeProduce(produce: Produce): string {
  if ('fixture' in produce) return `practice server answers with fixture \`${produce.fixture}\``;
  if ('scenario' in produce) return `practice server scenario \`${produce.scenario}\``;
  if ('refused' in produce) return 'nothing listening on the port';
  if ('dns' in produce) return 'injected lookup fails (ENOTFOUND)';
  if ('tls' in produce) return 'https with an untrusted test certificate';
  return {
    tunnel: 'HTTPS_PROXY: a loopback CONNECT proxy',
    refuse: 'HTTPS_PROXY: the proxy answers 403',
    auth: 'HTTPS_PROXY: the proxy answers 407',
    'auth-ok': 'HTTPS_PROXY with user:password in the URL',
  }[produce.proxy];
}

type Words = { title: string; retry?: string; variants?: Record<string, { title?: string; retry?: string }> };

function wordsOf(row: FaultRow & { kind: FailureKind }, content: Content): { title: string; retry?: string } {
  const words = content.outcomes[row.kind] as Words;
  return { ...words, ...(row.variant ? words.variants?.[row.variant] : undefined) };
}

/** The title a failure row shows: its variant's, else its kind's. */
export function titleOf(row: FaultRow, content: Content): string {
  return row.kind === 'ok' ? '' : wordsOf({ ...row, kind: row.kind }, content).title;
}

/** The sentence on retrying a failure row shows (up to the wait, for a rate limit: the wait is filled in). */
export function retryOf(row: FaultRow, content: Content): string {
  if (row.kind === 'ok') return '';
  if (row.kind === 'rate-limit') return content.outcomes['rate-limit'].retryAfter.split('{wait}')[0] ?? '';
  const own = wordsOf({ ...row, kind: row.kind }, content).retry;
  return own ?? (row.retryable ? content.diagnosis.retryHelps : content.diagnosis.retryNoHelp);
}
