// 补助测算: posts the form as the API's claim facts to /api/v1/estimate while the user types, and shows
// the result and the field errors. Without this script the form posts to the page and the server
// renders the same result, so nothing here is needed for the page to work.
(function () {
  "use strict";
  // The API's rate ("0.50") as a clerk reads it: 50%.
  function percent(v) { var n = Number(v); return isNaN(n) ? v : (Math.round(n * 10000) / 100) + "%"; }
  var form = document.getElementById("estimate-form");
  var pane = document.getElementById("estimate-result");
  if (!form || !pane || !window.fetch) return;
  var tierNames = JSON.parse(pane.getAttribute("data-tier-names") || "{}");
  var touched = {};      // fields the user has edited: only their errors are shown while typing
  var showAll = false;   // after pressing 测算 every error is shown
  var timer = null;
  var sequence = 0;      // answers can arrive out of order; only the latest request's is shown

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function value(name) {
    var input = form.elements.namedItem(name);
    if (!input) return null;
    var v = input.value.trim();
    return v === "" ? null : v;
  }

  function rows(prefix, fields) {
    var list = [];
    form.querySelectorAll("#" + prefix + " tbody tr").forEach(function (tr, i) {
      var row = {};
      fields.forEach(function (f) { row[f] = value(prefix + "[" + i + "]." + f); });
      list.push(row);
    });
    return list;
  }

  // The same shape as API.md's claim facts; empty fields are sent as null so the server names them.
  function facts() {
    var domicile = value("domicileInCounty");
    return {
      applicantType: value("applicantType"), name: value("name"), idNumber: value("idNumber"),
      domicileInCounty: domicile === null ? null : domicile === "true",
      caseNumber: value("caseNumber"), court: value("court"), caseType: value("caseType"), outcome: value("outcome"),
      judgmentEffectiveDate: value("judgmentEffectiveDate"),
      foreignRelated: form.elements.namedItem("foreignRelated").checked,
      majorImpact: form.elements.namedItem("majorImpact").checked,
      agencyFee: value("agencyFee"),
      partyRole: (form.querySelector("input[name='partyRole']:checked") || { value: null }).value,
      invoices: rows("invoices", ["number", "code", "amount", "issuedOn"]),
      otherFunding: rows("otherFunding", ["source", "level", "amount", "reference"])
    };
  }

  // The id the server gives a field's message ("invoices[0].amount" → "err-invoices-0-amount"), so that the
  // input names it in aria-describedby as on a page the server rendered.
  function errorId(field) { return "err-" + field.replace(/[^A-Za-z0-9_-]/g, "-").replace(/-{2,}/g, "-").replace(/-+$/, ""); }

  function untie(input, id) {
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" ")); else input.removeAttribute("aria-describedby");
    input.removeAttribute("aria-invalid");
  }

  function showErrors(errors) {
    form.querySelectorAll(".field-error").forEach(function (e) {
      var tied = e.id && form.querySelector("[aria-describedby~='" + e.id + "']");
      if (tied) untie(tied, e.id);
      e.remove();
    });
    Object.keys(errors).forEach(function (field) {
      if (!showAll && !touched[field]) return;
      var input = form.elements.namedItem(field);
      var anchor = input && input.parentNode ? input : document.getElementById(field);
      var div = el("div", "field-error", errors[field].join("；"));
      div.setAttribute("data-field", field);
      div.id = errorId(field);
      if (anchor) anchor.insertAdjacentElement("afterend", div);
      else form.insertBefore(div, form.firstChild);
      if (input && input.setAttribute) {
        untie(input, div.id);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + div.id).trim());
      }
    });
  }

  // "12345.00" → "12,345.00", as the pages write money.
  function grouped(amount) {
    var parts = String(amount).split(".");
    return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (parts.length > 1 ? "." + parts[1] : "");
  }

  function figure(dl, term, text) {
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, text));
  }

  function showResult(r) {
    pane.replaceChildren();
    pane.appendChild(el("div", "result-head " + (r.eligible ? "ok" : "no"), r.eligible ? "符合补助条件" : "不符合补助条件"));
    var amount = el("div", "amount");
    amount.appendChild(el("span", "figure", grouped(r.amount)));
    amount.appendChild(document.createTextNode(" 元"));
    pane.appendChild(amount);
    pane.appendChild(el("div", "words", r.amountInWords));
    var dl = el("dl", "figures");
    figure(dl, "补助档次", r.tier === null ? "无适用档次" : (tierNames[r.tier] || r.tier));
    figure(dl, "计算基数", grouped(r.feeBase) + " 元");
    figure(dl, "补助比例", percent(r.rate));
    figure(dl, "按比例计算", grouped(r.uncappedAmount) + " 元");
    figure(dl, "档次上限", (r.cap === null ? "—" : grouped(r.cap) + " 元") + (r.capApplied ? "（已按上限）" : ""));
    figure(dl, "政策版本", r.policyTitle || r.policyVersion);
    pane.appendChild(dl);
    if (r.reasons.length > 0) {
      pane.appendChild(el("h3", null, "不符合的原因"));
      var ul = el("ul", "reasons");
      r.reasons.forEach(function (reason) {
        var li = el("li", null, reason.message);
        li.setAttribute("data-code", reason.code);
        ul.appendChild(li);
      });
      pane.appendChild(ul);
    }
    pane.appendChild(el("h3", null, "计算过程"));
    var ol = el("ol", "trace");
    r.trace.forEach(function (t) {
      var li = el("li", null, t.step);
      if (t.clause) li.appendChild(el("q", null, t.clause));
      ol.appendChild(li);
    });
    pane.appendChild(ol);
  }

  function showPending(count) {
    pane.replaceChildren(el("div", "result-empty",
      count > 0 ? "还有 " + count + " 项信息未填写或有误，填写完整后显示测算结果。" : "填写左侧信息后，这里显示测算结果。"));
  }

  function estimate() {
    var mine = ++sequence;
    fetch(form.getAttribute("data-estimate") || "api/v1/estimate", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(facts())
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      if (mine !== sequence) return;
      if (answer.status === 200) { showErrors({}); showResult(answer.body); return; }
      if (answer.status === 400 && answer.body.errors) {
        showErrors(answer.body.errors);
        showPending(Object.keys(answer.body.errors).length);
        return;
      }
      pane.replaceChildren(el("div", "field-error", answer.body.detail || answer.body.title || "测算暂不可用，请稍后再试。"));
    }).catch(function () {
      if (mine === sequence) pane.replaceChildren(el("div", "field-error", "网络异常，测算暂不可用。"));
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(estimate, 350);
  }

  // Row inputs of the templates get their API names from their position, so names stay dense after removals.
  function renumber(prefix) {
    form.querySelectorAll("#" + prefix + " tbody tr").forEach(function (tr, i) {
      tr.querySelectorAll("input").forEach(function (input) {
        var field = input.getAttribute("data-name") || input.name.replace(/^.*\]\./, "");
        input.setAttribute("data-name", field);
        input.name = prefix + "[" + i + "]." + field;
      });
    });
  }

  form.addEventListener("input", function (e) { if (e.target.name) touched[e.target.name] = true; later(); });
  form.addEventListener("change", function (e) { if (e.target.name) touched[e.target.name] = true; later(); });
  form.addEventListener("click", function (e) {
    var button = e.target.closest("button");
    if (!button) return;
    if (button.classList.contains("add-row")) {
      e.preventDefault();
      var prefix = button.getAttribute("data-target");
      var template = document.getElementById(prefix === "invoices" ? "invoice-row" : "funding-row");
      form.querySelector("#" + prefix + " tbody").appendChild(template.content.cloneNode(true));
      renumber(prefix);
      later();
    } else if (button.classList.contains("remove-row")) {
      e.preventDefault();
      var table = button.closest("table");
      button.closest("tr").remove();
      renumber(table.id);
      later();
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    showAll = true;
    estimate();
  });
})();
