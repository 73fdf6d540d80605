// Progressive enhancement of the territory maps (the maps work fully without this file): while a
// gmina is hovered or has keyboard focus, its outline is drawn again on top of its neighbours —
// a wide focus-coloured halo under a dark line — so the whole shape stands out.
(function () {
  var NS = 'http://www.w3.org/2000/svg';
  var maps = document.querySelectorAll('svg[data-territory-map]');
  Array.prototype.forEach.call(maps, function (svg) {
    var halo = document.createElementNS(NS, 'use');
    var line = document.createElementNS(NS, 'use');
    halo.setAttribute('class', 'territory-map__halo');
    line.setAttribute('class', 'territory-map__line');
    [halo, line].forEach(function (u) {
      u.setAttribute('aria-hidden', 'true');
      svg.appendChild(u);
    });
    function show(target) {
      var link = target && target.closest ? target.closest('a') : null;
      var path = link ? link.querySelector('path[id]') : null;
      if (!path) return;
      halo.setAttribute('href', '#' + path.id);
      line.setAttribute('href', '#' + path.id);
    }
    function hide() {
      halo.removeAttribute('href');
      line.removeAttribute('href');
    }
    svg.addEventListener('mouseover', function (e) {
      show(e.target);
    });
    svg.addEventListener('mouseleave', hide);
    svg.addEventListener('focusin', function (e) {
      show(e.target);
    });
    svg.addEventListener('focusout', hide);
  });
})();
