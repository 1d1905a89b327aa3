// deltag question form: only the fields of the chosen kind of question. Without this file
// every field shows, grouped under headings that say which kinds they are for.
(function () {
  "use strict";
  var kind = document.getElementById("kind");
  if (!kind) return;
  var groups = document.querySelectorAll("fieldset[data-kinds]");
  function update() {
    groups.forEach(function (group) {
      var used = group.getAttribute("data-kinds").split(" ").indexOf(kind.value) >= 0;
      group.hidden = !used;
      // A disabled fieldset's fields are not sent: words typed for another kind stay out.
      group.disabled = !used;
    });
  }
  kind.addEventListener("change", update);
  update();
})();
