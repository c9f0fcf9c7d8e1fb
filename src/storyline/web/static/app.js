// storyline: progressive enhancement only; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // Changing the zoom re-submits the filter form (no button press needed).
  document.querySelectorAll("select.autosubmit").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) el.form.submit(); });
  });
  // Opening the raw-text toggle from a link such as #raw-text.
  if (location.hash === "#raw-text") {
    var d = document.getElementById("raw-toggle");
    if (d) d.open = true;
  }
  // Actor boxes suggest names and aliases as one types (from /api/actors/suggest).
  document.querySelectorAll("input[list=actor-names]").forEach(function (input) {
    var list = document.getElementById("actor-names");
    var timer = null, last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (!q || q === last) return;
        last = q;
        fetch("/api/actors/suggest?q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (rows) {
            while (list.firstChild) list.removeChild(list.firstChild);
            rows.forEach(function (row) {
              var opt = document.createElement("option");
              opt.value = row.match;
              opt.textContent = row.match === row.name ? row.name + " (" + row.events + ")"
                : row.match + " → " + row.name + " (" + row.events + ")";
              list.appendChild(opt);
            });
          });
      }, 120);
    });
  });
  // Sortable listings: a click on a header sorts the table in the page.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") === "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.dataset.type === "number";
        rows.sort(function (a, b) {
          var x = a.cells[col].dataset.sort || a.cells[col].textContent.trim();
          var y = b.cells[col].dataset.sort || b.cells[col].textContent.trim();
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { sensitivity: "base" });
          return down ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  // A filter box over a listing: rows that do not hold the words are hidden.
  document.querySelectorAll("input[data-filter-table]").forEach(function (input) {
    var table = document.getElementById(input.dataset.filterTable);
    var count = document.getElementById(input.dataset.filterCount || "");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = String(shown);
    });
  });
});
