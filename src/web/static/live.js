// Live parts of a page (the answers page, the wall, its moderation list): an element with
// data-live-src follows that event stream and takes each HTML drawing the server sends.
// Without JavaScript (or EventSource) the page stays as loaded and can be reloaded.
(function () {
  'use strict';
  if (!window.EventSource || !document.querySelectorAll) { return; }
  var HIDDEN_CLOSE_MS = 5 * 60 * 1000;

  function follow(region) {
    var url = region.getAttribute('data-live-src');
    var since = region.getAttribute('data-live-since');
    var source = null, waiting = null, hiddenTimer = null;

    // Someone working inside the region (a button in focus) keeps it until they leave.
    function apply(html) {
      var active = document.activeElement;
      if (active && active !== document.body && region.contains(active)) { waiting = html; return; }
      region.innerHTML = html;
      waiting = null;
      startClocks(region);
    }
    region.addEventListener('focusout', function (e) {
      if (waiting !== null && !region.contains(e.relatedTarget)) { apply(waiting); }
    });

    function open() {
      if (source) { return; }
      var sep = url.indexOf('?') < 0 ? '?' : '&';
      source = new EventSource(since ? url + sep + 'since=' + encodeURIComponent(since) : url);
      source.onmessage = function (e) {
        if (e.lastEventId) { since = e.lastEventId; }
        apply(e.data);
      };
      // The page is gone (a wall link revoked): show what the server says now.
      source.addEventListener('gone', function () { close(); window.location.reload(); });
    }
    function close() { if (source) { source.close(); source = null; } }

    // A tab left in the background stops costing the server after a while.
    document.addEventListener('visibilitychange', function () {
      if (document.hidden) {
        hiddenTimer = setTimeout(close, HIDDEN_CLOSE_MS);
      } else {
        clearTimeout(hiddenTimer);
        open();
      }
    });
    open();
  }

  // Timers: [data-remaining] seconds from when the drawing arrived, shown as m:ss.
  var clocks = [];
  function startClocks(root) {
    var now = Date.now();
    clocks = clocks.filter(function (c) { return document.contains(c.el); });
    Array.prototype.forEach.call(root.querySelectorAll('[data-remaining]'), function (el) {
      var secs = parseInt(el.getAttribute('data-remaining'), 10);
      if (!isNaN(secs)) { clocks.push({ el: el, end: now + secs * 1000 }); }
    });
    tick();
  }
  function tick() {
    var now = Date.now();
    clocks.forEach(function (c) {
      var left = Math.max(0, Math.round((c.end - now) / 1000));
      var text = Math.floor(left / 60) + ':' + ('0' + (left % 60)).slice(-2);
      if (c.el.textContent !== text) { c.el.textContent = text; }
    });
  }
  setInterval(tick, 1000);

  Array.prototype.forEach.call(document.querySelectorAll('[data-live-src]'), follow);
  startClocks(document);
})();
