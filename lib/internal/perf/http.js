'use strict';
// 'http' performance entries (HttpRequest for a server's request, HttpClient for a
// client's), made only while a PerformanceObserver observes 'http': the timings
// come from the http modules' diagnostics channels, which this subscribes to for
// as long as such an observer exists. With none, the http paths do no more than
// the channels' own hasSubscribers checks they make anyway.

const { SafeWeakMap } = primordials;

const dc = require('diagnostics_channel');

// Request (server: its response; client: the ClientRequest) -> start time.
let started = new SafeWeakMap();
let subscribed = false;

function perf() { return require('internal/perf'); }

function entry(name, startTime, req, res) {
  const { makeEntry, PerformanceNodeEntry, now } = perf();
  const detail = { req, res };
  const e = makeEntry(PerformanceNodeEntry, { name, entryType: 'http', startTime, duration: now() - startTime, detail });
  require('internal/perf/observe').enqueue(e);
}

function onServerStart({ response }) {
  started.set(response, perf().now());
}

function onServerFinish({ request, response }) {
  const startTime = started.get(response);
  if (startTime === undefined) return;
  started.delete(response);
  entry('HttpRequest', startTime,
    { method: request.method, url: request.url, headers: request.headers },
    { statusCode: response.statusCode, statusMessage: response.statusMessage, headers: response.getHeaders() });
}

function onClientStart({ request }) {
  started.set(request, perf().now());
}

function onClientFinish({ request, response }) {
  const startTime = started.get(request);
  if (startTime === undefined) return;
  started.delete(request);
  entry('HttpClient', startTime,
    { method: request.method, url: `${request.protocol}//${request.host}${request.path}`, headers: request.getHeaders() },
    { statusCode: response.statusCode, statusMessage: response.statusMessage, headers: response.headers });
}

const hooks = [
  ['http.server.request.start', onServerStart], ['http.server.response.finish', onServerFinish],
  ['http.client.request.start', onClientStart], ['http.client.response.finish', onClientFinish],
];

// Whether some observer observes 'http': subscribes or unsubscribes the hooks.
function observeHttp(on) {
  if (on === subscribed) return;
  subscribed = on;
  for (let i = 0; i < hooks.length; i++) {
    if (on) dc.subscribe(hooks[i][0], hooks[i][1]);
    else dc.unsubscribe(hooks[i][0], hooks[i][1]);
  }
  if (!on) started = new SafeWeakMap();
}

module.exports = { observeHttp };
