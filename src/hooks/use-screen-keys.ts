/** Connects a screen to the keyboard: maps keys to intents and runs the screen's or the wizard's handler. */
import type { Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { type Flow, PERSONAL_FLOW } from '../wizard/flow.js';
import type { Overlay, WizardAction } from '../wizard/reducer.js';
import { type Intent, type KeyMode, keyToIntent } from './key-intent.js';

/** A key handler as registered: read at the moment a key arrives, so it is always the newest render's. */
export type KeyListener = {
  current: { readonly handler: (input: string, key: Key) => void; readonly isActive: () => boolean };
};

/**
 * Every mounted key handler. <App> owns the one Ink subscription and hands each key to these. Screens
 * register in a layout effect, which runs as the new screen is committed: Ink's own useInput
 * re-subscribes only after the frame is on screen, so a key pressed at once would reach the old screen.
 */
export const KeyListenersContext = createContext<Set<KeyListener>>(new Set());

/** What every screen can ask of the wizard, provided by <App>. */
export type WizardControls = {
  readonly dispatch: (action: WizardAction) => void;
  /** Open the current step's page in the browser. */
  readonly openPage: () => void;
  /** Quit with progress saved (exit 0). */
  readonly quit: () => void;
  /** The guide is finished: clear saved progress and exit 0. */
  readonly finish: () => void;
  /** Whether screens receive keys (false while an overlay is open). */
  readonly active: boolean;
  /** What is drawn over the screen: help, the step list, or what moved behind Tab. */
  readonly overlay: Overlay;
  /** The guide this run walks (for step numbers and the team's words). */
  readonly flow: Flow;
};

export const WizardControlsContext = createContext<WizardControls>({
  dispatch: () => undefined,
  openPage: () => undefined,
  quit: () => undefined,
  finish: () => undefined,
  active: true,
  overlay: 'none',
  flow: PERSONAL_FLOW,
});

/** The wizard's controls, for screens. */
export function useWizardControls(): WizardControls {
  return useContext(WizardControlsContext);
}

type Handlers = { readonly [T in Intent['type']]?: (intent: Extract<Intent, { type: T }>) => void };

/**
 * Handles a screen's keys. Handlers the screen gives win; the rest fall back to the wizard's navigation
 * (next, back, jump, steps, help, language, open, quit).
 */
export function useScreenKeys(
  handlers: Handlers,
  mode: KeyMode = 'screen',
  isActive: boolean | (() => boolean) = true,
): void {
  const controls = useWizardControls();
  useLatestInput(
    (input, key) => {
      const intent = keyToIntent(input, key, mode);
      if (!intent || intent.type === 'interrupt') return;
      const { dispatch } = controls;
      const defaults: Handlers = {
        next: () => dispatch({ type: 'next' }),
        back: () => dispatch({ type: 'back' }),
        jump: (jump) => dispatch({ type: 'go-to-number', number: jump.number }),
        steps: () => dispatch({ type: 'open-overlay', overlay: 'steps' }),
        help: () => dispatch({ type: 'open-overlay', overlay: 'help' }),
        lang: () => dispatch({ type: 'switch-locale' }),
        open: () => controls.openPage(),
        quit: () => controls.quit(),
      };
      const handler = (handlers[intent.type] ?? defaults[intent.type]) as ((i: Intent) => void) | undefined;
      handler?.(intent);
    },
    // Asked as each key arrives: a key just before may have changed the screen's phase.
    () => controls.active && (typeof isActive === 'function' ? isActive() : isActive),
  );
}

/** Registers a key handler with <App> for as long as the component is mounted (see KeyListenersContext). */
export function useLatestInput(
  handler: (input: string, key: Key) => void,
  isActive: boolean | (() => boolean) = true,
): void {
  const listeners = useContext(KeyListenersContext);
  const active = typeof isActive === 'function' ? isActive : () => isActive;
  const latest: KeyListener = useRef({ handler, isActive: active });
  latest.current = { handler, isActive: active };
  useLayoutEffect(() => {
    listeners.add(latest);
    return () => {
      listeners.delete(latest);
    };
  }, [listeners]);
}
