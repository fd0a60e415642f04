/**
 * Text from outside (a server, a file in a cloned repository, the environment) made safe to show: nothing in
 * it can move the cursor, recolour, retitle or clear the terminal, write the clipboard, make a link, or
 * reorder what is shown. Pure; every edge of the program calls this, once.
 */

// Whole escape sequences, so that no remnant ("[31m") is left behind: CSI, OSC (titles, links, clipboard),
// DCS/SOS/PM/APC strings, their 8-bit C1 forms, and any other two-character escape.
const ESCAPES = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u009b[0-?]*[ -/]*[@-~]',
    '\\u001b\\][\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u009d[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u001b[PX^_][\\s\\S]*?(?:\\u001b\\\\|\\u009c|$)',
    '[\\u0090\\u0098\\u009e\\u009f][\\s\\S]*?(?:\\u001b\\\\|\\u009c|$)',
    '\\u001b[\\s\\S]?',
  ].join('|'),
  'g',
);
// C0 and C1 control characters other than the line break (handled first).
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// Unicode format characters: bidirectional overrides and isolates, zero-width characters, the BOM, soft hyphen.
const FORMAT = /\p{Cf}/gu;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

/** How a piece of outside text may be shown. */
export type CleanOptions = {
  /** Keep line breaks (a reply, a message); otherwise every break becomes a space. */
  readonly multiline?: boolean;
  /** At most this many characters (code points); longer text is cut and ends with `…`. */
  readonly maxLength?: number;
};

/** Removes escape sequences, control characters and Unicode format characters; caps the length. */
export function cleanText(text: string, options: CleanOptions = {}): string {
  let out = text.replace(LINE_BREAKS, '\n').replace(ESCAPES, '').replace(/\t/g, '  ');
  if (!options.multiline) out = out.replace(/\n/g, ' ');
  out = out.replace(CONTROLS, '').replace(FORMAT, '');
  const max = options.maxLength;
  if (max !== undefined) {
    const chars = [...out];
    if (chars.length > max) out = `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
  }
  return out;
}

/** Whether a string holds anything `cleanText` would remove (for validators that refuse rather than clean). */
export function hasUnsafeCharacters(text: string): boolean {
  return cleanText(text, { multiline: true }) !== text.replace(LINE_BREAKS, '\n').replace(/\t/g, '  ');
}
