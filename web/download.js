// Saving a file the page made: a download link to a Blob (no data: URL, no inline script: works
// under the strict CSP). The labs' PNG/CSV buttons and "Exportar a PyTorch" use it.
import {el} from './dom.js';

export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el('a', {href: url, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
