/** The practice server's scenario names; kept apart from the server so flag parsing stays light. */
export const SCENARIOS = [
  'success',
  'no-credit',
  'no-credit-then-ok',
  'credit-balance-exhausted',
  'billing-hard-limit',
  'organization-spend-limit',
  'project-spend-limit',
  'organization-usage-limit',
  'invalid-key',
  'missing-key',
  'account-deactivated',
  'missing-scope',
  'models-forbidden',
  'mismatched-organization',
  'no-organization',
  'mismatched-project',
  'wrong-organization',
  'wrong-project',
  'access-terminated',
  'region',
  'rate-limit',
  'rate-limit-always',
  'server-error',
  'overloaded',
  'model-not-found',
  'project-model-forbidden',
  'invalid-url',
  'html-502',
  'not-json',
  'cut-off',
  'stream-early-end',
  'stream-error',
  'slow',
  'slow-then-ok',
  'control-chars',
  'gzip',
  'too-large',
  'reset',
  'malformed-stream',
  'echo-key',
  'html-503',
  'stall-body',
  'control-error',
  'stream-needs-verification',
  'verification',
  'free-tier',
  'hostile-fields',
  'endless-stream',
] as const;

/** How the practice server answers. */
export type ScenarioName = (typeof SCENARIOS)[number];

/** Whether a string names a scenario. */
export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(value);
}
