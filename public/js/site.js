// Progressive enhancement only; every page works without this file.
// After a failed form submit the server renders an error summary: move focus to it so that
// keyboard and screen-reader users land on the list of problems.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary && typeof summary.focus === 'function') summary.focus();
})();

// Lists with filters: from 1024 px the filters stand in their own column, so their "Filtry (N)"
// disclosure (closed for phones) is opened where CSS `::details-content` cannot show it closed.
(function () {
  if (typeof window.matchMedia !== 'function') return;
  var wide = window.matchMedia('(min-width: 64rem)');
  function open() {
    if (!wide.matches) return;
    var all = document.querySelectorAll('details[data-filters]');
    for (var i = 0; i < all.length; i++) all[i].open = true;
  }
  open();
  if (typeof wide.addEventListener === 'function') wide.addEventListener('change', open);
})();
