// Cockpit dashboard plugin (cockpit.dashboard): the deadline board. Registered in ../config.js.
import {el, renderBoard} from '../../../tasklist/scripts/vulnreport/dossier-view.js';

export default {
  id: 'vulnreport-deadline-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const body = el('div', {class: 'vr-deadline-board-body'});
    node.appendChild(el('section', {class: 'vr-deadline-board'}, el('h3', {class: 'section-title'}, '期限ボード'), body));
    renderBoard(body);
  }
};
