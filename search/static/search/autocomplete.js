/* Title suggestions under every search box that has data-autocomplete-url.
   The form works without this script; it only adds an accessible combobox
   (ARIA 1.2 pattern): arrows move through suggestions, Enter opens one,
   Escape closes the list, and a live region announces how many there are. */
(function () {
  "use strict";

  var DELAY = 180;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-autocomplete-url");
    if (!url || !window.fetch) return;
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var wrapper = input.parentNode;
    wrapper.classList.add("search-autocomplete");

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;

    // Stops a lookup that is waiting or in flight, so that a late answer cannot
    // open the list again after Escape or after the box has lost focus.
    function cancel() {
      window.clearTimeout(timer);
      if (controller) controller.abort();
      controller = null;
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", position === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function render(results) {
      close();
      results.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "search-autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("dir", "auto");
        // An option holds plain text, not a link: a link inside an option is a
        // control nested in a control, which screen readers may not announce.
        option.setAttribute("data-url", result.url);
        var title = document.createElement("span");
        title.className = "search-autocomplete__title";
        title.textContent = result.title;
        if (result.language) title.lang = result.language;
        var type = document.createElement("span");
        type.className = "search-autocomplete__type";
        type.textContent = result.type;
        option.appendChild(title);
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(result.url);
        });
        list.appendChild(option);
        items.push(option);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      var message = input.getAttribute("data-autocomplete-status") || "{count}";
      status.textContent = items.length ? message.replace("{count}", String(items.length)) : "";
    }

    function lookup() {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      var address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(text);
      fetch(address, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (document.activeElement === input && input.value.trim() === text) {
            render(data.results || []);
          }
        })
        .catch(function () {
          /* Suggestions are optional: the form still submits. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (list.hidden) return;
        event.preventDefault();
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Escape") {
        cancel();
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Enter" && active >= 0 && items[active]) {
        event.preventDefault();
        window.location.assign(items[active].getAttribute("data-url"));
      }
    });
    input.addEventListener("blur", function () {
      cancel();
      window.setTimeout(close, 100);
    });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-autocomplete-url]");
    Array.prototype.forEach.call(inputs, enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
