// Copy-link and print buttons of the publication panel. They stay hidden without
// this script: the browser's own address bar and print command do the same.
(function () {
  "use strict";
  document.querySelectorAll("[data-share-enhanced]").forEach(function (item) {
    item.hidden = false;
  });

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var status = button.parentElement.querySelector(".share-links__status");
    if (!navigator.clipboard) {
      button.parentElement.hidden = true;
      return;
    }
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyLink).then(function () {
        if (status) status.textContent = button.dataset.copied;
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
