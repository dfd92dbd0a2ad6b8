// Material's search worker, started on its first message: the search index, which the page
// sends only once the reader opens the search (overrides/partials/search-on-demand.html).
// The page gives Material's worker file after the « # ». This file sits in Material's worker
// folder because that worker loads its French stemmer from ../lunr, relative to its own address.
addEventListener("message", function start(event) {
  removeEventListener("message", start);
  importScripts(decodeURIComponent(location.hash.slice(1)));
  dispatchEvent(new MessageEvent("message", { data: event.data }));
});
