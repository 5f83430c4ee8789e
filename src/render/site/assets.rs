//! The site's one stylesheet and one script, written as files beside the
//! pages (`assets/`), so every page stays small and works from `file://`.
//!
//! The stylesheet: readable on a phone (fluid width, wide tables and
//! diagrams scroll inside their own box), visible keyboard focus, a skip
//! link, and print rules (no navigation, no search form, links' pages not
//! printed, rows kept whole). It also styles the fragments the site takes
//! from other renderers: the document's identity tables and the
//! checklist's steps.
//!
//! The script runs only on the index: it shows the search form, filters
//! the rows in place (query words folded as [`super::search`] folds the
//! row text, every word must match), and makes column headers sort
//! buttons. It fetches nothing; without it the index is a plain table.

pub const CSS: &str = r#"*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:'Segoe UI','Liberation Sans',Arial,sans-serif;font-size:16px;line-height:1.45;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}
a:visited{color:#5b2b8f}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:3px solid #c75000;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em 1em;z-index:10}
.skip:focus{left:.5em}
header.site{background:#0b3a6e;color:#fff;padding:.5em 1em;display:flex;flex-wrap:wrap;align-items:center;gap:.25em 1.5em}
header.site a{color:#fff}
header.site .brand{margin:0;font-weight:bold;font-size:1.1em}
header.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25em 1em}
header.site a[aria-current=page]{font-weight:bold;text-decoration-thickness:3px}
main{display:block;max-width:1200px;margin:0 auto;padding:1em}
main:focus{outline:none}
footer.site{max-width:1200px;margin:2em auto 1em;padding:0 1em;color:#555;font-size:.9em}
h1{font-size:1.6em;line-height:1.2;margin:.3em 0 .5em}
h2{font-size:1.3em;margin:1.5em 0 .5em;border-bottom:1px solid #bbb}
h3{font-size:1.1em;margin:1em 0 .4em}
code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:.92em}
.scroll{overflow-x:auto;max-width:100%}
.tools{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:flex-end;margin:0 0 .5em}
.tools[hidden]{display:none}
.field{display:flex;flex-direction:column;min-width:10em}
.field.wide{flex:1 1 20em}
.field label{font-weight:bold}
.field small{color:#444}
input,select{font:inherit;padding:.35em .45em;border:1px solid #666;border-radius:3px;max-width:100%}
table.list,table.facts{border-collapse:collapse;width:100%}
table.list caption{text-align:left;font-weight:bold;padding:.3em 0}
table.list th,table.list td,table.facts th,table.facts td{border-bottom:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
table.list thead th{background:#eef2f7;border-bottom:2px solid #888;white-space:nowrap}
table.list tbody tr:nth-child(even){background:#f7f7f7}
table.list tbody th{font-weight:normal}
table.facts th{width:16em;background:#f3f3f3}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
th button::after{content:" \2195";color:#777}
th[aria-sort=ascending] button::after{content:" \2191"}
th[aria-sort=descending] button::after{content:" \2193"}
tr[hidden]{display:none}
.status{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.9em;white-space:nowrap}
.status.ok{background:#e3f4e6;color:#175c26}
.status.warn{background:#fff3cd;color:#6b4a00}
.status.err{background:#fde2e1;color:#8a1c14}
.meta{color:#333}
.note{color:#444;font-size:.92em}
figure.chart{margin:0 0 1em;border:1px solid #ccc;background:#fff}
figure.chart svg{display:block}
ul.findings{padding-left:1.2em}
ul.findings li{margin:.3em 0}
.where{white-space:nowrap}
.toc ul{columns:18em;padding-left:1.2em}
ul.tree>li{margin:.4em 0}
svg.map{display:block;font-family:'Liberation Sans',Arial,sans-serif;font-size:13px}
svg.map rect{stroke:#0b3a6e;stroke-width:1.2}
svg.map rect.makro{fill:#dce8f6}
svg.map rect.mikro{fill:#fff}
svg.map rect.outside{fill:#eee;stroke:#888;stroke-dasharray:4 3}
svg.map text{fill:#111}
svg.map a:focus rect,svg.map a:hover rect{stroke:#c75000;stroke-width:3}
svg.map path.edge{fill:none;stroke:#6b7c93;stroke-width:1.4}
.identity-block table.id{border-collapse:collapse;width:100%;min-width:40em;table-layout:fixed;margin-bottom:.8em}
.identity-block table.id th,.identity-block table.id td{border:1px solid #333;padding:.3em .5em;vertical-align:top;text-align:left}
.identity-block table.id th{background:#f0f0f0}
.identity-block table.id col.c-left{width:48%}
.identity-block table.id col.c-key{width:17%}
.identity-block .logo{display:none}
.identity-block .agency{font-weight:bold;text-transform:uppercase}
.identity-block .unit{font-weight:bold}
.identity-block .fill{display:inline-block;width:85%;min-width:6em;height:1.2em;border-bottom:1px dotted #000}
.identity-block .sign{min-height:2em;color:#666;font-size:.85em}
.identity-block ol{margin:0;padding-left:1.3em}
.checklist .step{border:1px solid #aaa;border-radius:4px;padding:.4em .7em;margin:0 0 .5em;break-inside:avoid}
.checklist .step:target{outline:3px solid #c75000;background:#fff8ef}
.checklist .title{font-weight:bold}
.checklist .box{display:inline-block;width:.9em;height:.9em;border:1.5px solid #111;margin-right:.4em;vertical-align:-.1em}
.checklist .decision{border-style:dashed}
.checklist .wait{background:#fff7e0}
.checklist .tag{font-size:.85em;border:1px solid #777;border-radius:3px;padding:0 .3em;margin-left:.3em;font-weight:normal}
.checklist dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:.3em 0 0 1.3em}
.checklist dt{color:#444}
.checklist dd{margin:0}
.checklist ul.branches{list-style:none;margin:.3em 0 0 1.3em;padding:0}
@media (max-width:600px){
main{padding:.6em}
h1{font-size:1.35em}
table.facts th{width:auto}
.checklist dl{grid-template-columns:1fr;margin-left:0}
.checklist dt{font-weight:bold}
}
@media print{
header.site,footer.site,.skip,.tools,#count{display:none}
main{max-width:none;padding:0}
body{font-size:10.5pt}
a{color:inherit;text-decoration:none}
.scroll{overflow:visible}
tr,li,.step,figure{break-inside:avoid}
figure.chart svg{max-width:100%;height:auto}
h2{break-after:avoid}
}
"#;

pub const JS: &str = r#"(function () {
  'use strict';
  var table = document.getElementById('sops');
  var form = document.getElementById('tools');
  if (!table || !form) { return; }
  var fold = function (s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  };
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var q = document.getElementById('q');
  var level = document.getElementById('f-level');
  var unit = document.getElementById('f-unit');
  var actor = document.getElementById('f-actor');
  var count = document.getElementById('count');
  var of = count.getAttribute('data-of');
  var shown = count.getAttribute('data-shown');
  var apply = function () {
    var words = fold(q.value).split(' ').filter(Boolean);
    var n = 0;
    rows.forEach(function (r) {
      var text = r.getAttribute('data-search') || '';
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!level.value || r.getAttribute('data-level') === level.value) &&
        (!unit.value || r.getAttribute('data-unit') === unit.value) &&
        (!actor.value || (r.getAttribute('data-actors') || '').split('\n').indexOf(actor.value) >= 0);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    count.textContent = n + ' ' + of + ' ' + rows.length + ' ' + shown;
  };
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  [q, level, unit, actor].forEach(function (el) {
    el.addEventListener('input', apply);
    el.addEventListener('change', apply);
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) { q.value = params.get('q'); }
  var label = table.getAttribute('data-sort-label');
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    button.setAttribute('aria-label', label + ': ' + th.textContent);
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var down = th.getAttribute('aria-sort') === 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
      var number = th.getAttribute('data-type') === 'number';
      var key = function (r) {
        var c = r.cells[col];
        return number ? Number(c.getAttribute('data-key') || 0) : c.textContent.trim();
      };
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = number ? x - y : x.localeCompare(y, document.documentElement.lang, { numeric: true, sensitivity: 'base' });
        return down ? -c : c;
      });
      sorted.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
}());
"#;
