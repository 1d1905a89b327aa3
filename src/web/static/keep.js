// Typed answers survive a dropped network. On a question page (a form with data-keep) what is
// typed is kept on the phone as it is typed and sent with fetch; when the network fails the
// page stays, with the words, and says so. When the page is loaded again and the server does
// not show the kept words, they are put back. Once the server has them they are forgotten, and
// "Ryd telefonen" (a form with data-forget) forgets them all. Without this script, storage or
// fetch the form posts as usual; a resent form is recognised by its submission key.
(function () {
  var store, PREFIX = 'deltag:';
  try {
    store = window.localStorage;
    store.setItem(PREFIX + 'test', '1');
    store.removeItem(PREFIX + 'test');
  } catch (e) { return; }

  function forgetAll() {
    for (var i = store.length - 1; i >= 0; i--) {
      var k = store.key(i);
      if (k && k.indexOf(PREFIX) === 0) store.removeItem(k);
    }
  }
  var clear = document.querySelector('form[data-forget]');
  if (clear) clear.addEventListener('submit', forgetAll);

  var form = document.querySelector('form[data-keep]');
  if (!form || !window.fetch) return;
  var key = PREFIX + form.getAttribute('data-keep');
  var start = '/j/' + form.getAttribute('data-keep').split(':')[0];
  var fields = form.querySelectorAll('textarea, input[type=text]');
  var notice = document.createElement('p');
  notice.className = 'unsent';
  notice.setAttribute('role', 'alert');
  var actions = form.querySelector('.actions');
  form.insertBefore(notice, actions);

  function show() { notice.textContent = form.getAttribute('data-unsent'); }
  function kept() {
    try { return JSON.parse(store.getItem(key)); } catch (e) { return null; }
  }
  function keep() {
    var words = {}, any = false;
    for (var i = 0; i < fields.length; i++) {
      words[fields[i].name] = fields[i].value;
      if (fields[i].value.trim()) any = true;
    }
    try {
      if (any) store.setItem(key, JSON.stringify(words)); else store.removeItem(key);
    } catch (e) { /* storage full: the form still posts */ }
  }

  // Loaded again (Back, reload): the server's page shows what it has. Words it does not have
  // are put back; words it has are forgotten. A page with an error shows what was posted, not
  // what was stored, so it keeps what it has.
  var words = kept();
  if (words && !document.querySelector('.error-summary')) {
    var missing = false;
    for (var i = 0; i < fields.length; i++) {
      var w = words[fields[i].name];
      if (w && w.trim() && w.trim() !== fields[i].defaultValue.trim()) missing = true;
    }
    if (missing) {
      for (i = 0; i < fields.length; i++) {
        if (typeof words[fields[i].name] === 'string') fields[i].value = words[fields[i].name];
      }
      // After the page has settled, so screen readers announce it.
      setTimeout(show, 300);
    } else {
      store.removeItem(key);
    }
  }
  form.addEventListener('input', keep);

  function encode(button) {
    var parts = [], els = form.elements;
    function add(name, value) {
      parts.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
    }
    for (var i = 0; i < els.length; i++) {
      var el = els[i], t = el.type;
      if (!el.name || el.disabled || t === 'submit' || t === 'button') continue;
      if ((t === 'checkbox' || t === 'radio') && !el.checked) continue;
      add(el.name, el.value);
    }
    if (button && button.name) add(button.name, button.value);
    return parts.join('&');
  }
  // The browser posts the form itself and shows the server's page (a mistake to fix, a closed
  // workshop). The button named "action" hides form.action, hence getAttribute.
  function postNatively(button) {
    if (button && button.name) {
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = button.name;
      hidden.value = button.value;
      form.appendChild(hidden);
    }
    form.submit();
  }

  var pressed = null, sending = false;
  form.addEventListener('click', function (e) {
    if (e.target.type === 'submit') pressed = e.target;
  });
  window.addEventListener('pageshow', function () { sending = false; });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (sending) return;
    var button = e.submitter || pressed;
    keep();
    sending = true;
    notice.textContent = '';
    var ctl = window.AbortController ? new AbortController() : null;
    var timer = ctl && setTimeout(function () { ctl.abort(); }, 30000);
    fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encode(button),
      signal: ctl ? ctl.signal : undefined,
    }).then(function (res) {
      clearTimeout(timer);
      if (res.redirected && res.ok) {
        // Sent back to the start page the phone has no participant any more (it was
        // cleared): the words were not stored, so they stay kept.
        if (res.url.split('?')[0].slice(-start.length) !== start) store.removeItem(key);
        window.location.assign(res.url);
      } else {
        postNatively(button);
      }
    }, function () {
      // No answer from the server: nothing is lost, the words stay here and on the phone.
      clearTimeout(timer);
      sending = false;
      show();
    });
  });
})();
