/** How the terminal is drawn for this run: symbols, colour, screen reader, size. */
import { createContext, useContext } from 'react';

/** Terminal facts every view may need. */
export type UiOptions = {
  /** ASCII symbols and borders only. */
  readonly ascii: boolean;
  /** Colour and weights on, as cli.ts decided once (system/terminal.ts); without them labels are quoted. */
  readonly color: boolean;
  /** Ink's screen-reader mode: linear text, no animation. */
  readonly screenReader: boolean;
  readonly columns: number;
  readonly rows: number;
};

export const DEFAULT_UI: UiOptions = {
  ascii: false,
  color: true,
  screenReader: false,
  columns: 80,
  rows: 24,
};

export const UiContext = createContext<UiOptions>(DEFAULT_UI);

/** The current terminal facts. */
export function useUi(): UiOptions {
  return useContext(UiContext);
}
