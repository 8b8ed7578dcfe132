// Disclosures marked data-open-wide (the site menu, the filters) are folded on
// phones, where they would push the content down, and open on wide screens, where
// there is room beside it. Without this script they are simply folded everywhere
// and open with a click, so nothing depends on it.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");

  function sync() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = wide.matches;
      details.classList.toggle("is-wide", wide.matches);
    });
  }

  sync();
  wide.addEventListener("change", sync);
})();
