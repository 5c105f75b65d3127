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
}

const CSS = `
:root{--fg:#1f2329;--muted:#4e5969;--line:#d9dde3;--brand:#0b5cad;--brand-dark:#07427e;--bg:#f5f7fa;--fs:16px}
html.large{--fs:20px}
*{box-sizing:border-box}
body{margin:0;font:var(--fs)/1.7 "Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--brand)}a:hover{color:var(--brand-dark)}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em 1em}.skip:focus{left:0;z-index:10}
header.site{background:var(--brand);color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5em}
header.site a{color:#fff;text-decoration:none}
.brand{font-size:1.35em;font-weight:700;padding:.6em 0}
.brand small{display:block;font-size:.6em;font-weight:400;opacity:.9}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1.2em}
nav.main a{display:inline-block;padding:.3em 0;border-bottom:2px solid transparent}
nav.main a[aria-current=page]{border-bottom-color:#fff}
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
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9em;padding:1.5em 0;background:#fff}
@media (max-width:640px){dl.fields{grid-template-columns:1fr}dl.fields dt{font-weight:600}.brand{font-size:1.15em}}
`;

export function page(opts: PageOptions, body: Html): string {
  const nav = [
    { href: '/', label: '首页' },
    { href: '/agencies', label: '执法主体' },
    { href: '/integrity', label: '完整性公钥' },
  ];
  const toggle = opts.largeText
    ? html`<a href="/a11y/text-size?size=normal&amp;back=${encodeURIComponent(opts.path)}">标准字号</a>`
    : html`<a href="/a11y/text-size?size=large&amp;back=${encodeURIComponent(opts.path)}">大字版</a>`;
  return html`<!doctype html>
<html lang="zh-CN"${opts.largeText ? html` class="large"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} - 生态环境行政执法公示平台</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<a class="skip" href="#content">跳到主要内容</a>
<header class="site" role="banner">
  <div class="wrap">
    <a class="brand" href="/">生态环境行政执法公示平台<small>执法公示 · 执法全过程记录 · 重大执法决定法制审核</small></a>
    <nav class="main" aria-label="主导航"><ul>${nav.map((n) => html`<li><a href="${n.href}"${opts.path === n.href ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}</ul></nav>
  </div>
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
