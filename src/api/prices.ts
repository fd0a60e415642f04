/** A dated price table for the models a first call is likely to use (USD per million tokens). */

/** One model's standard-tier prices. */
export type Price = { readonly input: number; readonly output: number };

/**
 * Third-party copies of openai.com/api/pricing (no OpenAI-hosted page was retrievable); see
 * ../shared/reference/openai-api.md section 5. Update `asOf` with the numbers.
 */
export const PRICE_TABLE = {
  asOf: '2025-08-07',
  perMillion: {
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, output: 0.4 },
    'gpt-5-mini': { input: 0.25, output: 2.0 },
    'gpt-5-nano': { input: 0.05, output: 0.4 },
  } satisfies Record<string, Price>,
} as const;

/** Tokens the guide's test call uses, as measured on gpt-4o-mini (CLI.md's example answer). */
export const TEST_CALL_TOKENS = { prompt: 27, completion: 19 } as const;

/** The price of a model or of its dated snapshot (`gpt-4o-mini-2024-07-18`), if the table has it. */
export function priceFor(model: string): Price | undefined {
  const table: Readonly<Record<string, Price>> = PRICE_TABLE.perMillion;
  return table[model] ?? table[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
}

/** The cost in USD of a call, or null when the model has no known price. */
export function costUsd(model: string, promptTokens: number, completionTokens: number): number | null {
  const price = priceFor(model);
  if (!price) return null;
  // Round to 10 decimals to keep float noise out of JSON.
  return Math.round(((promptTokens * price.input + completionTokens * price.output) / 1e6) * 1e10) / 1e10;
}

/** What an amount of credit buys at a model's prices. */
export function whatItBuys(
  dollars: number,
  model = 'gpt-4o-mini',
): { calls: number; inputTokens: number; outputTokens: number } | undefined {
  const price = priceFor(model);
  const perCall = costUsd(model, TEST_CALL_TOKENS.prompt, TEST_CALL_TOKENS.completion);
  if (!price || !perCall) return undefined;
  return {
    calls: Math.floor(dollars / perCall),
    inputTokens: Math.floor((dollars / price.input) * 1e6),
    outputTokens: Math.floor((dollars / price.output) * 1e6),
  };
}

/** Formats a cost like 0.0000154 without scientific notation. */
export function formatUsd(value: number): string {
  if (value >= 0.01) return value.toFixed(2);
  return value.toFixed(8).replace(/0+$/, '');
}
