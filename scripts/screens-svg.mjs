// Draws the README's pictures of the wizard from the golden screens (test/golden/*.txt): each chosen capture
// becomes an SVG terminal window with the capture's colours and attributes, on a monospace grid where a wide
// (Korean) character takes two cells. Self-contained: no fonts, images or anything else from outside.
//
//   node scripts/screens-svg.mjs     (npm run screens:svg) redraws docs/screens/ and the README's section
//                                    from the committed snapshots, without running a terminal.
//
// test/e2e/golden.test.ts draws the same pictures from live captures and compares them with docs/screens/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eastAsianWidth } from 'get-east-asian-width';

/** The captures drawn for the README: walk, screen name (as in the snapshot), picture file, description. */
export const PICTURES = [
  {
    walk: 'en-80x24',
    screen: '04 billing',
    file: 'en-80x24-billing.svg',
    alt: 'English, 80×24: step 4, Billing, with its picture of the platform page',
  },
  {
    walk: 'ko-80x24',
    screen: '08 amount',
    file: 'ko-80x24-amount.svg',
    alt: 'Korean, 80×24: step 8, the initial credit, with what the amount buys',
  },
  {
    walk: 'en-80x24',
    screen: '13 test-call: reply',
    file: 'en-80x24-test-call.svg',
    alt: 'English, 80×24: the test call answered, with tokens, cost and request id',
  },
  {
    walk: 'en-80x24-no-credit',
    screen: '13 test-call: no credit',
    file: 'en-80x24-no-credit.svg',
    alt: 'English, 80×24: a test call refused for lack of credit, and what to do',
  },
  {
    walk: 'ko-120x30',
    screen: '09 auto-recharge',
    file: 'ko-120x30-auto-recharge.svg',
    alt: 'Korean, 120×30: step 9, automatic recharge, with the step list beside it',
  },
  {
    walk: 'en-40x24',
    screen: '06 account-type',
    file: 'en-40x24-account-type.svg',
    alt: 'English, 40×24: step 6, a choice between Individual and Company',
  },
  {
    walk: 'ko-40x24',
    screen: '04 billing',
    file: 'ko-40x24-billing.svg',
    alt: 'Korean, 40×24: step 4, Billing, the label and the page address whole',
  },
  {
    walk: 'en-40x24',
    screen: '05 add-payment',
    file: 'en-40x24-add-payment.svg',
    alt: 'English, 40×24: step 5, Add payment details, with the narrow picture',
  },
  {
    walk: 'en-80x24-team',
    screen: 'team file offer',
    file: 'en-80x24-team-offer.svg',
    alt: 'English, 80×24: a team file found in the folder, and what it would change, asked about before it is used',
  },
  {
    walk: 'en-80x24-team',
    screen: '09 test-call: reply',
    file: 'en-80x24-team-test-call.svg',
    alt: "English, 80×24: the team's test call, accepted with the team's organization and project",
  },
];

/** The capture shown as text in the README, for readers of the plain file. */
export const TEXT_CAPTURE = { walk: 'ko-80x24', screen: '08 amount' };

/** Reads a snapshot file (screen-capture.ts formatWalk): its size and every screen's rows, legend and styles. */
export function parseWalk(text) {
  const lines = text.split('\n');
  const size = /^# size: (\d+)x(\d+)$/m.exec(text);
  if (!size) throw new Error('a golden snapshot without its "# size:" line');
  const walk = { cols: Number(size[1]), rows: Number(size[2]), header: [], screens: [] };
  let screen;
  let inStyles = false;
  for (const line of lines) {
    const heading = /^━━ (.*) ━━ after: (.*)$/.exec(line);
    if (heading) {
      screen = { name: heading[1], after: heading[2], rows: [], legend: new Map(), marks: new Map() };
      walk.screens.push(screen);
      inStyles = false;
      continue;
    }
    if (!screen) {
      if (line.startsWith('# ')) walk.header.push(line.slice(2));
      continue;
    }
    const row = /^ *(\d+)│(.*)$/.exec(line);
    if (row && !inStyles) {
      screen.rows[Number(row[1]) - 1] = row[2];
      continue;
    }
    if (line === 'styles:' || line === 'styles: none') {
      inStyles = true;
      continue;
    }
    const legend = /^ {2}(\S) {2}(.+)$/.exec(line);
    if (inStyles && legend) {
      screen.legend.set(legend[1], legend[2]);
      continue;
    }
    const marks = /^ *(\d+)┊(.*)$/.exec(line);
    if (inStyles && marks) screen.marks.set(Number(marks[1]) - 1, marks[2]);
  }
  return walk;
}

// A dark theme: default colours, the 16 ANSI colours by name.
const THEME = {
  background: '#1b1d23',
  foreground: '#d7dae0',
  chrome: '#2a2d35',
  title: '#8b919e',
  black: '#3b3f4a',
  red: '#e06c75',
  green: '#98c379',
  yellow: '#e5c07b',
  blue: '#61afef',
  magenta: '#c678dd',
  cyan: '#56b6c2',
  white: '#c8ccd4',
  'bright-black': '#6b7280',
  'bright-red': '#ff7b86',
  'bright-green': '#b5e08f',
  'bright-yellow': '#f2d58f',
  'bright-blue': '#82c4ff',
  'bright-magenta': '#dc96ef',
  'bright-cyan': '#72d4df',
  'bright-white': '#f3f4f6',
};

const hex2 = (n) => n.toString(16).padStart(2, '0');

/** A colour of the notation (a name, 16–255, #rrggbb) as an SVG colour. */
export function colourValue(name) {
  if (name.startsWith('#')) return name;
  if (THEME[name]) return THEME[name];
  const n = Number(name);
  if (n >= 16 && n <= 231) {
    const level = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `#${hex2(level[Math.floor(i / 36)])}${hex2(level[Math.floor(i / 6) % 6])}${hex2(level[i % 6])}`;
  }
  if (n >= 232 && n <= 255) return `#${hex2(8 + 10 * (n - 232)).repeat(3)}`;
  return THEME.foreground;
}

function parseStyle(text) {
  const style = { fg: undefined, bg: undefined, flags: new Set() };
  for (const part of (text ?? '').split(' ').filter(Boolean)) {
    if (part.startsWith('fg:')) style.fg = part.slice(3);
    else if (part.startsWith('bg:')) style.bg = part.slice(3);
    else style.flags.add(part);
  }
  return style;
}

/** What a cell looks like once inverse and invisible are applied: text colour, fill behind it, attributes. */
function paint(styleText) {
  const style = parseStyle(styleText);
  let fg = style.fg ? colourValue(style.fg) : THEME.foreground;
  let bg = style.bg ? colourValue(style.bg) : undefined;
  if (style.flags.has('inverse')) [fg, bg] = [bg ?? THEME.background, fg];
  if (style.flags.has('invisible')) fg = bg ?? THEME.background;
  return { fg, bg, flags: style.flags };
}

const CELL_W = 8.4;
const CELL_H = 18;
const FONT_SIZE = 14;
const PAD = 16;
const BAR = 30;
const FONT =
  "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'D2Coding', 'Noto Sans Mono CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', monospace";

const num = (x) => String(Math.round(x * 100) / 100);
const escapeXml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The cells of a row: the text's characters (a wide one spans two columns) with their style letters. */
function cellsOf(text, marks, cols) {
  const cells = [];
  let col = 0;
  for (const ch of text ?? '') {
    const width = eastAsianWidth(ch.codePointAt(0)) === 2 ? 2 : 1;
    cells.push({ ch, col, width, mark: marks?.[col] ?? ' ' });
    col += width;
  }
  // Styled blanks after the text (a cursor at the end of a field).
  for (; marks && col < Math.min(marks.length, cols); col++)
    cells.push({ ch: ' ', col, width: 1, mark: marks[col] ?? ' ' });
  return cells;
}

/** One screen of a parsed walk as an SVG document (a terminal window titled `title`). */
export function renderSvg(walk, screen, title) {
  const width = walk.cols * CELL_W + 2 * PAD;
  const height = walk.rows * CELL_H + 2 * PAD + BAR;
  const classes = new Map();
  const classOf = (key) => {
    if (!classes.has(key)) classes.set(key, `s${classes.size}`);
    return classes.get(key);
  };
  const body = [];
  for (let r = 0; r < walk.rows; r++) {
    const cells = cellsOf(screen.rows[r], screen.marks.get(r), walk.cols);
    const top = BAR + PAD + r * CELL_H;
    const baseline = top + 13.5;
    // Backgrounds first, merged along the row.
    let run;
    const flush = () => {
      if (run)
        body.push(
          `<rect x="${num(PAD + run.col * CELL_W)}" y="${num(top)}" width="${num(run.width * CELL_W)}" height="${CELL_H}" fill="${run.bg}"/>`,
        );
      run = undefined;
    };
    for (const cell of cells) {
      const { bg } = paint(screen.legend.get(cell.mark));
      if (bg && run && run.bg === bg && run.col + run.width === cell.col) run.width += cell.width;
      else {
        flush();
        if (bg) run = { bg, col: cell.col, width: cell.width };
      }
    }
    flush();
    // Then the text: one element per word of one style, placed on its first cell and stretched to its
    // cells (textLength); a wide character alone, centred on its two cells. The grid holds whatever
    // monospace font the viewer has, and whether or not it knows textLength.
    let word;
    const emit = () => {
      if (word)
        body.push(
          `<text class="${word.cls}" x="${num(PAD + word.col * CELL_W)}" y="${num(baseline)}" textLength="${num(word.cells * CELL_W)}">${escapeXml(word.chars)}</text>`,
        );
      word = undefined;
    };
    for (const cell of cells) {
      if (cell.ch === ' ') {
        emit();
        continue;
      }
      const { fg, flags } = paint(screen.legend.get(cell.mark));
      const key = [fg, ...[...flags].filter((f) => f !== 'inverse' && f !== 'invisible').sort()].join(' ');
      const cls = classOf(key);
      if (cell.width === 2) {
        emit();
        body.push(
          `<text class="${cls} w" x="${num(PAD + (cell.col + 1) * CELL_W)}" y="${num(baseline)}">${escapeXml(cell.ch)}</text>`,
        );
        continue;
      }
      if (!word || word.cls !== cls) {
        emit();
        word = { cls, col: cell.col, cells: 0, chars: '' };
      }
      word.cells += cell.width;
      word.chars += cell.ch;
    }
    emit();
  }
  const css = [...classes].map(([key, cls]) => {
    const [fg, ...flags] = key.split(' ');
    const rules = [`fill:${fg}`];
    if (flags.includes('bold')) rules.push('font-weight:bold');
    if (flags.includes('dim')) rules.push('opacity:0.6');
    if (flags.includes('italic')) rules.push('font-style:italic');
    const lines = [
      flags.includes('underline') && 'underline',
      flags.includes('strike') && 'line-through',
      flags.includes('overline') && 'overline',
    ].filter(Boolean);
    if (lines.length > 0) rules.push(`text-decoration:${lines.join(' ')}`);
    return `.${cls}{${rules.join(';')}}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>text{font-family:${FONT};font-size:${FONT_SIZE}px}.w{text-anchor:middle}${css.join('')}</style>`,
    `<rect width="${num(width)}" height="${num(height)}" rx="8" fill="${THEME.background}"/>`,
    `<path d="M0 ${BAR}V8a8 8 0 0 1 8-8H${num(width - 8)}a8 8 0 0 1 8 8V${BAR}Z" fill="${THEME.chrome}"/>`,
    `<circle cx="18" cy="15" r="5.5" fill="#ff5f57"/><circle cx="36" cy="15" r="5.5" fill="#febc2e"/><circle cx="54" cy="15" r="5.5" fill="#28c840"/>`,
    `<text x="${num(width / 2)}" y="19.5" text-anchor="middle" style="fill:${THEME.title};font-size:12px">${escapeXml(`openai-topup · ${walk.cols}×${walk.rows}`)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** The SVG of one picture from the text of its walk's snapshot. */
export function pictureSvg(picture, walkText) {
  const walk = parseWalk(walkText);
  const screen = walk.screens.find((s) => s.name === picture.screen);
  if (!screen) throw new Error(`no screen "${picture.screen}" in walk ${picture.walk}`);
  return renderSvg(walk, screen, picture.alt);
}

export const README_START = '<!-- screens:start (npm run screens writes this part) -->';
export const README_END = '<!-- screens:end -->';

/** The README's part between the markers: the pictures, then one screen as text. */
export function readmeSection(walkTexts) {
  const lines = [README_START, ''];
  for (const picture of PICTURES) lines.push(`![${picture.alt}](docs/screens/${picture.file})`, '');
  const walk = parseWalk(walkTexts(TEXT_CAPTURE.walk));
  const screen = walk.screens.find((s) => s.name === TEXT_CAPTURE.screen);
  if (!screen) throw new Error(`no screen "${TEXT_CAPTURE.screen}" in walk ${TEXT_CAPTURE.walk}`);
  const text = screen.rows
    .map((row) => row ?? '')
    .join('\n')
    .replace(/\n+$/, '');
  lines.push(
    `The same amount step as text (${walk.cols}×${walk.rows}, Korean, colours left out):`,
    '',
    '```',
    text,
    '```',
    '',
    README_END,
  );
  return lines.join('\n');
}

/** The README with its section replaced. */
export function withReadmeSection(readme, section) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the screens markers');
  return readme.slice(0, start) + section + readme.slice(end + README_END.length);
}

/** The README's current section, or undefined. */
export function readmeSectionOf(readme) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  return start < 0 || end < start ? undefined : readme.slice(start, end + README_END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const walkText = (id) => readFileSync(join(root, 'test/golden', `${id}.txt`), 'utf8');
  for (const picture of PICTURES)
    writeFileSync(join(root, 'docs/screens', picture.file), pictureSvg(picture, walkText(picture.walk)));
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, withReadmeSection(readFileSync(readmePath, 'utf8'), readmeSection(walkText)));
  console.log(`${PICTURES.length} pictures in docs/screens/, and the README's section`);
}
