// Offline check-in on an organiser's phone (progressive enhancement of /admin/wydarzenia/{id}/obecnosc):
// pressing a person's button records a mark {id made on this device, code, time} in localStorage and
// shows the person as present at once, with or without a connection; "Synchronizuj" (and each return
// of the connection) sends the stored marks as JSON. The server applies each id once, so a batch sent
// twice never counts anybody twice; marks it has answered for are removed from the device.
/* global fetch, localStorage, navigator */
(function () {
  var root = document.querySelector('[data-checkin]');
  if (!root || !window.fetch || !window.localStorage) return;
  var url = root.getAttribute('data-checkin');
  var key = 'spojnia-checkin-' + root.getAttribute('data-event');
  var csrf = root.getAttribute('data-csrf');
  var status = root.querySelector('.checkin__status');
  var syncButton = root.querySelector('.checkin__sync');

  function load() {
    try {
      return JSON.parse(localStorage.getItem(key) || '[]');
    } catch {
      return [];
    }
  }
  function save(marks) {
    localStorage.setItem(key, JSON.stringify(marks));
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map
      .call(b, function (x) {
        return (x + 0x100).toString(16).slice(1);
      })
      .join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function markRow(code, label) {
    var li = root.querySelector('li[data-code="' + code + '"]');
    if (!li) return;
    var form = li.querySelector('form');
    var span = document.createElement('span');
    span.className = 'checkin__present';
    span.textContent = label;
    if (form) {
      var next = form.nextElementSibling;
      form.parentNode.replaceChild(span, form);
      // keep the keyboard user's place: focus moves to the next person's button
      var button = next || (li.nextElementSibling && li.nextElementSibling.querySelector('button'));
      if (button && button.focus) button.focus();
    }
  }
  function show() {
    var marks = load();
    syncButton.hidden = marks.length === 0;
    marks.forEach(function (m) {
      markRow(m.code, root.getAttribute('data-label-queued'));
    });
  }
  function sync() {
    var marks = load();
    if (!marks.length) return;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ marks: marks }),
    })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        var answered = {};
        data.applied.concat(data.alreadyApplied).forEach(function (id) {
          answered[id] = true;
        });
        data.duplicates.concat(data.unknown).forEach(function (d) {
          answered[d.id] = true;
        });
        save(
          load().filter(function (m) {
            return !answered[m.id];
          }),
        );
        status.textContent = data.message;
        show();
      })
      .catch(function () {
        /* offline: the marks stay on the device until the next try */
      });
  }
  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('checkin__form')) return;
    event.preventDefault();
    var code = form.querySelector('input[name="code"]').value;
    var marks = load();
    marks.push({ id: newId(), code: code, at: new Date().toISOString() });
    save(marks);
    markRow(code, root.getAttribute('data-label-queued'));
    syncButton.hidden = false;
    if (navigator.onLine) sync();
  });
  syncButton.addEventListener('click', sync);
  window.addEventListener('online', sync);
  show();
})();
