/**
 * The proof page's script (plain JavaScript, no build step): recomputes a
 * published draw in the browser with Web Crypto and compares it with what
 * the agency published — the seed against its committed hash, each list
 * against its committed digest, and the result of SX-DRAW-1
 * (packages/core/src/inspections/draw.ts, the same steps line by line).
 */
export const DRAW_PROOF_JS = String.raw`(function () {
  'use strict';
  var root = document.getElementById('draw-proof');
  if (!root) return;
  var out = document.getElementById('draw-proof-result');
  function say(status, text) { out.dataset.status = status; out.textContent = text; }
  if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) { say('unsupported', '当前浏览器不支持在本页复算（需要 HTTPS 或较新的浏览器），可下载数据自行复算。'); return; }
  var enc = new TextEncoder();
  function hex(s) {
    return crypto.subtle.digest('SHA-256', enc.encode(s)).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    });
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function lines(xs) { return xs.slice().sort(cmp).join('\n'); }
  function ranked(items, seed, label) {
    return Promise.all(items.map(function (it) { return hex(seed + '|' + label + '|' + it.key).then(function (s) { return { it: it, s: s }; }); }))
      .then(function (xs) { xs.sort(function (a, b) { return cmp(a.s, b.s) || cmp(a.it.key, b.it.key); }); return xs.map(function (x) { return x.it; }); });
  }
  var CLASSES = ['keyPolluter', 'high', 'medium', 'low'];
  async function recompute(d) {
    var r = d.revealed, seed = r.seed;
    var checks = [];
    checks.push(['种子与抽取前公布的种子哈希一致', (await hex(seed)) === d.seedHash]);
    var digests = {
      targets: await hex(lines(r.targets.map(function (t) { return t.key + '\t' + t.targetClass; }))),
      inspectors: await hex(lines(r.inspectors.map(function (i) { return i.key; }))),
      conflicts: await hex(lines(r.conflicts.map(function (c) { return c.inspectorKey + '\t' + c.targetKey; }))),
    };
    checks.push(['检查对象名录与抽取前公布的摘要一致', digests.targets === d.digests.targets]);
    checks.push(['执法检查人员名录与抽取前公布的摘要一致', digests.inspectors === d.digests.inspectors]);
    checks.push(['回避关系与抽取前公布的摘要一致', digests.conflicts === d.digests.conflicts]);
    var drawn = [];
    for (var c of CLASSES) {
      var pool = r.targets.filter(function (t) { return t.targetClass === c; });
      var n = Math.min(pool.length, Math.max(0, Math.floor(d.quota[c] || 0)));
      drawn = drawn.concat((await ranked(pool, seed, 'target')).slice(0, n));
    }
    var conflict = new Set(r.conflicts.map(function (x) { return x.inspectorKey + '\t' + x.targetKey; }));
    var load = new Map();
    var limit = r.inspectors.length ? Math.ceil((drawn.length * d.teamSize) / r.inspectors.length) : 0;
    var assignments = [];
    for (var t of drawn) {
      var order = (await ranked(r.inspectors, seed, 'inspector|' + t.key)).filter(function (i) { return !conflict.has(i.key + '\t' + t.key); });
      var team = order.filter(function (i) { return (load.get(i.key) || 0) < limit; }).slice(0, d.teamSize);
      if (team.length < d.teamSize) team = order.slice(0, d.teamSize);
      team.forEach(function (i) { load.set(i.key, (load.get(i.key) || 0) + 1); });
      assignments.push({ targetKey: t.key, targetClass: t.targetClass, inspectorKeys: team.map(function (i) { return i.key; }) });
    }
    checks.push(['按公开的算法复算的抽取结果与公布结果一致', JSON.stringify(assignments) === JSON.stringify(r.result.assignments)]);
    return { checks: checks, assignments: assignments };
  }
  say('running', '正在复算……');
  fetch(root.dataset.json, { credentials: 'omit' }).then(function (res) { return res.json(); }).then(async function (d) {
    if (!d.revealed) { say('pending', '本轮抽取的检查尚未全部实施，种子和名单将在检查实施后公开，届时可在本页复算。'); return; }
    var res = await recompute(d);
    var list = document.createElement('ul');
    res.checks.forEach(function (c) { var li = document.createElement('li'); li.textContent = (c[1] ? '✔ ' : '✘ ') + c[0]; list.appendChild(li); });
    var all = res.checks.every(function (c) { return c[1]; });
    say(all ? 'match' : 'mismatch', all ? '复算结果：全部一致。' : '复算结果：存在不一致，请向公布机关反映。');
    out.appendChild(list);
    var names = new Map(d.revealed.targets.map(function (t) { return [t.key, t.name]; }));
    var people = new Map(d.revealed.inspectors.map(function (i) { return [i.key, i.name]; }));
    var tbody = document.getElementById('draw-proof-rows');
    if (tbody) res.assignments.forEach(function (a) {
      var tr = document.createElement('tr');
      [names.get(a.targetKey) + '（' + a.targetKey + '）', d.classLabels[a.targetClass], a.inspectorKeys.map(function (k) { return people.get(k) + '（' + k + '）'; }).join('、')].forEach(function (text) {
        var td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }).catch(function () { say('error', '复算失败：无法读取公布的数据。'); });
})();
`;
