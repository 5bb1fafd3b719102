// The top navigation folds behind a menu button on a phone (below 700 px, in site.css). Loaded right after the
// header, so the navigation is folded before the page is painted; without script it simply stays open.
(function () {
  'use strict';
  var button = document.querySelector('.menu-button');
  var nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  document.documentElement.classList.add('has-menu');
  function set(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    nav.classList.toggle('open', open);
  }
  button.addEventListener('click', function () { set(button.getAttribute('aria-expanded') !== 'true'); });
  nav.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') { set(false); button.focus(); }
  });
})();
