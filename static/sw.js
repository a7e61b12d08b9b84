// Assay's service worker: it keeps this build's own files, so that after one visit the app
// opens and reads a release with the network gone. It fetches nothing but the files listed
// here, all of this site, and answers nothing outside its scope.
//
// scripts/offline.py writes the built copy into dist/ with the list of files and a version
// (a hash of their contents), so every deployment is a new worker with a cache of its own:
// - a page (a navigation: index.html, series.html) comes from the network first, so a new deployment is picked up
//   on the next visit, and from the cache when the network fails (the kept page of that
//   address, else index.html);
// - every other file comes from the cache first: their names carry trunk's content hashes,
//   and the cache is this build's, so a kept file is the file this build's page asks for;
// - the new worker takes over at once and deletes the caches of older builds.
const VERSION = "__ASSAY_VERSION__";
const FILES = __ASSAY_FILES__;
const SCOPE = self.registration.scope;
// Cache names are per origin: the scope keeps two copies of the site on one host apart.
const PREFIX = "assay " + SCOPE + " ";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) {
    return;
  }
  const kept = (what) => caches.open(CACHE).then((cache) => cache.match(what, { ignoreSearch: true }));
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        kept(request)
          .then((page) => page || kept(new URL("index.html", SCOPE)))
          .then((page) => page || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(kept(request).then((file) => file || fetch(request)));
});
