// The payout batch page while its batch is gathered: asks for the batch's progress every two seconds and redraws the
// progress bar (role=progressbar, inside an aria-live region), instead of reloading the whole page. When the batch
// has finished, the page is loaded once more to show the payment file and the payments.
(function () {
  var region = document.getElementById('batch-progress-region');
  if (!region) return;
  var bar = document.getElementById('batch-progressbar');
  var fill = bar.querySelector('.progress-fill');
  var text = document.getElementById('batch-progress');
  var status = document.getElementById('batch-status');
  var count = document.getElementById('batch-count');
  var total = document.getElementById('batch-total');

  function draw(percent) { fill.style.width = percent + '%'; }
  draw(parseInt(bar.getAttribute('data-percent'), 10) || 0);

  var url = region.getAttribute('data-progress-url');
  if (!url) return;
  var failures = 0;

  function show(p) {
    var words = p.percent + '%，已汇集 ' + p.gathered.toLocaleString('zh-CN') + ' 件' +
      (p.expected > 0 ? '（共约 ' + p.expected.toLocaleString('zh-CN') + ' 件）' : '');
    bar.setAttribute('aria-valuenow', String(p.percent));
    bar.setAttribute('aria-valuetext', words);
    draw(p.percent);
    if (text.textContent !== words) text.textContent = words;
    if (status && status.textContent !== p.state) {
      status.textContent = p.state;
      status.className = 'badge ' + p.badge;
    }
    if (count) count.textContent = String(p.claimCount);
    if (total) total.textContent = p.total;
  }

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (p) {
        failures = 0;
        show(p);
        if (p.finished) {
          text.textContent = p.state + '：正在载入支付文件和支付清单…';
          window.setTimeout(function () { window.location.reload(); }, 800);
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        // A node restarting or a dropped connection: keep asking, more slowly, and say so after a few misses.
        failures++;
        if (failures === 3) text.textContent += '（暂时无法获取进度，正在重试）';
        window.setTimeout(poll, Math.min(30000, 2000 * failures));
      });
  }
  window.setTimeout(poll, 2000);
})();
