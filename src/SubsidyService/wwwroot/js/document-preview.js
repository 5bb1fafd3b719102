// Evidence previews open only when asked for: an embedded PDF viewer takes the keyboard focus as it loads,
// which would swallow what a verifier is typing in the review form. The buttons stay hidden without scripts.
(function () {
  document.querySelectorAll('button.preview-toggle').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var slot = document.getElementById(button.getAttribute('aria-controls'));
      var open = button.getAttribute('aria-expanded') === 'true';
      if (open) {
        slot.replaceChildren();
        slot.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.textContent = '预览';
        return;
      }
      var url = button.getAttribute('data-preview');
      var viewer;
      if (button.getAttribute('data-kind') === 'pdf') {
        viewer = document.createElement('object');
        viewer.type = 'application/pdf';
        viewer.data = url;
      } else {
        viewer = document.createElement('img');
        viewer.src = url;
        viewer.alt = button.getAttribute('data-name') || '';
      }
      viewer.className = 'preview';
      slot.replaceChildren(viewer);
      slot.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      button.textContent = '收起预览';
    });
  });
})();
