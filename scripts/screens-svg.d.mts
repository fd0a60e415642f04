/** Types of scripts/screens-svg.mjs, for the golden-screen suite that imports it. */

/** A capture drawn for the README. */
export type Picture = {
  readonly walk: string;
  readonly screen: string;
  readonly file: string;
  readonly alt: string;
};

/** One screen of a snapshot file, as read back. */
export type ParsedScreen = {
  readonly name: string;
  readonly after: string;
  readonly rows: string[];
  readonly legend: Map<string, string>;
  readonly marks: Map<number, string>;
};

/** A snapshot file, as read back. */
export type ParsedWalk = {
  readonly cols: number;
  readonly rows: number;
  readonly header: string[];
  readonly screens: ParsedScreen[];
};

/** The captures drawn for the README. */
export const PICTURES: readonly Picture[];
/** The capture shown as text in the README. */
export const TEXT_CAPTURE: { readonly walk: string; readonly screen: string };
/** Reads a snapshot file. */
export function parseWalk(text: string): ParsedWalk;
/** A colour of the notation as an SVG colour. */
export function colourValue(name: string): string;
/** One screen as an SVG document. */
export function renderSvg(walk: ParsedWalk, screen: ParsedScreen, title: string): string;
/** The SVG of one picture from the text of its walk's snapshot. */
export function pictureSvg(picture: Picture, walkText: string): string;
/** The README's generated section, from each walk's snapshot text. */
export function readmeSection(walkTexts: (walk: string) => string): string;
/** The README with its section replaced. */
export function withReadmeSection(readme: string, section: string): string;
/** The README's current section, or undefined. */
export function readmeSectionOf(readme: string): string | undefined;
export const README_START: string;
export const README_END: string;
