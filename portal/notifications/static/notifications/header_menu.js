// The notification badge is a link to the notifications page. With JavaScript it
// opens the latest notifications in place instead; Escape or a click elsewhere
// closes them, and the page behind stays one click away ("See all notifications").
(function () {
  "use strict";

  document.querySelectorAll("[data-notification-menu]").forEach(function (menu) {
    var toggle = menu.querySelector("[data-notification-menu-toggle]");
    var panel = menu.querySelector("[data-notification-menu-panel]");
    if (!toggle || !panel) {
      return;
    }
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", panel.id);

    function setOpen(open) {
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(panel.hidden);
      if (!panel.hidden) {
        var first = panel.querySelector("a, button");
        if (first) {
          first.focus();
        }
      }
    });
    toggle.addEventListener("keydown", function (event) {
      // A link answers Enter; a button also answers the space bar.
      if (event.key === " ") {
        event.preventDefault();
        toggle.click();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        setOpen(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !menu.contains(event.target)) {
        setOpen(false);
      }
    });
  });
})();
