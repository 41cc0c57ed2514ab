/* Find your force: narrows the forces list as a reader types (progressive: the whole list without it). See hooks/iopcsite/collections/forces/README.md. */
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/&/g, "and");
  }

  function start(box) {
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var headings = Array.prototype.slice.call(document.querySelectorAll("[data-force-group]"));
    var groups = headings.map(function (heading) {
      var list = heading.nextElementSibling;
      while (list && list.tagName !== "UL") { list = list.nextElementSibling; }
      return { heading: heading, items: list ? Array.prototype.slice.call(list.children) : [], list: list };
    });
    var total = groups.reduce(function (sum, group) { return sum + group.items.length; }, 0);

    function update() {
      var wanted = normalise(input.value.trim());
      var shown = 0;
      groups.forEach(function (group) {
        var inGroup = 0;
        group.items.forEach(function (item) {
          var match = !wanted || normalise(item.textContent).indexOf(wanted) !== -1;
          item.hidden = !match;
          if (match) { inGroup += 1; }
        });
        group.heading.hidden = inGroup === 0;
        if (group.list) { group.list.hidden = inGroup === 0; }
        shown += inGroup;
      });
      status.textContent = !wanted ? "" : (shown === 0 ? status.getAttribute("data-none")
        : status.getAttribute("data-count-template").replace("{count}", shown).replace("{total}", total));
    }

    box.hidden = false;
    input.addEventListener("input", update);
  }

  var box = document.querySelector("[data-force-filter]");
  if (box) { start(box); }
})();
