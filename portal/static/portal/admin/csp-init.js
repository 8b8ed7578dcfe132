/*
 * The admin's Content-Security-Policy refuses inline scripts. Wagtail starts its
 * inline panels, date pickers and choosers with one; the templates in
 * portal/templates/wagtailadmin (an app's folder, where Django's form renderer
 * finds widget templates) leave a <template data-portal-init> marker in its
 * place, with the same arguments, and this starts them: those on the page when
 * it is read, and those added later (a new child form of an inline panel).
 */
(function () {
  'use strict';

  // The chooser widgets (portal/admin_widgets.py) name their constructor.
  var CHOOSERS = ['Chooser', 'PageChooser', 'DocumentChooser', 'ImageChooser', 'SnippetChooser'];

  var STARTERS = {
    Chooser: function (marker) {
      var name = marker.dataset.constructor;
      if (CHOOSERS.indexOf(name) !== -1) {
        return new window[name](marker.dataset.id, JSON.parse(marker.dataset.options));
      }
      return null;
    },
    InlinePanel: function (marker) {
      return new window.InlinePanel(JSON.parse(marker.dataset.options));
    },
    MultipleChooserPanel: function (marker) {
      return new window.MultipleChooserPanel(JSON.parse(marker.dataset.options));
    },
    initDateChooser: function (marker) {
      window.initDateChooser(marker.dataset.id, JSON.parse(marker.dataset.options));
    },
    initTimeChooser: function (marker) {
      window.initTimeChooser(marker.dataset.id, JSON.parse(marker.dataset.options));
    },
    initDateTimeChooser: function (marker) {
      window.initDateTimeChooser(marker.dataset.id, JSON.parse(marker.dataset.options));
    },
  };

  function start(root) {
    var markers = root.querySelectorAll ? root.querySelectorAll('template[data-portal-init]') : [];
    Array.prototype.forEach.call(markers, function (marker) {
      // A marker inside another <template> is a form not yet added.
      if (marker.dataset.portalStarted || !document.documentElement.contains(marker)) {
        return;
      }
      var starter = STARTERS[marker.dataset.portalInit];
      if (starter) {
        marker.dataset.portalStarted = 'true';
        starter(marker);
      }
    });
  }

  function watch() {
    start(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        Array.prototype.forEach.call(mutation.addedNodes, function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            start(node.parentNode || node);
          }
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watch);
  } else {
    watch();
  }
})();
