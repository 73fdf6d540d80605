// Lists with filters (core/ui/facets.tsx). In a filter form marked `data-live-filters`, choosing a
// filter (ticking a box, picking a radio button, or an option of a list after a short pause) shows
// the new results without pressing the search button. Progressive enhancement only: without this
// file the form is a plain GET form as before, and with it the button still sends the form.
// WCAG 3.2.2 (On Input): a note before the facets, shown only here, says that results update; the
// page for the form's address is fetched and its filter and result regions replace the old ones in
// place, keeping the control just changed (and its ancestors) as they are so focus stays on it;
// the address follows (history.pushState; Back shows the earlier results); a polite live region
// says how many results there are. Anything unexpected loads the address as a page instead.
(function () {
  'use strict';
  var root = document.documentElement;
  if (root.hasAttribute('data-live-filters-ready')) return; // the layout may load this file twice
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !window.FormData || !window.history.pushState) return;
  if (!document.querySelector('form[data-live-filters]')) return;
  root.setAttribute('data-live-filters-ready', '');

  /** A list of options fires "change" at every arrow key on some systems: wait until the choice settles. */
  var SELECT_DELAY_MS = 800;
  var sequence = 0;
  var pending = null;
  var timer = null;

  function layoutOf(form) {
    return form.closest('.facet-layout');
  }

  /** The note before the facets, shown only where this script updates the results. */
  function revealNotes() {
    var notes = document.querySelectorAll('form[data-live-filters] [data-live-note]');
    for (var i = 0; i < notes.length; i++) {
      notes[i].hidden = false;
      notes[i].setAttribute('tabindex', '-1');
    }
  }

  /** One polite live region after each layout, made before anything changes so it is heard. */
  function statusOf(layout) {
    var next = layout.nextElementSibling;
    if (next && next.hasAttribute('data-live-status')) return next;
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('data-live-status', '');
    layout.parentNode.insertBefore(status, layout.nextSibling);
    return status;
  }

  function announce(layout) {
    var text = layout.getAttribute('data-live-announce');
    var status = statusOf(layout);
    status.textContent = '';
    // emptied first and filled a moment later, so the same count said twice is still read out
    window.setTimeout(function () {
      status.textContent = text || '';
    }, 100);
  }

  /** The address the form would go to without script (empty fields left out, the page reset). */
  function addressOf(form) {
    var params = new window.URLSearchParams();
    new window.FormData(form).forEach(function (value, key) {
      if (typeof value === 'string' && value !== '') params.append(key, value);
    });
    var url = new URL(form.getAttribute('action') || window.location.pathname, window.location.href);
    url.search = params.toString();
    url.hash = '';
    return url;
  }

  function clone(node) {
    return document.importNode(node, true);
  }

  function replaceChildren(mine, theirs) {
    while (mine.firstChild) mine.removeChild(mine.firstChild);
    for (var c = theirs.firstChild; c; c = c.nextSibling) mine.appendChild(clone(c));
  }

  function copyAttributes(from, to) {
    var i;
    for (i = to.attributes.length - 1; i >= 0; i--) {
      var name = to.attributes[i].name;
      // an open disclosure stays open: the person opened it (the new page has it closed)
      if (name === 'open' && to.tagName === 'DETAILS') continue;
      if (!from.hasAttribute(name)) to.removeAttribute(name);
    }
    for (i = 0; i < from.attributes.length; i++) to.setAttribute(from.attributes[i].name, from.attributes[i].value);
  }

  function byId(container, id) {
    var all = container.querySelectorAll('[id]');
    for (var i = 0; i < all.length; i++) if (all[i].id === id) return all[i];
    return null;
  }

  /** The chain of elements from just under `top` down to `node` (null when `node` is not under `top`). */
  function pathTo(top, node) {
    var path = [];
    for (var n = node; n && n !== top; n = n.parentNode) path.unshift(n);
    return path.length && path[0].parentNode === top ? path : null;
  }

  /**
   * The children of `mine` become those of `theirs`. Where focus is inside `mine`, every element on
   * the way to the focused one is kept (so focus never moves) and only what surrounds it changes;
   * when the new page has that control elsewhere (an option moved out of "pokaż wszystkie") the
   * region is replaced whole and the element to focus again is returned: the same control, or the
   * note before the facets (or the results' heading) when the new page has no such control.
   */
  /** A control takes the state the new page gives it (Back and Forward: the address decides). */
  function takeState(from, to) {
    if (to.tagName === 'INPUT' && (to.type === 'checkbox' || to.type === 'radio')) to.checked = from.hasAttribute('checked');
    else if (to.tagName === 'INPUT' || to.tagName === 'TEXTAREA') to.value = from.getAttribute('value') || '';
    else if (to.tagName === 'SELECT') {
      var chosen = from.querySelector('option[selected]') || from.querySelector('option');
      to.value = chosen ? chosen.getAttribute('value') || chosen.textContent : '';
    }
  }

  function merge(mine, theirs, fromAddress) {
    var active = document.activeElement;
    if (!active || active === mine || !mine.contains(active)) {
      replaceChildren(mine, theirs);
      return null;
    }
    var path = pathTo(mine, active);
    var counterpart = active.id ? byId(theirs, active.id) : null;
    var theirPath = counterpart ? pathTo(theirs, counterpart) : null;
    var aligned =
      path &&
      theirPath &&
      path.length === theirPath.length &&
      path.every(function (node, i) {
        return node.nodeName === theirPath[i].nodeName;
      });
    if (!aligned) {
      var id = active.id;
      replaceChildren(mine, theirs);
      // the same control where the new page has it, else the note before the facets or the results' heading
      var again = id ? byId(mine, id) : null;
      var near = mine.querySelector('[data-live-note]') || mine.querySelector('h2');
      if (!again && near) near.setAttribute('tabindex', '-1');
      return again || near;
    }
    var parentMine = mine;
    var parentTheirs = theirs;
    for (var i = 0; i < path.length; i++) {
      var keep = path[i];
      var child = parentMine.firstChild;
      while (child) {
        var next = child.nextSibling;
        if (child !== keep) parentMine.removeChild(child);
        child = next;
      }
      var before = true;
      for (var c = parentTheirs.firstChild; c; c = c.nextSibling) {
        if (c === theirPath[i]) before = false;
        else if (before) parentMine.insertBefore(clone(c), keep);
        else parentMine.appendChild(clone(c));
      }
      // the focused control keeps what the person chose or typed, unless the address changed (Back)
      if (keep !== active) copyAttributes(theirPath[i], keep);
      else if (fromAddress) takeState(theirPath[i], keep);
      parentMine = keep;
      parentTheirs = theirPath[i];
    }
    return null;
  }

  /** Which disclosures are open, by what they hold, so the new regions open the same ones. */
  function detailsKey(details) {
    if (details.hasAttribute('data-filters')) return 'filters';
    var field = details.querySelector('[name]');
    return details.className + ':' + (field ? field.getAttribute('name') : '');
  }

  function openDisclosures(layout) {
    var open = {};
    var all = layout.querySelectorAll('details[open]');
    for (var i = 0; i < all.length; i++) open[detailsKey(all[i])] = true;
    return open;
  }

  function reopen(layout, open) {
    var all = layout.querySelectorAll('details');
    for (var i = 0; i < all.length; i++) if (open[detailsKey(all[i])]) all[i].open = true;
  }

  /** Parts of the page outside the layout that carry the address: the title, the other language's link. */
  function followAddress(doc) {
    if (doc.title) document.title = doc.title;
    var pairs = [
      ['a.lang-switch', 'href'],
      ['link[rel="alternate"][hreflang]', 'href'],
      ['input[name="wroc"]', 'value'],
    ];
    pairs.forEach(function (pair) {
      var mine = document.querySelectorAll(pair[0]);
      var theirs = doc.querySelectorAll(pair[0]);
      for (var i = 0; i < mine.length && i < theirs.length; i++) {
        var value = theirs[i].getAttribute(pair[1]);
        if (value !== null) mine[i].setAttribute(pair[1], value);
      }
    });
  }

  function apply(layout, doc, fromAddress) {
    var layouts = document.querySelectorAll('.facet-layout');
    var index = Array.prototype.indexOf.call(layouts, layout);
    var fresh = doc.querySelectorAll('.facet-layout')[index];
    if (!fresh) return false;
    var regions = ['.facet-layout__filters', '.facet-layout__results'];
    for (var i = 0; i < regions.length; i++) {
      if (!layout.querySelector(regions[i]) || !fresh.querySelector(regions[i])) return false;
    }
    var open = openDisclosures(layout);
    var focusAgain = null;
    regions.forEach(function (selector) {
      focusAgain = merge(layout.querySelector(selector), fresh.querySelector(selector), fromAddress) || focusAgain;
    });
    copyAttributes(fresh, layout);
    reopen(layout, open);
    revealNotes();
    if (focusAgain) focusAgain.focus();
    followAddress(doc);
    return true;
  }

  function update(form, url, push) {
    var layout = layoutOf(form);
    if (!layout) {
      window.location.assign(url.href);
      return;
    }
    if (pending) pending.abort();
    var controller = window.AbortController ? new window.AbortController() : null;
    pending = controller;
    var mine = ++sequence;
    var results = layout.querySelector('.facet-layout__results');
    if (results) results.setAttribute('aria-busy', 'true');
    window
      .fetch(url.href, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal: controller ? controller.signal : undefined })
      .then(function (response) {
        var landed = new URL(response.url || url.href);
        if (!response.ok || landed.pathname !== url.pathname) throw new Error('not the list: ' + response.status);
        return response.text();
      })
      .then(function (html) {
        if (mine !== sequence) return;
        var doc = new window.DOMParser().parseFromString(html, 'text/html');
        if (!apply(layout, doc, !push)) throw new Error('no list in the answer');
        if (push) window.history.pushState({ liveFilters: true }, '', url.href);
        announce(layout);
      })
      .catch(function (error) {
        if ((error && error.name === 'AbortError') || mine !== sequence) return;
        window.location.assign(url.href); // the way without script: load the page
      })
      .then(function () {
        if (mine === sequence && results) results.removeAttribute('aria-busy');
      });
  }

  document.addEventListener('change', function (event) {
    var control = event.target;
    var form = control && control.form;
    if (!form || !form.hasAttribute('data-live-filters')) return;
    var type = (control.getAttribute('type') || '').toLowerCase();
    window.clearTimeout(timer);
    if (control.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio')) {
      update(form, addressOf(form), true);
    } else if (control.tagName === 'SELECT') {
      timer = window.setTimeout(function () {
        update(form, addressOf(form), true);
      }, SELECT_DELAY_MS);
    }
    // text, search and date fields wait for the search button (or Enter)
  });

  // the button sends the form as ever: nothing of ours may land after it
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-live-filters')) return;
    window.clearTimeout(timer);
    sequence++;
    if (pending) pending.abort();
  });

  // Back and Forward between the states this script made: show that address's results
  if (!window.history.state) window.history.replaceState({ liveFilters: true }, '', window.location.href);
  window.addEventListener('popstate', function (event) {
    if (!event.state || !event.state.liveFilters) return;
    var form = document.querySelector('form[data-live-filters]');
    if (form) update(form, new URL(window.location.href), false);
  });

  revealNotes();
  var layouts = document.querySelectorAll('.facet-layout');
  for (var i = 0; i < layouts.length; i++) if (layouts[i].querySelector('form[data-live-filters]')) statusOf(layouts[i]);
})();
