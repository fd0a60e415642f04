/** The terminal's size, updated on resize (Ink 6 has no useWindowSize). */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Columns and rows; rows is undefined where the stream does not know it (tests, pipes). */
export function useTerminalSize(fallbackColumns = 80): { columns: number; rows: number | undefined } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || fallbackColumns, rows: stdout.rows || undefined });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  });
  return size;
}
