/* Opens search when a reader uses the header form, and only then (see README, "Search"). */
(function () {
  "use strict";

  var form = document.querySelector("[data-iopc-search-form]");
  if (!form || !window.fetch) {
    return;
  }
  var box = form.querySelector("input[type=search]");
  var opening = null;

  function open() {
    if (!opening) {
      var root = new URL(form.getAttribute("data-root"), window.location.href);
      opening = import(new URL("assets/js/search-ui.js", root).href).then(function (ui) {
        return ui.start(form, root);
      });
    }
    return opening;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    open().then(function (search) { search.show(box.value, true); });
  });
  box.addEventListener("input", function () {
    open().then(function (search) { search.show(box.value, false); });
  });

  // The search page, reached with a query (the form was used before this script ran): search at once,
  // then take the words out of the address.
  var page = document.querySelector("[data-iopc-search-page]");
  if (page) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    if (window.location.search) {
      window.history.replaceState(null, "", window.location.pathname);
    }
    box.value = query;
    open().then(function (search) { search.show(query, true); });
  }
})();
