// The parts of undici the test call never reaches, for the bundle (scripts/esbuild-options.mjs says why
// each is out). Each export keeps its shape and throws if reached, so a change in undici that starts
// using one fails loudly in the tests rather than quietly misbehaving.
'use strict';

function unused(what) {
  return () => {
    throw new Error(`openai-topup's bundle leaves out undici's ${what}`);
  };
}

// client-h2.js: HTTP/2 is negotiated only with allowH2, which the transport never sets.
const connectH2 = unused('HTTP/2 client');
// socks5-proxy-agent.js: SOCKS proxies are refused before a dispatcher is made (src/api/proxy-env.ts).
class Socks5ProxyAgent {
  constructor() {
    unused('SOCKS5 proxy agent')();
  }
}
// web/fetch/body.js: only FormData bodies go through fetch's body extraction; the call sends a string.
const extractBody = unused('FormData body');
// node:http: undici reads IncomingMessage (to clean up a request body that is one: never, here) and
// http.maxHeaderSize, the default limit on a response's headers. Node takes that from
// --max-http-header-size (on the command line or in NODE_OPTIONS), else 16 KiB: read the same way here,
// without loading node:http.
class IncomingMessage {}

/** --max-http-header-size as Node reads it from its arguments and NODE_OPTIONS (the last one wins). */
function maxHeaderSize(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const words = [...nodeOptions.split(/\s+/), ...execArgv];
  let size = 16384;
  for (let i = 0; i < words.length; i++) {
    const match = /^--max-http-header-size(?:=(\d+))?$/.exec(words[i]);
    const value = match && (match[1] ?? words[i + 1]);
    if (value && /^\d+$/.test(value) && Number(value) > 0) size = Number(value);
  }
  return size;
}

module.exports = { connectH2, Socks5ProxyAgent, extractBody, IncomingMessage, maxHeaderSize };
