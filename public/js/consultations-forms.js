// Forms that follow the choice (consultations): a block marked `data-shown-when="name=value"` is shown
// only while the radio button `name` has that value (the new-consultation form's text sources, the
// comment form's author blocks). Without this file every block stays visible, each with its own label.
(function () {
  var blocks = document.querySelectorAll('[data-shown-when]');
  if (!blocks.length) return;
  function update() {
    Array.prototype.forEach.call(blocks, function (block) {
      var rule = block.getAttribute('data-shown-when').split('=');
      var form = block.closest('form');
      var checked = form && form.querySelector('input[type="radio"][name="' + rule[0] + '"]:checked');
      // nothing chosen yet: show every block, as without JavaScript
      block.hidden = checked ? checked.value !== rule[1] : false;
    });
  }
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.type === 'radio') update();
  });
  update();
})();
