// Builds the risk register from the embedded JSON; all text goes in through textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ddtool-data").textContent);
  var rows = data.register;
  var table = document.getElementById("register");
  var tbody = table.tBodies[0];
  var filterBox = document.getElementById("register-filter");
  var levelBox = document.getElementById("register-level");
  var counter = document.getElementById("register-count");
  var sortKey = "priority";
  var sortType = "num";
  var sortDir = -1;

  function number(v) {
    return typeof v === "number" ? String(v) : "";  // as the other formats give it
  }
  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function listCell(tr, items, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item;
      ul.appendChild(li);
    });
    td.appendChild(ul);
    tr.appendChild(td);
  }
  rows.forEach(function (r, i) {
    r._order = i;  // the register's own order (as every other format): ties keep it
    var tr = document.createElement("tr");
    tr.className = "lvl-" + r.level_class;  // "low (data gap)" is not coloured as low
    cell(tr, r.id);
    cell(tr, r.supplier);
    cell(tr, r.tiers, "num");  // every tier, as the other formats; sorted by the first
    cell(tr, r.path, "path");
    cell(tr, r.country);
    cell(tr, r.region);
    cell(tr, r.sector);
    cell(tr, r.risk_type);
    cell(tr, r.level, "level");
    cell(tr, number(r.likelihood), "num");
    cell(tr, number(r.severity), "num");
    cell(tr, number(r.priority), "num");
    cell(tr, r.reason, "reason");
    listCell(tr, r.evidence, "evidence");
    listCell(tr, r.measures, "measures");
    r._tr = tr;
    r._text = [r.id, r.supplier, r.supplier_id, r.path, r.country, r.region, r.sector, r.risk_type,
      r.level, r.reason, r.evidence.join(" "), r.measures.join(" ")].join(" ").toLowerCase();
  });

  function value(r, key) {
    var v = r[key];
    if (Array.isArray(v)) return v.join("; ");
    return v;
  }
  function compare(a, b) {
    var x = value(a, sortKey);
    var y = value(b, sortKey);
    if (sortType === "num") {
      x = typeof x === "number" ? x : -Infinity;
      y = typeof y === "number" ? y : -Infinity;
      if (x !== y) return (x < y ? -1 : 1) * sortDir;
    } else {
      var c = String(x || "").localeCompare(String(y || ""));
      if (c !== 0) return c * sortDir;
    }
    return a._order - b._order;
  }
  var placed = "";  // the order the rows are in (sort key and direction): moved only when it changes
  function render() {
    var text = filterBox.value.trim().toLowerCase();
    var level = levelBox.value;
    var shown = 0;
    var order = sortKey + " " + sortDir;
    var sorted = order === placed ? rows : rows.slice().sort(compare);
    var frag = order === placed ? null : document.createDocumentFragment();
    sorted.forEach(function (r) {
      var ok = (!level || r.level === level) && (!text || r._text.indexOf(text) !== -1);
      if (r._tr.hidden === ok) r._tr.hidden = !ok;  // (a row left as it is is not laid out again)
      if (ok) shown += 1;
      if (frag) frag.appendChild(r._tr);
    });
    if (frag) {
      tbody.appendChild(frag);
      rows = sorted;
      placed = order;
    }
    // (printed too: a filtered print says it is one, and a page of the top flags says so)
    var total = Number(counter.getAttribute("data-total")) || rows.length;
    var said = "showing " + shown + " of " + rows.length + " flags";
    if (total > rows.length) {
      said += " in this page (the " + rows.length.toLocaleString("en") +
        " highest-priority of the register's " +
        total.toLocaleString("en") + "; the Excel, CSV and JSON outputs have them all)";
    }
    var filters = [];
    if (level) filters.push("level " + level);
    if (text) filters.push("text \u201c" + filterBox.value.trim() + "\u201d");
    if (filters.length) said += "; filtered by " + filters.join(" and ");
    counter.textContent = said;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute("data-key") === sortKey) {
        th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    function sortBy() {
      var key = th.getAttribute("data-key");
      if (key === sortKey) {
        sortDir = -sortDir;
      } else {
        sortKey = key;
        sortType = th.getAttribute("data-type") || "text";
        sortDir = sortType === "num" ? -1 : 1;
      }
      render();
    }
    // (sorted from the keyboard too: each header is reached with Tab, sorts with Enter or Space)
    th.tabIndex = 0;
    th.setAttribute("title", "sort by this column");
    th.addEventListener("click", sortBy);
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        sortBy();
      }
    });
  });
  // (as typing pauses: a search of thousands of rows at every key froze the page)
  var pending = null;
  filterBox.addEventListener("input", function () {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () {
      pending = null;
      render();
    }, 200);
  });
  levelBox.addEventListener("change", render);
  render();
  table.setAttribute("data-rendered", "true");
})();
