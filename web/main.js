// Boots the page: loads the core, then renders the route named by the address.
import 'katex/dist/katex.min.css';
import './styles.css';
import {loadCore} from './core/core.js';
import {parseRoute} from './router.js';
import {S} from './strings/index.js';
import {mountHome} from './lessons/home.js';
import {mountMlp} from './lessons/mlp/page.js';
import {mountBptt} from './lessons/bptt/page.js';

const routes = {'/': mountHome, '/mlp': mountMlp, '/bptt': mountBptt};
const app = document.getElementById('app');
let current = null;
let currentPath = null;

function render(core) {
  const {path, params} = parseRoute();
  if (path === currentPath && current?.update) {
    current.update(params);  // same page: the address changed under it (a pasted link, back)
    return;
  }
  current?.destroy?.();
  app.replaceChildren();
  currentPath = path;
  const mount = routes[path];
  if (!mount) {
    app.innerHTML = `<main class="message"><p>${S.notFound}</p><p><a href="#/">${S.backHome}</a></p></main>`;
    current = null;
    return;
  }
  current = mount(app, {core, params});
}

async function start() {
  app.innerHTML = `<p class="loading">${S.loading}</p>`;
  let core;
  try {
    core = await loadCore();
  } catch (error) {
    app.innerHTML = `<p class="message error">${S.loadFailed}</p>`;
    throw error;
  }
  window.addEventListener('hashchange', () => render(core));
  render(core);
}

start();
