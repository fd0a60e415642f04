/** The outcome table of ../shared/CLI.md: one place for kinds, exit codes, steps and retry rules. */
import type { StepId } from '../wizard/steps.js';

/** Every way a check can end. */
export type OutcomeKind =
  | 'ok'
  | 'usage'
  | 'no-key'
  | 'key-format'
  | 'invalid-key'
  | 'account-deactivated'
  | 'missing-scope'
  | 'organization'
  | 'access-terminated'
  | 'region'
  | 'no-credit'
  | 'spend-limit'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'bad-response'
  | 'verification'
  | 'model'
  | 'api'
  | 'interrupted';

/** Every way a check can fail. */
export type FailureKind = Exclude<OutcomeKind, 'ok'>;

/** How retrying relates to a kind: automatically, only by waiting for credit, or not at all. */
export type RetryRule = 'auto' | 'wait-for-credit' | 'never';

type Outcome = { readonly exitCode: number; readonly step: StepId | null; readonly retry: RetryRule };

export const OUTCOMES: Readonly<Record<OutcomeKind, Outcome>> = {
  ok: { exitCode: 0, step: null, retry: 'never' },
  usage: { exitCode: 2, step: null, retry: 'never' },
  'no-key': { exitCode: 3, step: 'api-key', retry: 'never' },
  'key-format': { exitCode: 3, step: 'api-key', retry: 'never' },
  'invalid-key': { exitCode: 3, step: 'api-key', retry: 'never' },
  'account-deactivated': { exitCode: 3, step: 'api-key', retry: 'never' },
  'missing-scope': { exitCode: 3, step: 'api-key', retry: 'never' },
  organization: { exitCode: 3, step: 'api-key', retry: 'never' },
  'access-terminated': { exitCode: 3, step: null, retry: 'never' },
  region: { exitCode: 3, step: null, retry: 'never' },
  'no-credit': { exitCode: 4, step: 'balance', retry: 'wait-for-credit' },
  'spend-limit': { exitCode: 4, step: null, retry: 'never' },
  'rate-limit': { exitCode: 5, step: null, retry: 'auto' },
  server: { exitCode: 5, step: null, retry: 'auto' },
  network: { exitCode: 6, step: null, retry: 'auto' },
  'bad-response': { exitCode: 6, step: null, retry: 'auto' },
  verification: { exitCode: 3, step: 'settings', retry: 'never' },
  model: { exitCode: 7, step: 'test-call', retry: 'never' },
  api: { exitCode: 7, step: null, retry: 'never' },
  interrupted: { exitCode: 130, step: null, retry: 'never' },
};

/** The keys of `details.*` in the locale files: what exactly went wrong on the wire. */
export type DetailKey =
  | 'refused'
  | 'dns'
  | 'connectTimeout'
  | 'headersTimeout'
  | 'bodyTimeout'
  | 'timeout'
  | 'reset'
  | 'tls'
  | 'proxy'
  | 'proxyAuth'
  | 'notJson'
  | 'html'
  | 'cutOff'
  | 'streamEnded'
  | 'tooLarge'
  | 'proxyEnv'
  | 'headerEnv'
  | 'unexpected';

/** What went wrong, as data: the wizard and `check` turn it into words in the user's language. */
export type Diagnosis = {
  readonly kind: FailureKind;
  /** The HTTP status, when there was one. */
  readonly status: number | null;
  /** The API's `error.code` (or `error.type` when the code is null). */
  readonly code: string | null;
  /** The server's own message, already stripped of control sequences and with keys masked. */
  readonly serverMessage: string | null;
  readonly detail?: DetailKey;
  readonly detailVars?: Readonly<Record<string, string | number>>;
  /** How long the server asked us to wait (retry-after), in ms. */
  readonly retryAfterMs?: number;
  /** The request id of the failed request, when the server sent one. */
  readonly requestId?: string | null;
  /** The API refused `stream: true` until the organization is verified: ask again without streaming. */
  readonly streamRefused?: boolean;
  /**
   * Whether the failed request carried OpenAI-Organization / OpenAI-Project (from OPENAI_ORG_ID /
   * OPENAI_PROJECT_ID): the words for an organization mismatch depend on it. Absent when not known.
   */
  readonly sent?: SentHeaders;
};

/** Which of the optional headers a request carried. */
export type SentHeaders = { readonly organization: boolean; readonly project: boolean };

/** The details that mean the time limit ran out (the whole check's, or waiting for the answer within it). */
export const TIMEOUT_DETAILS: ReadonlySet<DetailKey> = new Set(['timeout', 'headersTimeout', 'bodyTimeout']);

/** Whether trying again, automatically, may help. */
export function isRetryable(kind: OutcomeKind): boolean {
  return OUTCOMES[kind].retry === 'auto';
}
