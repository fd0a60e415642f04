/** Text files (the wireframes) are bundled as strings: esbuild's text loader, and a Vite plugin in tests. */
declare module '*.txt' {
  const text: string;
  export default text;
}
