// The claim form: invoice and other-funding rows added and removed in place, and a live estimate
// from the public POST /api/v1/estimate beside the form. The estimate is a convenience: any error
// (incomplete facts, rate limit, network) leaves a quiet hint, never a message in the way.
(function () {
  'use strict';
  // The API's rate ('0.50') as a clerk reads it: 50%.
  function percent(v) { var n = Number(v); return isNaN(n) ? v : (Math.round(n * 10000) / 100) + '%'; }
  var form = document.getElementById('claim-form');
  var panel = document.querySelector('#estimate-panel .estimate-body');
  if (!form || !panel) return;

  var booleans = { domicileInCounty: true, foreignRelated: true, majorImpact: true };
  var tiers = { natural_person: '自然人档', legal_person: '法人档', major_or_foreign: '涉外或重大影响档' };

  // ---- rows ----
  function renumber(table) {
    var list = table.getAttribute('data-rows');
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
      Array.prototype.forEach.call(row.querySelectorAll('[name]'), function (input) {
        input.name = input.name.replace(new RegExp('^' + list + '\\[[^\\]]*\\]'), list + '[' + i + ']');
      });
    });
  }

  form.addEventListener('click', function (e) {
    var add = e.target.closest('[data-add]');
    if (add) {
      var list = add.getAttribute('data-add');
      var table = form.querySelector('table[data-rows="' + list + '"]');
      var template = document.getElementById(list + '-template');
      table.tBodies[0].appendChild(template.content.cloneNode(true));
      renumber(table);
      var first = table.tBodies[0].lastElementChild.querySelector('input');
      if (first) first.focus();
      return;
    }
    var remove = e.target.closest('[data-remove]');
    if (remove) {
      var row = remove.closest('tr');
      var owner = row.closest('table');
      row.remove();
      renumber(owner);
      schedule();
    }
  });

  // ---- facts as the API names them ----
  function value(input) {
    if (input.type === 'checkbox') return input.checked;
    var v = input.value.trim();
    return v === '' ? null : v;
  }

  function facts() {
    var out = { invoices: [], otherFunding: [], relatedCaseNumbers: [], patentNumbers: [], opposingParties: [] };
    Array.prototype.forEach.call(form.elements, function (input) {
      var name = input.name;
      if (!name || input.type === 'hidden' || input.closest('template') || name.indexOf('bankAccount.') === 0) return;
      if (input.type === 'radio') {
        if (input.checked) out[name] = input.value;
        return;
      }
      var listed = /^(relatedCaseNumbers|patentNumbers|opposingParties)\[(\d+)\]$/.exec(name);
      if (listed) {
        out[listed[1]][Number(listed[2])] = value(input);
        return;
      }
      var row = /^(invoices|otherFunding)\[(\d+)\]\.(\w+)$/.exec(name);
      if (row) {
        var list = out[row[1]];
        var i = Number(row[2]);
        list[i] = list[i] || {};
        list[i][row[3]] = value(input);
        return;
      }
      var v = value(input);
      if (booleans[name] && typeof v === 'string') v = v === 'true';
      out[name] = v;
    });
    function filled(o) { return o && Object.keys(o).some(function (k) { return o[k] !== null; }); }
    out.invoices = out.invoices.filter(filled);
    out.otherFunding = out.otherFunding.filter(filled);
    ['relatedCaseNumbers', 'patentNumbers', 'opposingParties'].forEach(function (k) {
      out[k] = out[k].filter(function (n) { return n; });
    });
    return out;
  }

  // ---- rendering ----
  function money(s) {
    if (s === null || s === undefined) return '—';
    var parts = String(s).split('.');
    return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + (parts[1] || '00') + ' 元';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function row(dl, term, text) {
    dl.appendChild(el('dt', '', term));
    dl.appendChild(el('dd', '', text));
  }

  function render(r) {
    var box = el('div', 'estimate ' + (r.eligible ? 'eligible' : 'ineligible'));
    box.appendChild(el('div', 'estimate-amount', money(r.amount)));
    if (r.amountInWords) box.appendChild(el('div', 'estimate-words', r.amountInWords));
    var dl = el('dl', 'facts small');
    row(dl, '档次', r.tier ? (tiers[r.tier] || r.tier) : '不适用');
    row(dl, '费用基数', money(r.feeBase));
    row(dl, '补助比例', percent(r.rate));
    row(dl, '封顶', (r.cap ? money(r.cap) : '—') + (r.capApplied ? '（已封顶）' : ''));
    row(dl, '政策版本', r.policyTitle || r.policyVersion);
    box.appendChild(dl);
    if (r.reasons && r.reasons.length) {
      var ul = el('ul', 'reasons');
      r.reasons.forEach(function (x) { ul.appendChild(el('li', '', x.message)); });
      box.appendChild(ul);
    }
    if (r.trace && r.trace.length) {
      var details = el('details', 'trace');
      details.appendChild(el('summary', '', '计算过程'));
      var ol = el('ol');
      r.trace.forEach(function (t) {
        var li = el('li', '', t.step);
        if (t.clause) li.appendChild(el('div', 'clause', t.clause));
        ol.appendChild(li);
      });
      details.appendChild(ol);
      box.appendChild(details);
    }
    panel.replaceChildren(box);
  }

  // The estimate checks every fact; while some are missing or wrong, say which, by the labels the form shows.
  function labelOf(name) {
    var input = form.querySelector('[name="' + name + '"]');
    if (!input) return null;
    var label = input.id && form.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : input.getAttribute('aria-label');
  }

  function missing(problem) {
    var names = Object.keys((problem && problem.errors) || {}).map(labelOf).filter(function (n, i, all) { return n && all.indexOf(n) === i; });
    var box = el('div', 'estimate-missing', '填写完整后即时显示可得补助。');
    if (names.length) {
      box.appendChild(el('div', '', '尚需填写或更正：'));
      var ul = el('ul');
      names.forEach(function (n) { ul.appendChild(el('li', '', n)); });
      box.appendChild(ul);
    }
    panel.replaceChildren(box);
  }

  // ---- debounced requests; only the latest answer is shown ----
  var timer = null;
  var latest = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(estimate, 500);
  }

  function estimate() {
    var ticket = ++latest;
    fetch(form.getAttribute('data-estimate'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify(facts())
    }).then(function (response) {
      if (ticket !== latest) return;
      if (!response.ok) {
        if (response.status === 400) return response.json().then(function (p) { if (ticket === latest) missing(p); });
        return;
      }
      return response.json().then(function (r) { if (ticket === latest) render(r); });
    }).catch(function () { /* the estimate is optional: stay quiet */ });
  }

  // The payee is the applicant (POLICY.md "Payee"): the locked account name follows the name as it is typed.
  var applicantName = document.getElementById('name');
  var payee = document.getElementById('accountName');
  if (applicantName && payee) applicantName.addEventListener('input', function () { payee.value = applicantName.value; });

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  estimate();
})();
