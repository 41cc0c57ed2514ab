/* The learning recommendations register: narrow the list by recipient, key area, topic, year,
   response status and words. Progressive enhancement: without this script the page lists every
   recommendation and links to pages made at build time for each recipient, year, status and key area.
   The filter data (filter.json) loads only here. The filters live in the page address, so a filtered
   view can be shared or bookmarked; nothing is kept on the reader's device. */
(function () {
  "use strict";
  var form = document.getElementById("recommendation-filters");
  var list = document.querySelector(".iopc-register ul");
  if (!form || !list || !window.fetch || !window.URLSearchParams) return;
  var items = Array.prototype.slice.call(list.children);
  var count = form.querySelector(".iopc-count");
  var chosen = form.querySelector(".iopc-chosen");
  var chosenList = form.querySelector(".iopc-chosen-list");
  var clear = form.querySelector(".iopc-clear");
  var words = form.querySelector("#filter-q");
  var names = ["recipient", "key_area", "topic", "year", "status"];
  var selects = {};
  names.forEach(function (name) { selects[name] = form.querySelector("#filter-" + name); });

  function labels(select) {
    var found = {};
    Array.prototype.forEach.call(select.options, function (option) { found[option.value] = option.text; });
    return found;
  }

  function normal(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function rows(data) {
    var recipientNames = labels(selects.recipient);
    return data.i.map(function (item) {
      var batch = data.b[item[0]];
      var recipients = item[2].map(function (index) { return data.r[index]; });
      var text = [batch[4], item[4]].concat(recipients.map(function (id) { return recipientNames[id] || id; }));
      return {
        recipient: recipients,
        key_area: batch[2].map(function (index) { return data.k[index]; }),
        topic: batch[3].map(function (index) { return data.t[index]; }),
        year: [String(batch[1])],
        status: [data.s[item[3]]],
        text: normal(text.join(" "))
      };
    });
  }

  function start(data) {
    if (data.i.length !== items.length) return; // the page and its data disagree: keep the plain list
    var table = rows(data);
    var params = new URLSearchParams(window.location.search);
    words.value = params.get("q") || "";
    names.forEach(function (name) {
      var wanted = params.get(name) || "";
      var known = Array.prototype.some.call(selects[name].options, function (o) { return o.value === wanted; });
      selects[name].value = known ? wanted : "";
    });

    function apply() {
      var terms = normal(words.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      table.forEach(function (row, index) {
        var match = names.every(function (name) {
          var value = selects[name].value;
          return !value || row[name].indexOf(value) !== -1;
        }) && terms.every(function (term) { return row.text.indexOf(term) !== -1; });
        items[index].hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown === 0 ? count.dataset.none
        : shown === 1 ? count.dataset.one : count.dataset.many.replace("{n}", String(shown));
      showChosen();
      keepInAddress();
    }

    function showChosen() {
      chosenList.textContent = "";
      var any = false;
      if (words.value.trim()) { any = true; chip(form.querySelector('label[for="filter-q"]').textContent, words.value.trim(), words); }
      names.forEach(function (name) {
        var select = selects[name];
        if (!select.value) return;
        any = true;
        chip(form.querySelector('label[for="filter-' + name + '"]').textContent,
             select.options[select.selectedIndex].text, select);
      });
      chosen.hidden = !any;
    }

    function chip(label, value, control) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "iopc-chip";
      button.textContent = label + ": " + value;
      button.setAttribute("aria-label", count.dataset.remove + ": " + label + ": " + value);
      button.addEventListener("click", function () {
        control.value = "";
        apply();
        control.focus();
      });
      item.appendChild(button);
      chosenList.appendChild(item);
    }

    function keepInAddress() {
      var next = new URLSearchParams();
      if (words.value.trim()) next.set("q", words.value.trim());
      names.forEach(function (name) { if (selects[name].value) next.set(name, selects[name].value); });
      var query = next.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    words.addEventListener("input", apply);
    names.forEach(function (name) { selects[name].addEventListener("change", apply); });
    clear.addEventListener("click", function () {
      words.value = "";
      names.forEach(function (name) { selects[name].value = ""; });
      apply();
      words.focus();
    });
    form.hidden = false;
    apply();
  }

  fetch(form.dataset.filterData, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data) start(data); })
    .catch(function () { /* the plain list and the pages by recipient, year and status still work */ });
})();
