/**
 * The team file (`openai-topup.team.json`): its typed form and the one place its text becomes that form.
 * A team file arrives with a cloned repository, so it is hostile until this module says otherwise: every
 * problem is listed (as data; the words are in the locale files, see describe.ts), every text is cleaned of
 * control and format characters, every link is checked. assets/team.schema.json describes the same file for
 * editors; where JSON Schema cannot say a rule (an `after` that names no step, a key given twice, a text that
 * is empty once cleaned, an http:// base URL whose host is not really this machine) this parser is stricter,
 * never more lenient (test/team/schema.test.ts).
 *
 * A text that held control or format characters is not refused: it is kept cleaned (as the issue asks, "shown
 * only after … are removed") and a `cleaned` warning says so, for `team check`. Ids, model names and links are
 * refused instead, since cleaning them would change what they point at.
 */
import { isLoopbackHost } from '../api/base-url.js';
import { LOCALES, type Locale } from '../content/locale.js';
import { cleanText, hasUnsafeCharacters } from '../text/sanitize.js';
import { flowAnchors } from './flow.js';
import { type JsonPath, pathKey, scanJson } from './json-scan.js';
import { TEAM_LIMITS } from './limits.js';

export { TEAM_FILE_NAME, TEAM_LIMITS } from './limits.js';

/**
 * The patterns of the file's strings, written once: the parser tests them and assets/team.schema.json must
 * hold the same ones (a test compares them). ECMAScript regular expressions with the `u` flag, as JSON Schema's.
 */
export const TEAM_PATTERNS = {
  organizationId: '^org-[A-Za-z0-9]+$',
  projectId: '^proj_[A-Za-z0-9]+$',
  stepId: '^[A-Za-z0-9-]+$',
  model: '^[A-Za-z0-9._:-]+$',
  text: '\\S',
  httpsUrl: '^https://[^\\s\\p{Cc}\\p{Cf}]+$',
  contactLink: '^(?:https://|mailto:)[^\\s\\p{Cc}\\p{Cf}]+$',
  baseUrl:
    '^(?:https://[^\\s\\p{Cc}\\p{Cf}]+|http://(?:localhost|127(?:\\.[0-9]{1,3}){3}|\\[::1\\])(?:[:/?#][^\\s\\p{Cc}\\p{Cf}]*)?)$',
} as const;

/** The ids in the starter file (`team init`): they validate, and `team check` warns while they are left in. */
export const PLACEHOLDER_IDS = {
  organization: 'org-REPLACEWITHYOURORGANIZATIONID',
  project: 'proj_REPLACEWITHYOURPROJECTID',
} as const;

/** Who pays for the API: the team's organization, or each person (the personal guide). */
export type Payer = 'team' | 'self';
/** The payers, as the file spells them. */
export const PAYERS: readonly Payer[] = ['team', 'self'];

/** A text in one or both languages (at least one). */
export type LocalizedText = { readonly en?: string; readonly ko?: string };
/** A list of texts in one or both languages. */
export type LocalizedList = { readonly en?: readonly string[]; readonly ko?: readonly string[] };

/** An organization or project: its id, and the name people see on the platform. */
export type TeamIdentity = { readonly id: string; readonly name?: string };

/** Who to ask for an invitation or access. */
export type TeamContact = { readonly name: string; readonly link: string };

/** A step of the team's own, placed after a step of the guide or an earlier extra step. */
export type TeamStep = {
  readonly id: string;
  readonly after: string;
  readonly title: LocalizedText;
  readonly text?: LocalizedText;
  readonly labels?: LocalizedList;
  /** An https URL, normalized (`URL.href`: a non-ASCII host as punycode), so what is shown is the real target. */
  readonly url?: string;
};

/** A validated team file. Every text is cleaned; every URL is checked and normalized. */
export type TeamFile = {
  readonly name: string;
  readonly language?: Locale;
  readonly payer: Payer;
  readonly organization?: TeamIdentity;
  readonly project?: TeamIdentity;
  readonly model?: string;
  /** The API root (a company gateway), normalized; the key goes there only after the user's yes. */
  readonly baseUrl?: string;
  readonly monthlyBudgetUsd?: number;
  readonly contact?: TeamContact;
  /** The extra steps, in the file's order; empty when there are none. */
  readonly steps: readonly TeamStep[];
};

/** A JSON value's type, as problems name it. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** What an id or name must look like. */
export type Shape = 'organization' | 'project' | 'stepId' | 'model';

/**
 * One problem with a team file, as data. `path` is where in the JSON (segments cleaned for display), `line`
 * the line it is on. Values from the file are cleaned and shortened, so a problem is always safe to show.
 */
export type TeamProblem =
  | { readonly kind: 'syntax'; readonly line: number; readonly column: number; readonly found?: string }
  | { readonly kind: 'fileTooLarge'; readonly size: number; readonly max: number }
  | TeamFieldProblem;

/** A problem at a place in the JSON. */
export type TeamFieldProblem = { readonly path: JsonPath; readonly line: number } & (
  | { readonly kind: 'type'; readonly expected: JsonType; readonly found: JsonType }
  | { readonly kind: 'missing'; readonly because?: 'team-payer' }
  | { readonly kind: 'unknownField'; readonly suggestion?: string }
  | { readonly kind: 'duplicateKey' }
  | { readonly kind: 'choice'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly kind: 'shape'; readonly shape: Shape; readonly value: string }
  | { readonly kind: 'unknownStep'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly kind: 'stepOrder'; readonly value: string }
  | { readonly kind: 'duplicateStep'; readonly value: string; readonly inGuide: boolean }
  | { readonly kind: 'tooMany'; readonly count: number; readonly max: number }
  | { readonly kind: 'tooLong'; readonly length: number; readonly max: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'notUrl'; readonly value: string }
  | {
      readonly kind: 'urlScheme';
      readonly rule: 'https' | 'https-or-mailto' | 'base-url';
      readonly value: string;
    }
  | { readonly kind: 'clearText'; readonly host: string }
  | { readonly kind: 'urlCharacters' }
  | { readonly kind: 'urlUserinfo' }
  | { readonly kind: 'range'; readonly value: number; readonly max: number }
  | { readonly kind: 'notWithSelf' }
  // Warnings: the file is usable, and `team check` still says so.
  | { readonly kind: 'cleaned' }
  | { readonly kind: 'placeholder' }
);

/** The kinds that are only warnings: the file is used, and `team check` mentions them. */
export const WARNING_KINDS: ReadonlySet<TeamProblem['kind']> = new Set(['cleaned', 'placeholder']);

/** What parsing a team file's text gave. */
export type ParseResult =
  | { readonly ok: true; readonly team: TeamFile; readonly warnings: readonly TeamProblem[] }
  | { readonly ok: false; readonly problems: readonly TeamProblem[] };

/** The fields each object of a team file may have (the schema's `properties`; a test compares them). */
export const TEAM_FIELDS = {
  root: [
    '$schema',
    'name',
    'language',
    'payer',
    'organization',
    'project',
    'model',
    'baseUrl',
    'monthlyBudgetUsd',
    'contact',
    'steps',
  ],
  identity: ['id', 'name'],
  contact: ['name', 'link'],
  step: ['id', 'after', 'title', 'text', 'labels', 'url'],
  localized: LOCALES,
} as const;

const REGEX = Object.fromEntries(
  Object.entries(TEAM_PATTERNS).map(([name, source]) => [name, new RegExp(source, 'u')]),
) as Record<keyof typeof TEAM_PATTERNS, RegExp>;
const UNSAFE_IN_URL = /[\s\p{Cc}\p{Cf}]/u;
// How much of a value a problem quotes.
const SHOWN = 80;

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** A value from the file, made safe to quote in a problem. */
function shown(value: string): string {
  return cleanText(value, { maxLength: SHOWN });
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j] ?? 0;
      row[j] = Math.min(here + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = here;
    }
  }
  return row[b.length] ?? 0;
}

/** The known field an unknown one was probably meant to be (`base_url` → `baseUrl`, `organisation`). */
function suggest(key: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  let best: { field: string; score: number } | undefined;
  for (const field of known) {
    const score = squash(key) === squash(field) ? 0 : distance(key.toLowerCase(), field.toLowerCase());
    if (score <= 2 && (!best || score < best.score)) best = { field, score };
  }
  return best?.field;
}

type Problem = TeamProblem;
type FieldProblemData = TeamFieldProblem extends infer P
  ? P extends unknown
    ? Omit<P, 'path' | 'line'>
    : never
  : never;

/** Walks the parsed value; collects problems and warnings with their lines. */
class Checker {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  constructor(private readonly lines: ReadonlyMap<string, number>) {}

  private lineOf(path: JsonPath): number {
    for (let n = path.length; n >= 0; n--) {
      const line = this.lines.get(pathKey(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return 1;
  }

  report(path: JsonPath, data: FieldProblemData): void {
    const problem = {
      ...data,
      path: path.map((s) => (typeof s === 'string' ? shown(s) : s)),
      line: this.lineOf(path),
    } as TeamFieldProblem;
    (WARNING_KINDS.has(problem.kind) ? this.warnings : this.problems).push(problem);
  }

  /** An object with only the known fields; undefined (and a problem) when it is not an object. */
  object(value: unknown, path: JsonPath, known: readonly string[]): Record<string, unknown> | undefined {
    if (typeOf(value) !== 'object') {
      this.report(path, { kind: 'type', expected: 'object', found: typeOf(value) });
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const suggestion = suggest(key, known);
      this.report(
        [...path, key],
        suggestion ? { kind: 'unknownField', suggestion } : { kind: 'unknownField' },
      );
    }
    return record;
  }

  required(record: Record<string, unknown>, path: JsonPath, field: string, because?: 'team-payer'): boolean {
    if (Object.hasOwn(record, field)) return true;
    this.report([...path, field], because ? { kind: 'missing', because } : { kind: 'missing' });
    return false;
  }

  /** A string of at most `max` characters; undefined (and a problem) otherwise. */
  string(value: unknown, path: JsonPath, max: number = TEAM_LIMITS.text): string | undefined {
    if (typeof value !== 'string') {
      this.report(path, { kind: 'type', expected: 'string', found: typeOf(value) });
      return undefined;
    }
    const length = [...value].length;
    if (length > max) {
      this.report(path, { kind: 'tooLong', length, max });
      return undefined;
    }
    return value;
  }

  /** A text shown to people: cleaned of control and format characters (a warning says so), not blank. */
  text(value: unknown, path: JsonPath, multiline = false): string | undefined {
    const raw = this.string(value, path);
    if (raw === undefined) return undefined;
    const clean = cleanText(raw, { multiline }).trim();
    if (clean === '') {
      this.report(path, { kind: 'empty' });
      return undefined;
    }
    if (hasUnsafeCharacters(raw)) this.report(path, { kind: 'cleaned' });
    return clean;
  }

  shaped(value: unknown, path: JsonPath, shape: Shape, max?: number): string | undefined {
    const raw = this.string(value, path, max);
    if (raw === undefined) return undefined;
    const pattern = {
      organization: REGEX.organizationId,
      project: REGEX.projectId,
      stepId: REGEX.stepId,
      model: REGEX.model,
    }[shape];
    if (pattern.test(raw)) return raw;
    this.report(path, { kind: 'shape', shape, value: shown(raw) });
    return undefined;
  }

  choice<T extends string>(value: unknown, path: JsonPath, allowed: readonly T[]): T | undefined {
    const raw = this.string(value, path);
    if (raw === undefined) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.report(path, { kind: 'choice', value: shown(raw), allowed });
    return undefined;
  }

  /** A link, checked against its rule; normalized to `URL.href`. */
  url(value: unknown, path: JsonPath, rule: 'https' | 'https-or-mailto' | 'base-url'): string | undefined {
    const raw = this.string(value, path);
    if (raw === undefined) return undefined;
    if (UNSAFE_IN_URL.test(raw)) {
      this.report(path, { kind: 'urlCharacters' });
      return undefined;
    }
    const pattern = {
      https: REGEX.httpsUrl,
      'https-or-mailto': REGEX.contactLink,
      'base-url': REGEX.baseUrl,
    }[rule];
    const prefixes = {
      https: ['https://'],
      'https-or-mailto': ['https://', 'mailto:'],
      'base-url': ['https://', 'http://'],
    }[rule];
    if (!prefixes.some((prefix) => raw.startsWith(prefix))) {
      this.report(path, { kind: 'urlScheme', rule, value: shown(raw) });
      return undefined;
    }
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      this.report(path, { kind: 'notUrl', value: shown(raw) });
      return undefined;
    }
    // The pattern (the schema's) refuses what the URL parser would quietly accept, e.g. http://localhost.evil.test;
    // the parser refuses what the pattern cannot see, e.g. http://localhost:80@evil.test.
    if (url.protocol === 'http:' && (!pattern.test(raw) || !isLoopbackHost(url.hostname))) {
      this.report(path, { kind: 'clearText', host: shown(url.host) });
      return undefined;
    }
    if (!pattern.test(raw) || (url.protocol !== 'mailto:' && url.hostname === '')) {
      this.report(path, { kind: 'notUrl', value: shown(raw) });
      return undefined;
    }
    // `https://platform.openai.com@phish.test/` leads to phish.test: a user name before the host does nothing
    // for a page or the API (the key is sent as a header) but make the address read as another.
    if (url.protocol !== 'mailto:' && (url.username !== '' || url.password !== '')) {
      this.report(path, { kind: 'urlUserinfo' });
      return undefined;
    }
    return url.href;
  }

  localized(value: unknown, path: JsonPath, multiline = false): { en?: string; ko?: string } | undefined {
    const record = this.object(value, path, TEAM_FIELDS.localized);
    if (!record) return undefined;
    const out: { en?: string; ko?: string } = {};
    let ok = true;
    for (const lang of LOCALES) {
      if (!Object.hasOwn(record, lang)) continue;
      const text = this.text(record[lang], [...path, lang], multiline);
      if (text === undefined) ok = false;
      else out[lang] = text;
    }
    if (!ok) return undefined;
    if (Object.keys(record).length === 0) {
      this.report(path, { kind: 'empty' });
      return undefined;
    }
    return out;
  }

  localizedList(value: unknown, path: JsonPath): { en?: string[]; ko?: string[] } | undefined {
    const record = this.object(value, path, TEAM_FIELDS.localized);
    if (!record) return undefined;
    const out: { en?: string[]; ko?: string[] } = {};
    let ok = true;
    for (const lang of LOCALES) {
      if (!Object.hasOwn(record, lang)) continue;
      const list = this.list(record[lang], [...path, lang], TEAM_LIMITS.labels);
      if (!list) {
        ok = false;
        continue;
      }
      const texts = list.map((item, index) => this.text(item, [...path, lang, index]));
      if (texts.every((text): text is string => text !== undefined)) out[lang] = texts;
      else ok = false;
    }
    if (!ok) return undefined;
    if (Object.keys(record).length === 0) {
      this.report(path, { kind: 'empty' });
      return undefined;
    }
    return out;
  }

  list(value: unknown, path: JsonPath, max: number): readonly unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.report(path, { kind: 'type', expected: 'array', found: typeOf(value) });
      return undefined;
    }
    if (value.length > max) {
      this.report(path, { kind: 'tooMany', count: value.length, max });
      return undefined;
    }
    return value;
  }

  identity(value: unknown, path: JsonPath, shape: 'organization' | 'project'): TeamIdentity | undefined {
    const record = this.object(value, path, TEAM_FIELDS.identity);
    if (!record) return undefined;
    const id = this.required(record, path, 'id') ? this.shaped(record.id, [...path, 'id'], shape) : undefined;
    const name = Object.hasOwn(record, 'name') ? this.text(record.name, [...path, 'name']) : '';
    if (id === undefined || name === undefined) return undefined;
    if (id === PLACEHOLDER_IDS[shape]) this.report([...path, 'id'], { kind: 'placeholder' });
    return name === '' ? { id } : { id, name };
  }
}

/** Parses and validates a team file's text, listing every problem (with its line), not only the first. */
export function parseTeamFile(text: string): ParseResult {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > TEAM_LIMITS.fileBytes) {
    return { ok: false, problems: [{ kind: 'fileTooLarge', size, max: TEAM_LIMITS.fileBytes }] };
  }
  // Editors on Windows may save a byte order mark; it is not part of the JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const scan = scanJson(body);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const at = scan.ok ? { line: 1, column: 1 } : scan.position;
    const found = scan.ok ? undefined : scan.found;
    return { ok: false, problems: [{ kind: 'syntax', ...at, ...(found === undefined ? {} : { found }) }] };
  }
  const check = new Checker(scan.ok ? scan.lines : new Map());
  if (scan.ok) for (const { path } of scan.duplicates) check.report(path, { kind: 'duplicateKey' });
  const team = validate(data, check);
  const byLine = (a: Problem, b: Problem) => ('line' in a ? a.line : 0) - ('line' in b ? b.line : 0);
  if (!team || check.problems.length > 0) return { ok: false, problems: check.problems.sort(byLine) };
  return { ok: true, team, warnings: check.warnings.sort(byLine) };
}

function validate(data: unknown, check: Checker): TeamFile | undefined {
  const root = check.object(data, [], TEAM_FIELDS.root);
  if (!root) return undefined;
  const has = (field: string) => Object.hasOwn(root, field);

  if (has('$schema')) check.string(root.$schema, ['$schema']);
  const name = check.required(root, [], 'name') ? check.text(root.name, ['name']) : undefined;
  const language = has('language') ? check.choice(root.language, ['language'], LOCALES) : undefined;
  const payer = check.required(root, [], 'payer') ? check.choice(root.payer, ['payer'], PAYERS) : undefined;

  let organization: TeamIdentity | undefined;
  let project: TeamIdentity | undefined;
  if (payer === 'self') {
    // Each person pays with their own organization, so the file can name none.
    if (has('organization')) check.report(['organization'], { kind: 'notWithSelf' });
    if (has('project')) check.report(['project'], { kind: 'notWithSelf' });
  } else {
    if (payer === 'team') check.required(root, [], 'organization', 'team-payer');
    if (has('organization'))
      organization = check.identity(root.organization, ['organization'], 'organization');
    if (has('project')) project = check.identity(root.project, ['project'], 'project');
  }

  const model = has('model') ? check.shaped(root.model, ['model'], 'model') : undefined;
  const baseUrl = has('baseUrl') ? check.url(root.baseUrl, ['baseUrl'], 'base-url') : undefined;

  let monthlyBudgetUsd: number | undefined;
  if (has('monthlyBudgetUsd')) {
    const value = root.monthlyBudgetUsd;
    if (typeof value !== 'number') {
      check.report(['monthlyBudgetUsd'], { kind: 'type', expected: 'number', found: typeOf(value) });
    } else if (!(value > 0 && value <= TEAM_LIMITS.budgetUsd)) {
      check.report(['monthlyBudgetUsd'], { kind: 'range', value, max: TEAM_LIMITS.budgetUsd });
    } else monthlyBudgetUsd = value;
  }

  let contact: TeamContact | undefined;
  if (has('contact')) {
    const record = check.object(root.contact, ['contact'], TEAM_FIELDS.contact);
    if (record) {
      const contactName = check.required(record, ['contact'], 'name')
        ? check.text(record.name, ['contact', 'name'])
        : undefined;
      const link = check.required(record, ['contact'], 'link')
        ? check.url(record.link, ['contact', 'link'], 'https-or-mailto')
        : undefined;
      if (contactName !== undefined && link !== undefined) contact = { name: contactName, link };
    }
  }

  const steps = has('steps') ? checkSteps(root.steps, payer, check) : [];

  if (name === undefined || payer === undefined || steps === undefined) return undefined;
  return {
    name,
    ...(language === undefined ? {} : { language }),
    payer,
    ...(organization === undefined ? {} : { organization }),
    ...(project === undefined ? {} : { project }),
    ...(model === undefined ? {} : { model }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(monthlyBudgetUsd === undefined ? {} : { monthlyBudgetUsd }),
    ...(contact === undefined ? {} : { contact }),
    steps,
  };
}

/** The well-formed ids of the extra steps listed before `index`: what an `after` there may name. */
function earlierIds(ids: readonly (string | undefined)[], index: number): string[] {
  return ids.slice(0, index).filter((id): id is string => id !== undefined && REGEX.stepId.test(id));
}

function checkSteps(value: unknown, payer: Payer | undefined, check: Checker): TeamStep[] | undefined {
  const list = check.list(value, ['steps'], TEAM_LIMITS.steps);
  if (!list) return undefined;
  // The flow's steps for this payer; with an unknown payer, either flow's, so no `after` is blamed for it.
  const anchors = payer ? flowAnchors(payer) : [...new Set([...flowAnchors('self'), ...flowAnchors('team')])];
  const guideIds = new Set([...anchors, 'done']);
  const ids = list.map((item) => {
    const id = typeOf(item) === 'object' ? (item as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? id : undefined;
  });
  const steps: TeamStep[] = [];
  let ok = true;
  list.forEach((item, index) => {
    const path = ['steps', index];
    const record = check.object(item, path, TEAM_FIELDS.step);
    if (!record) {
      ok = false;
      return;
    }
    const has = (field: string) => Object.hasOwn(record, field);
    let id = check.required(record, path, 'id')
      ? check.shaped(record.id, [...path, 'id'], 'stepId', TEAM_LIMITS.stepId)
      : undefined;
    if (id !== undefined && (guideIds.has(id) || ids.indexOf(id) < index)) {
      check.report([...path, 'id'], { kind: 'duplicateStep', value: id, inGuide: guideIds.has(id) });
      id = undefined;
    }
    let after = check.required(record, path, 'after')
      ? check.string(record.after, [...path, 'after'])
      : undefined;
    // An `after` naming an earlier step whose own id is broken is not blamed: that step's problem says it.
    if (after !== undefined && !anchors.includes(after) && !ids.slice(0, index).includes(after)) {
      check.report(
        [...path, 'after'],
        ids.includes(after)
          ? { kind: 'stepOrder', value: shown(after) }
          : { kind: 'unknownStep', value: shown(after), allowed: [...anchors, ...earlierIds(ids, index)] },
      );
      after = undefined;
    }
    const title = check.required(record, path, 'title')
      ? check.localized(record.title, [...path, 'title'])
      : undefined;
    const text = has('text') ? check.localized(record.text, [...path, 'text'], true) : {};
    const labels = has('labels') ? check.localizedList(record.labels, [...path, 'labels']) : {};
    const url = has('url') ? check.url(record.url, [...path, 'url'], 'https') : '';
    if (
      id === undefined ||
      after === undefined ||
      title === undefined ||
      text === undefined ||
      labels === undefined ||
      url === undefined
    ) {
      ok = false;
      return;
    }
    steps.push({
      id,
      after,
      title,
      ...(has('text') ? { text } : {}),
      ...(has('labels') ? { labels } : {}),
      ...(has('url') ? { url } : {}),
    });
  });
  return ok ? steps : undefined;
}
