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
});
