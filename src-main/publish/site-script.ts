/**
 * The script of index.html, as shipped: plain ES2017 for any browser, no modules and no fetch (a page opened from
 * disk may not read files), reading the data that data/site.js sets. Every text goes in through textContent, so a
 * name in the data can never become markup.
 */
export const SITE_SCRIPT = String.raw`(function () {
  'use strict';
  var site = window.SSJ_SITE;
  var LIMIT = 50;
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function link(href, text) {
    var a = el('a', text);
    a.href = href;
    return a;
  }
  function row(table, cells, header) {
    var tr = document.createElement('tr');
    cells.forEach(function (cell) {
      var td = el(header ? 'th' : 'td');
      if (cell instanceof Node) td.appendChild(cell);
      else td.textContent = cell;
      if (/^[0-9a-f]{64}$/.test(td.textContent)) td.className = 'hex';
      tr.appendChild(td);
    });
    table.appendChild(tr);
  }
  // formatCount of src-shared/domain/counts.ts, inline: this script ships as is, without modules.
  function count(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  function nameOf(code) {
    return (site.names && site.names[code]) || '';
  }
  function listTable(summary, headers, rows) {
    var box = el('details');
    box.appendChild(el('summary', summary));
    // A year's lists run to thousands of rows: drawn when first opened, so the page opens at once.
    box.addEventListener('toggle', function () {
      if (!box.open || box.querySelector('table')) return;
      var table = el('table');
      row(table, headers, true);
      rows.forEach(function (r) { row(table, r.map(String)); });
      box.appendChild(table);
    });
    return box;
  }
  function taskBlock(task) {
    var box = el('section', null, 'task');
    box.appendChild(el('h3', task.title));
    var facts = el('dl');
    [['抽查任务', task.name + '（' + task.number + '）'], ['抽查计划', task.plan], ['抽查类型', task.drawKind],
     ['检查机关', task.inspectingBody], ['抽查事项', task.items.join('、')], ['抽查对象范围', task.scope],
     ['检查日期', task.period], ['封存时间', task.sealedAt.slice(0, 16).replace('T', ' ')],
     ['输入摘要', task.inputDigest], ['种子', task.seed]].forEach(function (f) {
      facts.appendChild(el('dt', f[0]));
      facts.appendChild(el('dd', f[1], /^[0-9a-f]{64}$/.test(f[1]) ? 'hex' : null));
    });
    box.appendChild(facts);
    var strata = el('table');
    row(strata, ['层', '候选户数', '抽取户数', '截止抽取号（最后一名抽中者）'], true);
    task.strata.forEach(function (s) {
      row(strata, [s.label, count(s.candidates), count(s.quota), s.cutoffKey || '（本层未抽取）']);
    });
    box.appendChild(strata);
    box.appendChild(listTable('抽中名单（' + task.drawn.length + ' 户）',
      ['序号', '市场主体名称', '统一社会信用代码/注册号', '管辖单位'], task.drawn));
    if (task.results.length > 0)
      box.appendChild(listTable('抽查结果（已公示 ' + task.results.length + ' 户）',
        ['统一社会信用代码/注册号', '市场主体名称', '检查完成日期', '检查结果', '备注'],
        task.results.map(function (r) { return [r[0], nameOf(r[0]), r[1], r[2], r[3]]; })));
    box.appendChild(el('p', task.howToVerify, 'muted'));
    var files = el('p', null, 'files');
    files.appendChild(link(task.dir + '/verify.html', '离线验证本次抽取'));
    files.appendChild(link(task.dir + '/proof.json', '抽取记录（proof.json）'));
    task.files.forEach(function (f) { files.appendChild(link(task.dir + '/' + f.name, f.label)); });
    box.appendChild(files);
    return box;
  }
  function renderPlans() {
    var root = document.getElementById('plans');
    site.plans.forEach(function (plan) {
      root.appendChild(el('h2', plan.title));
      plan.tasks.forEach(function (i) { root.appendChild(taskBlock(site.tasks[i])); });
    });
  }
  function search(text) {
    var upper = text.toUpperCase();
    var hits = [];
    var total = 0;
    site.tasks.forEach(function (task, ti) {
      task.strata.forEach(function (s, si) {
        for (var i = 0; i < s.codes.length; i++) {
          var code = s.codes[i];
          var name = nameOf(code);
          if (code.indexOf(upper) < 0 && (name === '' || name.indexOf(text) < 0)) continue;
          total++;
          if (hits.length < LIMIT) hits.push([ti, si, i]);
        }
      });
    });
    return { hits: hits, total: total };
  }
  function standing(hit) {
    var task = site.tasks[hit[0]];
    var s = task.strata[hit[1]];
    var i = hit[2];
    var code = s.codes[i];
    var drawn = i < s.quota;
    var box = el('article', null, drawn ? 'hit drawn' : 'hit');
    var head = el('h3', (nameOf(code) || code) + '：' + (drawn ? '已抽中' : '未抽中'));
    box.appendChild(head);
    var table = el('table');
    row(table, ['统一社会信用代码/注册号', code]);
    row(table, ['抽查任务', task.name + '（' + task.number + '）']);
    row(table, ['所属层', s.label]);
    row(table, ['排名', '第 ' + (i + 1) + ' 名（本层共 ' + count(s.candidates) + ' 户，抽取前 ' + count(s.quota) + ' 名）']);
    row(table, ['本户抽取号', s.keys[i]]);
    row(table, ['本层截止抽取号', s.cutoffKey || '（本层未抽取）']);
    if (drawn) row(table, ['名单包', '第 ' + task.packages[code] + ' 包']);
    task.results.forEach(function (r) {
      if (r[0] === code) row(table, ['检查结果', r[1] + '：' + r[2] + (r[3] ? '（' + r[3] + '）' : '')]);
    });
    box.appendChild(table);
    var why = drawn
      ? '本户的抽取号不大于本层截止抽取号，排在前 ' + count(s.quota) + ' 名，因此抽中。'
      : '本户的抽取号大于本层截止抽取号，未排进前 ' + count(s.quota) + ' 名，因此未抽中。';
    box.appendChild(el('p', why + '抽取号 = SHA-256（种子 ‖ "entity:' + s.name + '" ‖ 0x00 ‖ 代码），任何人都可自行核算。', 'muted'));
    var verify = link(task.dir + '/verify.html', '离线验证本次抽取');
    verify.className = 'verify';
    box.appendChild(verify);
    return box;
  }
  function run(query) {
    var out = document.getElementById('hits');
    out.textContent = '';
    var text = query.trim();
    if (text.length < 2) {
      if (text !== '') out.appendChild(el('p', '请至少输入两个字或两位代码。', 'muted'));
      return 0;
    }
    var found = search(text);
    if (found.total === 0) {
      out.appendChild(el('p', '未找到「' + text + '」。未抽中的市场主体只公示代码，请按统一社会信用代码或注册号查询。', 'muted'));
      return 0;
    }
    out.appendChild(el('p', '找到 ' + found.total + ' 条' + (found.total > LIMIT ? '，显示前 ' + LIMIT + ' 条，请输入更完整的名称或代码' : '') + '。', 'muted'));
    found.hits.forEach(function (hit) { out.appendChild(standing(hit)); });
    return found.total;
  }
  window.ssjSearch = run;
  document.getElementById('title').textContent = site.title;
  document.title = site.title;
  document.getElementById('made').textContent = '本公示包生成于 ' + site.generatedAt.slice(0, 10) + '，离线可用，不联网。';
  renderPlans();
  var input = document.getElementById('q');
  document.getElementById('search').addEventListener('submit', function (event) {
    event.preventDefault();
    run(input.value);
  });
  input.addEventListener('input', function () { run(input.value); });
})();
`;

export const SITE_STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f5f6f8}
main{max-width:980px;margin:0 auto;padding:24px 20px 60px;background:#fff;min-height:100vh}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px;border-bottom:2px solid #c00;padding-bottom:4px}
h3{font-size:16px;margin:12px 0 6px}.muted{color:#666;font-size:14px}
form{display:flex;gap:8px;margin:16px 0}input{flex:1;font-size:16px;padding:8px 10px;border:1px solid #bbb;border-radius:4px}
button{font-size:16px;padding:8px 18px;background:#c00;color:#fff;border:0;border-radius:4px;cursor:pointer}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:14px}th,td{border:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0;font-weight:600}td{word-break:break-all}.hex{font-family:Consolas,monospace}
dl{display:grid;grid-template-columns:7em 1fr;gap:2px 10px;font-size:14px;margin:6px 0}dt{color:#666}dd{margin:0;word-break:break-all}
.task,.hit{border:1px solid #e3e3e3;border-radius:6px;padding:8px 14px;margin:10px 0}.hit.drawn{border-color:#c00}
details{margin:6px 0}summary{cursor:pointer;color:#0645ad}
.files a,.verify{display:inline-block;margin:4px 16px 4px 0}a{color:#0645ad}
`;

/** The page itself: the shell the script fills; the data and the script are files beside it. */
export function indexHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>“双随机、一公开”抽查公示</title>
<link rel="stylesheet" href="assets/site.css">
</head>
<body>
<main>
<h1 id="title">“双随机、一公开”抽查公示</h1>
<p id="made" class="muted"></p>
<h2>查询市场主体</h2>
<p class="muted">输入市场主体名称或统一社会信用代码/注册号，查看是否被抽中、为什么抽中（本户抽取号与本层截止抽取号的比较），并可离线验证整次抽取。</p>
<form id="search"><input id="q" type="search" placeholder="名称或统一社会信用代码/注册号" autocomplete="off" maxlength="60"><button type="submit">查询</button></form>
<div id="hits" aria-live="polite"></div>
<div id="plans"></div>
<p class="muted">另可打开 <a href="verify.html">离线验证页</a>，将任一任务的 proof.json 拖入其中重新验证。</p>
<noscript>本页需要启用 JavaScript 才能查询。</noscript>
</main>
<script src="data/site.js"></script>
<script src="assets/search.js"></script>
</body>
</html>
`;
}
