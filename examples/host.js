// The example course page's own script (examples/host.html): follows the lesson's events and
// sends it backprop:goto (docs/embed.md). Only messages from the lesson's frame are read, and
// each is checked before use.
(function () {
  'use strict';
  var frame = document.getElementById('lesson');
  var progress = document.getElementById('progress');
  var list = document.getElementById('events');
  var lessonOrigin = new URL(frame.src).origin;
  var total = 0;
  var completed = false;

  function log(data) {
    var item = document.createElement('li');
    item.textContent = JSON.stringify(data);
    list.appendChild(item);
  }

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== lessonOrigin) return;
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('backprop:') !== 0) return;
    if (data.type !== 'backprop:resize') log(data);
    if (data.type === 'backprop:step' && Number.isInteger(data.index) && Number.isInteger(data.total)) {
      total = data.total;
      progress.textContent = 'Paso ' + (data.index + 1) + ' de ' + data.total + (completed ? ' · lección completada' : '');
    } else if (data.type === 'backprop:completed') {
      completed = true;
      progress.textContent += ' · lección completada';
    }
  });

  function go(step) {
    frame.contentWindow.postMessage({type: 'backprop:goto', step: step}, lessonOrigin);
  }
  document.getElementById('first').addEventListener('click', function () { go(0); });
  document.getElementById('last').addEventListener('click', function () { if (total) go(total - 1); });
})();
