#!/bin/sh
# The table reference: hostql --schema_json lists what the shell serves,
# docs/schema_html.py turns it into a page that escapes what it shows,
# and in headless Chromium a search for a table shows that table's
# columns and hides the tables that do not mention it (docs_browser.py).
# The page kept in the tree must be the one this schema makes.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
: "${TESTDIR:?set TESTDIR to a scratch folder}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}

command -v chromium >/dev/null ||
    fail "no chromium: install the Debian package chromium"

# The schema, as JSON, names the tables the shell lists.
"$HOSTQL" --schema_json >"$TESTDIR/schema.json" ||
    fail "hostql --schema_json failed"
python3 -c 'import json, sys
for t in json.load(open(sys.argv[1])):
    print(t["name"])' "$TESTDIR/schema.json" >"$TESTDIR/json-tables" ||
    fail "hostql --schema_json is not a JSON list of tables"
"$HOSTQL" -L | sed 's/^ *=> //' >"$TESTDIR/shell-tables" ||
    fail "hostql -L failed"
cmp -s "$TESTDIR/json-tables" "$TESTDIR/shell-tables" ||
    fail "--schema_json and -L list different tables"

# The page, as make docs writes it.
python3 "$ROOT/docs/schema_html.py" "$TESTDIR/schema.json" \
    >"$TESTDIR/tables.html" || fail "docs/schema_html.py failed"
if [ -f "$ROOT/docs/tables.html" ]; then
	cmp -s "$TESTDIR/tables.html" "$ROOT/docs/tables.html" ||
	    fail "docs/tables.html is out of date: run make docs"
fi

# Text that could break out of the page stays text.
cat >"$TESTDIR/hostile.json" <<'EOF'
[{"name": "t\"><script>alert(1)</script>",
  "description": "<img src=x onerror=alert(2)> & </section>",
  "example": "SELECT '</pre><script>alert(3)</script>' FROM t",
  "columns": [{"name": "<b>c</b>", "type": "TEXT\"><i>", "index": true,
    "required": false, "hidden": false, "additional": false,
    "optimized": false, "collate": "<u>nocase</u>",
    "description": "</td></tr></table><script>alert(4)</script>"}]}]
EOF
python3 "$ROOT/docs/schema_html.py" "$TESTDIR/hostile.json" \
    >"$TESTDIR/hostile.html" || fail "docs/schema_html.py failed on hostile"
python3 -c 'import sys
from html.parser import HTMLParser
class P(HTMLParser):
    tags = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
p = P()
p.feed(open(sys.argv[1]).read())
bad = [t for t in p.tags if t in ("img", "b", "i", "u")]
sys.exit("tags from the data: %s" % bad if bad or
    p.tags.count("script") != 1 else 0)' "$TESTDIR/hostile.html" ||
    fail "the page lets text of the schema become markup"

# Search in Chromium, for listening_ports when there is one.
table=listening_ports
grep -qx "$table" "$TESTDIR/json-tables" ||
    table=$(head -n 1 "$TESTDIR/json-tables")
python3 "$ROOT/tests/integration/docs_browser.py" chromium \
    "$TESTDIR/tables.html" "$TESTDIR/schema.json" "$table" "$TESTDIR" ||
    fail "the page in Chromium (log: $(tail -5 "$TESTDIR/chromium.log" \
    2>/dev/null))"
echo "test_docs: ok"
