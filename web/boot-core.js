// A second entry of index.html, small and with no other imports than the core: the page's core
// starts compiling as soon as this is here, not once KaTeX and the index have downloaded and run.
// web/main.js takes the same load (pageCore), and says so if it fails.
import {pageCore} from './core/core.js';

pageCore().catch(() => {});
