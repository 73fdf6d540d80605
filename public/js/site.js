// Progressive enhancement only; every page works without this file.
// After a failed form submit the server renders an error summary: move focus to it so that
// keyboard and screen-reader users land on the list of problems.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary && typeof summary.focus === 'function') summary.focus();
})();
