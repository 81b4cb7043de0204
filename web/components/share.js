// "Compartir": the address of this exact scenario and step, and the code to embed it (the iframe
// and embed.js) with a teacher's options and a preview (web/embed/share-options.js).
import {el} from '../dom.js';
import {routeHash} from '../router.js';
import {S} from '../strings/index.js';
import {embedSnippet, embedUrl} from '../embed/snippet.js';
import {mountShareOptions} from '../embed/share-options.js';

export function shareLinks(path, params) {
  const base = `${location.origin}${location.pathname}`;
  const link = `${base}${routeHash(path, params)}`;
  const iframe = embedSnippet(embedUrl(path, params, {}, base));
  return {link, iframe};
}

export function mountShare(container, ctx, path = '/mlp') {
  const T = S.share;
  const linkField = el('input', {type: 'text', readonly: true, class: 'share-link', 'aria-label': T.link});
  const iframeField = el('textarea', {readonly: true, rows: 4, class: 'share-iframe', 'aria-label': T.iframe});
  const options = mountShareOptions({path, panelNames: ctx.panelNames ?? [], onChange: (snippet) => { iframeField.value = snippet; }});
  const copy = el('button', {type: 'button', class: 'share-copy', onclick: async () => {
    try {
      await navigator.clipboard.writeText(iframeField.value);
      status.textContent = S.embed.options.copied;
    } catch {
      status.textContent = T.copyByHand;
      iframeField.select();
    }
  }}, S.embed.options.copy);
  const status = el('p', {class: 'share-status', role: 'status'});
  const warning = el('p', {class: 'share-too-long', hidden: true}, T.tooLong);
  const dialog = el('dialog', {class: 'share-dialog'}, [
    el('h2', {}, T.title),
    warning,
    el('label', {}, [T.link, linkField]),
    options.controls,
    el('label', {}, [T.iframe, iframeField]),
    copy,
    status,
    options.preview,
    el('form', {method: 'dialog'}, el('button', {type: 'submit'}, T.close)),
  ]);

  async function open() {
    const {link, iframe} = shareLinks(path, ctx.address());
    linkField.value = link;
    const {step, steps} = ctx.store.get();
    options.open(ctx.address(), step, steps.length);  // fills iframeField: the default options
    const tooLong = ctx.tooLongToShare?.() ?? false;
    warning.hidden = !tooLong;
    dialog.showModal();
    try {
      await navigator.clipboard.writeText(`${link}\n\n${iframe}`);
      status.textContent = T.copied;
    } catch {
      status.textContent = T.copyByHand;
      linkField.select();
    }
  }

  dialog.addEventListener('close', options.close);
  container.append(el('button', {type: 'button', class: 'share-button', onclick: open}, T.button), dialog);
  return {destroy: options.destroy};
}
