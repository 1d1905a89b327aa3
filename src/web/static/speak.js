// "Læs op": reads the page aloud with the phone's own voice (Web Speech API). Progressive
// enhancement: no button where the browser cannot speak; the page works the same without it.
(function () {
  var synth = window.speechSynthesis, main = document.getElementById('main');
  if (!synth || !window.SpeechSynthesisUtterance || !main || !main.dataset.readLabel) return;
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'da-DK';
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button secondary read-aloud';
  function label(speaking) {
    button.textContent = speaking ? main.dataset.stopLabel : main.dataset.readLabel;
  }
  function voice(tag) {
    var voices = synth.getVoices(), prefix = tag.slice(0, 2);
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.replace('_', '-').indexOf(tag) === 0) return voices[i];
    }
    for (i = 0; i < voices.length; i++) {
      if (voices[i].lang.indexOf(prefix) === 0) return voices[i];
    }
    return null;
  }
  label(false);
  button.addEventListener('click', function () {
    if (synth.speaking) { synth.cancel(); label(false); return; }
    var parts = [];
    for (var i = 0; i < main.children.length; i++) {
      var child = main.children[i];
      // Only the page's own content: not the Back link or the easy-read switch (navigation).
      if (child !== button && !/back-link|easy-toggle/.test(child.className) && child.innerText) parts.push(child.innerText);
    }
    // One utterance per line: long utterances stop early in some browsers.
    var lines = parts.join('\n').split(/\n+/).filter(function (l) { return l.trim(); });
    var v = voice(lang);
    lines.forEach(function (line, n) {
      var u = new SpeechSynthesisUtterance(line);
      u.lang = lang;
      if (v) u.voice = v;
      if (n === lines.length - 1) u.onend = u.onerror = function () { label(false); };
      synth.speak(u);
    });
    label(lines.length > 0);
  });
  main.insertBefore(button, main.firstChild);
})();
