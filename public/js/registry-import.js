// Progressive enhancement of the import progress page (/admin/podmioty/import/{id}): while the
// import runs, the progress region is refreshed in place every few seconds from the same page.
// Without this file the page shows a "refresh" link; no meta refresh is used.
/* global fetch, DOMParser */
(function () {
  var region = document.querySelector('[data-import-progress]');
  if (!region || region.getAttribute('data-status') !== 'running' || !window.fetch || !window.DOMParser) return;
  var INTERVAL_MS = 2000;
  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html === null) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.querySelector('[data-import-progress]');
        if (!next) return;
        if (next.getAttribute('data-status') !== 'running') {
          // finished: the whole page changes (result and report), so load it once
          window.location.reload();
          return;
        }
        region.innerHTML = next.innerHTML;
        window.setTimeout(refresh, INTERVAL_MS);
      })
      .catch(function () {
        /* the refresh link still works */
      });
  }
  window.setTimeout(refresh, INTERVAL_MS);
})();
