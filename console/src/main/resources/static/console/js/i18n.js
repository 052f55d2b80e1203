/**
 * Messages in Chinese (the default) and English, one catalog per language (i18n/zh.js, i18n/en.js).
 * t('ledger.title') looks a key up in the current language, falling back to Chinese, then to the key.
 */
import zh from './i18n/zh.js';
import en from './i18n/en.js';

const CATALOGS = { zh, en };
const STORAGE_KEY = 'tijian.lang';

let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

export function lang() {
  return current;
}

export function setLang(language) {
  current = language === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
}

/** The message for a key; {name} placeholders are filled from params. */
export function t(key, params = {}) {
  const text = CATALOGS[current][key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (params[name] ?? match));
}

/** The name of an enum value (dimension, status, class, ...), e.g. term('status', 'ASSIGNED'). */
export function term(group, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${group}.${value}`;
  const text = CATALOGS[current][key] ?? zh[key];
  return text ?? String(value);
}

/** The Chinese or English of a pair of fields: nameZh / nameEn, falling back to the Chinese. */
export function pick(zhText, enText) {
  return current === 'en' && enText ? enText : zhText;
}

/** Fills elements marked data-i18n in the static page. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.title = t('app.title');
}
