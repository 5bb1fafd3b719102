// Forms marked data-confirm ask before they post (withdrawing a claim, removing a document).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute && e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) e.preventDefault();
}, true);
