// A header checkbox marked data-select-all="Name" ticks or clears every checkbox named Name in its form.
document.addEventListener('change', function (e) {
  var name = e.target.getAttribute && e.target.getAttribute('data-select-all');
  if (!name) return;
  var boxes = e.target.form ? e.target.form.querySelectorAll('input[type=checkbox][name="' + name + '"]') : [];
  for (var i = 0; i < boxes.length; i++) boxes[i].checked = e.target.checked;
});
