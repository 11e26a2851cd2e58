// Progressive enhancement only: every page works without this file.
(function () {
  var b = document.querySelector('.print-button');
  if (b && window.print) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  }
})();
