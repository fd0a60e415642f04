/**
 * The JSON object of a usage error (CLI.md: every field present, the unknown ones null): what `check --json`
 * prints when its command line, its environment or its team file cannot be used. No imports: cli.ts loads it
 * before any command.
 */
export function usageReport(message: string) {
  return {
    schema: 1,
    ok: false,
    kind: 'usage',
    exitCode: 2,
    model: null,
    reply: null,
    usage: null,
    costUsd: null,
    organization: null,
    requestId: null,
    latencyMs: null,
    streamed: null,
    rateLimits: null,
    usageTier: null,
    team: null,
    error: { kind: 'usage', status: null, code: null, message, step: null, retryable: false },
  } as const;
}
