/** The screens of the guide, in order, as data. Text lives in assets/guide/<locale>.json under the same id. */
import type { WireframeName } from './wireframes.js';

/** Which screen component draws a step. */
export type StepKind =
  | 'intro'
  | 'guide'
  | 'choice'
  | 'amount'
  | 'auto-recharge'
  | 'api-key'
  | 'test-call'
  | 'done';

/** One step of the guide, as written in STEPS (its id still a plain string). */
type StepDefinition = {
  readonly id: string;
  readonly kind: StepKind;
  /** The platform page for this step, when there is one. */
  readonly url?: string;
  /** The platform's own labels to look for, spelled as the platform shows them (English in every locale). */
  readonly labels: readonly string[];
  /** The picture of this step's page (assets/wireframes/) and the platform label it marks. */
  readonly wireframe?: { readonly name: WireframeName; readonly mark: string };
  /**
   * Whose guide it belongs to: `self` (each person pays: the personal guide) or `team` (a team file says the
   * team pays); both when absent.
   */
  readonly payer?: 'self' | 'team';
};

/** Platform pages, as linked from the guide and from diagnoses. */
export const PAGES = {
  platform: 'https://platform.openai.com/docs/overview',
  settings: 'https://platform.openai.com/settings/organization/general',
  billing: 'https://platform.openai.com/settings/organization/billing/overview',
  apiKeys: 'https://platform.openai.com/api-keys',
  usage: 'https://platform.openai.com/usage',
  projects: 'https://platform.openai.com/settings/organization/projects',
  limits: 'https://platform.openai.com/settings/organization/limits',
} as const;

/** Keeps each id's literal type, so that StepId is derived from this one list. */
function defineSteps<const T extends readonly StepDefinition[]>(steps: T): T {
  return steps;
}

/** The steps of the guide, in order: the one list (ids, kinds, pages, labels, pictures). */
const DEFINED = defineSteps([
  { id: 'welcome', kind: 'intro', labels: [] },
  {
    id: 'login',
    kind: 'guide',
    url: PAGES.platform,
    labels: ['Log in'],
    wireframe: { name: 'login', mark: 'Log in' },
  },
  {
    id: 'settings',
    kind: 'guide',
    url: PAGES.settings,
    labels: ['Settings'],
    wireframe: { name: 'settings', mark: 'Settings' },
  },
  {
    id: 'billing',
    payer: 'self',
    kind: 'guide',
    url: PAGES.billing,
    labels: ['ORGANIZATION', 'Billing'],
    wireframe: { name: 'billing', mark: 'Billing' },
  },
  {
    id: 'add-payment',
    payer: 'self',
    kind: 'guide',
    url: PAGES.billing,
    labels: ['Add payment details'],
    wireframe: { name: 'add-payment', mark: 'Add payment details' },
  },
  {
    id: 'account-type',
    payer: 'self',
    kind: 'choice',
    labels: ['Individual', 'Company'],
    wireframe: { name: 'account-type', mark: 'Individual' },
  },
  {
    id: 'card',
    payer: 'self',
    kind: 'guide',
    labels: ['Card number'],
    wireframe: { name: 'card', mark: 'Card number' },
  },
  {
    id: 'amount',
    payer: 'self',
    kind: 'amount',
    labels: ['Initial credit purchase'],
    wireframe: { name: 'amount', mark: 'Initial credit purchase' },
  },
  {
    id: 'auto-recharge',
    payer: 'self',
    kind: 'auto-recharge',
    labels: ['Would you like to set up automatic recharge?', 'auto-reload'],
    wireframe: { name: 'auto-recharge', mark: 'automatic recharge' },
  },
  {
    id: 'confirm',
    payer: 'self',
    kind: 'guide',
    labels: ['Continue', 'Confirm payment'],
    wireframe: { name: 'confirm', mark: 'Confirm payment' },
  },
  {
    id: 'balance',
    payer: 'self',
    kind: 'guide',
    url: PAGES.billing,
    labels: ['Credit balance'],
    wireframe: { name: 'balance', mark: 'Credit balance' },
  },
  {
    id: 'api-key',
    kind: 'api-key',
    url: PAGES.apiKeys,
    labels: ['Create new secret key'],
    wireframe: { name: 'api-key', mark: 'Create new secret key' },
  },
  { id: 'test-call', kind: 'test-call', labels: [] },
  { id: 'done', kind: 'done', labels: [] },
  // Only where a team file says the team pays: they take the place of billing … balance in that guide
  // (src/team/flow.ts), so they come last here and the personal guide keeps its order.
  { id: 'accept-invite', payer: 'team', kind: 'guide', url: PAGES.platform, labels: ['Accept invite'] },
  {
    id: 'switch-organization',
    payer: 'team',
    kind: 'guide',
    url: PAGES.settings,
    labels: ['Organization ID'],
  },
  { id: 'choose-project', payer: 'team', kind: 'guide', url: PAGES.projects, labels: ['Projects'] },
]);

/** A step id, as used in progress files, `error.step`, content keys and tests. */
export type StepId = (typeof DEFINED)[number]['id'];

/** One step of the guide. */
export type Step = StepDefinition & { readonly id: StepId };

/** The steps of the guide, in order. */
export const STEPS: readonly Step[] = DEFINED;

/** Every step id, in order (derived from STEPS). */
export const STEP_IDS: readonly StepId[] = STEPS.map((step) => step.id);

/** The position of a step in the personal guide (the team-payer steps, last in STEPS, come after it). */
export function stepIndex(id: StepId): number {
  return STEP_IDS.indexOf(id);
}

/** Whether a string is one of the step ids. */
export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

/** The step at a position; positions are always clamped by the reducer, so this never misses. */
export function stepAt(index: number): Step {
  const step: Step | undefined = STEPS[Math.min(Math.max(index, 0), STEPS.length - 1)];
  if (!step) throw new Error('STEPS is empty');
  return step;
}
