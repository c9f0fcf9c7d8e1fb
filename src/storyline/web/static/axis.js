// storyline: the home page's time axis. Plain SVG written here, no library.
// What happened is drawn above the line; what was planned, possible or did not
// happen below it, so announcements never pass for acts. Dragging across the bars
// selects a date range: the page reloads with from/to set, so the list, the facets
// and the axis itself (zoomed to the range) all follow. Clicking a bar selects it.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var ABOVE = ["asserted"];
  var BELOW = ["future", "hypothetical", "negated"];
  var NAMES = { asserted: "happened", future: "planned", hypothetical: "possible", negated: "did not happen" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function toDays(iso) {
    var p = iso.split("-").map(Number);
    return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1) / DAY;
  }
  function iso(days) { return new Date(days * DAY).toISOString().slice(0, 10); }
  function binStart(day, unit) {
    var s = iso(day);
    if (unit === "month") return toDays(s.slice(0, 7) + "-01");
    if (unit === "year") return toDays(s.slice(0, 4) + "-01-01");
    return day;
  }
  function nextStart(start, unit) {
    var d = new Date(start * DAY);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
    if (unit === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / DAY;
    return start + 1;
  }
  function label(start, unit) {
    var s = iso(start);
    return unit === "year" ? s.slice(0, 4) : unit === "month" ? s.slice(0, 7) : s;
  }
  // A bound typed as YYYY or YYYY-MM covers the whole year or month.
  function boundDays(text, end) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return null;
    if (text.length === 10) return toDays(text);
    var unit = text.length === 4 ? "year" : "month";
    var start = toDays(text.length === 4 ? text + "-01-01" : text + "-01");
    return end ? nextStart(start, unit) - 1 : start;
  }
  function chooseUnit(lo, hi) {
    var span = hi - lo;
    return span <= 120 ? "day" : span <= 366 * 8 ? "month" : "year";
  }

  function bins(data, lo, hi, unit) {
    var out = [], index = {};
    for (var s = binStart(lo, unit); s <= hi && out.length < 5000; s = nextStart(s, unit)) {
      index[s] = out.length;
      out.push({ start: s, end: nextStart(s, unit) - 1, counts: {} });
    }
    data.days.forEach(function (d) {
      var day = toDays(d.day);
      if (day < lo || day > hi) return;
      var b = out[index[binStart(day, unit)]];
      if (!b) return;
      Object.keys(NAMES).forEach(function (m) { if (d[m]) b.counts[m] = (b.counts[m] || 0) + d[m]; });
    });
    return out;
  }
  function sum(b, keys) { return keys.reduce(function (n, k) { return n + (b.counts[k] || 0); }, 0); }

  function navigate(from, to) {
    var url = new URL(window.location.href);
    url.searchParams.set("from", iso(from));
    url.searchParams.set("to", iso(to));
    url.searchParams.delete("offset");
    window.location.assign(url.pathname + "?" + url.searchParams.toString());
  }

  // Without a chosen range the axis opens on where the events are: a few much older
  // ones (a treaty of 1884 in a story of 2021) would squeeze the rest into one bar.
  function focusStart(data) {
    var counts = data.days.map(function (d) {
      return Object.keys(NAMES).reduce(function (n, m) { return n + (d[m] || 0); }, 0);
    });
    var total = counts.reduce(function (a, b) { return a + b; }, 0);
    var allowed = Math.max(1, Math.floor(total * 0.1));
    var first = toDays(data.days[0].day), last = toDays(data.days[data.days.length - 1].day);
    var seen = 0, k = 0;
    while (k < counts.length - 1 && seen + counts[k] <= allowed) { seen += counts[k]; k += 1; }
    var start = toDays(data.days[k].day);
    if (k > 0 && start - first > (last - first) / 2) return { start: start, hidden: seen };
    return { start: first, hidden: 0 };
  }
  var showAll = false;

  function draw(box, chart, data, unitChoice) {
    while (chart.firstChild) chart.removeChild(chart.firstChild);
    var note = document.getElementById("axis-note");
    if (!data.days.length) {
      var p = document.createElement("p");
      p.className = "summary";
      p.textContent = "No dated events match these filters.";
      chart.appendChild(p);
      return;
    }
    var first = toDays(data.days[0].day), last = toDays(data.days[data.days.length - 1].day);
    var lo = boundDays(box.dataset.from || "", false), hi = boundDays(box.dataset.to || "", true);
    var hidden = 0;
    if (lo === null && !showAll) {
      var focus = focusStart(data);
      hidden = focus.hidden;
      lo = focus.start;
    }
    lo = lo === null ? first : lo;
    hi = hi === null ? last : hi;
    if (hi < lo) hi = lo;
    var unit = unitChoice === "auto" ? chooseUnit(lo, hi) : unitChoice;
    var list = bins(data, lo, hi, unit);
    var width = Math.max(chart.clientWidth, 240), height = 170;
    var left = 30, right = 8, top = 8, axisH = 18, plotW = width - left - right;
    var maxUp = Math.max(1, Math.max.apply(null, list.map(function (b) { return sum(b, ABOVE); })));
    var maxDown = Math.max.apply(null, list.map(function (b) { return sum(b, BELOW); }));
    var plotH = height - top - axisH - 14;
    var scale = plotH / (maxUp + maxDown);
    var base = top + maxUp * scale;
    var band = plotW / list.length, gap = band > 4 ? 1 : 0;
    var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
                          role: "img", "class": "axis-svg" }, chart);
    el("title", {}, svg).textContent = "Events per " + unit + ": happened above the line, planned, possible or did not happen below";
    el("line", { x1: left, x2: left + plotW, y1: base, y2: base, "class": "baseline" }, svg);
    var yl = el("text", { x: left - 4, y: top + 9, "class": "tick", "text-anchor": "end" }, svg);
    yl.textContent = String(maxUp);
    list.forEach(function (b, i) {
      var x = left + i * band, y = base, g = el("g", { "class": "bin", "data-start": iso(b.start), "data-end": iso(b.end) }, svg);
      var parts = [];
      ABOVE.forEach(function (m) {
        var n = b.counts[m] || 0; if (!n) return;
        el("rect", { x: x, y: y - n * scale, width: Math.max(band - gap, 1), height: n * scale, "class": "bar " + m }, g);
        y -= n * scale; parts.push(n + " " + NAMES[m]);
      });
      y = base;
      BELOW.forEach(function (m) {
        var n = b.counts[m] || 0; if (!n) return;
        el("rect", { x: x, y: y, width: Math.max(band - gap, 1), height: n * scale, "class": "bar " + m }, g);
        y += n * scale; parts.push(n + " " + NAMES[m]);
      });
      el("title", {}, g).textContent = label(b.start, unit) + ": " + (parts.join(", ") || "no events");
    });
    // ticks: about one per 80 px, on bin starts
    var every = Math.max(1, Math.ceil(list.length / Math.max(1, Math.floor(plotW / 80))));
    for (var i = 0; i < list.length; i += every) {
      var t = el("text", { x: left + i * band + 1, y: height - 4, "class": "tick" }, svg);
      t.textContent = label(list[i].start, unit);
    }
    var sel = el("rect", { x: 0, y: top, width: 0, height: plotH, "class": "brush", visibility: "hidden" }, svg);
    var overlay = el("rect", { x: left, y: 0, width: plotW, height: height - axisH, "class": "overlay" }, svg);
    var startX = null;
    function binAt(px) {
      var rect = svg.getBoundingClientRect();
      var x = Math.min(Math.max(px - rect.left - left, 0), plotW - 0.01);
      return Math.floor(x / band);
    }
    overlay.addEventListener("pointerdown", function (ev) {
      startX = ev.clientX;
      overlay.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    overlay.addEventListener("pointermove", function (ev) {
      if (startX === null) return;
      var a = binAt(startX), z = binAt(ev.clientX);
      var i0 = Math.min(a, z), i1 = Math.max(a, z);
      sel.setAttribute("x", left + i0 * band);
      sel.setAttribute("width", (i1 - i0 + 1) * band);
      sel.setAttribute("visibility", "visible");
    });
    overlay.addEventListener("pointerup", function (ev) {
      if (startX === null) return;
      var a = binAt(startX), z = binAt(ev.clientX);
      startX = null;
      var i0 = Math.min(a, z), i1 = Math.max(a, z);
      navigate(list[i0].start, list[i1].end);
    });
    var parts = [list.length + " bars by " + unit];
    var all = document.getElementById("axis-all");
    if (all) {
      all.hidden = !hidden && !showAll;
      all.textContent = showAll ? "focus on most events" : "show " + hidden + " earlier event" + (hidden === 1 ? "" : "s") + " (from " + data.days[0].day.slice(0, 4) + ")";
    }
    if (data.coarse) parts.push(data.coarse + " events known only to the month or year sit at its first day");
    if (data.undated) parts.push(data.undated + " undated events not drawn");
    note.textContent = parts.join("; ") + ".";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("time-axis");
    var chart = document.getElementById("axis-chart");
    if (!box || !chart || !window.fetch) return;
    var unit = document.getElementById("axis-unit");
    fetch(box.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        var redraw = function () { draw(box, chart, data, unit ? unit.value : "auto"); };
        redraw();
        if (unit) unit.addEventListener("change", redraw);
        var all = document.getElementById("axis-all");
        if (all) all.addEventListener("click", function () { showAll = !showAll; redraw(); });
        var pending = null;
        window.addEventListener("resize", function () {
          clearTimeout(pending);
          pending = setTimeout(redraw, 150);
        });
        box.classList.add("ready");
      });
  });
})();
