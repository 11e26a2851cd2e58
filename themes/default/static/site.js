// Progressive enhancement only: every page works without this file.
(function () {
  var b = document.querySelector('.print-button');
  if (b && window.print) { b.hidden = false; b.onclick = function () { print(); }; }
  // Menu children: a button opens the list, Esc closes it.
  var m = document.querySelector('.menu'), t = document.querySelectorAll('.sub-toggle');
  if (!m || !t.length) return;
  m.classList.add('js');
  function close(keep) {
    t.forEach(function (x) { if (x !== keep) x.setAttribute('aria-expanded', 'false'); });
  }
  t.forEach(function (x) {
    x.hidden = false;
    x.onclick = function () {
      close(x);
      x.setAttribute('aria-expanded', x.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
    };
  });
  document.addEventListener('keydown', function (e) {
    var o = m.querySelector('[aria-expanded="true"]');
    if (e.key === 'Escape' && o) { close(); o.focus(); }
  });
  document.addEventListener('click', function (e) { m.contains(e.target) || close(); });
})();
