// Enhances the forum forms that already work without JavaScript:
// a live Markdown preview next to the editor, and "Quote" buttons that fill the
// reply box on the same page instead of opening the reply page.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUpPreview(editor) {
    var input = editor.querySelector("[data-markdown-input]");
    var area = editor.querySelector("[data-markdown-preview]");
    var body = area && area.querySelector(".markdown-preview__body");
    var form = editor.closest("form");
    if (!input || !area || !body || !form || !window.fetch) {
      return;
    }
    var timer = null;
    var url = editor.getAttribute("data-preview-url");
    function refresh() {
      if (!input.value.trim()) {
        area.hidden = true;
        return;
      }
      var data = new FormData();
      data.append("body", input.value);
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form) },
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          if (result && typeof result.html === "string") {
            // The server renders and sanitises the text exactly as it will be stored.
            body.innerHTML = result.html;
            area.hidden = false;
          }
        })
        .catch(function () { /* The "Preview" button still works. */ });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 500);
    });
  }

  function setUpQuotes() {
    var replyForm = document.querySelector(".reply form");
    if (!replyForm) {
      return;
    }
    var textarea = replyForm.querySelector("[data-markdown-input]");
    var quoted = replyForm.querySelector("input[name=quoted]");
    var replyTo = replyForm.querySelector("input[name=reply_to]");
    document.querySelectorAll("[data-quote]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var lines = (link.getAttribute("data-quote-source") || "").trim().split("\n");
        var quote = lines.map(function (line) { return "> " + line; }).join("\n") + "\n\n";
        textarea.value = quote + textarea.value;
        quoted.value = link.getAttribute("data-quote");
        replyTo.value = link.getAttribute("data-quote");
        textarea.focus();
        textarea.dispatchEvent(new Event("input"));
      });
    });
    document.querySelectorAll("[data-reply-to]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        replyTo.value = link.getAttribute("data-reply-to");
        textarea.focus();
      });
    });
  }

  document.querySelectorAll(".markdown-editor").forEach(setUpPreview);
  setUpQuotes();
})();
