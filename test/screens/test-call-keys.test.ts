import { describe, expect, it } from 'vitest';
import { initialCallState } from '../../src/api/call-machine.js';
import { explain } from '../../src/api/explain.js';
import { OUTCOMES } from '../../src/api/outcomes.js';
import { contentFor } from '../../src/content/content.js';
import { testCallBindings } from '../../src/screens/test-call-keys.js';
import type { StepId } from '../../src/wizard/steps.js';
import { EXAMPLES, FAILURE_KINDS } from '../helpers/diagnoses.js';

const en = contentFor('en');

describe('the keys of a failed test call', () => {
  it.each(FAILURE_KINDS)('%s: Enter fixes or tries again, w only for no credit, o never', (kind) => {
    const state = { ...initialCallState(), phase: 'failed' as const, failure: EXAMPLES[kind] };
    const step = explain(EXAMPLES[kind], en, 'gpt-4o-mini').step;
    const fix = step && step.id !== 'test-call' ? { ...step, id: step.id as StepId } : null;
    const bindings = testCallBindings(state, fix, en);
    const enter = bindings.find((binding) => binding.intents.includes('next'));
    const target = OUTCOMES[kind].step;
    if (target && target !== 'test-call') expect(enter?.action).toEqual({ type: 'go-to', step: target });
    else expect(enter?.action).toEqual({ type: 'event', event: { type: 'retry' } });
    expect(bindings.some((binding) => binding.intents.includes('wait'))).toBe(kind === 'no-credit');
    expect(bindings.some((binding) => binding.intents.includes('open'))).toBe(false);
    // No two bindings take the same intent: one key, one action.
    const intents = bindings.flatMap((binding) => binding.intents);
    expect(new Set(intents).size).toBe(intents.length);
  });
});
