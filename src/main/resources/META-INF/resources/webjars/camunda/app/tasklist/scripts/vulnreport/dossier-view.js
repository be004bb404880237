// The case dossier, the case list and the deadline board: thin views over the staff API
// (/api/cases…, /api/deadlines/open), called with the webapps' session. Shared by the Tasklist
// and Cockpit plugins. Every value is set as text (never as HTML): report texts are untrusted.

const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
export const API = appRoot.replace(/\/[^/]*$/, '') + '/api';

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'class') e.className = v;
    else if (k === 'style') Object.assign(e.style, v);
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  });
  children.flat(Infinity).forEach(c => {
    if (c === null || c === undefined || c === false) return;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return e;
}

/** 2026-11-26T09:00:00+09:00 → "2026-11-26 09:00 JST"; a date stays YYYY-MM-DD. */
export function jst(iso) {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1];
  // the API gives Japan time (+09:00); convert anything else
  if (!iso.endsWith('+09:00')) {
    const d = new Date(new Date(iso).getTime() + 9 * 3600 * 1000).toISOString();
    return d.substring(0, 10) + ' ' + d.substring(11, 16) + ' JST';
  }
  return m[1] + ' ' + m[2] + ' JST';
}

export async function getJson(path) {
  const r = await fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!r.ok) throw new Error(r.status === 403 ? 'この情報を見る権限がありません' : r.status === 404 ? '案件が見つかりません' : 'エラー ' + r.status);
  return r.json();
}

function table(headers, rows) {
  return el('table', {class: 'table table-condensed vr-table'},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c === null || c === undefined || c === '' ? '—' : c))))));
}

function dl(pairs) {
  return el('dl', {class: 'dl-horizontal vr-dl'}, pairs.filter(p => p[1] !== undefined).map(([k, v]) =>
    [el('dt', {}, k), el('dd', {style: {whiteSpace: 'pre-wrap'}}, v === null || v === '' ? '—' : v)]));
}

function section(id, title, ...content) {
  return el('section', {class: 'vr-section', 'data-section': id, style: {marginBottom: '18px'}},
    el('h4', {style: {borderBottom: '1px solid #ddd', paddingBottom: '4px'}}, title), content);
}

const REPORT_LABELS = {
  type: '脆弱性の種類', cwe: 'CWE', summary: '概要', details: '詳細', reproduction: '再現手順', environment: '環境',
  impact: '影響', workaround: '回避策', developer: '製品開発者', name: '製品名', versions: 'バージョン', url: 'URL',
  purl: 'purl', cpe: 'CPE', siteName: 'サイト名', discoveredOn: '発見日', requests: '要望',
  developerContacted: '開発者への連絡', others: 'その他の連絡先', date: '公表予定日', venue: '公表の場',
  exploitation: '悪用の状況（届出）', exploitationEvidence: '悪用の根拠'
};

const REPORTED_EXPLOITATION = {NONE: 'なし', PUBLIC_POC: '攻撃コード（PoC）が公開されている', OBSERVED: '悪用されているのを確認した'};

function reportPairs(report) {
  const pairs = [];
  const walk = (prefix, node) => Object.entries(node || {}).forEach(([k, v]) => {
    if (k === 'consent' || k === 'category') return;
    if (v && typeof v === 'object') walk(REPORT_LABELS[k] || ({product: '製品', website: 'ウェブサイト', vulnerability: '脆弱性', priorContact: '事前の連絡', disclosurePlan: '公表予定'}[k] || k), v);
    else pairs.push([(prefix ? prefix + '・' : '') + (REPORT_LABELS[k] || k), typeof v === 'boolean' ? (v ? 'はい' : 'いいえ')
      : k === 'exploitation' ? (REPORTED_EXPLOITATION[v] || v) : v]);
  });
  walk('', report);
  return pairs;
}

/** Renders the dossier of trackingNumber into node. */
export async function renderDossier(node, trackingNumber) {
  node.textContent = '';
  node.appendChild(el('p', {class: 'vr-loading'}, '読み込み中…'));
  let d;
  try {
    d = await getJson('/cases/' + encodeURIComponent(trackingNumber));
  } catch (e) {
    node.textContent = '';
    node.appendChild(el('p', {class: 'alert alert-danger'}, e.message));
    return;
  }
  const c = d.case;
  const parts = [];
  parts.push(el('h3', {class: 'vr-title'}, c.trackingNumber + '　' + c.summary));
  parts.push(section('case', '案件',
    dl([['受付番号', c.trackingNumber], ['種別', c.categoryLabel], ['状態', c.stateLabel + (c.closed ? '（完了）' : '')],
      ['製品', c.productName], ['製品開発者', c.productDeveloper], ['サイト', c.websiteUrl], ['受付経路', c.channelLabel],
      ['受付日時', jst(c.receivedAt)], ['受理', jst(c.acceptedAt)], ['不受理', c.notAcceptedAt ? jst(c.notAcceptedAt) + '（' + c.nonAcceptanceReasonLabel + '）' : '—'],
      ['検証', jst(c.verifiedAt)], ['起算日', jst(c.startDateAt)], ['詳細情報連絡日', jst(c.detailsSentAt)],
      ['公表', jst(c.publishedAt)], ['取りやめ', c.discontinuedAt ? jst(c.discontinuedAt) + '（' + (c.discontinuationReason || '') + '）' : '—'],
      ['完了', jst(c.closedAt)], ['完了の区分', c.websiteFixKindLabel], ['運営者の種類', c.operatorKindLabel],
      ['製品の種類', c.productKindLabel]])));
  if (d.reporter !== undefined) {
    const r = d.reporter || {};
    parts.push(section('reporter', '発見者（届出者）', r.erased ? el('p', {}, '個人情報は ' + jst(r.erasedAt) + ' に消去されました') :
      dl([['氏名', r.name], ['所属', r.organization], ['メール', r.email], ['電話', r.phone],
        ['謝辞', r.creditLabel + (r.creditWanted ? '（' + (r.creditDisplayName || '') + '）' : '')], ['連絡先の開示', r.shareContactLabel]])));
  }
  if (d.report !== undefined) {
    parts.push(section('report', '届出内容（全文）', dl(reportPairs(d.report))));
    if (d.clarifications && d.clarifications.length) {
      parts.push(section('clarifications', '発見者への確認', table(['回', '質問', '日時', '回答', '回答日時'],
        d.clarifications.map(q => [q.round, q.questions, jst(q.askedAt), q.answer, jst(q.answeredAt)]))));
    }
  }
  const v = d.verification || {};
  parts.push(section('verification', '検証', dl([['CVSS', v.cvssVector ? v.cvssVector + '（' + v.cvssScore + '）' : '—'],
    ['悪用の状況', v.exploitationStatusLabel], ['SSVC 優先度', v.ssvcPriority], ['検証日時', jst(v.verifiedAt)]]),
    (v.exploitationReports || []).length ? table(['悪用情報', '情報源', '根拠', '確認日時', 'TLP', '登録者'],
      v.exploitationReports.map(x => [x.statusLabel, x.source, x.evidence, jst(x.observedAt), x.tlp, x.recordedBy])) : null));
  if (d.attachments !== undefined) {
    parts.push(section('attachments', '添付ファイル', d.attachments.length ? table(['ファイル', 'サイズ', '保存日時', 'SHA-256'],
      d.attachments.map(a => [a.downloadUrl ? el('a', {href: API.replace(/\/api$/, '') + a.downloadUrl, download: a.fileName, class: 'vr-download'}, a.fileName + '（ダウンロード）') : a.fileName + '（消去済み）',
        a.size, jst(a.storedAt), a.sha256.substring(0, 16) + '…'])) : el('p', {}, '添付ファイルはありません')));
  }
  parts.push(section('deadlines', '期限', d.deadlines.length ? table(['期限', '期日', '残り・超過', '期間（方針）', '根拠'],
    d.deadlines.map(x => [x.kindLabel, jst(x.dueAt), x.caseClosed ? '（案件完了）' : el('span', {class: x.overdue ? 'text-danger' : ''}, x.timeLeft),
      x.period + '（' + x.policyDecisionId + ' 版' + x.policyVersion + '）', x.rule])) : el('p', {}, '期限はありません')));
  if (d.governmentNotice !== undefined) {
    const n = d.governmentNotice;
    parts.push(section('governmentNotice', '政府（内閣府）への通知', !n ? el('p', {}, '政府通知の判断はまだ始まっていません') : [
      dl([['状態', n.statusLabel], ['開始', jst(n.openedAt) + '（' + n.openedOnLabel + '）'], ['認知', n.recognisedAt ? jst(n.recognisedAt) + '（' + n.recognisedBy + '）' : '—'],
        ['期限', jst(n.deadlineAt) + (n.timeLeft ? '（' + n.timeLeft + '）' : '')], ['作成・承認', (n.draftedBy || '—') + ' / ' + (n.approvedBy || '—')],
        ['送信', jst(n.sentAt) + (n.late ? '（' + n.late + '）' : '')], ['製品開発者への連絡', n.vendorDecisionLabel], ['受領確認', jst(n.acknowledgedAt)],
        ['更新の送信', n.updatesSent + ' 回']]),
      (n.vendorTold || []).length ? table(['連絡した製品開発者', '日時', '方法', '宛先'],
        n.vendorTold.map(t => [t.developerName, jst(t.informedAt), t.howLabel, t.address])) : null,
      (n.zeroDayRequests || []).length ? table(['ゼロデイ取扱い要望', '受付', '要望の理由', '判断', '判断の理由'],
        n.zeroDayRequests.map(r => [r.developerName + '（' + r.sourceLabel + '）', jst(r.requestedAt), r.reason,
          r.decisionLabel + (r.decidedBy ? '（' + r.decidedBy + '）' : ''), r.decisionReason || '—'])) : null,
      el('pre', {class: 'vr-notice-text', style: {whiteSpace: 'pre-wrap'}}, n.text)].filter(x => x)));
  }
  if (d.governmentEvaluations !== undefined) {
    parts.push(section('governmentEvaluations', '政府通知の基準の評価（経路ごと）', d.governmentEvaluations.length
      ? table(['日時', '経路', '結果', '根拠', '対応', '紐づけ先', '担当'], d.governmentEvaluations.map(x => [jst(x.evaluatedAt),
        x.pathLabel, x.resultLabel, x.grounds || '—', x.outcomeLabel, x.linkedTrackingNumber || '—', x.actor]))
      : el('p', {}, '基準はまだ評価されていません')));
  }
  if (d.developers !== undefined) {
    parts.push(section('developers', '製品開発者', d.developers.length ? table(['開発者', '区分', '段階', '状況', '修正', '初回連絡', '詳細情報連絡', '公表希望日'],
      d.developers.map(x => [x.name, x.roleLabel, x.stageLabel, x.statusLabel, x.fixAvailabilityLabel, jst(x.firstContactAt), jst(x.detailsSentAt), x.proposedPublicationDate]))
      : el('p', {}, '製品開発者はまだ特定されていません')));
  }
  if (d.developers !== undefined && d.developers.some(x => x.contactAttempts && x.contactAttempts.length || x.listingConfirmedAt)) {
    parts.push(section('contactAttempts', '連絡不能の確認（メール以外の連絡の試行）', [
      table(['開発者', '手段', '試行日', '結果', '記録'], d.developers.flatMap(x => (x.contactAttempts || []).map(a =>
        [x.name, a.channelLabel, a.attemptedOn, a.result, jst(a.recordedAt) + '（' + a.recordedBy + '）']))),
      dl(d.developers.filter(x => x.listingConfirmedAt).map(x => [x.name + ' の掲載の確認', jst(x.listingConfirmedAt) + '（' + x.listingConfirmedBy + '）']))]));
  }
  if (d.advisory !== undefined) {
    const a = d.advisory;
    const href = (path) => API.replace(/\/api$/, '') + path;
    parts.push(section('advisory', '公表（JVN）', !a ? el('p', {}, '公表文はまだ作成されていません') : [
      dl([['JVN 番号', a.advisoryId], ['状態', a.statusLabel], ['公表予定日', a.plannedDate], ['公表日', a.publishedOn],
        ['公表ページ', a.publicUrl ? el('a', {href: a.publicUrl, target: '_blank', rel: 'noopener', class: 'vr-advisory-page'}, a.publicUrl) : '—（公表前）'],
        ['海外調整機関', a.overseasCoordinator]]),
      a.cves.length ? table(['CVE ID', 'CVE レコード（CVE JSON 5、CNA コンテナ）'], a.cves.map(c => [c.cveId,
        el('a', {href: href(c.recordUrl), download: c.recordFileName, class: 'vr-cve-record'}, c.recordFileName + '（ダウンロード）')]))
        : el('p', {}, 'CVE ID は記録されていません'),
      a.csafVersions.length ? table(['CSAF の版', '公開日', '内容', 'ダウンロード'], a.csafVersions.map(v => ['版 ' + v.version,
        v.releasedOn, v.summary, el('a', {href: href(v.downloadUrl), download: v.fileName, class: 'vr-csaf-version'}, v.fileName + '（ダウンロード）')]))
        : el('p', {}, 'CSAF 文書は公表時に第 1 版となります（公表前は下書き）')]));
  }
  parts.push(section('mails', '送信したメール', el('p', {class: 'text-muted'}, 'メールの本文は保存されていません（送信の記録と件名だけが残ります）。'),
    table(['日時', '種類', '宛先', '件名'], d.mails.map(m => [jst(m.sentAt), m.templateLabel, m.recipientKindLabel, m.subject || '（担当外のため表示しません）']))));
  if (d.links !== undefined) {
    parts.push(section('links', '専用リンク', d.links.length ? table(['相手', '状態', '発行', '有効期限', '利用'],
      d.links.map(l => [l.audienceLabel, l.stateLabel, jst(l.createdAt) + '（' + l.createdBy + '）', jst(l.expiresAt),
        l.uses.length ? l.uses.map(u => jst(u.usedAt) + ' ' + u.actionLabel + '・' + u.outcomeLabel).join('\n') : '未使用'])) : el('p', {}, '専用リンクはありません')));
  }
  parts.push(section('timeline', '経緯', table(['日時', '担当', '出来事', '内容'],
    d.timeline.map(e => [jst(e.occurredAt), e.actor, el('span', {class: e.type === 'ADMIN_ACTION' ? 'text-warning' : ''}, e.label), e.detail]))));
  node.textContent = '';
  node.appendChild(el('div', {class: 'vr-dossier', 'data-tracking-number': trackingNumber}, parts));
}

/** The case list with search; a row opens its dossier below. */
export function renderCaseList(node) {
  node.textContent = '';
  const q = el('input', {class: 'form-control', name: 'q', placeholder: '受付番号・製品・開発者・サイト・概要', style: {width: '260px'}});
  const state = el('select', {class: 'form-control', name: 'state'}, el('option', {value: ''}, 'すべて'),
    el('option', {value: 'open'}, '対応中'), el('option', {value: 'closed'}, '完了'));
  const from = el('input', {class: 'form-control', type: 'date', name: 'from'});
  const to = el('input', {class: 'form-control', type: 'date', name: 'to'});
  const results = el('div', {class: 'vr-case-results'});
  const dossier = el('div', {class: 'vr-case-dossier'});
  let page = 1;
  const search = async (p) => {
    page = p || 1;
    const params = new URLSearchParams({page, size: 20});
    if (q.value) params.set('q', q.value);
    if (state.value) params.set('state', state.value);
    if (from.value) params.set('from', from.value);
    if (to.value) params.set('to', to.value);
    results.textContent = '検索中…';
    try {
      const r = await getJson('/cases?' + params);
      if (state.options.length === 3) r.states.forEach(s => state.appendChild(el('option', {value: s.code}, s.label)));
      results.textContent = '';
      results.appendChild(el('p', {}, r.total + ' 件（' + r.page + ' ページ目）'));
      results.appendChild(table(['受付番号', '概要', '製品・サイト', '製品開発者', '状態', '受付日'], r.items.map(c => [
        el('a', {href: '#', class: 'vr-open-case', onclick: (ev) => { ev.preventDefault(); renderDossier(dossier, c.trackingNumber); }}, c.trackingNumber),
        c.summary, c.productName || c.websiteUrl, c.productDeveloper, c.stateLabel, jst(c.receivedAt).substring(0, 10)])));
      const nav = el('div', {});
      if (r.page > 1) nav.appendChild(el('button', {class: 'btn btn-default', onclick: () => search(page - 1)}, '前へ'));
      if (r.page * r.size < r.total) nav.appendChild(el('button', {class: 'btn btn-default', onclick: () => search(page + 1)}, '次へ'));
      results.appendChild(nav);
    } catch (e) {
      results.textContent = e.message;
    }
  };
  node.appendChild(el('form', {class: 'form-inline vr-case-search', onsubmit: (ev) => { ev.preventDefault(); search(1); }},
    el('label', {}, 'キーワード '), q, ' ', el('label', {}, '状態 '), state, ' ', el('label', {}, '受付期間 '), from, '〜', to, ' ',
    el('button', {class: 'btn btn-primary', type: 'submit'}, '検索')));
  node.appendChild(results);
  node.appendChild(dossier);
  search(1);
}

/** A full-window panel over the webapp (the case list, a dossier from the board); closes with ×. */
export function overlay(title, fill) {
  const body = el('div', {class: 'vr-overlay-body'});
  const panel = el('div', {class: 'vr-overlay', style: {position: 'fixed', top: '50px', left: '0', right: '0', bottom: '0',
    background: '#fff', zIndex: 2000, overflow: 'auto', padding: '16px 24px', boxShadow: '0 0 12px rgba(0,0,0,.3)'}},
    el('button', {class: 'btn btn-default pull-right vr-close', onclick: () => panel.remove()}, '閉じる ×'),
    el('h3', {}, title), body);
  document.body.appendChild(panel);
  fill(body);
  return panel;
}

/** The deadline board (Cockpit): open deadlines, most urgent first, and cases by state. */
export async function renderBoard(node) {
  node.textContent = '読み込み中…';
  let b;
  try {
    b = await getJson('/deadlines/open');
  } catch (e) {
    node.textContent = e.message;
    return;
  }
  node.textContent = '';
  node.appendChild(el('div', {class: 'vr-board'},
    el('p', {}, '現在 ' + jst(b.now) + '　期限超過 ' + b.overdueCount + ' 件　',
      el('a', {href: '#', class: 'vr-case-list-link', onclick: (ev) => { ev.preventDefault(); overlay('案件一覧', renderCaseList); }}, '案件一覧（完了した案件の検索）')),
    table(['受付番号', '概要', '区分', '期限', '期日', '残り・超過', '根拠', '状態'], b.deadlines.map(x => [
      el('a', {href: '#', class: 'vr-open-case', onclick: (ev) => { ev.preventDefault(); overlay('案件 ' + x.trackingNumber, n => renderDossier(n, x.trackingNumber)); }}, x.trackingNumber),
      x.summary, x.group, x.kindLabel, jst(x.dueAt),
      el('span', {class: x.overdue ? 'text-danger vr-overdue' : (x.sent ? 'text-warning' : '')}, x.timeLeft), x.rule, x.stateLabel])),
    el('h4', {}, '状態ごとの案件数'),
    table(['状態', '件数'], b.countsByState.map(s => [s.stateLabel + (s.closed ? '（完了）' : ''), s.count]))));
}
