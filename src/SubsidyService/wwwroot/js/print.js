// The claim page's 打印 button: the browser's print, laid out by the stylesheet's @media print.
(function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
