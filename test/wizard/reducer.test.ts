import { describe, expect, it } from 'vitest';
import { PERSONAL_FLOW } from '../../src/wizard/flow.js';
import {
  initialState,
  type WizardAction,
  type WizardState,
  wizardReducer,
} from '../../src/wizard/reducer.js';
import { stepIndex } from '../../src/wizard/steps.js';

const STEP_IDS = PERSONAL_FLOW.steps.map((step) => step.id);

const LAST = PERSONAL_FLOW.steps.length - 1;
const at = (index: number, reached = index, extra: Partial<WizardState> = {}): WizardState => ({
  ...initialState('en'),
  index,
  reached,
  ...extra,
});

type Row = { name: string; from: WizardState; action: WizardAction; expect: Partial<WizardState> };

const rows: Row[] = [
  {
    name: 'next moves one step on and extends the reach',
    from: at(0),
    action: { type: 'next' },
    expect: { index: 1, reached: 1 },
  },
  {
    name: 'next on the last step stays there',
    from: at(LAST),
    action: { type: 'next' },
    expect: { index: LAST, reached: LAST },
  },
  {
    name: 'next after going back keeps the furthest reach',
    from: at(2, 9),
    action: { type: 'next' },
    expect: { index: 3, reached: 9 },
  },
  {
    name: 'back moves one step back',
    from: at(5),
    action: { type: 'back' },
    expect: { index: 4, reached: 5 },
  },
  {
    name: 'back on the first step stays on the first step',
    from: at(0),
    action: { type: 'back' },
    expect: { index: 0, reached: 0 },
  },
  {
    name: 'go-to a reached step jumps there',
    from: at(8),
    action: { type: 'go-to', step: 'billing' },
    expect: { index: 3, reached: 8 },
  },
  {
    name: 'go-to a step not yet reached does nothing',
    from: at(3),
    action: { type: 'go-to', step: 'done' },
    expect: { index: 3, reached: 3 },
  },
  {
    name: 'go-to the furthest reached step is allowed',
    from: at(2, 6),
    action: { type: 'go-to', step: 'card' },
    expect: { index: 6 },
  },
  {
    name: 'go-to-number 1 jumps to the welcome screen',
    from: at(4),
    action: { type: 'go-to-number', number: 1 },
    expect: { index: 0 },
  },
  {
    name: 'go-to-number beyond the reach does nothing',
    from: at(4),
    action: { type: 'go-to-number', number: 9 },
    expect: { index: 4 },
  },
  {
    name: 'go-to-number 0 does nothing',
    from: at(4),
    action: { type: 'go-to-number', number: 0 },
    expect: { index: 4 },
  },
  {
    name: 'go-to-number past the last step does nothing',
    from: at(LAST),
    action: { type: 'go-to-number', number: 15 },
    expect: { index: LAST },
  },
  {
    name: 'answer records without moving',
    from: at(5),
    action: { type: 'answer', answers: { accountType: 'company' }, advance: false },
    expect: { index: 5, answers: { accountType: 'company' } },
  },
  {
    name: 'answer with advance records and moves on',
    from: at(7, 7, { answers: { accountType: 'individual' } }),
    action: { type: 'answer', answers: { amount: '10' }, advance: true },
    expect: { index: 8, answers: { accountType: 'individual', amount: '10' } },
  },
  {
    name: 'restart goes back to the start and forgets answers but keeps the language',
    from: at(9, 9, { answers: { amount: '10' }, locale: 'ko' }),
    action: { type: 'restart' },
    expect: { index: 0, reached: 0, answers: {}, locale: 'ko' },
  },
  {
    name: 'resume restores a saved position and answers',
    from: at(0),
    action: { type: 'resume', index: 7, reached: 9, answers: { amount: '20' } },
    expect: { index: 7, reached: 9, answers: { amount: '20' } },
  },
  {
    name: 'resume clamps a position beyond the last step',
    from: at(0),
    action: { type: 'resume', index: 99, reached: 99, answers: {} },
    expect: { index: LAST, reached: LAST },
  },
  {
    name: 'switch-locale turns English into Korean',
    from: at(3),
    action: { type: 'switch-locale' },
    expect: { locale: 'ko', index: 3 },
  },
  {
    name: 'switch-locale turns Korean into English',
    from: at(3, 3, { locale: 'ko' }),
    action: { type: 'switch-locale' },
    expect: { locale: 'en' },
  },
  {
    name: 'set-locale sets the language',
    from: at(0),
    action: { type: 'set-locale', locale: 'ko' },
    expect: { locale: 'ko' },
  },
  {
    name: 'open-overlay opens help',
    from: at(2),
    action: { type: 'open-overlay', overlay: 'help' },
    expect: { overlay: 'help' },
  },
  {
    name: 'open-overlay opens the step list',
    from: at(2),
    action: { type: 'open-overlay', overlay: 'steps' },
    expect: { overlay: 'steps' },
  },
  {
    name: 'close-overlay closes it',
    from: at(2, 2, { overlay: 'help' }),
    action: { type: 'close-overlay' },
    expect: { overlay: 'none' },
  },
  {
    name: 'moving closes an open overlay',
    from: at(2, 6, { overlay: 'steps' }),
    action: { type: 'go-to', step: 'card' },
    expect: { overlay: 'none', index: 6 },
  },
];

describe('wizardReducer', () => {
  it.each(rows)('$name', ({ from, action, expect: expected }) => {
    expect(wizardReducer(from, action)).toMatchObject(expected);
  });

  it('does not change the state it is given', () => {
    const from = Object.freeze(at(3));
    wizardReducer(from, { type: 'next' });
    expect(from.index).toBe(3);
  });

  it('walks forward through all 14 steps and back to the first', () => {
    let state = initialState('en');
    const seen = [STEP_IDS[state.index]];
    for (let i = 0; i < 20; i++) {
      state = wizardReducer(state, { type: 'next' });
      seen.push(STEP_IDS[state.index]);
    }
    expect(new Set(seen).size).toBe(14);
    expect(state.index).toBe(stepIndex('done'));
    for (let i = 0; i < 20; i++) state = wizardReducer(state, { type: 'back' });
    expect(state.index).toBe(0);
    expect(state.reached).toBe(LAST);
  });
});
