// The review page's filters (localise.review.page). Optional: without this script the page
// shows every finding, and the filters stay hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var flagged = document.querySelectorAll(".finding, .flag, .fs");
  var marks = document.querySelectorAll(".e.f");
  var articles = document.querySelectorAll("article.article");
  var shown = document.getElementById("shown");
  var only = document.getElementById("only-findings");

  function wanted() {
    var on = {};
    form.querySelectorAll("input[data-filter]").forEach(function (box) {
      on[box.getAttribute("data-filter") + ":" + box.value] = box.checked;
    });
    return function (el) {
      return on["sev:" + el.getAttribute("data-sev")] !== false &&
             on["kind:" + el.getAttribute("data-kind")] !== false;
    };
  }

  function update() {
    var keep = wanted();
    var visible = 0;
    var total = 0;
    flagged.forEach(function (el) {
      var on = keep(el);
      el.hidden = !on;
      if (el.classList.contains("finding")) { total += 1; visible += on ? 1 : 0; }
    });
    marks.forEach(function (el) { el.classList.toggle("muted", !keep(el)); });
    articles.forEach(function (article) {
      var any = article.querySelector(".finding:not([hidden])") !== null;
      article.hidden = only.checked && !any;
    });
    shown.textContent = "Showing " + visible + " of " + total + " findings";
  }

  form.addEventListener("change", update);
  document.addEventListener("click", function (event) {
    // A link to a sentence lights it up briefly in both columns.
    var link = event.target.closest && event.target.closest("a[data-unit]");
    if (!link) { return; }
    var ids = [link.getAttribute("data-unit"), link.getAttribute("data-unit") + "-src"];
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) {
        el.classList.add("lit");
        window.setTimeout(function () { el.classList.remove("lit"); }, 1600);
      }
    });
  });
  update();
}());
