// "Compartir": the address of this exact scenario and step, and the iframe code to embed it.
import {el} from '../dom.js';
import {routeHash} from '../router.js';
import {S} from '../strings/index.js';

export function shareLinks(path, params) {
  const base = `${location.origin}${location.pathname}`;
  const link = `${base}${routeHash(path, params)}`;
  const embedParams = new URLSearchParams(params);
  embedParams.set('embed', '1');
  const embed = `${base}${routeHash(path, embedParams)}`;
  const iframe = `<iframe src="${embed.replace(/&/g, '&amp;')}" title="${S.share.iframeTitle}" width="100%" height="760" loading="lazy" style="border:0"></iframe>`;
  return {link, iframe};
}

export function mountShare(container, ctx, path = '/mlp') {
  const T = S.share;
  const linkField = el('input', {type: 'text', readonly: true, class: 'share-link', 'aria-label': T.link});
  const iframeField = el('textarea', {readonly: true, rows: 3, class: 'share-iframe', 'aria-label': T.iframe});
  const status = el('p', {class: 'share-status', role: 'status'});
  const warning = el('p', {class: 'share-too-long', hidden: true}, T.tooLong);
  const dialog = el('dialog', {class: 'share-dialog'}, [
    el('h2', {}, T.title),
    warning,
    el('label', {}, [T.link, linkField]),
    el('label', {}, [T.iframe, iframeField]),
    status,
    el('form', {method: 'dialog'}, el('button', {type: 'submit'}, T.close)),
  ]);

  async function open() {
    const {link, iframe} = shareLinks(path, ctx.address());
    linkField.value = link;
    iframeField.value = iframe;
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

  container.append(el('button', {type: 'button', class: 'share-button', onclick: open}, T.button), dialog);
  return {destroy() {}};
}
