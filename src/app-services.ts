/** The side effects the wizard may ask for; each is optional so tests pass only what they check. */

import type { CallPolicy } from './api/call-machine.js';
import type { CurlExtras } from './api/request.js';
import type { Session } from './api/session.js';
import type { Content } from './content/content.js';
import type { KnownKey } from './screens/api-key-screen.js';
import type { EnvFileService } from './screens/env-offer.js';
import type { OverriddenVariable } from './team/call.js';
import type { TeamInUse } from './team/load.js';
import type { Shell } from './text/shell.js';
import type { WizardState } from './wizard/reducer.js';

export type { TeamInUse } from './team/load.js';

/** How the test call is made for a team file (or none). */
export type CallSetup = {
  readonly baseUrl: string;
  readonly model: string;
  /** A team file sends the key to another origin: the user's yes is needed first (and remembered). */
  readonly origin?: { readonly origin: string; readonly granted: () => boolean; readonly grant: () => void };
  /** Environment variables the team file's organization or project replaces: the user is told. */
  readonly overridden: readonly OverriddenVariable[];
  /** A cap on the reply's tokens (a model the team file chose), shown in the curl command too. */
  readonly maxCompletionTokens?: number;
  /** What the curl command shows besides the guide's request (headers, the cap), as the call sends it. */
  readonly curl?: CurlExtras;
};

export type AppServices = {
  /** Called with every new state, off the keypress path; resolves with a notice when saving failed. */
  readonly saveProgress?: (state: WizardState) => Promise<string | undefined>;
  /** Forgets saved progress once the guide is finished. */
  readonly clearProgress?: () => void;
  /** Opens a page in the browser; resolves with a notice to show. */
  readonly openUrl?: (url: string, content: Content) => Promise<string>;
  /** OPENAI_API_KEY, or the practice key with --demo. */
  readonly suggestedKey?: KnownKey;
  /** Opens a test-call session for the key (and the team file in use); undici loads only now. */
  readonly openSession?: (key: string, team?: TeamInUse) => Promise<Session>;
  /** The test call's settings for the team file in use, or for none: where, which model, what to ask first. */
  readonly callFor?: (team: TeamInUse | undefined) => CallSetup;
  /** The team file the run starts with (named with --team, or found and agreed to before). */
  readonly team?: TeamInUse;
  /** Records the user's yes to a team file that was found, not named. */
  readonly acceptTeam?: (team: TeamInUse) => void;
  /** Copies text; resolves with the sentence that says how, or that it could not. */
  readonly copy?: (text: string, content: Content) => Promise<string>;
  /** The API root and model of the test call, for the curl command. */
  readonly call?: { readonly baseUrl: string; readonly model: string };
  /** How the test call retries and waits; tests shorten the waits. */
  readonly callPolicy?: CallPolicy;
  /** Practice mode (--demo): results say they came from the practice server. */
  readonly practice?: boolean;
  /** The command that continues where this run stops (its flags that change the call, the team file named). */
  readonly continueCommand?: string;
  /** The user's shell, for the done screen. */
  readonly shell?: Shell;
  /** Keeping the key in a `.env` in the folder the wizard started from, when the done screen is told yes. */
  readonly envFile?: EnvFileService;
};

export type { EnvFileService } from './screens/env-offer.js';
