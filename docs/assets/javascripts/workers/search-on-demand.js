// Material's search worker, loaded only when the page first sends it something.
//
// The page sends the search index, and it asks for the index only once a reader
// opens search (overrides/partials/search-on-demand.html), so a reader who never
// searches never downloads the worker or the index: a third of a first visit.
// This file sits beside Material's worker so the worker finds its language files
// where it expects them.
"use strict";

const WORKER_NAME = /^search\.[0-9a-f]+\.min\.js$/;

addEventListener("message", function loadWorker(event) {
  removeEventListener("message", loadWorker);
  const name = new URL(location.href).searchParams.get("worker") || "";
  if (!WORKER_NAME.test(name)) {
    throw new Error(`search-on-demand.js: '${name}' is not Material's search worker`);
  }
  importScripts(name); // adds Material's own message listener
  dispatchEvent(new MessageEvent("message", { data: event.data }));
});
