// Runs inside the benchmark page (served as /bench-agent.js, before either SDK bundle). It drives
// whichever `connect.ChatSession` the page loaded, through the API both SDKs share, and records what
// the scenarios read back: distinct agent messages seen, when the last arrived, connection events.
/* eslint-env browser */
(function () {
  'use strict';
  var READ = 'application/vnd.amazonaws.connect.event.message.read';
  var PROBE = 'bench-probe';
  var tracked = {};
  /** When each websocket of the page was created (epoch ms): both SDKs open theirs with the global constructor. */
  var socketsOpenedAt = [];
  var NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      socketsOpenedAt.push(Date.now());
    }
  };

  /** `receiptThrottleMs` overrides the SDK's default receipt throttle (both SDKs take the same setting). */
  function configure(endpoint, receiptThrottleMs) {
    var config = { region: 'us-east-1', endpoint: endpoint };
    if (receiptThrottleMs) config.features = { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: receiptThrottleMs } };
    window.connect.ChatSession.setGlobalConfig(config);
  }

  /** Evaluates the bundle text inline and returns the milliseconds its evaluation took. */
  async function evaluateBundle(path) {
    var text = await (await fetch(path)).text();
    var script = document.createElement('script');
    script.textContent = text;
    var started = performance.now();
    document.head.appendChild(script);
    return performance.now() - started;
  }

  function newRecord(options) {
    return { ids: new Set(), target: options.target || 0, doneAt: 0, lastAt: 0, established: 0, establishedAt: 0, ended: false, endedResolve: null, probed: false, startedAt: 0, probedAt: 0 };
  }

  /** Epoch ms of every probe message the page's sessions showed (the tabs scenario's hand-over). */
  var probesSeenAt = [];

  function onAgentMessage(session, record, options, data) {
    if (data.Content === PROBE) probesSeenAt.push(Date.now());
    if (data.Content === PROBE && !record.probed) {
      record.probed = true;
      record.probedAt = performance.now();
    }
    if (data.Type !== 'MESSAGE' || data.ParticipantRole !== 'AGENT' || record.ids.has(data.Id)) return;
    record.ids.add(data.Id);
    record.lastAt = Date.now();
    if (record.target && record.ids.size === record.target) record.doneAt = record.lastAt;
    if (options.markRead) session.sendEvent({ contentType: READ, content: JSON.stringify({ messageId: data.Id }) }).catch(function () {});
  }

  function listen(session, record, options) {
    session.onMessage(function (event) { onAgentMessage(session, record, options, event.data); });
    session.onConnectionEstablished(function () {
      record.established += 1;
      record.establishedAt = Date.now();
    });
    session.onEnded(function () {
      record.ended = true;
      if (record.endedResolve) record.endedResolve();
    });
  }

  /** create() + connect() until the connection is established; resolves with the milliseconds it took. */
  async function open(key, chatDetails, options) {
    options = options || {};
    var record = newRecord(options);
    var started = performance.now();
    record.startedAt = started;
    var session = window.connect.ChatSession.create({ chatDetails: chatDetails, type: 'CUSTOMER', disableCSM: true });
    var established = new Promise(function (resolve) { session.onConnectionEstablished(resolve); });
    listen(session, record, options);
    await session.connect();
    await established;
    tracked[key] = { session: session, record: record };
    return performance.now() - started;
  }

  /** Milliseconds from create() to the first probe message seen (the session was opened with `open`). */
  async function firstProbeMs(key, timeoutMs) {
    var record = tracked[key].record;
    var deadline = performance.now() + timeoutMs;
    while (!record.probed && performance.now() < deadline) await new Promise(function (resolve) { setTimeout(resolve, 1); });
    return record.probed ? record.probedAt - record.startedAt : null;
  }

  /** Sends a customer message and records how its promise settled (outbox scenario). */
  function send(key, text) {
    var entry = tracked[key];
    var sends = entry.sends || (entry.sends = { started: 0, resolved: 0, rejected: 0, errors: {} });
    sends.started += 1;
    entry.session.sendMessage({ message: text, contentType: 'text/plain' }).then(
      function () { sends.resolved += 1; },
      function (error) {
        sends.rejected += 1;
        var type = (error && (error.type || error.name)) || 'unknown';
        sends.errors[type] = (sends.errors[type] || 0) + 1;
      },
    );
  }

  function sendResults(key) {
    return tracked[key].sends || { started: 0, resolved: 0, rejected: 0, errors: {} };
  }

  function progress(key) {
    var record = tracked[key].record;
    return { probed: record.probed, seen: record.ids.size, doneAt: record.doneAt, lastAt: record.lastAt, established: record.established, establishedAt: record.establishedAt, ended: record.ended };
  }

  /**
   * Waits (up to timeoutMs) for the chat.ended the emulator sends, then forgets the session. The timer is
   * cleared on the end and holds only the record, so nothing here keeps an ended session alive (that would
   * show up in the memory scenario as the SDK's).
   */
  function awaitEndAndForget(key, timeoutMs) {
    var record = tracked[key].record;
    delete tracked[key];
    if (record.ended) return Promise.resolve(true);
    return new Promise(function (resolve) {
      var timer = setTimeout(function () {
        record.endedResolve = null;
        resolve(false);
      }, timeoutMs);
      record.endedResolve = function () {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** Creation times of the page's websockets from `since` on (epoch ms). */
  function socketsOpened(since) {
    return socketsOpenedAt.filter(function (at) { return at >= since; });
  }

  /** Epoch ms of the first probe shown at or after `since`, or null after `timeoutMs`. */
  async function probeSeenAfter(since, timeoutMs) {
    var deadline = Date.now() + timeoutMs;
    var seen = function () { return probesSeenAt.find(function (at) { return at >= since; }); };
    while (seen() === undefined && Date.now() < deadline) await new Promise(function (resolve) { setTimeout(resolve, 1); });
    return seen() === undefined ? null : seen();
  }

  /**
   * After a reload: the session for the chat the page had, as an app following 5.0.0's "Handle Browser
   * Refresh" guidance writes it (create, connect, getTranscript and render). Resolves the milliseconds from
   * the reload's navigation start to the first item shown (onMessage or the transcript page) and to the
   * connection established.
   */
  async function resumeAfterReload(chatDetails) {
    var painted = 0;
    var live = 0;
    var paint = function () { if (!painted) painted = performance.now(); };
    var session = window.connect.ChatSession.create({ chatDetails: chatDetails, type: 'CUSTOMER', disableCSM: true });
    session.onMessage(paint);
    session.onConnectionEstablished(function () { if (!live) live = performance.now(); });
    await session.connect();
    var page = await session.getTranscript({ maxResults: 15, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' });
    if ((page.data.Transcript || []).length > 0) paint();
    while (!live) await new Promise(function (resolve) { setTimeout(resolve, 1); });
    return { paintedMs: painted, liveMs: live };
  }

  window.bench = {
    probeSeenAfter: probeSeenAfter,
    resumeAfterReload: resumeAfterReload,
    send: send,
    sendResults: sendResults,
    configure: configure, evaluateBundle: evaluateBundle, open: open, progress: progress, awaitEndAndForget: awaitEndAndForget, socketsOpened: socketsOpened, firstProbeMs: firstProbeMs };
})();
