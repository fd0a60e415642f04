/** A realistic diagnosis of every failure kind, as the session and the machine make them (for screens and words). */
import type { Diagnosis, FailureKind } from '../../src/api/outcomes.js';
import { OUTCOMES } from '../../src/api/outcomes.js';
import type { Session } from '../../src/api/session.js';

/** Every failure kind, in the outcome table's order. */
export const FAILURE_KINDS = (Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[]).filter(
  (kind): kind is FailureKind => kind !== 'ok',
);

const REQUEST_ID = 'req_0123456789abcdef0123456789abcdef';

/** One diagnosis per kind, with the codes, messages and details the real answers carry. */
export const EXAMPLES: Readonly<Record<FailureKind, Diagnosis>> = {
  usage: {
    kind: 'usage',
    status: null,
    code: null,
    serverMessage: null,
    detail: 'proxyEnv',
    detailVars: { variable: 'HTTPS_PROXY' },
  },
  'no-key': { kind: 'no-key', status: null, code: null, serverMessage: null },
  'key-format': {
    kind: 'key-format',
    status: null,
    code: null,
    serverMessage: null,
    detail: 'unexpected',
    detailVars: { message: 'The key has spaces or line breaks inside.' },
  },
  'invalid-key': {
    kind: 'invalid-key',
    status: 401,
    code: 'invalid_api_key',
    serverMessage: 'Incorrect API key provided: sk-proj-…abcd.',
    requestId: REQUEST_ID,
  },
  'account-deactivated': {
    kind: 'account-deactivated',
    status: 401,
    code: 'account_deactivated',
    serverMessage: 'The OpenAI account associated with this API key has been deactivated.',
    requestId: REQUEST_ID,
  },
  'missing-scope': {
    kind: 'missing-scope',
    status: 401,
    code: 'invalid_request_error',
    serverMessage:
      'You have insufficient permissions for this operation. Missing scopes: model.request. Check that you have the correct role.',
  },
  organization: {
    kind: 'organization',
    status: 401,
    code: 'mismatched_organization',
    serverMessage: 'OpenAI-Organization header should match organization for API key',
    sent: { organization: true, project: false },
  },
  'access-terminated': {
    kind: 'access-terminated',
    status: 429,
    code: 'access_terminated',
    serverMessage: 'Your access was terminated due to violation of our policies.',
    requestId: REQUEST_ID,
  },
  region: {
    kind: 'region',
    status: 403,
    code: 'unsupported_country_region_territory',
    serverMessage: 'Country, region, or territory not supported',
  },
  'no-credit': {
    kind: 'no-credit',
    status: 429,
    code: 'insufficient_quota',
    serverMessage: 'You exceeded your current quota, please check your plan and billing details.',
  },
  'spend-limit': {
    kind: 'spend-limit',
    status: 429,
    code: 'project_spend_limit_exceeded',
    serverMessage:
      'Your project has reached its configured enforced spend limit. Update your limit at https://platform.openai.com/settings/proj_QRf115YMnQwMUdTI9cu2sWQ8/limits.',
  },
  'rate-limit': {
    kind: 'rate-limit',
    status: 429,
    code: 'rate_limit_exceeded',
    serverMessage:
      'Rate limit reached for gpt-4o-mini in organization org-x on tokens per min (TPM): Limit 200000. Please try again in 11.122s.',
    retryAfterMs: 11_122,
  },
  server: { kind: 'server', status: 500, code: 'server_error', serverMessage: 'The server had an error.' },
  network: { kind: 'network', status: null, code: null, serverMessage: null, detail: 'refused' },
  'bad-response': { kind: 'bad-response', status: 502, code: null, serverMessage: null, detail: 'html' },
  verification: {
    kind: 'verification',
    status: 400,
    code: null,
    serverMessage: 'Your organization must be verified to use the model `o3`.',
  },
  model: {
    kind: 'model',
    status: 403,
    code: 'model_not_found',
    serverMessage: 'Project `proj_QRf115YMnQwMUdTI9cu2sWQ8` does not have access to model `gpt-4o-mini`',
  },
  api: {
    kind: 'api',
    status: 404,
    code: null,
    serverMessage: 'Invalid URL (POST /v1/chat/completions/chat/completions)',
  },
  interrupted: { kind: 'interrupted', status: null, code: null, serverMessage: null },
};

/**
 * A session whose models check passes and whose chat call fails with `diagnosis` every time, on no network at
 * all: the screens' tests of every kind. `chats()` counts the chat calls made.
 */
export function failingSession(diagnosis: Diagnosis) {
  let chats = 0;
  const open = async (): Promise<Session> => ({
    baseUrl: 'http://127.0.0.1:9/v1',
    models: async () => ({ ok: true, organization: 'user-abc', warning: null }),
    chat: async () => {
      chats += 1;
      return { ok: false, diagnosis };
    },
    close: async () => undefined,
  });
  return { open, chats: () => chats };
}
