// Cockpit dashboard plugin (cockpit.dashboard): the deadline board. Registered in ../config.js.
import {el, renderBoard} from '../../../tasklist/scripts/vulnreport/dossier-view.js';

export default {
  id: 'vulnreport-deadline-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const body = el('div', {class: 'vr-deadline-board-body'});
    // the policy in force (deadline periods, their units and sources), read from the deployed tables
    const policy = el('p', {class: 'vr-policy-link'},
      el('a', {href: '/policy', target: '_blank', rel: 'noopener'}, '期限ポリシーと内閣府通知の基準（いま有効な版）'));
    node.appendChild(el('section', {class: 'vr-deadline-board'}, el('h3', {class: 'section-title'}, '期限ボード'), policy, body));
    renderBoard(body);
  }
};
