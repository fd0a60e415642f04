/**
 * The parts of undici 7 the test call uses (Agent, ProxyAgent and the request API), imported from
 * undici's own modules rather than its index, which also loads fetch, WebSocket, the cache and the mocks:
 * about 6 MB less at the peak of a --demo walk (bench/results.json). The types are undici's own.
 */
import type * as Undici from 'undici';
// @ts-expect-error undici publishes types for its index only
import requestApi from 'undici/lib/api/index.js';
// @ts-expect-error undici publishes types for its index only
import AgentModule from 'undici/lib/dispatcher/agent.js';
// @ts-expect-error undici publishes types for its index only
import DispatcherModule from 'undici/lib/dispatcher/dispatcher.js';
// @ts-expect-error undici publishes types for its index only
import ProxyAgentModule from 'undici/lib/dispatcher/proxy-agent.js';

// What undici's index does on load: give every dispatcher its request(), stream(), … methods.
Object.assign((DispatcherModule as { prototype: object }).prototype, requestApi);

export const Agent = AgentModule as typeof Undici.Agent;
export const ProxyAgent = ProxyAgentModule as typeof Undici.ProxyAgent;
export type Dispatcher = Undici.Dispatcher;
