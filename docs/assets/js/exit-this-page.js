/* "Exit this page": leave this website fast with the button, the skip link, or by
   pressing Shift three times within 5 seconds. The behaviour follows GOV.UK's
   Exit this page component, with one change: we leave with location.replace, so
   the browser's Back button does not return to the page that was left.
   Messages come from the data attributes the template fills from strings.yml. */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var TIME_LIMIT_MS = 5000;

  var root = document.querySelector("[data-iopc-exit]");
  if (!root) {
    return;
  }
  var button = root.querySelector(".iopc-exit__button");
  var status = root.querySelector("[data-iopc-exit-status]");
  var messages = root.dataset;
  var lights = buildIndicator();

  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;
  var messageTimer = null;
  var overlay = null;

  function buildIndicator() {
    var indicator = document.createElement("span");
    indicator.className = "iopc-exit__indicator";
    indicator.setAttribute("aria-hidden", "true");
    for (var i = 0; i < PRESSES_TO_EXIT; i += 1) {
      var light = document.createElement("span");
      light.className = "iopc-exit__light";
      indicator.appendChild(light);
    }
    button.appendChild(indicator);
    return indicator;
  }

  function showPresses() {
    lights.classList.toggle("iopc-exit__indicator--visible", presses > 0);
    Array.prototype.forEach.call(lights.children, function (light, index) {
      light.classList.toggle("iopc-exit__light--on", index < presses);
    });
  }

  function clearTimer(timer) {
    if (timer) {
      window.clearTimeout(timer);
    }
    return null;
  }

  // Hide the page at once (the next site may be slow to load), then leave
  // without adding a history entry.
  function exitPage() {
    status.textContent = "";
    document.documentElement.classList.add("iopc-exit-leaving");
    overlay = document.createElement("div");
    overlay.className = "iopc-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    // Set after insertion: screen readers announce the change more reliably.
    overlay.textContent = messages.activated;
    window.location.replace(button.href);
  }

  function expire() {
    pressTimer = clearTimer(pressTimer);
    presses = 0;
    showPresses();
    status.textContent = messages.timedOut;
    messageTimer = clearTimer(messageTimer);
    messageTimer = window.setTimeout(function () {
      status.textContent = "";
    }, TIME_LIMIT_MS);
  }

  // Shift on its own counts. Shift used with another key (Shift+A) sends a key-up
  // for A with shiftKey set and then one for Shift: that Shift is not counted.
  function onKeyUp(event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      showPresses();
      messageTimer = clearTimer(messageTimer);
      if (presses >= PRESSES_TO_EXIT) {
        presses = 0;
        pressTimer = clearTimer(pressTimer);
        exitPage();
      } else {
        status.textContent = presses === 1 ? messages.pressTwoMore : messages.pressOneMore;
        pressTimer = clearTimer(pressTimer);
        pressTimer = window.setTimeout(expire, TIME_LIMIT_MS);
      }
    } else if (pressTimer) {
      expire();
    }
    lastKeyWasModified = event.shiftKey;
  }

  function onClick(event) {
    event.preventDefault();
    exitPage();
  }

  // If the browser shows this page again from its cache, give back a usable page.
  function resetPage() {
    document.documentElement.classList.remove("iopc-exit-leaving");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    presses = 0;
    lastKeyWasModified = false;
    pressTimer = clearTimer(pressTimer);
    messageTimer = clearTimer(messageTimer);
    status.textContent = "";
    showPresses();
  }

  // The stylesheet keeps sticky and scrolled-to things clear of the bar with this height.
  function shareHeight() {
    document.documentElement.style.setProperty("--iopc-exit-height", root.offsetHeight + "px");
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-iopc-exit-link]"), function (link) {
    link.addEventListener("click", onClick);
  });
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", resetPage);
  window.addEventListener("resize", shareHeight);
  shareHeight();
}());
