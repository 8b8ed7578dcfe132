/*
 * The topic picker's filter (portal/thesaurus/widgets.py): shows the filter box
 * and, as the editor types, hides the topics none of whose names (in any
 * language, normalised as the server wrote them) contain every word typed, and
 * the groups left empty. Without this script every topic stays listed.
 */
(function () {
  'use strict';

  // As search.text.normalise: lower case, no accents or harakat, one alef, ي for ى, ه for ة.
  function normalise(text) {
    return text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]/g, '')
      .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064a')
      .replace(/\u0629/g, '\u0647')
      .toLowerCase();
  }

  function start(picker) {
    var filter = picker.querySelector('[data-concept-picker-filter]');
    if (!filter || picker.dataset.started) {
      return;
    }
    picker.dataset.started = 'true';
    filter.hidden = false;
    filter.addEventListener('input', function () {
      var words = normalise(filter.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(picker.querySelectorAll('fieldset'), function (group) {
        var shown = 0;
        Array.prototype.forEach.call(group.querySelectorAll('[data-names]'), function (option) {
          var names = option.dataset.names;
          var match = words.every(function (word) { return names.indexOf(word) !== -1; });
          option.hidden = !match;
          shown += match ? 1 : 0;
        });
        group.hidden = shown === 0;
      });
    });
    // Enter in the filter would submit the page's form.
    filter.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
      }
    });
  }

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-concept-picker]'), start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startAll);
  } else {
    startAll();
  }
})();
