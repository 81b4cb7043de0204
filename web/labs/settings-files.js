// "Guardar ajustes" and "Abrir ajustes" on a lab's page (web/labs/page.js): the lab's settings as
// its address holds them (text values), plus what does not fit there (lab 1's imported points),
// saved as {"lab": name, "settings": {…}}; a file opened by the picker or dropped on the page is
// read with the lab's own reading of an address (its module's checkSettings(params, core) → the labels
// of the refused fields) and, when refused, changes nothing.
import {mountFileBar, saveJson} from '../components/files.js';
import {S} from '../strings/index.js';
import {findLab} from './registry.js';

export const settingsFile = (name, query, fileOnly = {}) => ({lab: name, settings: {...query, ...fileOnly}});

// {params} (URLSearchParams) from a parsed file, or {message} saying why it is refused.
export function readSettingsFile(value, name, check) {
  const F = S.files;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {message: F.notSettings};
  if ('model' in value) return {message: F.scenarioNotSettings};
  const {lab, settings} = value;
  if (typeof lab !== 'string' || !settings || typeof settings !== 'object' || Array.isArray(settings)) return {message: F.notSettings};
  if (lab !== name) {
    const other = findLab(lab);
    return {message: other ? F.wrongLab(S.labs[other.key].title) : F.unknownLab(lab.slice(0, 60))};
  }
  const badType = Object.entries(settings).filter(([, v]) => !['string', 'number', 'boolean'].includes(typeof v)).map(([k]) => k);
  if (badType.length) return {message: F.badValueType(badType.map((k) => `«${k.slice(0, 40)}»`))};
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(settings)) if (key !== 'embed') params.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  const refused = check(params);
  return refused.length ? {message: F.badSettings(refused)} : {params};
}

// slot: the top bar's place for the buttons; statusSlot: under the bar; page: where files drop.
// current() → {query: {name: text}, fileOnly}; apply(params): the lab again from these settings;
// labOpeners() → the lab's own openers for dropped files (lab 1's CSV).
export function mountSettingsFiles(slot, statusSlot, page, {name, check, current, apply, labOpeners}) {
  const F = S.files;
  return mountFileBar(slot, statusSlot, page, {
    statusClass: 'lab-file-status',
    saveLabel: F.saveSettings,
    save() {
      const {query, fileOnly} = current();
      const fileName = `${F.fileNames.settings}-${name}.json`;
      saveJson(settingsFile(name, query, fileOnly), fileName);
      return fileName;
    },
    openLabel: F.openSettings,
    open(value) {
      const read = readSettingsFile(value, name, check);
      if (read.message) return {ok: false, message: read.message};
      apply(read.params);
      return {ok: true};
    },
    moreOpeners: labOpeners,
  });
}
