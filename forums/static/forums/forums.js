// Enhances the forum forms that already work without JavaScript:
// a live Markdown preview next to the editor, a formatting toolbar, a draft kept in
// this browser until it is posted, "Quote" buttons that fill the reply box on the
// same page instead of opening the reply page, and "Helpful" that counts in place.
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

  function setUpToolbar(editor) {
    var toolbar = editor.querySelector("[data-markdown-toolbar]");
    var input = editor.querySelector("[data-markdown-input]");
    if (!toolbar || !input) {
      return;
    }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      var start = input.selectionStart;
      var end = input.selectionEnd;
      var selected = input.value.slice(start, end);
      var replacement;
      if (button.hasAttribute("data-wrap")) {
        var mark = button.getAttribute("data-wrap");
        replacement = mark + selected + mark;
      } else if (button.hasAttribute("data-prefix")) {
        var prefix = button.getAttribute("data-prefix");
        replacement = (selected || "").split("\n").map(function (line) { return prefix + line; }).join("\n");
      } else {
        replacement = "[" + (selected || "") + "](https://)";
      }
      input.setRangeText(replacement, start, end, "end");
      input.focus();
      input.dispatchEvent(new Event("input"));
    });
  }

  function setUpDraft(editor) {
    var input = editor.querySelector("[data-markdown-input]");
    var status = editor.querySelector("[data-draft-status]");
    var form = editor.closest("form");
    if (!input || !form || !window.localStorage) {
      return;
    }
    var key = "portal-draft:" + form.getAttribute("action");
    try {
      var kept = window.localStorage.getItem(key);
      if (kept && !input.value.trim()) {
        input.value = kept;
        if (status) {
          status.textContent = status.getAttribute("data-draft-restored");
        }
      }
    } catch (error) { /* Storage may be switched off; the form works without it. */ }
    input.addEventListener("input", function () {
      try {
        if (input.value.trim()) {
          window.localStorage.setItem(key, input.value);
          if (status) {
            status.textContent = status.getAttribute("data-draft-saved");
          }
        } else {
          window.localStorage.removeItem(key);
        }
      } catch (error) { /* A full or disabled storage only loses the draft copy. */ }
    });
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.name === "preview") {
        return;
      }
      try {
        window.localStorage.removeItem(key);
      } catch (error) { /* Nothing kept, nothing to remove. */ }
    });
  }

  function setUpReactions() {
    if (!window.fetch) {
      return;
    }
    document.querySelectorAll("form[data-reaction]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var button = form.querySelector("button");
        var count = form.querySelector("[data-reaction-count]");
        var names = form.parentNode.querySelector("[data-reaction-names]");
        button.disabled = true;
        fetch(form.getAttribute("action"), {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(form), Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (result) {
            if (!result) {
              form.submit();
              return;
            }
            button.setAttribute("aria-pressed", result.reacted ? "true" : "false");
            count.textContent = String(result.count);
            if (names) {
              names.textContent = result.names;
              names.hidden = !result.names;
              if (result.names) {
                button.setAttribute("aria-describedby", names.id);
              } else {
                button.removeAttribute("aria-describedby");
              }
            }
          })
          .catch(function () { form.submit(); })
          .finally(function () { button.disabled = false; });
      });
    });
  }

  document.querySelectorAll(".markdown-editor").forEach(function (editor) {
    setUpPreview(editor);
    setUpToolbar(editor);
    setUpDraft(editor);
  });
  setUpQuotes();
  setUpReactions();
})();
