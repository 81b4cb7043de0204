// For a course page that embeds the lesson (docs/embed.md): sizes each lesson frame to its content.
// The lesson posts {type: 'backprop:resize', height} to its parent at every layout change; this
// sets the height of the iframe that message came from (its contentWindow), and of no other.
// Served with the site at /embed.js; a plain script (no module, no inline code): include it with
// <script src=".../embed.js"></script> next to the iframe.
(function () {
  'use strict';
  if (window.backpropEmbed) return;  // included twice
  window.backpropEmbed = {version: 1};

  var MAX_HEIGHT = 50000;  // CSS pixels: anything taller is a mistake, not a lesson

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (source && frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'backprop:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    var frame = frameOf(event.source);
    if (frame) frame.style.height = Math.ceil(height) + 'px';
  });

  // Frames that loaded before this script: ask them for their height again.
  function measure() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({type: 'backprop:measure'}, '*');
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', measure);
  else measure();
})();
