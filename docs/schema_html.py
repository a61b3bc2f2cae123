#!/usr/bin/env python3
"""Write the table reference, docs/tables.html, from `hostql --schema_json`.

    hostql --schema_json > schema.json
    python3 docs/schema_html.py schema.json > docs/tables.html

The page stands alone: its style and script are inline and it loads
nothing, so it opens from a file, a package or a web server alike.  Every
table is in the HTML (the page reads without JavaScript); the script only
filters.  The search box keeps tables whose name, description, column
names or column descriptions hold every word typed, tables whose name
matches first; "#q=words" in the address does the same on load, and
"#name" goes to a table.  The output depends on the schema alone (no date,
no path), so the page changes only when a table does.
"""

import json
import sys
from html import escape

# What each flag means, osquery's meaning, shown on the page and as the
# flags' tooltips.
FLAGS = (
    ("required", "a query must constrain it (WHERE column = ...), "
                 "or the table is refused"),
    ("index", "part of the key; a constraint on it is pushed down to "
              "the table, which reads only what it needs"),
    ("additional", "a constraint on it is pushed down, but it is not a "
                   "key"),
    ("optimized", "an IN (...) list is read at once, not value by value"),
    ("hidden", "not in SELECT *: name it to get it"),
)

STYLE = """
:root { --fg: #1d1f21; --muted: #5c6370; --bg: #fff; --panel: #f6f8fa;
  --line: #d8dee4; --accent: #0b62c4; --hit: #fff4c2; --req: #b3261e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --muted: #a0a8b4; --bg: #16181d; --panel: #1f232a;
    --line: #353b45; --accent: #6cb0ff; --hit: #4a4220; --req: #ff8a80; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
  Roboto, sans-serif; color: var(--fg); background: var(--bg); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas,
  "Liberation Mono", monospace; font-size: 13px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header { position: sticky; top: 0; z-index: 1; background: var(--bg);
  border-bottom: 1px solid var(--line); padding: 12px 24px; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 0 0 8px; color: var(--muted); }
.search { display: flex; gap: 12px; align-items: center; }
#hq-search { flex: 1; max-width: 640px; font: inherit; padding: 7px 10px;
  border: 1px solid var(--line); border-radius: 6px; color: var(--fg);
  background: var(--panel); }
#hq-count { color: var(--muted); white-space: nowrap; }
.layout { display: flex; align-items: flex-start; }
nav { position: sticky; top: var(--head, 110px); width: 240px; flex: none;
  max-height: calc(100vh - var(--head, 110px)); overflow-y: auto;
  padding: 16px 8px 16px 24px; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex;
  flex-direction: column; }
nav li { padding: 1px 0; }
nav a { font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 13px; }
main { flex: 1; min-width: 0; display: flex; flex-direction: column;
  padding: 8px 24px 48px; }
section.tbl { border-bottom: 1px solid var(--line); padding: 12px 0 20px;
  scroll-margin-top: calc(var(--head, 110px) + 8px); }
section.tbl h2 { font-size: 18px; margin: 8px 0 4px; }
section.tbl h2 code { font-size: 18px; }
.desc { margin: 0 0 8px; }
pre.example { background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 8px 10px; margin: 0 0 10px;
  white-space: pre-wrap; word-break: break-word; }
table.cols { border-collapse: collapse; width: 100%; }
table.cols th, table.cols td { text-align: left; vertical-align: baseline;
  padding: 4px 10px 4px 0; border-top: 1px solid var(--line); }
table.cols th { font-size: 13px; color: var(--muted); font-weight: 600; }
table.cols td.type { color: var(--muted); white-space: nowrap;
  font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
table.cols tr.hit td { background: var(--hit); }
.flag { display: inline-block; font-size: 11px; line-height: 16px;
  padding: 0 6px; margin: 0 4px 2px 0; border-radius: 8px;
  border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.flag-required { color: var(--req); border-color: var(--req); }
details.legend { order: -1; margin: 12px 0 4px; color: var(--muted);
  font-size: 13px; }
details.legend summary { cursor: pointer; }
details.legend dl { display: grid; grid-template-columns: max-content 1fr;
  gap: 2px 12px; margin: 8px 0; }
details.legend dt, details.legend dd { margin: 0; }
#hq-none { padding: 24px 0; color: var(--muted); }
footer { color: var(--muted); font-size: 13px; padding: 16px 24px; }
@media (max-width: 800px) { nav { display: none; } }
"""

# Filters the tables as the search box changes; the address keeps the
# search ("#q=..."), so a filtered page can be linked to.
SCRIPT = """
(function () {
  "use strict";
  var box = document.getElementById("hq-search");
  var count = document.getElementById("hq-count");
  var none = document.getElementById("hq-none");
  var tables = [], links = {};
  var sections = document.querySelectorAll("section.tbl");
  var navlinks = document.querySelectorAll("nav a[data-table]");
  var i, j;

  function lower(el) { return el ? el.textContent.toLowerCase() : ""; }

  for (i = 0; i < navlinks.length; i++)
    links[navlinks[i].getAttribute("data-table")] = navlinks[i];
  for (i = 0; i < sections.length; i++) {
    var s = sections[i], rows = s.querySelectorAll("tbody tr"), cols = [];
    var name = s.getAttribute("data-table");
    var all = name + " " + lower(s.querySelector(".desc"));
    for (j = 0; j < rows.length; j++) {
      cols.push({ row: rows[j],
        text: lower(rows[j].querySelector(".col")) + " " +
              lower(rows[j].querySelector(".cdesc")) });
      all += " " + cols[j].text;
    }
    tables.push({ name: name, section: s, cols: cols, all: all,
      link: Object.prototype.hasOwnProperty.call(links, name) ?
        links[name] : null });
  }

  function hasAll(text, words) {
    for (var k = 0; k < words.length; k++)
      if (text.indexOf(words[k]) < 0) return false;
    return true;
  }

  function hasAny(text, words) {
    for (var k = 0; k < words.length; k++)
      if (text.indexOf(words[k]) >= 0) return true;
    return false;
  }

  /* 0: the name itself, 1: in the name, 2: elsewhere, -1: no match. */
  function rank(t, q, words) {
    if (!hasAll(t.all, words)) return -1;
    if (t.name === q) return 0;
    return hasAll(t.name, words) ? 1 : 2;
  }

  function filter(value) {
    var q = value.trim().toLowerCase(), words = q ? q.split(/\\s+/) : [];
    var shown = 0, k, c, r;
    for (k = 0; k < tables.length; k++) {
      var t = tables[k];
      r = words.length ? rank(t, q, words) : 0;
      t.section.hidden = r < 0;
      t.section.style.order = r < 0 ? "" : String(r);
      if (t.link) {
        t.link.parentNode.hidden = r < 0;
        t.link.parentNode.style.order = r < 0 ? "" : String(r);
      }
      for (c = 0; c < t.cols.length; c++)
        t.cols[c].row.classList.toggle("hit",
          words.length > 0 && hasAny(t.cols[c].text, words));
      if (r >= 0) shown++;
    }
    count.textContent = words.length ?
      shown + " of " + tables.length + " tables" : tables.length + " tables";
    none.hidden = shown > 0;
  }

  function fromHash() {
    var h = location.hash;
    if (h.indexOf("#q=") !== 0) return false;
    try { box.value = decodeURIComponent(h.slice(3).replace(/\\+/g, " ")); }
    catch (e) { box.value = h.slice(3); }
    filter(box.value);
    return true;
  }

  /* Filter, and keep the search in the address. */
  function search() {
    filter(box.value);
    try {
      history.replaceState(null, "", box.value ?
        "#q=" + encodeURIComponent(box.value) :
        location.pathname + location.search);
    } catch (e) { /* some file: pages refuse; the filter still works */ }
  }

  box.addEventListener("input", search);
  box.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { box.value = ""; search(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== box) {
      e.preventDefault();
      box.focus();
    }
  });
  /* The sticky header's height, for what must stay clear of it. */
  function measure() {
    document.documentElement.style.setProperty("--head",
      document.querySelector("header").offsetHeight + "px");
  }
  window.addEventListener("resize", measure);
  measure();
  window.addEventListener("hashchange", fromHash);
  if (!fromHash()) filter(box.value);
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


def text(value):
    """A value of the JSON as page text: None is empty."""
    return "" if value is None else str(value)


def flags_html(col):
    out = []
    for name, meaning in FLAGS:
        if col.get(name) is True:
            out.append('<span class="flag flag-%s" title="%s">%s</span>'
                       % (name, escape(meaning), name))
    if col.get("collate"):
        out.append('<span class="flag flag-collate" title="compared with '
                   'this collation">collate %s</span>'
                   % escape(text(col["collate"])))
    return "".join(out)


def column_html(col):
    return ('<tr><td class="col"><code>%s</code></td>'
            '<td class="type">%s</td><td class="flags">%s</td>'
            '<td class="cdesc">%s</td></tr>'
            % (escape(text(col.get("name"))), escape(text(col.get("type"))),
               flags_html(col), escape(text(col.get("description")))))


def table_html(table):
    name = escape(text(table.get("name")))
    out = ['<section class="tbl" id="%s" data-table="%s">' % (name, name),
           '<h2><a href="#%s"><code>%s</code></a></h2>' % (name, name),
           '<p class="desc">%s</p>'
           % escape(text(table.get("description")))]
    if table.get("example"):
        out.append('<pre class="example"><code>%s</code></pre>'
                   % escape(text(table["example"])))
    out.append('<table class="cols"><thead><tr><th>Column</th><th>Type</th>'
               '<th>Flags</th><th>Description</th></tr></thead><tbody>')
    out.extend(column_html(c) for c in table.get("columns") or [])
    out.append("</tbody></table></section>")
    return "\n".join(out)


def legend_html():
    rows = "".join('<dt><span class="flag flag-%s">%s</span></dt><dd>%s</dd>'
                   % (n, n, escape(m)) for n, m in FLAGS)
    return ('<details class="legend"><summary>What the flags mean</summary>'
            '<dl>%s</dl></details>' % rows)


def page(tables):
    tables = sorted(tables, key=lambda t: text(t.get("name")))
    toc = "\n".join('<li><a href="#%s" data-table="%s">%s</a></li>'
                    % ((escape(text(t.get("name"))),) * 3) for t in tables)
    body = "\n".join(table_html(t) for t in tables)
    return """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hostql tables</title>
<style>%s</style>
</head>
<body>
<header>
<h1>hostql tables</h1>
<p>Every table hostql serves, with its columns. Names, types and flags are
osquery's, so osquery's queries run unchanged.</p>
<div class="search">
<input type="search" id="hq-search" autofocus autocomplete="off"
 placeholder="Search tables, columns and descriptions (press /)"
 aria-label="Search tables">
<span id="hq-count" aria-live="polite">%d tables</span>
</div>
</header>
<div class="layout">
<nav aria-label="Tables"><ul>
%s
</ul></nav>
<main>
%s
%s
<p id="hq-none" hidden>No table matches.</p>
</main>
</div>
<footer>Generated from <code>hostql --schema_json</code> by
docs/schema_html.py; do not edit by hand.</footer>
<script>%s</script>
</body>
</html>
""" % (STYLE, len(tables), toc, legend_html(), body, SCRIPT)


def load(path):
    if path == "-":
        data = json.load(sys.stdin)
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    if not isinstance(data, list) or \
            not all(isinstance(t, dict) and isinstance(t.get("name"), str)
                    for t in data):
        raise ValueError("not a list of tables with names")
    return data


def main(argv):
    if len(argv) > 2:
        sys.stderr.write("usage: schema_html.py [schema.json | -]\n")
        return 2
    try:
        tables = load(argv[1] if len(argv) == 2 else "-")
    except (OSError, ValueError) as e:
        sys.stderr.write("schema_html.py: %s\n" % e)
        return 1
    sys.stdout.write(page(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
