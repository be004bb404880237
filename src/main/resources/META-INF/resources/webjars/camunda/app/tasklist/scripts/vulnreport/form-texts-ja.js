// Camunda Forms (form-js 1.x) in Tasklist 7.24 have no translation hook: their validation messages and
// placeholders are fixed English strings in lib/deps.js. For a Japanese Tasklist (the locale Tasklist
// picks from the browser's languages: ja, or any language other than en — config.js falls back to ja)
// this observer replaces those strings inside rendered forms (.fjs-container) with Japanese.
// Registered in ../config.js (customScripts); it adds no plugin.

/** Tasklist's locale as config.js chooses it: the first browser language that is ja or en, else ja. */
export function tasklistLocale(languages) {
  for (const lang of languages || []) {
    const primary = String(lang).toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') {
      return primary;
    }
  }
  return 'ja';
}

/** form-js's fixed texts (lib/deps.js, form-js viewer) and their Japanese. */
const EXACT = {
  'Field is required.': '入力してください（必須項目です）。',
  'Field must be a valid email.': 'メールアドレスの形式で入力してください。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '国際電話番号の形式で入力してください（例: +81312345678）。',
  'Date and time must both be entered.': '日付と時刻の両方を入力してください。',
  'Should be a valid number': '数値を入力してください。',
  'Should be a valid number.': '数値を入力してください。',
  'Should be an integer.': '整数を入力してください。',
  'Select': '選択してください',
  'Search': '検索',
  'No results': '該当するものはありません',
  'All values selected': 'すべて選択済みです',
  'Remove tag': '削除',
  'Clear content': '消去',
  'Increment': '増やす',
  'Decrement': '減らす'
};

/** Messages with a value in them; the value (pattern, length, limit) is kept. */
const PATTERNS = [
  [/^Field must match pattern ([\s\S]*)\.$/, (m) => '入力の形式が正しくありません（パターン: ' + m[1] + '）。'],
  [/^Field must have minimum length of (.+)\.$/, (m) => m[1] + ' 文字以上で入力してください。'],
  [/^Field must have maximum length of (.+)\.$/, (m) => m[1] + ' 文字以内で入力してください。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => m[1] + ' 以上の値を入力してください。'],
  [/^Field must have maximum value of (.+)\.$/, (m) => m[1] + ' 以下の値を入力してください。']
];

export function translate(text) {
  if (text == null) {
    return null;
  }
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return EXACT[trimmed];
  }
  for (const [re, make] of PATTERNS) {
    const m = trimmed.match(re);
    if (m) {
      return make(m);
    }
  }
  return null;
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const ja = translate(node.nodeValue);
    if (ja !== null && node.parentElement && node.parentElement.closest('.fjs-container')) {
      node.nodeValue = ja;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inForm = node.closest('.fjs-container') || node.querySelector('.fjs-container');
  if (!inForm) {
    return;
  }
  const elements = [node, ...node.querySelectorAll('*')];
  for (const e of elements) {
    if (!e.closest('.fjs-container')) {
      continue;
    }
    for (const a of ATTRIBUTES) {
      const ja = e.hasAttribute(a) ? translate(e.getAttribute(a)) : null;
      if (ja !== null) {
        e.setAttribute(a, ja);
      }
    }
    for (const child of e.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const ja = translate(child.nodeValue);
        if (ja !== null) {
          child.nodeValue = ja;
        }
      }
    }
  }
}

function start() {
  if (window.__vulnreportFormTextsJa || tasklistLocale(navigator.languages || [navigator.language]) !== 'ja') {
    return;
  }
  window.__vulnreportFormTextsJa = true;
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') {
        translateNode(m.target);
      } else if (m.type === 'attributes') {
        translateNode(m.target);
      } else {
        m.addedNodes.forEach(translateNode);
      }
    }
  });
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
  translateNode(document.body);
}

if (typeof document !== 'undefined') {
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}

export default [];
