/* The recommendations register's filters: see hooks/iopcsite/collections/recommendations. */
(function () {
  "use strict";
  var form = document.getElementById("recommendation-filters");
  var list = document.querySelector(".iopc-register ul");
  if (!form || !list || !window.fetch || !window.URLSearchParams) return;
  var count = form.querySelector(".iopc-count");
  var say = count.dataset;
  var chosen = form.querySelector(".iopc-chosen");
  var chosenList = form.querySelector(".iopc-chosen-list");
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

  function element(tag, text) {
    var made = document.createElement(tag);
    if (text) made.textContent = text;
    return made;
  }

  function rows(data) {
    var recipientNames = labels(selects.recipient);
    var statusNames = {};
    data.s.forEach(function (state, index) { statusNames[state] = data.l.s[index]; });
    return data.i.map(function (item) {
      var batch = data.b[item[0]];
      var recipients = item[2].map(function (index) { return data.r[index]; });
      var shownNames = recipients.map(function (id) { return recipientNames[id] || id; });
      var status = data.s[item[3]];
      return {
        recipient: recipients,
        key_area: batch[2].map(function (index) { return data.k[index]; }),
        topic: batch[3].map(function (index) { return data.t[index]; }),
        year: [String(batch[1])],
        status: [status],
        text: normal([batch[4], batch[5], item[4]].concat(shownNames).join(" ")),
        href: batch[0] + "/#recommendation-" + item[1],
        title: batch[4] + ": " + say.recommendation.replace("{n}", item[1]),
        meta: statusNames[status] + " · " + say.to + ": " + shownNames.join(", ")
      };
    });
  }

  function draw(row) {
    var item = element("li");
    var title = element("p");
    var link = element("a", row.title);
    link.href = row.href;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", row.meta));
    return item;
  }

  function fill(select, values, names) {
    values.forEach(function (value, index) {
      var option = element("option", names[index]);
      option.value = value;
      select.appendChild(option);
    });
  }

  function start(data) {
    var years = [];
    data.b.forEach(function (batch) { if (years.indexOf(String(batch[1])) === -1) years.push(String(batch[1])); });
    years.sort().reverse();
    fill(selects.recipient, data.r, data.l.r);
    fill(selects.key_area, data.k, data.l.k);
    fill(selects.topic, data.t, data.l.t);
    fill(selects.year, years, years);
    fill(selects.status, data.o, data.o.map(function (state) { return data.l.s[data.s.indexOf(state)]; }));
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
      var found = table.filter(function (row) {
        return names.every(function (name) {
          var value = selects[name].value;
          return !value || row[name].indexOf(value) !== -1;
        }) && terms.every(function (term) { return row.text.indexOf(term) !== -1; });
      });
      var drawn = document.createDocumentFragment();
      found.forEach(function (row) { drawn.appendChild(draw(row)); });
      list.textContent = "";
      list.appendChild(drawn);
      count.textContent = found.length === 0 ? say.none
        : found.length === 1 ? say.one : say.many.replace("{n}", String(found.length));
      showChosen();
      keepInAddress();
    }

    function showChosen() {
      chosenList.textContent = "";
      var any = false;
      if (words.value.trim()) { any = true; chip(words, words.value.trim()); }
      names.forEach(function (name) {
        var select = selects[name];
        if (!select.value) return;
        any = true;
        chip(select, select.options[select.selectedIndex].text);
      });
      chosen.hidden = !any;
    }

    function chip(control, value) {
      var label = form.querySelector('label[for="' + control.id + '"]').textContent;
      var item = element("li");
      var button = element("button", label + ": " + value);
      button.type = "button";
      button.className = "iopc-chip";
      button.setAttribute("aria-label", say.remove + ": " + label + ": " + value);
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
    form.querySelector(".iopc-clear").addEventListener("click", function () {
      words.value = "";
      names.forEach(function (name) { selects[name].value = ""; });
      apply();
      words.focus();
    });
    Array.prototype.forEach.call(document.querySelectorAll(".iopc-more"), function (note) { note.hidden = true; });
    form.hidden = false;
    apply();
  }

  fetch(form.dataset.filterData, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data) start(data); })
    .catch(function () { /* the page still works without the filters */ });
})();
