// ink-testing-library renders at its fixed 100 columns: the width at which the step list stays open.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app.js';
import { initialState } from '../../src/wizard/reducer.js';
import { settle } from '../helpers/render.js';

describe('at 100 columns (ink-testing-library)', () => {
  it('keeps the step list beside the screen, and it follows the keys', async () => {
    const { lastFrame, stdin, unmount } = render(
      <App
        initial={initialState('ko')}
        ui={{ ascii: false, color: false, screenReader: false }}
        onExit={() => undefined}
      />,
    );
    try {
      await settle();
      expect(lastFrame()).toContain('전체 단계');
      expect(lastFrame()).toContain('● 1. 시작');
      stdin.write('\r');
      await settle();
      expect(lastFrame()).toContain('2/14 로그인');
      expect(lastFrame()).toContain('● 2. 로그인');
      expect(lastFrame()).toContain('✓ 1. 시작');
    } finally {
      unmount();
    }
  });
});
