/** A team file's problems and what it changes, in words: the words come from the locale files (`team`). */
import { isAbsolute, relative } from 'node:path';
import { type Content, contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { cleanText } from '../text/sanitize.js';
import type { ReadFailure } from './find.js';
import type { JsonPath } from './json-scan.js';
import type { TeamFile, TeamProblem } from './team-file.js';

/** A JSON path as a reader of the file would write it: `steps[0].title.en`; the root has its own word. */
export function formatPath(path: JsonPath, content: Content): string {
  if (path.length === 0) return content.team.root;
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The character a syntax error found, quoted, or its code point where it cannot be seen. */
function showChar(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)
    ? `“${char}”`
    : `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value);
}

/** What is wrong, without where. */
export function problemMessage(problem: TeamProblem, content: Content): string {
  const words = content.team.problems;
  const list = (items: readonly string[]) => items.join(', ');
  switch (problem.kind) {
    case 'syntax':
      if (problem.found !== undefined) return fill(words.syntaxChar, { char: showChar(problem.found) });
      return problem.line === 1 && problem.column === 1 ? words.syntaxEmpty : words.syntaxEnd;
    case 'fileTooLarge':
      return fill(words.fileTooLarge, { size: formatNumber(problem.size), max: formatNumber(problem.max) });
    case 'type':
      return fill(words.type, {
        expected: content.team.types[problem.expected],
        found: content.team.types[problem.found],
      });
    case 'missing':
      return problem.because === 'team-payer' ? words.missingForTeam : words.missing;
    case 'unknownField':
      return problem.suggestion === undefined
        ? words.unknownField
        : fill(words.unknownFieldSuggest, { suggestion: problem.suggestion });
    case 'duplicateKey':
      return words.duplicateKey;
    case 'choice':
      return fill(words.choice, { value: problem.value, allowed: list(problem.allowed) });
    case 'shape':
      return fill(content.team.shapes[problem.shape], { value: problem.value });
    case 'unknownStep':
      return fill(words.unknownStep, { value: problem.value, allowed: list(problem.allowed) });
    case 'stepOrder':
      return fill(words.stepOrder, { value: problem.value });
    case 'duplicateStep':
      return fill(problem.inGuide ? words.duplicateStepGuide : words.duplicateStep, { value: problem.value });
    case 'tooMany':
      return fill(words.tooMany, { count: problem.count, max: problem.max });
    case 'tooLong':
      return fill(words.tooLong, { length: problem.length, max: problem.max });
    case 'empty':
      return words.empty;
    case 'notUrl':
      return fill(words.notUrl, { value: problem.value });
    case 'urlScheme': {
      const key = {
        https: 'urlHttps',
        'https-or-mailto': 'urlHttpsOrMailto',
        'base-url': 'urlBaseScheme',
      } as const;
      return fill(words[key[problem.rule]], { value: problem.value });
    }
    case 'clearText':
      return fill(words.clearText, { host: problem.host });
    case 'urlCharacters':
      return words.urlCharacters;
    case 'urlUserinfo':
      return words.urlUserinfo;
    case 'range':
      return fill(words.range, { value: formatNumber(problem.value), max: formatNumber(problem.max) });
    case 'notWithSelf':
      return words.notWithSelf;
    case 'cleaned':
      return words.cleaned;
    case 'placeholder':
      return words.placeholder;
  }
}

/** Where a problem is: its line (and column for a syntax error) and JSON path. */
export function problemPlace(problem: TeamProblem, content: Content): string | undefined {
  if (problem.kind === 'syntax') return fill(content.team.whereSyntax, problem);
  if (problem.kind === 'fileTooLarge') return undefined;
  return fill(content.team.where, { line: problem.line, path: formatPath(problem.path, content) });
}

/** One problem as one line: where, then what (`line 4, payer: must be one of team, self, not “teams”`). */
export function describeProblem(problem: TeamProblem, content: Content): string {
  const message = problemMessage(problem, content);
  const place = problemPlace(problem, content);
  return place === undefined ? message : fill(content.team.problem, { where: place, message });
}

/** Whole dollars without cents, other amounts with two decimals: `20`, `12.50`, `1,000,000`. */
function formatBudget(usd: number): string {
  const digits = Number.isInteger(usd) ? 0 : 2;
  return usd.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** What a valid team file changes, one line each, for `team check` and the welcome screen. */
export function describeTeam(team: TeamFile, content: Content): string[] {
  const words = content.team.summary;
  const named = (identity: { id: string; name?: string }, withName: string, bare: string) =>
    identity.name === undefined ? fill(bare, { id: identity.id }) : fill(withName, identity);
  const lines = [team.payer === 'team' ? words.payerTeam : words.payerSelf];
  if (team.organization) lines.push(named(team.organization, words.organizationNamed, words.organization));
  if (team.project) lines.push(named(team.project, words.projectNamed, words.project));
  if (team.model) lines.push(fill(words.model, { model: team.model }));
  if (team.baseUrl) lines.push(fill(words.baseUrl, { url: team.baseUrl }));
  if (team.monthlyBudgetUsd !== undefined)
    lines.push(fill(words.budget, { amount: formatBudget(team.monthlyBudgetUsd) }));
  if (team.contact) lines.push(fill(words.contact, team.contact));
  if (team.steps.length > 0) {
    const lang = content.meta.locale === 'ko' ? 'ko' : 'en';
    const titles = team.steps.map((step) => step.title[lang] ?? step.title.en ?? step.title.ko ?? step.id);
    lines.push(fill(words.steps, { titles: titles.join(', ') }));
  }
  return lines;
}

/** A path as the user should see it: relative to where they are when that is shorter, and safe to print. */
export function shownPath(path: string, cwd: string): string {
  let near: string;
  try {
    near = relative(cwd, path);
  } catch {
    // The current folder no longer exists: the path as it is.
    return cleanText(path);
  }
  return cleanText(near && !isAbsolute(near) && near.length < path.length ? near : path);
}

const bytes = (n: number) => n.toLocaleString('en-US');

/** Why a team file could not be read, in one line of the user's language. */
export function readFailure(failure: ReadFailure, file: string, lang: Locale): string {
  const words = contentFor(lang).team.check;
  switch (failure.reason) {
    case 'missing':
      return fill(words.missing, { file });
    case 'symlink':
      return fill(words.symlink, { file });
    case 'not-file':
      return fill(words.notFile, { file });
    case 'too-large':
      return fill(words.tooLarge, { file, size: bytes(failure.size), max: bytes(failure.max) });
    case 'not-utf8':
      return fill(words.notUtf8, { file });
    case 'unreadable':
      return fill(words.unreadable, { file, reason: failure.code });
  }
}
