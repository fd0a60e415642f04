/**
 * Keys that arrive together, in a real terminal: each case is ONE write to the pseudo-terminal, as tmux
 * send-keys with several keys, a fast typist over SSH or a paste delivers them (npm run build first).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toSaved } from '../../src/store/progress.js';
import { initialState } from '../../src/wizard/reducer.js';
import { type StepId, stepIndex } from '../../src/wizard/steps.js';
import { freshConfigHome } from '../helpers/cli.js';
import { PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);
const FAKE = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
const { enter, backspace, down } = PTY_KEYS;
const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;

/** A --demo run (or a run with these args) resumed at `step`: saved progress there, then Enter on the offer. */
async function runAt(step: StepId, args: readonly string[] = ['--demo']) {
  const config = freshConfigHome();
  const index = stepIndex(step);
  const file = join(config, 'openai-topup', args.includes('--demo') ? 'progress-demo.json' : 'progress.json');
  mkdirSync(join(config, 'openai-topup'), { recursive: true });
  writeFileSync(file, JSON.stringify(toSaved({ ...initialState('en'), index, reached: index })));
  const run = start([...args], { env: { XDG_CONFIG_HOME: config }, rows: 40 });
  await run.waitForText(`Continue at step ${index + 1}`);
  run.write(enter);
  // The offer itself says "step N/14": wait for the step's own screen, or keys meant for it reach the offer.
  await run.waitFor(
    (screen) => screen.startsWith(`${index + 1}/14 `) && !screen.includes('Continue at step'),
    `step ${index + 1}`,
  );
  /** The saved answers, once they pass a check (saving runs after the screen changes). */
  const savedAnswers = async (check: (answers: Record<string, unknown>) => boolean) => {
    let answers: Record<string, unknown> = {};
    await run.waitFor(() => {
      try {
        answers = JSON.parse(readFileSync(file, 'utf8')).answers ?? {};
      } catch {
        return false;
      }
      return check(answers);
    }, 'the answers to be saved');
    return answers;
  };
  return { run, savedAnswers };
}

describe('keys sent in one write, in a real terminal', () => {
  it('Backspace Backspace 2 5 Enter on the amount turns $10 into $25 and goes on to step 9', async () => {
    const { run, savedAnswers } = await runAt('amount');
    await run.waitForText('$10');
    run.write(`${backspace}${backspace}25${enter}`);
    await run.waitForText('9/14');
    expect((await savedAnswers((a) => a.amount !== undefined)).amount).toBe('25');
  });

  it('the same on the auto-recharge threshold after choosing "Keep it on"', async () => {
    const { run } = await runAt('auto-recharge');
    await run.waitForText('Keep it on');
    run.write(`${down}${enter}`);
    await run.waitForText('falls below: $5');
    run.write(`${backspace}${backspace}25${enter}`);
    const screen = await run.waitForText('back up to');
    expect(screen).toContain('falls below: $25');
    expect(screen).toContain('9/14');
  });

  it('Enter Enter on a guide screen moves two steps', async () => {
    const { run } = await runAt('login');
    run.write(`${enter}${enter}`);
    await run.waitForText('4/14');
  });

  it('↓ Enter on a choice chooses the second option', async () => {
    const { run, savedAnswers } = await runAt('account-type');
    await run.waitForText('Choose Individual or Company');
    run.write(`${down}${enter}`);
    await run.waitForText('7/14');
    expect((await savedAnswers((a) => a.accountType !== undefined)).accountType).toBe('company');
  });

  it('a key pasted with its newline, without brackets, is filled in and submitted', async () => {
    const { run } = await runAt('api-key', ['--base-url', 'http://127.0.0.1:9/v1']);
    await run.waitForText('nothing yet');
    run.write(`${FAKE}\n`);
    await run.waitForText('13/14');
    expect(run.raw()).not.toContain(FAKE);
  });

  it('a bracketed paste holding a newline is filled in and not submitted; Enter after it submits', async () => {
    const { run } = await runAt('api-key', ['--base-url', 'http://127.0.0.1:9/v1']);
    await run.waitForText('nothing yet');
    run.write(paste(`${FAKE}\n`));
    const screen = await run.waitForText(`${FAKE.length} characters`);
    expect(screen).toContain('12/14');
    run.write(enter);
    await run.waitForText('13/14');
  });

  it('70 Backspaces in one write delete 70 characters', async () => {
    const { run } = await runAt('api-key', ['--base-url', 'http://127.0.0.1:9/v1']);
    await run.waitForText('nothing yet');
    run.write(paste(FAKE));
    await run.waitForText(`${FAKE.length} characters`);
    run.write(backspace.repeat(70));
    await run.waitForText(`${FAKE.length - 70} characters`);
  });

  it('Esc alone still acts as Esc: it leaves the field and goes back', async () => {
    const { run } = await runAt('amount');
    await run.waitForText('$10');
    run.write(PTY_KEYS.escape);
    await run.waitForText('7/14');
  });

  // A key that puts another view up: the keys after it in the same write act on that view.
  it('Enter, a key and Enter from the balance step: the key reaches the API-key field and is used', async () => {
    const { run } = await runAt('balance', ['--base-url', 'http://127.0.0.1:9/v1']);
    run.write(`${enter}${FAKE}${enter}`);
    const screen = await run.waitFor(
      (text) => text.startsWith('13/14') && !text.includes('Checking'),
      'the test-call step with its answer',
    );
    expect(screen).not.toContain('There is no key yet');
    expect(run.raw()).not.toContain(FAKE);
  });

  it('Enter ↓ Enter from the amount: "Keep it on" is chosen on the next screen', async () => {
    const { run, savedAnswers } = await runAt('amount');
    await run.waitForText('$10');
    run.write(`${enter}${down}${enter}`);
    await run.waitForText('falls below: $5');
    expect((await savedAnswers((a) => a.amount !== undefined)).amount).toBe('10');
  });

  it('s ↑ Enter opens the step list, moves up and jumps there', async () => {
    const { run } = await runAt('settings');
    run.write(`s${PTY_KEYS.up}${enter}`);
    await run.waitFor((text) => text.startsWith('2/14 '), 'step 2');
  });

  it('Tab Enter on a short terminal: the longer text opens and closes, then Enter moves on', async () => {
    const run = start(['--demo'], { cols: 40, rows: 15, env: { XDG_CONFIG_HOME: freshConfigHome() } });
    await run.waitForText('Tab more');
    run.write('\t');
    await run.waitForText('scroll');
    run.write(`\t${enter}`);
    await run.waitFor((text) => text.startsWith('2/14 '), 'step 2');
  });

  it('Ctrl with function keys (Ctrl+F1, Ctrl+F12, a made-up one) does nothing; the next Enter still acts', async () => {
    const run = start(['--demo'], { sttyAfter: true });
    await run.waitForText('1/14');
    // Ink 6.8 alone would throw on each of these: the wizard ended with an internal error.
    run.write('\u001b[1;5P\u001b[24;5~\u001b[5w');
    run.write(enter);
    await run.waitForText('2/14');
    run.write('q');
    const { code } = await run.afterExit();
    expect(code).toBe(0);
  });
});
