// 上传前检查: a file over the limit, or not a PDF, PNG or JPEG, is refused in the browser before tens of
// megabytes are sent, with the same words the service uses. The limit and the types come from the input's
// data-max-bytes and data-types, written by the page from the service's own constants. Without this script
// the service refuses the same files and shows the reason on the claim page.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var form = input.form;
    if (!form) return;
    var max = Number(input.getAttribute("data-max-bytes"));
    var types = (input.getAttribute("data-types") || "").split(",").filter(Boolean);
    var extensions = { "application/pdf": /\.pdf$/i, "image/png": /\.png$/i, "image/jpeg": /\.jpe?g$/i };
    var errorId = "err-file-check";

    function show(message) {
      var old = document.getElementById(errorId);
      if (old) old.remove();
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== errorId; });
      if (!message) {
        input.removeAttribute("aria-invalid");
        if (described.length) input.setAttribute("aria-describedby", described.join(" ")); else input.removeAttribute("aria-describedby");
        return;
      }
      var div = document.createElement("div");
      div.className = "field-error";
      div.id = errorId;
      div.setAttribute("data-field", "file");
      div.setAttribute("role", "alert");
      div.textContent = message;
      input.insertAdjacentElement("afterend", div);
      input.setAttribute("aria-invalid", "true");
      described.push(errorId);
      input.setAttribute("aria-describedby", described.join(" "));
    }

    function problem() {
      var file = input.files && input.files[0];
      if (!file) return "请选择要上传的文件。";
      var typeOk = types.length === 0 || types.indexOf(file.type) >= 0 ||
        (!file.type && types.some(function (t) { return extensions[t] && extensions[t].test(file.name); }));
      if (!typeOk) return "文件类型不支持：只接受 PDF、PNG 或 JPEG 文件。";
      if (max > 0 && file.size > max) {
        var mb = Math.round(max / 1024 / 1024);
        var size = (file.size / 1024 / 1024).toFixed(1);
        return "文件过大：单个文件不能超过 " + mb + " MB（所选文件 " + size + " MB），请压缩或拆分后重新上传。";
      }
      return null;
    }

    input.addEventListener("change", function () { show(problem()); });
    form.addEventListener("submit", function (e) {
      var message = problem();
      if (message) {
        e.preventDefault();
        show(message);
        input.focus();
      }
    });
  });
})();
