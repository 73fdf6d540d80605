// Progressive enhancement of the Markdown editors: while an editor types, the sanitised preview
// next to the textarea is refreshed from the server (POST /admin/podglad with the form's CSRF
// token). Without this file the form's "Podgląd" button renders the same preview server-side.
/* global fetch, URLSearchParams */
(function () {
  var editors = document.querySelectorAll('[data-preview-for]');
  if (!editors.length || !window.fetch) return;
  Array.prototype.forEach.call(editors, function (region) {
    var textarea = document.getElementById(region.getAttribute('data-preview-for'));
    if (!textarea || !textarea.form) return;
    var token = textarea.form.querySelector('input[name="_csrf"]');
    var action = textarea.form.getAttribute('action') || '';
    var url = (action.indexOf('/en/') === 0 ? '/en' : '') + '/admin/podglad';
    var timer = null;
    var last = null;
    function refresh() {
      var text = textarea.value;
      if (text === last) return;
      last = text;
      var body = new URLSearchParams();
      body.set('_csrf', token ? token.value : '');
      body.set('body', text);
      fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : null;
        })
        .then(function (data) {
          if (!data) return;
          // the server returns HTML that passed the same sanitiser as published pages
          var html = data.html;
          if (data.problems && data.problems.length) {
            var list = document.createElement('ul');
            list.className = 'portal-preview__problems';
            data.problems.forEach(function (p) {
              var li = document.createElement('li');
              li.textContent = p;
              list.appendChild(li);
            });
            region.innerHTML = html;
            region.insertBefore(list, region.firstChild);
          } else {
            region.innerHTML = html;
          }
        })
        .catch(function () {
          /* the server-side preview button still works */
        });
    }
    textarea.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    if (textarea.value && !region.innerHTML.trim()) refresh();
  });
})();
