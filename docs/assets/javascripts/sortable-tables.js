/* Sortable statistics tables (progressive: readable without it). See hooks/iopcsite/collections/statistics/README.md. */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    if (!numeric) { return cell.textContent.trim().toLowerCase(); }
    var value = parseFloat(cell.textContent.replace(/[^0-9.]/g, ""));
    return isNaN(value) ? -1 : value;  // "none" and "not published" sort below every number
  }

  function sortBy(table, index, numeric, heading) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var total = rows.filter(function (row) { return row.classList.contains("iopc-total"); });
    rows = rows.filter(function (row) { return !row.classList.contains("iopc-total"); });
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var order = x < y ? -1 : (x > y ? 1 : 0);
      return ascending ? order : -order;
    });
    rows.concat(total).forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "iopc-sort";
      while (heading.firstChild) { button.appendChild(heading.firstChild); }
      heading.appendChild(button);
      var numeric = heading.hasAttribute("data-numeric");
      button.addEventListener("click", function () { sortBy(table, index, numeric, heading); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
})();
