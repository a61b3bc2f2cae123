#!/usr/bin/env python3
"""Check the table reference in headless Chromium; used by test_docs.sh.

    docs_browser.py CHROMIUM PAGE SCHEMA_JSON TABLE WORKDIR

Two checks, each with the schema the page was made from as the truth:

 1. the page opened as PAGE#q=TABLE, its DOM as Chromium dumps it after
    the page's script ran (--dump-dom): TABLE is shown with its columns,
    tables that do not mention TABLE are hidden;
 2. searches typed key by key into the search box, through the DevTools
    protocol over --remote-debugging-pipe (commands on fd 3, replies on
    fd 4, each a JSON text ended by a NUL byte; no socket, no port),
    judged by what is laid out on screen: TABLE shows first with its
    columns and the address keeps the search; then one of TABLE's column
    names, which shows the tables that mention it and marks the matching
    rows; Escape shows every table again.

Exits 0 when all is well, 1 with the reasons otherwise.
"""

import fcntl
import json
import os
import select
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

TIMEOUT = 20.0      # seconds for each Chromium run
# Headless and root-friendly: CI runs as root, where Chromium's own
# sandbox cannot start; no GPU, no /dev/shm (small in containers).
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
         "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-sync",
         "--mute-audio", "--window-size=1280,900"]


class Failed(Exception):
    pass


def mentions(table, word):
    """Does the table's name, description or a column hold word?  The
    page's search as the schema says it should work."""
    word = word.lower()
    texts = [table["name"], table.get("description") or ""]
    for c in table["columns"]:
        texts.append(c["name"])
        texts.append(c.get("description") or "")
    return any(word in t.lower() for t in texts)


def judge(schema, word, table, shown, columns, problems):
    """After a search for word: shown, the names of the tables shown;
    columns, the column names shown for table, which must show all of
    its columns.  Appends what is wrong to problems."""
    by_name = {t["name"]: t for t in schema}
    want = [c["name"] for c in by_name[table]["columns"]]
    if table not in shown:
        problems.append("%s is not shown" % table)
    elif columns != want:
        problems.append("%s shows columns %s, want %s"
                        % (table, columns, want))
    for name in shown:
        if not mentions(by_name[name], word):
            problems.append("%s is shown but does not mention %s"
                            % (name, word))
    for t in schema:
        if t["name"] not in shown and mentions(t, word):
            problems.append("%s mentions %s but is hidden"
                            % (t["name"], word))
    if len(schema) > 1 and len(shown) == len(schema):
        problems.append("no table is hidden")


def column_word(schema, table):
    """A column name of table that fewest other tables mention (but not
    all of them): a search that columns answer, not table names."""
    by_name = {t["name"]: t for t in schema}
    counts = {}
    for c in by_name[table]["columns"]:
        n = sum(1 for t in schema if mentions(t, c["name"]))
        if n < len(schema):
            counts[c["name"]] = n
    return min(counts, key=lambda w: (counts[w], w)) if counts else None


class DomSections(HTMLParser):
    """The sections of a dumped page: name, hidden, column names."""

    def __init__(self):
        super().__init__()
        self.sections = {}
        self.current = None
        self.in_col = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "tbl" in (a.get("class") or "").split():
            self.current = a.get("data-table")
            self.sections[self.current] = {"hidden": "hidden" in a,
                                           "columns": []}
        elif tag == "td" and self.current and a.get("class") == "col":
            self.in_col = True
            self.sections[self.current]["columns"].append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_col = False
        elif tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.in_col:
            self.sections[self.current]["columns"][-1] += data


def check_dumped_dom(chromium, page, schema, table, workdir):
    url = "%s#q=%s" % (Path(page).as_uri(), quote(table))
    profile = os.path.join(workdir, "profile-dom")
    r = subprocess.run([chromium] + FLAGS + ["--user-data-dir=" + profile,
                       "--dump-dom", url], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    if r.returncode != 0 or b"</html>" not in r.stdout:
        raise Failed("chromium --dump-dom failed (%d): %s"
                     % (r.returncode, r.stderr.decode(errors="replace")
                        [-2000:]))
    dom = DomSections()
    dom.feed(r.stdout.decode("utf-8"))
    if 'data-ready="1"' not in r.stdout.decode("utf-8"):
        raise Failed("--dump-dom: the page's script did not run")
    if sorted(dom.sections) != sorted(t["name"] for t in schema):
        raise Failed("--dump-dom: the page's tables are not the schema's")
    shown = [n for n, s in dom.sections.items() if not s["hidden"]]
    problems = []
    columns = dom.sections.get(table, {}).get("columns", [])
    judge(schema, table, table, shown, columns, problems)
    return ["--dump-dom %s: %s" % (url, p) for p in problems]


def high_fd(fd):
    """fd moved above 3 and 4, where Chromium wants its pipe ends, so
    that putting one there cannot overwrite the other."""
    new = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return new


class DevTools:
    """Just enough of the DevTools protocol over a pipe: send a command,
    wait for its reply, and keep the events that came meanwhile."""

    def __init__(self, chromium, workdir):
        to_r, self.out = map(high_fd, os.pipe())
        self.inp, from_w = map(high_fd, os.pipe())
        profile = os.path.join(workdir, "profile-typed")
        log = os.open(os.path.join(workdir, "chromium.log"),
                      os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC,
                      0o644)
        # Every descriptor of ours is close-on-exec; Chromium gets
        # /dev/null, its log, and the two pipe ends at 3 and 4.
        actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, log, 1),
                   (os.POSIX_SPAWN_DUP2, log, 2),
                   (os.POSIX_SPAWN_DUP2, to_r, 3),
                   (os.POSIX_SPAWN_DUP2, from_w, 4)]
        try:
            self.pid = os.posix_spawnp(
                chromium, [chromium] + FLAGS + [
                    "--remote-debugging-pipe", "--user-data-dir=" + profile,
                    "about:blank"], os.environ, file_actions=actions)
        finally:
            for fd in (to_r, from_w, log):
                os.close(fd)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def close(self):
        try:
            self.send("Browser.close")
        except (Failed, OSError):
            pass
        end = time.monotonic() + 5
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        os.close(self.out)
        os.close(self.inp)

    def read_message(self):
        while b"\0" not in self.buf:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise Failed("chromium did not answer within %ds" % TIMEOUT)
            ready, _, _ = select.select([self.inp], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.inp, 65536)
            if not chunk:
                raise Failed("chromium closed the DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.read_message()
            if reply.get("id") != self.next_id:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise Failed("%s: %s" % (method, reply["error"]))
            return reply.get("result", {})

    def wait_event(self, method, session):
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and \
                        e.get("sessionId") == session:
                    del self.events[i]
                    return e
            self.events.append(self.read_message())


class Page:
    def __init__(self, dt, url):
        self.dt = dt
        target = dt.send("Target.createTarget", {"url": "about:blank"})
        self.session = dt.send("Target.attachToTarget",
                               {"targetId": target["targetId"],
                                "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})
        dt.wait_event("Page.loadEventFired", self.session)

    def send(self, method, params=None):
        return self.dt.send(method, params, self.session)

    def eval(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr,
                                           "returnByValue": True})
        if "exceptionDetails" in r:
            raise Failed("script %s: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    def key(self, key, text=None):
        down = {"type": "keyDown", "key": key}
        if text is not None:
            down["text"] = text
            down["unmodifiedText"] = text
        if key == "Escape":
            down["code"] = "Escape"
            down["windowsVirtualKeyCode"] = 27
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})

    def type(self, text):
        for ch in text:
            self.key(ch, ch)


# What is laid out: each section shown (a box on screen) with its top,
# the column names of its rows that have a box, and of the rows marked
# as matching the search.
LAYOUT = """(() => {
  const out = [];
  for (const s of document.querySelectorAll("section.tbl")) {
    const r = s.getBoundingClientRect();
    if (r.height === 0) continue;
    out.push({ name: s.dataset.table, top: r.top,
      columns: [...s.querySelectorAll("tbody tr")]
        .filter(tr => tr.getBoundingClientRect().height > 0)
        .map(tr => tr.querySelector(".col").textContent),
      hits: [...s.querySelectorAll("tbody tr.hit")]
        .map(tr => tr.querySelector(".col").textContent) });
  }
  return { shown: out, hash: location.hash,
    value: document.getElementById("hq-search").value };
})()"""


def search(p, schema, word, table, problems):
    """Type word into the (focused) search box and judge what shows;
    the tables shown, in order on screen."""
    p.type(word)
    after = p.eval(LAYOUT)
    if after["value"] != word:
        problems.append("the search box holds %r after typing %r"
                        % (after["value"], word))
    if after["hash"] != "#q=" + word:
        problems.append("the address keeps %r, not #q=%s"
                        % (after["hash"], word))
    shown = sorted(after["shown"], key=lambda s: s["top"])
    columns = next((s["columns"] for s in shown if s["name"] == table), [])
    judge(schema, word, table, [s["name"] for s in shown], columns,
          problems)
    return shown


def clear(p, schema, problems):
    p.key("Escape")
    after = p.eval(LAYOUT)
    if len(after["shown"]) != len(schema):
        problems.append("after Escape %d of %d tables are shown"
                        % (len(after["shown"]), len(schema)))
    if after["hash"] != "":
        problems.append("after Escape the address keeps %r" % after["hash"])


def check_column_hits(schema, word, shown, problems):
    """The rows whose name or description holds word are marked."""
    by_name = {t["name"]: t for t in schema}
    for s in shown:
        want = [c["name"] for c in by_name[s["name"]]["columns"]
                if word in c["name"].lower() or
                word in (c.get("description") or "").lower()]
        if s["hits"] != want:
            problems.append("%s marks rows %s, want %s"
                            % (s["name"], s["hits"], want))


def check_typed_search(chromium, page, schema, table, workdir):
    dt = DevTools(chromium, workdir)
    problems = []
    try:
        p = Page(dt, Path(page).as_uri())
        if p.eval("document.documentElement.dataset.ready") != "1":
            raise Failed("the page's script did not run")
        if len(p.eval(LAYOUT)["shown"]) != len(schema):
            problems.append("before any search not every table is shown")
        p.eval('document.getElementById("hq-search").focus()')
        shown = search(p, schema, table, table, problems)
        if shown and shown[0]["name"] != table:
            problems.append("%s is not first but %s"
                            % (table, shown[0]["name"]))
        clear(p, schema, problems)
        word = column_word(schema, table)
        if word is not None:
            shown = search(p, schema, word, table, problems)
            check_column_hits(schema, word, shown, problems)
            clear(p, schema, problems)
    finally:
        dt.close()
    return ["typed search: %s" % x for x in problems]


def main(argv):
    if len(argv) != 6:
        sys.stderr.write(__doc__)
        return 2
    chromium, page, schema_path, table, workdir = argv[1:]
    page = os.path.abspath(page)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    if table not in {t["name"] for t in schema}:
        sys.stderr.write("no table %s in the schema\n" % table)
        return 1
    try:
        problems = check_dumped_dom(chromium, page, schema, table, workdir)
        problems += check_typed_search(chromium, page, schema, table,
                                       workdir)
    except (Failed, subprocess.TimeoutExpired, OSError) as e:
        problems = [str(e)]
    for p in problems:
        sys.stderr.write("%s\n" % p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
