/** What every screen component receives from <App>. */
import type { AppServices } from '../app-services.js';
import type { Content } from '../content/content.js';
import type { WizardState } from '../wizard/reducer.js';
import type { Step } from '../wizard/steps.js';

export type ScreenProps = {
  readonly step: Step;
  readonly state: WizardState;
  readonly content: Content;
  /** A one-line note from the wizard (browser, copy, store), shown above the key hints. */
  readonly notice?: string;
  readonly services: AppServices;
  /** The key chosen on the api-key screen: in memory only, never saved. */
  readonly apiKey: string | undefined;
  readonly onApiKey: (key: string) => void;
  /** Shows a one-line note (copy result, browser). */
  readonly onNotice: (notice: string) => void;
};
