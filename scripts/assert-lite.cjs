// node:assert for undici inside the bundle. undici checks its invariants with assert(value) and no
// message; Node then builds the message by reading the calling file and parsing it with acorn, and in
// this bundle that file is megabytes of minified code: a server that breaks an invariant (a 101 answer
// to a POST) froze `check` for many seconds at full CPU. This throws the same kind of error at once.
'use strict';

function assert(value, message) {
  if (value) return;
  if (message instanceof Error) throw message;
  const error = new Error(message ?? 'assertion failed (undici)');
  error.name = 'AssertionError';
  error.code = 'ERR_ASSERTION';
  throw error;
}
assert.ok = assert;
module.exports = assert;
