/**
 * Portal page frame (SYS-4 · 国办发〔2017〕47号 政府网站发展指引; GB/T 37668-2019):
 * semantic landmarks, a skip link, visible focus, responsive layout, a large
 * text mode for older readers (适老化) that works without JavaScript.
 */
import { Html, html } from './html.js';

export interface PageOptions {
  title: string;
  largeText: boolean;
  path: string;
  breadcrumbs?: { href?: string; label: string }[];
  /** Feeds announced in the head (`<link rel="alternate">`); the site-wide decision feeds by default. */
  feeds?: { type: string; href: string; title: string }[];
  /** Personal pages (a request's status): keep out of search engines and shared caches. */
  noindex?: boolean;
}

/** The site-wide feeds of published decisions (PUB-11: every channel shows the same information). */
export const SITE_FEEDS = [
  { type: 'application/atom+xml', href: '/feeds/decisions.atom', title: '执法决定公示（Atom）' },
  { type: 'application/rss+xml', href: '/feeds/decisions.rss', title: '执法决定公示（RSS）' },
  { type: 'application/feed+json', href: '/feeds/decisions.json', title: '执法决定公示（JSON Feed）' },
];

const CSS = `
:root{--fg:#1f2329;--muted:#4e5969;--line:#d9dde3;--brand:#0b5cad;--brand-dark:#07427e;--bg:#f5f7fa;--fs:16px}
html.large{--fs:20px}
*{box-sizing:border-box}
body{margin:0;font:var(--fs)/1.7 "Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--brand)}a:hover{color:var(--brand-dark)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,main:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
main:focus:not(:focus-visible){outline:none}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em 1em}.skip:focus{left:0;z-index:10}
header.site{background:var(--brand);color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5em}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.35em;font-weight:700;padding:.6em 0}
.brand small{display:block;font-size:.6em;font-weight:400;opacity:.9}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1.2em}
nav.main a{display:inline-block;padding:.3em 0;border-bottom:2px solid transparent}
nav.main a[aria-current]{border-bottom-color:#fff}
form.site-search{display:flex;gap:.3em;margin:.4em 0}
form.site-search input{width:11em;max-width:50vw}
header.site form.site-search button{background:#fff;color:var(--brand);border-color:#fff;padding:.3em .9em}
header.site form.site-search input{padding:.3em .5em;border:1px solid #fff;border-radius:4px;font:inherit}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wrap{max-width:1120px;margin:0 auto;padding:0 1em}
main{padding:1.2em 0 2em}
.tools{font-size:.9em;padding:.3em 0;text-align:right}
.crumbs{font-size:.9em;color:var(--muted);margin:.5em 0}
.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4em}
.crumbs li+li::before{content:"›";margin-right:.4em}
h1{font-size:1.6em;margin:.3em 0 .6em}h2{font-size:1.25em;margin:1.4em 0 .5em;border-left:4px solid var(--brand);padding-left:.5em}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1em 1.2em;margin:.8em 0}
.tree,.tree ul{list-style:none;padding-left:1.2em;margin:.2em 0}.tree{padding-left:0}
.tree li{margin:.35em 0}
.level{display:inline-block;font-size:.8em;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .35em;margin-left:.5em}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.4em 1.2em;margin:0}
dl.fields dt{color:var(--muted)}dl.fields dd{margin:0;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid var(--line);padding:.45em .6em;text-align:left;vertical-align:top}
th{background:#eef2f7}
label{display:block;font-weight:600;margin:.2em 0}
.hint{color:var(--muted);font-size:.9em;margin:.1em 0 .3em}
input[type=text],input[type=search],input[type=date],input[type=tel],select,textarea{font:inherit;color:inherit;padding:.4em .5em;border:1px solid #8a919f;border-radius:4px;background:#fff;max-width:100%}
textarea{width:100%;min-height:8em}
.form-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:.8em 1.2em;align-items:end}
.form-grid .wide{grid-column:1/-1}
.form-grid input,.form-grid select{width:100%}
.field{margin:.9em 0}.field input[type=text],.field input[type=tel]{width:100%;max-width:32em}
button,.button{font:inherit;display:inline-block;background:var(--brand);color:#fff;border:1px solid var(--brand);border-radius:4px;padding:.45em 1.2em;cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:var(--brand-dark);color:#fff}
.button.secondary{background:#fff;color:var(--brand)}
.req{color:#b42318}
.field-error{color:#b42318;font-weight:600;margin:.1em 0 .3em}
.error{border:2px solid #b42318;background:#fff5f4;color:#7a1610;border-radius:6px;padding:.7em 1em;margin:.8em 0}
.notice{border-left:4px solid #b42318}
.ok{border:2px solid #1b7f3b;background:#f1fbf4;border-radius:6px;padding:.7em 1em;margin:.8em 0}
.code{font-family:ui-monospace,Consolas,monospace;font-size:1.4em;letter-spacing:.12em;font-weight:700}
ol.results{list-style:none;padding:0;margin:0}
ol.results li{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8em 1em;margin:.6em 0}
ol.results h3,h2.item-title{font-size:1.05em;margin:0 0 .3em;border:0;padding:0}
.meta{color:var(--muted);font-size:.92em;margin:0;display:flex;flex-wrap:wrap;gap:.2em 1.2em}
.summary-count{color:var(--muted)}
nav.pager ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em;margin:1em 0}
nav.pager a,nav.pager span{display:inline-block;min-width:2.4em;text-align:center;padding:.3em .6em;border:1px solid var(--line);border-radius:4px;background:#fff}
nav.pager [aria-current]{background:var(--brand);color:#fff;border-color:var(--brand)}
.fulltext{white-space:pre-wrap}
table.fields th{width:14em}
.honeypot{position:absolute;left:-9999px}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9em;padding:1.5em 0;background:#fff}
@media (max-width:640px){dl.fields{grid-template-columns:1fr}dl.fields dt{font-weight:600}.brand{font-size:1.15em}
table.fields th,table.fields td{display:block;width:auto}table.fields th{border-bottom:0}}
`;

export function page(opts: PageOptions, body: Html): string {
  const nav = [
    { href: '/', label: '首页' },
    { href: '/decisions', label: '执法决定' },
    { href: '/notices', label: '撤回公告' },
    { href: '/agencies', label: '执法主体' },
    { href: '/inspections', label: '涉企检查' },
    { href: '/complaints', label: '投诉' },
    { href: '/requests', label: '办理查询' },
    { href: '/integrity', label: '完整性公钥' },
  ];
  // The current page, or the section a sub-page belongs to (/decisions/…).
  const current = (href: string) =>
    opts.path === href ? html` aria-current="page"` : href !== '/' && opts.path.startsWith(`${href}/`) ? html` aria-current="true"` : '';
  const feeds = opts.feeds ?? SITE_FEEDS;
  const toggle = opts.largeText
    ? html`<a href="/a11y/text-size?size=normal&amp;back=${encodeURIComponent(opts.path)}">标准字号</a>`
    : html`<a href="/a11y/text-size?size=large&amp;back=${encodeURIComponent(opts.path)}">大字版</a>`;
  return html`<!doctype html>
<html lang="zh-CN"${opts.largeText ? html` class="large"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} - 生态环境行政执法公示平台</title>
${opts.noindex ? html`<meta name="robots" content="noindex, nofollow">
` : ''}${feeds.map((f) => html`<link rel="alternate" type="${f.type}" href="${f.href}" title="${f.title}">
`)}
<style>${new Html(CSS)}</style>
</head>
<body>
<a class="skip" href="#content">跳到主要内容</a>
<header class="site" role="banner">
  <div class="wrap">
    <a class="brand" href="/">生态环境行政执法公示平台<small>执法公示 · 执法全过程记录 · 重大执法决定法制审核</small></a>
    <nav class="main" aria-label="主导航"><ul>${nav.map((n) => html`<li><a href="${n.href}"${current(n.href)}>${n.label}</a></li>`)}</ul></nav>
  </div>
  <div class="wrap"><form class="site-search" role="search" action="/decisions" method="get" aria-label="站内搜索"><label class="sr-only" for="site-q">搜索执法决定（当事人名称或文号）</label><input type="search" id="site-q" name="q" maxlength="50" placeholder="当事人名称或文号"><button type="submit">搜索</button></form></div>
</header>
<div class="wrap tools">${toggle}</div>
<main id="content" class="wrap" tabindex="-1">
${opts.breadcrumbs ? html`<nav class="crumbs" aria-label="当前位置"><ol>${opts.breadcrumbs.map((b) => html`<li>${b.href ? html`<a href="${b.href}">${b.label}</a>` : html`<span aria-current="page">${b.label}</span>`}</li>`)}</ol></nav>` : ''}
${body}
</main>
<footer class="site" role="contentinfo"><div class="wrap">
  <p>谁执法谁公示。本平台公开行政执法主体、人员、职责、依据、程序、结果和救济渠道等信息。</p>
  <p>对公示信息有异议的，可以向公示机关提出更正申请或投诉。</p>
</div></footer>
</body>
</html>`.value;
}
