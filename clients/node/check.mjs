// The official `openai` npm package, unchanged but for its base URL and key, against a running AuditGate: the
// scenarios of the Java SDK's (src/test/java/io/auditgate/it/OpenAiSdkCases.java), one line each, then a count.
// The SDK never retries here (maxRetries 0), so each error is the gateway's first answer. Loopback only.
//
// Usage: node check.mjs [--simulator URL] [--restricted-key KEY] BASE_URL KEY
//   BASE_URL  the gateway's OpenAI base URL, e.g. http://127.0.0.1:8080/v1
//   KEY       a key of the local profile's demo tenant (README)
//   --simulator       the Bedrock simulator's admin endpoint: the scenarios that script the model's answer or make
//                     it fail (PII split across deltas, a cut stream, throttling, tool arguments) need it
//   --restricted-key  the demo-restricted tenant's key (strict guardrail profile, one model); default: the
//                     published demo key of src/main/resources/local/tenants.json
// Exit status: 0 every scenario passed or was skipped, 1 a scenario failed, 2 bad command line.
import assert from 'node:assert/strict';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { VERSION } from 'openai/version';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
// on the demo tenant's list, not on demo-restricted's
const SONNET = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
// a Bedrock model no demo tenant may use
const TITAN = 'amazon.titan-text-lite-v1';
const DEMO_RESTRICTED_KEY = 'ag_9aae0afd_oEn3rISoy4ElGt2rNgqlUptU22gqNJ0Km72DebFLkUc';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Thrown by a scenario that cannot run against this gateway yet: reported, not counted as a failure. */
class Skip extends Error {}

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { simulator: { type: 'string' }, 'restricted-key': { type: 'string', default: DEMO_RESTRICTED_KEY } },
});
if (positionals.length !== 2) {
  console.error('usage: node check.mjs [--simulator URL] [--restricted-key KEY] BASE_URL KEY');
  process.exit(2);
}
const [baseURL, key] = positionals;
for (const url of [baseURL, options.simulator].filter(Boolean)) {
  if (!LOOPBACK.has(new URL(url).hostname)) {
    console.error(`refused: ${url} is not a loopback address`);
    process.exit(2);
  }
}

function client(apiKey = key) {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20_000 });
}

function chat(model, prompt, extra = {}) {
  return { model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: prompt }], ...extra };
}

async function chunksOf(params, apiKey = key) {
  const chunks = [];
  for await (const chunk of await client(apiKey).chat.completions.create({ ...params, stream: true })) {
    chunks.push(chunk);
  }
  return chunks;
}

const textOf = (chunks) => chunks.flatMap((c) => c.choices).map((c) => c.delta?.content ?? '').join('');

/** The error a call rejects with, which must be an instance of `type`. */
async function failure(type, call) {
  let error;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected ${type.name}, but the call succeeded`);
  assert.ok(error instanceof type, `expected ${type.name}, got ${error.constructor?.name}: ${error.message}`);
  return error;
}

// error.headers is a Headers object in the SDK's newer majors and a plain object in older ones
function header(error, name) {
  const headers = error.headers;
  return typeof headers?.get === 'function' ? headers.get(name) : headers?.[name];
}

async function simulator(method, path, body) {
  if (!options.simulator) {
    throw new Skip('needs --simulator (the Bedrock simulator admin endpoint)');
  }
  const response = await fetch(new URL(path, options.simulator), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `simulator ${method} ${path}: ${response.status}`);
}

async function aChat() {
  const completion = await client().chat.completions.create(chat(HAIKU, 'Tell me about Rome', { seed: 7 }));

  assert.match(completion.id, /^chatcmpl-/);
  assert.equal(completion.model, HAIKU);
  assert.ok(completion.choices[0].message.content.trim(), 'an answer text');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  const usage = completion.usage;
  assert.ok(usage.total_tokens > 0);
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
}

async function aStreamedChat() {
  // the e-mail address split across three deltas: the stream must mask it exactly as the whole answer is masked
  const chunks = ['Sure, I mailed jane.pl', 'anted@exam', 'ple.com today.'];
  await simulator('POST', '/_sim/answers', { chunks, times: 2 });
  const params = chat(HAIKU, 'Confirm the contact details');

  const whole = (await client().chat.completions.create(params)).choices[0].message.content;
  const streamed = await chunksOf(params);

  const text = textOf(streamed);
  assert.equal(text, whole);
  assert.ok(text.includes('[EMAIL_') && !text.includes('jane.pl') && !text.includes('anted@'), `not masked: ${text}`);
  assert.ok(streamed[0].choices[0].delta.role, 'the first chunk names the role');
  assert.ok(streamed.every((c) => c.id === streamed[0].id), 'one id for every chunk');
  assert.equal(streamed.at(-1).choices[0].finish_reason, 'stop');
  assert.ok(streamed.every((c) => c.usage == null), 'no usage unless asked for');
}

async function theUsageChunk() {
  const chunks = await chunksOf(chat(HAIKU, 'Tell me about Rome', { stream_options: { include_usage: true } }));

  const last = chunks.at(-1);
  assert.deepEqual(last.choices, []);
  assert.ok(last.usage.completion_tokens > 0);
}

async function aCutStream() {
  await simulator('POST', '/_sim/faults', { fault: 'stream-drop', times: 1, model: HAIKU });

  const e = await failure(OpenAI.APIError, () => chunksOf(chat(HAIKU, 'Tell me about Rome')));

  assert.equal(e.code, 'upstream_error');
  assert.equal(e.type, 'server_error');
}

async function models() {
  const ids = (await client().models.list()).data.map((m) => m.id);
  const one = await client().models.retrieve(HAIKU);

  assert.ok(ids.includes(HAIKU) && !ids.includes(TITAN), `listed: ${ids}`);
  assert.deepEqual(ids, [...ids].sort());
  assert.equal(one.id, HAIKU);
  assert.equal(one.owned_by, 'anthropic');
  assert.equal((await failure(OpenAI.NotFoundError, () => client().models.retrieve(TITAN))).code, 'model_not_found');
}

async function unauthorized() {
  const wrong = 'ag_wrong_key';
  const e = await failure(OpenAI.AuthenticationError, () => client(wrong).chat.completions.create(chat(HAIKU, 'Hi')));

  assert.equal(e.status, 401);
  assert.equal(e.code, 'invalid_api_key');
  assert.ok(header(e, 'x-request-id'), 'an x-request-id header');
  await failure(OpenAI.AuthenticationError, () => client(wrong).models.list());
}

async function permissionDenied() {
  const e = await failure(OpenAI.PermissionDeniedError,
    () => client(options['restricted-key']).chat.completions.create(chat(SONNET, 'Hi')));

  assert.equal(e.status, 403);
  assert.equal(e.code, 'model_not_allowed');
  assert.equal(header(e, 'x-should-retry'), 'false');
}

async function notFound() {
  const e = await failure(OpenAI.NotFoundError, () => client().chat.completions.create(chat('gpt-4o', 'Hi')));

  assert.equal(e.status, 404);
  assert.equal(e.code, 'model_not_found');
  assert.equal(e.param, 'model');
}

async function badRequest() {
  const e = await failure(OpenAI.BadRequestError,
    () => client().chat.completions.create(chat(HAIKU, 'Hi', { temperature: 1.5 })));
  const choices = await failure(OpenAI.BadRequestError,
    () => client().chat.completions.create(chat(HAIKU, 'Hi', { n: 2 })));

  assert.equal(e.status, 400);
  assert.equal(e.param, 'temperature');
  assert.equal(e.type, 'invalid_request_error');
  assert.equal(choices.param, 'n');
}

async function unprocessable() {
  // demo-restricted's strict profile refuses card numbers
  const e = await failure(OpenAI.UnprocessableEntityError, () => client(options['restricted-key']).chat.completions
    .create(chat(HAIKU, 'Card 4111111111111111, mail jane@example.com')));

  assert.equal(e.status, 422);
  assert.equal(e.code, 'prompt_blocked');
  assert.equal(header(e, 'x-should-retry'), 'false');
  assert.ok(!e.message.includes('4111111111111111'), 'the card number is not echoed');
}

async function rateLimited() {
  // every call to this model is throttled (the gateway's own retries too) until the rules are cleared
  await simulator('POST', '/_sim/faults', { fault: 'throttle', times: -1, model: SONNET });

  const e = await failure(OpenAI.RateLimitError, () => client().chat.completions.create(chat(SONNET, 'Hi')));

  assert.equal(e.status, 429);
  assert.equal(e.code, 'throttled');
  assert.ok(header(e, 'retry-after'), 'a retry-after header');
}

const LOOKUP = {
  type: 'function',
  function: {
    name: 'lookup_order',
    description: 'Finds an order by its number and says where it is.',
    parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
  },
};
// the simulator calls a tool when the last user text says "use tool NAME" (docs/simulator.md, "Tool use")
const TOOL_PROMPT = 'Where is order 42? use tool lookup_order';
const PLANTED = 'jane.planted@example.com';
const LEAKED = 'LEAKED: the model saw the planted value';

/** The gateway refuses tools with 400 until tool use lands: then the tool scenarios are skipped, not failed. */
async function offeringTools(call) {
  try {
    return await call();
  } catch (e) {
    if (e instanceof OpenAI.BadRequestError && ['tools', 'tool_choice'].includes(e.param)
        && /not supported/i.test(e.message)) {
      throw new Skip(`this gateway refuses tools yet (param ${e.param}: ${e.message})`);
    }
    throw e;
  }
}

/**
 * A leak trap: a prompt holding PLANTED that reaches the model is answered LEAKED; and the model's next tool call
 * writes PLANTED into its arguments, which the client must get screened.
 */
async function plantPersonalData() {
  await simulator('POST', '/_sim/answers', { text: LEAKED, times: -1, promptContains: PLANTED });
  await simulator('POST', '/_sim/answers', { toolInput: { order_id: '42', notify: PLANTED }, times: 1 });
}

function toolChat(...messages) {
  return { model: HAIKU, tools: [LOOKUP], messages: [{ role: 'user', content: TOOL_PROMPT }, ...messages] };
}

/** The OpenAI stream's tool calls, put together from their fragments by index. */
function toolCallsOf(chunks) {
  const calls = [];
  for (const delta of chunks.flatMap((c) => c.choices).map((c) => c.delta)) {
    for (const part of delta?.tool_calls ?? []) {
      const call = (calls[part.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
      call.id += part.id ?? '';
      call.function.name += part.function?.name ?? '';
      call.function.arguments += part.function?.arguments ?? '';
    }
  }
  return calls;
}

/** The one call the model made, its arguments screened: the e-mail address it wrote is masked, the rest kept. */
function assertScreenedLookup(calls) {
  assert.equal(calls.length, 1);
  assert.match(calls[0].id, /^tooluse_/);
  assert.equal(calls[0].function.name, 'lookup_order');
  const args = JSON.parse(calls[0].function.arguments);
  assert.equal(args.order_id, '42');
  assert.ok(args.notify.includes('[EMAIL_') && !args.notify.includes(PLANTED), `unmasked arguments: ${args.notify}`);
}

function toolTurn(content, call) {
  return [{ role: 'assistant', content: content || null, tool_calls: [call] },
    { role: 'tool', tool_call_id: call.id, content: `Order 42 left the depot; notify ${PLANTED}` }];
}

/** The simulator echoes the tool result it received: masked, and the leak trap never sprung. */
function assertToolResultMasked(text) {
  assert.ok(text.includes('The tool lookup_order returned'), `the tool result is not echoed: ${text}`);
  assert.ok(text.includes('[EMAIL_') && !text.includes(PLANTED) && !text.includes(LEAKED), `not masked: ${text}`);
}

async function aToolRoundTrip() {
  await plantPersonalData();

  const first = await offeringTools(() => client().chat.completions.create(toolChat()));

  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  const { content, tool_calls: calls } = first.choices[0].message;
  assertScreenedLookup(calls);
  const answer = await client().chat.completions.create(toolChat(...toolTurn(content, calls[0])));
  assert.equal(answer.choices[0].finish_reason, 'stop');
  assertToolResultMasked(answer.choices[0].message.content);
}

async function aStreamedToolRoundTrip() {
  await plantPersonalData();

  const chunks = await offeringTools(() => chunksOf(toolChat()));

  assert.equal(chunks.at(-1).choices[0].finish_reason, 'tool_calls');
  const calls = toolCallsOf(chunks);
  assertScreenedLookup(calls);
  const answer = await chunksOf(toolChat(...toolTurn(textOf(chunks), calls[0])));
  assert.equal(answer.at(-1).choices[0].finish_reason, 'stop');
  assertToolResultMasked(textOf(answer));
}

// 100 bytes that start as a PNG file does: the simulator names the format and size of each image it is shown
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(92, 7)]);

/** The demo tenant allows images; demo-restricted does not (400 naming the content part). */
async function anImage() {
  const params = {
    model: HAIKU,
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
      ] },
    ],
  };
  const completion = await client().chat.completions.create(params);
  const e = await failure(OpenAI.BadRequestError,
    () => client(options['restricted-key']).chat.completions.create(params));

  assert.match(completion.choices[0].message.content, /I see 1 image\(s\) \(png, 100 bytes\)/);
  assert.equal(e.status, 400);
  assert.equal(e.param, 'messages[1].content[1]');
  assert.equal(e.code, 'invalid_request');
}

const SCENARIOS = [
  ['a chat', aChat],
  ['a streamed chat equals the chat, PII masked in both', aStreamedChat],
  ['the usage chunk when asked for', theUsageChunk],
  ['a stream the model cuts raises APIError (upstream_error)', aCutStream],
  ['models list and retrieve', models],
  ['401 AuthenticationError', unauthorized],
  ['403 PermissionDeniedError', permissionDenied],
  ['404 NotFoundError', notFound],
  ['400 BadRequestError', badRequest],
  ['422 UnprocessableEntityError', unprocessable],
  ['429 RateLimitError', rateLimited],
  ['a tool round trip, PII masked both ways', aToolRoundTrip],
  ['a streamed tool round trip, PII masked both ways', aStreamedToolRoundTrip],
  ['an image data URL reaches the model; a tenant without images gets 400', anImage],
];

console.log(`openai (npm) ${VERSION} against ${baseURL}`);
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, scenario] of SCENARIOS) {
  const started = performance.now();
  try {
    await scenario();
    counts.passed++;
    console.log(`PASS ${name} (${Math.round(performance.now() - started)} ms)`);
  } catch (e) {
    if (e instanceof Skip) {
      counts.skipped++;
      console.log(`SKIP ${name}: ${e.message}`);
    } else {
      counts.failed++;
      console.log(`FAIL ${name}: ${e?.constructor?.name}: ${e?.message}`);
    }
  } finally {
    // a rule a scenario left unused must not shape the next one
    if (options.simulator) {
      await simulator('DELETE', '/_sim/faults');
      await simulator('DELETE', '/_sim/answers');
    }
  }
}
console.log(`node-client: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
