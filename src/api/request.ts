/** The guide's test request: exactly the blog post's curl body, plus streaming when the tool sends it. */

/** The API root when nothing else is said. */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The guide's two messages, word for word. */
export const TEST_MESSAGES = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'Write a haiku that explains the concept of recursion.' },
] as const;

/** The JSON body of the test call; with a cap on the reply's tokens where one is set (a team file's model). */
export function chatBody(model: string, stream: boolean, maxTokens?: number): Record<string, unknown> {
  const limit = maxTokens === undefined ? {} : { max_completion_tokens: maxTokens };
  return stream
    ? { model, messages: TEST_MESSAGES, ...limit, stream: true, stream_options: { include_usage: true } }
    : { model, messages: TEST_MESSAGES, ...limit };
}

/** Joins the API root and a path: a trailing slash on the root is fine. */
export function endpoint(baseUrl: string, path: '/models' | '/chat/completions'): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The curl command equivalent to what is sent, laid out like the guide's, with `$OPENAI_API_KEY` where the
 * key goes. Lines end in ` \` so the whole block pastes as one command.
 */
export function curlCommand(baseUrl: string, model: string, stream: boolean): string {
  const body = JSON.stringify(chatBody(model, stream), null, 4)
    .split('\n')
    .map((line, index) => (index === 0 ? line : `    ${line}`))
    .join('\n');
  return [
    `curl ${stream ? '-N ' : ''}"${endpoint(baseUrl, '/chat/completions')}" \\`,
    '    -H "Content-Type: application/json" \\',
    '    -H "Authorization: Bearer $OPENAI_API_KEY" \\',
    `    -d '${body}'`,
  ].join('\n');
}

/**
 * The same command in ten short lines, for screens: every line fits 80 columns, so the terminal never
 * breaks one (a break inside the JSON string would not paste back).
 */
export function curlCommandCompact(baseUrl: string, model: string): string {
  const [system, user] = TEST_MESSAGES;
  return [
    `curl -N "${endpoint(baseUrl, '/chat/completions')}" \\`,
    '  -H "Content-Type: application/json" \\',
    '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
    `  -d '{"model": ${JSON.stringify(model)}, "stream": true,`,
    '       "stream_options": {"include_usage": true},',
    '       "messages": [',
    `         {"role": "system", "content": ${JSON.stringify(system.content)}},`,
    '         {"role": "user",',
    `          "content": ${JSON.stringify(user.content)}}]}'`,
  ].join('\n');
}
