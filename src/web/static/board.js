// deltag theme board: optional enhancements. Without this file every action works through
// plain forms. With it: forms update the board in place, an answer can be dragged onto a
// theme, and the keyboard sorts: arrows move between cards, 1-9 put the card (or the chosen
// cards) in that theme, N starts a new theme with them, Z undoes the last change. The keys
// work only while a card has focus (WCAG 2.1.4), and every result is read out.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !window.fetch || !window.DOMParser) return;

  // One live region outside the part that is replaced, so screen readers hear each result.
  var say = document.createElement("div");
  say.className = "visually-hidden";
  say.setAttribute("aria-live", "polite");
  document.body.appendChild(say);

  function cards() { return Array.prototype.slice.call(main.querySelectorAll(".answer-card input[type=checkbox]")); }

  function swap(html, focusCard) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("main");
    if (!fresh) { window.location.reload(); return; }
    main.innerHTML = fresh.innerHTML;
    document.title = doc.title;
    enhance();
    var note = main.querySelector(".notice[role=status], .error-summary");
    if (note) say.textContent = note.textContent.replace(/\s+/g, " ").trim();
    var list = cards();
    if (focusCard != null && list.length && !main.querySelector(".error-summary")) {
      list[Math.min(focusCard, list.length - 1)].focus();
    } else if (note) {
      note.setAttribute("tabindex", "-1");
      note.focus();
    }
  }

  function post(url, data, focusCard) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (res) { return res.text().then(function (t) { return { ok: res.ok || res.status === 409 || res.status === 422, text: t }; }); })
      .then(function (r) { if (r.ok) swap(r.text, focusCard); else window.location.reload(); })
      .catch(function () { window.location.reload(); });
  }

  function send(form, submitter, focusCard) {
    var data = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    // getAttribute: `form.action` would be the button named "action", not the URL.
    var url = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action");
    return post(url, data, focusCard);
  }

  // Puts the focused card, or the chosen cards when it is one of them, in a theme.
  function assignTo(box, themeId) {
    var form = document.getElementById("assign-form");
    var index = cards().indexOf(box);
    var data = new URLSearchParams();
    form.querySelectorAll("input[type=hidden]").forEach(function (h) { if (h.name !== "from_theme") data.append(h.name, h.value); });
    var chosen = box.checked ? cards().filter(function (c) { return c.checked; }) : [box];
    chosen.forEach(function (c) { data.append("answer", c.value); });
    data.set("theme_id", themeId);
    data.set("action", "add");
    post(form.getAttribute("action"), data, index);
  }

  function onKey(e) {
    var box = e.target;
    if (!box.matches || !box.matches(".answer-card input[type=checkbox]")) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var list = cards(), i = list.indexOf(box);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var next = list[i + (e.key === "ArrowDown" ? 1 : -1)];
      if (next) { next.focus(); next.scrollIntoView({ block: "nearest" }); }
    } else if (/^[1-9]$/.test(e.key)) {
      var theme = main.querySelector("[data-theme][data-key='" + e.key + "']");
      if (!theme) { say.textContent = box.dataset.noTheme || ""; return; }
      e.preventDefault();
      assignTo(box, theme.getAttribute("data-theme"));
    } else if (e.key === "n" || e.key === "N") {
      var title = document.getElementById("new-title");
      if (!title) return;
      e.preventDefault();
      box.checked = true;
      title.focus();
    } else if (e.key === "z" || e.key === "Z") {
      var undo = main.querySelector(".notice form.undo-form button");
      if (!undo) return;
      e.preventDefault();
      send(undo.form, undo, i);
    }
  }

  function enhance() {
    main.querySelectorAll(".keyboard-help, .key-hint").forEach(function (el) { el.hidden = false; });
    main.querySelectorAll("form[method=post]").forEach(function (form) {
      if (form.dataset.enhanced) return;
      form.dataset.enhanced = "1";
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var i = null;
        if (form.id === "assign-form" || form.classList.contains("undo-form")) {
          var focused = main.querySelector(".answer-card input[type=checkbox]:checked") || main.querySelector(".answer-card input[type=checkbox]");
          i = focused ? cards().indexOf(focused) : null;
        }
        send(form, e.submitter, i);
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
        var box = answer && document.getElementById("a-" + answer);
        if (box) assignTo(box, theme.getAttribute("data-theme"));
      });
    });
  }
  main.addEventListener("keydown", onKey);
  enhance();
})();
