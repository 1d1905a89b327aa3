// deltag theme board: optional enhancements. Without this file every action works through
// plain forms. With it: drag an answer onto a theme, and forms update the board in place.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !window.fetch || !window.DOMParser) return;

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("main");
    if (!fresh) { window.location.reload(); return; }
    main.innerHTML = fresh.innerHTML;
    document.title = doc.title;
    enhance();
    var note = main.querySelector("[role=status], .error-summary");
    if (note) { note.setAttribute("tabindex", "-1"); note.focus(); }
  }

  function send(form, extra) {
    var data = new URLSearchParams(new FormData(form));
    if (extra) Object.keys(extra).forEach(function (k) { data.set(k, extra[k]); });
    // getAttribute: `form.action` would be the button named "action", not the URL.
    return fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (res) { return res.text().then(function (t) { return { ok: res.ok || res.status === 409 || res.status === 422, text: t }; }); })
      .then(function (r) { if (r.ok) swap(r.text); else window.location.reload(); })
      .catch(function () { window.location.reload(); });
  }

  function enhance() {
    main.querySelectorAll("form[method=post]").forEach(function (form) {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var extra = {};
        if (e.submitter && e.submitter.name) extra[e.submitter.name] = e.submitter.value;
        send(form, extra);
      });
    });
    var assign = document.getElementById("assign-form");
    if (!assign) return;
    main.querySelectorAll("[data-answer]").forEach(function (card) {
      card.setAttribute("draggable", "true");
      card.addEventListener("dragstart", function (e) {
        e.dataTransfer.setData("text/plain", card.getAttribute("data-answer"));
        e.dataTransfer.effectAllowed = "copy";
      });
    });
    main.querySelectorAll("[data-theme]").forEach(function (theme) {
      theme.addEventListener("dragover", function (e) { e.preventDefault(); theme.classList.add("drop-target"); });
      theme.addEventListener("dragleave", function () { theme.classList.remove("drop-target"); });
      theme.addEventListener("drop", function (e) {
        e.preventDefault();
        theme.classList.remove("drop-target");
        var answer = e.dataTransfer.getData("text/plain");
        if (!answer) return;
        var data = new URLSearchParams();
        data.set("csrf_token", assign.querySelector("[name=csrf_token]").value);
        data.set("answer", answer);
        data.set("theme_id", theme.getAttribute("data-theme"));
        data.set("action", "add");
        data.set("return_view", assign.querySelector("[name=return_view]").value);
        fetch(assign.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" })
          .then(function (res) { return res.text(); }).then(swap)
          .catch(function () { window.location.reload(); });
      });
    });
  }
  enhance();
})();
