/** Navigation as a pure reducer: screens dispatch intents, the reducer owns positions and clamps them. */
import type { Locale } from '../content/locale.js';
import { type Flow, flowIndex, PERSONAL_FLOW } from './flow.js';

/** What the user answered on the screens with input. Never holds the API key. */
export type Answers = {
  readonly accountType?: 'individual' | 'company';
  /** The planned initial credit, normalised (e.g. "10", "12.5"). */
  readonly amount?: string;
  readonly autoRecharge?:
    | { readonly enabled: false }
    | { readonly enabled: true; readonly threshold: string; readonly restoreTo: string };
};

/** Something drawn over the current screen. */
export type Overlay = 'none' | 'help' | 'steps' | 'more';

/** The wizard's whole navigation state. */
export type WizardState = {
  readonly index: number;
  /** The furthest step reached; jumps may go anywhere up to it. */
  readonly reached: number;
  readonly answers: Answers;
  readonly overlay: Overlay;
  readonly locale: Locale;
  /** The guide this run walks: the personal one, or a team's. */
  readonly flow: Flow;
};

/** Intents a screen or key handler may dispatch. */
export type WizardAction =
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: string }
  | { readonly type: 'go-to-number'; readonly number: number }
  | { readonly type: 'answer'; readonly answers: Answers; readonly advance: boolean }
  | { readonly type: 'restart' }
  | { readonly type: 'resume'; readonly index: number; readonly reached: number; readonly answers: Answers }
  | { readonly type: 'switch-locale' }
  | { readonly type: 'set-locale'; readonly locale: Locale }
  /** A team file was agreed to before the guide started: walk its guide from the start. */
  | { readonly type: 'set-flow'; readonly flow: Flow }
  | { readonly type: 'open-overlay'; readonly overlay: Exclude<Overlay, 'none'> }
  | { readonly type: 'close-overlay' };

/** The last position of the guide. */
function lastOf(state: WizardState): number {
  return state.flow.steps.length - 1;
}

function clamp(state: WizardState, index: number): number {
  return Math.min(Math.max(index, 0), lastOf(state));
}

/** A fresh state at the welcome screen of a guide (the personal one unless a team file makes another). */
export function initialState(locale: Locale, flow: Flow = PERSONAL_FLOW): WizardState {
  return { index: 0, reached: 0, answers: {}, overlay: 'none', locale, flow };
}

function moveTo(state: WizardState, index: number): WizardState {
  const next = clamp(state, index);
  return { ...state, index: next, reached: Math.max(state.reached, next), overlay: 'none' };
}

/** The navigation reducer. Pure: same state and action, same result. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'next':
      return state.index === lastOf(state) ? state : moveTo(state, state.index + 1);
    case 'back':
      return state.index === 0 ? state : { ...state, index: state.index - 1, overlay: 'none' };
    case 'go-to': {
      const target = flowIndex(state.flow, action.step);
      // Going back is always allowed; going forward only as far as already reached.
      return target < 0 || target > state.reached ? state : moveTo(state, target);
    }
    case 'go-to-number': {
      const target = action.number - 1;
      return target < 0 || target > state.reached || target > lastOf(state) ? state : moveTo(state, target);
    }
    case 'answer': {
      const answered = { ...state, answers: { ...state.answers, ...action.answers } };
      return action.advance ? wizardReducer(answered, { type: 'next' }) : answered;
    }
    case 'restart':
      return initialState(state.locale, state.flow);
    case 'resume': {
      const index = clamp(state, action.index);
      return {
        ...state,
        index,
        reached: Math.max(index, clamp(state, action.reached)),
        answers: action.answers,
        overlay: 'none',
      };
    }
    case 'switch-locale':
      return { ...state, locale: state.locale === 'en' ? 'ko' : 'en' };
    case 'set-locale':
      return { ...state, locale: action.locale };
    case 'set-flow':
      return { ...state, flow: action.flow, index: 0, reached: 0, overlay: 'none' };
    case 'open-overlay':
      return { ...state, overlay: action.overlay };
    case 'close-overlay':
      return { ...state, overlay: 'none' };
  }
}
