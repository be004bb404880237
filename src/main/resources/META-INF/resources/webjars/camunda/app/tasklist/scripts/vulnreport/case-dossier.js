// Tasklist plugins: the 案件 tab on every task (tasklist.task.detail) and the 案件一覧 link in the
// header (tasklist.navbar.action). Registered in ../config.js (customScripts).
import {el, getJson, renderDossier, renderCaseList, overlay} from './dossier-view.js';

export default [
  {
    id: 'vulnreport-case-dossier',
    pluginPoint: 'tasklist.task.detail',
    priority: 50,
    properties: {label: '案件'},
    render: (node, {taskId}) => {
      node.textContent = '';
      const body = el('div', {class: 'vr-task-dossier', style: {padding: '8px 12px'}});
      node.appendChild(body);
      getJson('/cases/for-task/' + encodeURIComponent(taskId))
        .then(r => renderDossier(body, r.trackingNumber))
        .catch(e => { body.textContent = e.message; });
    }
  },
  {
    id: 'vulnreport-case-list',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node) => {
      node.appendChild(el('a', {href: '#', class: 'vr-case-list-link', title: '案件一覧（検索）',
        onclick: (ev) => { ev.preventDefault(); overlay('案件一覧', renderCaseList); }}, '案件一覧'));
    }
  }
];
