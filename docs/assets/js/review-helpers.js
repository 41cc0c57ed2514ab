/*
 * The review helpers: the review deadline calculator and "Who reviews my complaint?".
 *
 * Progressive enhancement. The pipeline (hooks/iopcsite/helpers.py) renders each
 * helper hidden; this script reveals it. Without JavaScript the page's own words
 * explain the rules, so nobody meets a form that does nothing.
 *
 * The rules arrive in a <script type="application/json"> block in the page, not
 * as a separate file: no second request on a poor signal, the texts are already
 * in the page's language, and a data block is never run, so a strict
 * Content-Security-Policy has nothing to allow. No cookies, no storage, no
 * network: what people type stays in this tab.
 *
 * The same rules are in hooks/iopcsite/review_rules.py. Both are tested with
 * the one table of cases in docs/_data/review-rules.yml.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var FIELDS = ["day", "month", "year"];
  var DIGITS = /^[0-9]+$/;

  function readData(root) {
    return JSON.parse(root.querySelector("script.iopc-helper__data").textContent);
  }

  // --- Errors, GOV.UK style: a summary at the top and a message by the field ---

  function showErrors(root, message, target, group, inputs) {
    var summary = root.querySelector(".iopc-error-summary");
    var list = summary.querySelector(".iopc-error-summary__list");
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + target.id;
    link.textContent = message;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      target.focus();
    });
    item.appendChild(link);
    list.replaceChildren(item);
    summary.hidden = false;

    var inline = group.querySelector(".iopc-error-message");
    inline.querySelector(".iopc-error-message__text").textContent = message;
    inline.hidden = false;
    group.classList.add("iopc-form-group--error");
    var fieldset = group.querySelector("fieldset");
    var described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(inline.id) < 0) {
      described.push(inline.id);
    }
    fieldset.setAttribute("aria-describedby", described.join(" "));
    inputs.forEach(function (input) {
      input.classList.add("iopc-input--error");
      input.setAttribute("aria-invalid", "true");
    });
    summary.focus();
  }

  function clearErrors(root) {
    var summary = root.querySelector(".iopc-error-summary");
    summary.hidden = true;
    summary.querySelector(".iopc-error-summary__list").replaceChildren();
    root.querySelectorAll(".iopc-error-message").forEach(function (inline) {
      inline.hidden = true;
      var fieldset = inline.closest("fieldset");
      var described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== inline.id;
      });
      if (described.length) {
        fieldset.setAttribute("aria-describedby", described.join(" "));
      } else {
        fieldset.removeAttribute("aria-describedby");
      }
    });
    root.querySelectorAll(".iopc-form-group--error").forEach(function (group) {
      group.classList.remove("iopc-form-group--error");
    });
    root.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.classList.remove("iopc-input--error");
      input.removeAttribute("aria-invalid");
    });
  }

  function showResult(root, template) {
    var region = root.querySelector(".iopc-helper__result");
    region.replaceChildren(template.content.cloneNode(true));
    return region;
  }

  // --- The deadline (mirrors review_rules.read_letter_date) ---

  function daysInMonth(year, month) {
    if (month === 2) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    }
    return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
  }

  function utcDay(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getTime();
  }

  function localToday() {
    var now = new Date();
    return utcDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  function readLetterDate(raw, today, rules) {
    var values = {};
    var missing = FIELDS.filter(function (name) {
      values[name] = raw[name].trim();
      return !values[name];
    });
    if (missing.length === FIELDS.length) {
      return { error: "enter-date", fields: FIELDS };
    }
    if (missing.length) {
      return { error: "missing-" + missing.join("-"), fields: missing };
    }
    var notNumbers = FIELDS.filter(function (name) { return !DIGITS.test(values[name]); });
    if (notNumbers.length) {
      return { error: "not-numbers", fields: notNumbers };
    }
    if (values.year.length !== 4) {
      return { error: "year-four-digits", fields: ["year"] };
    }
    var day = parseInt(values.day, 10);
    var month = parseInt(values.month, 10);
    var year = parseInt(values.year, 10);
    if (month < 1 || month > 12) {
      return { error: "not-real", fields: ["month"] };
    }
    if (day < 1 || day > daysInMonth(year, month)) {
      return { error: "not-real", fields: ["day"] };
    }
    var earliest = rules.earliest;
    if (year * 10000 + month * 100 + day < earliest[0] * 10000 + earliest[1] * 100 + earliest[2]) {
      return { error: "too-early", fields: FIELDS };
    }
    var letter = utcDay(year, month, day);
    if (letter > today) {
      return { error: "future", fields: FIELDS };
    }
    var last = letter + rules.days * DAY_MS;
    var status = last > today ? "in-time" : last === today ? "last-day-today" : "late";
    return { status: status, letter_date: letter, first_day: letter + DAY_MS, last_day: last };
  }

  function fullDate(time, rules) {
    var date = new Date(time);
    var weekday = rules.weekdays[(date.getUTCDay() + 6) % 7];
    return weekday + " " + date.getUTCDate() + " " + rules.months[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  function startDeadline(root) {
    var rules = readData(root);
    var form = root.querySelector("form");
    var group = root.querySelector(".iopc-form-group");
    var inputs = {};
    FIELDS.forEach(function (name) { inputs[name] = form.elements[name]; });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(root);
      var raw = {};
      FIELDS.forEach(function (name) { raw[name] = inputs[name].value; });
      var answer = readLetterDate(raw, localToday(), rules);
      var region = root.querySelector(".iopc-helper__result");
      if (answer.error) {
        region.replaceChildren();
        var marked = answer.fields.map(function (name) { return inputs[name]; });
        showErrors(root, rules.errors[answer.error], marked[0], group, marked);
        return;
      }
      region = showResult(root, root.querySelector('template[data-status="' + answer.status + '"]'));
      region.querySelectorAll("[data-slot]").forEach(function (slot) {
        slot.textContent = fullDate(answer[slot.getAttribute("data-slot")], rules);
      });
    });
  }

  // --- "Who reviews my complaint?" (mirrors review_rules.walk_checker) ---

  function startChecker(root) {
    var rules = readData(root);
    var form = root.querySelector("form");
    var back = root.querySelector('[data-action="back"]');
    var restart = root.querySelector('[data-action="restart"]');
    var region = root.querySelector(".iopc-helper__result");
    var trail = [];

    function group(id) {
      return form.querySelector('[data-question="' + id + '"]');
    }

    function current() {
      return trail.length ? trail[trail.length - 1] : null;
    }

    function showQuestion(id, moveFocus) {
      clearErrors(root);
      region.replaceChildren();
      form.querySelectorAll("[data-question]").forEach(function (item) {
        item.hidden = item.getAttribute("data-question") !== id;
      });
      form.hidden = false;
      back.hidden = trail.length === 0;
      restart.hidden = trail.length === 0;
      if (moveFocus) {
        group(id).querySelector(".iopc-fieldset__heading").focus();
      }
    }

    function showAnswer(resultId) {
      var unsure = trail.some(function (step) { return step.unsure; });
      var fallback = rules.results[resultId].unsure_result;
      var shown = unsure && fallback ? fallback : resultId;
      form.hidden = true;
      back.hidden = false;
      restart.hidden = false;
      showResult(root, root.querySelector('template[data-result="' + shown + '"]'));
      region.querySelector(".iopc-result__title").focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = current() ? current().next : rules.start;
      var chosen = form.querySelector('[data-question="' + question + '"] input:checked');
      if (!chosen) {
        var first = group(question).querySelector("input");
        showErrors(root, rules.errors.choose, first, group(question), []);
        return;
      }
      var step = rules.questions[question][chosen.value];
      trail.push({ question: question, next: step.next, unsure: step.unsure });
      if (step.result) {
        showAnswer(step.result);
      } else {
        showQuestion(step.next, true);
      }
    });

    back.addEventListener("click", function () {
      var step = trail.pop();
      showQuestion(step.question, true);
    });

    restart.addEventListener("click", function () {
      trail = [];
      form.reset();
      showQuestion(rules.start, true);
    });

    showQuestion(rules.start, false);
  }

  var STARTERS = { "review-deadline": startDeadline, "who-reviews": startChecker };

  document.querySelectorAll("[data-iopc-helper]").forEach(function (root) {
    var start = STARTERS[root.getAttribute("data-iopc-helper")];
    if (start) {
      start(root);
      root.hidden = false;
    }
  });
})();
