// Progressive enhancement only: every page works without this file.
(function () {
  var b = document.querySelector('.print-button');
  if (b && window.print) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  }
  // Menu items with children: a button opens and closes their list.
  var menu = document.querySelector('.menu');
  var toggles = document.querySelectorAll('.sub-toggle');
  if (!menu || !toggles.length) return;
  menu.classList.add('js');
  function close(except) {
    for (var i = 0; i < toggles.length; i++) {
      if (toggles[i] !== except) toggles[i].setAttribute('aria-expanded', 'false');
    }
  }
  for (var i = 0; i < toggles.length; i++) {
    toggles[i].hidden = false;
    toggles[i].addEventListener('click', function () {
      var open = this.getAttribute('aria-expanded') === 'true';
      close(this);
      this.setAttribute('aria-expanded', open ? 'false' : 'true');
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = menu.querySelector('.sub-toggle[aria-expanded="true"]');
    if (open) { close(null); open.focus(); }
  });
  document.addEventListener('click', function (e) {
    if (!menu.contains(e.target)) close(null);
  });
})();
