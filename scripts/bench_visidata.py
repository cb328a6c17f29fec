"""visidata beside Muster for scripts/bench: the same 100k roster CSV opened and searched.

Both programs run in a private 80x24 tmux server and are timed by polling capture-pane every
5 ms, because visidata repaints its row counter a few digits at a time (a byte-stream marker never
sees "100000 rows" whole).
"""
import os, shlex, statistics, subprocess, sys, tempfile, time

BIG_COURSE = "synthetic-100k"


class Tmux:
    """A program in a private 80x24 tmux server, for screens whose text curses repaints in
    pieces (a row counter): capture-pane shows the screen as it is, polled every 5 ms."""

    def __init__(self, argv, env, work):
        # A socket per run: a server still shutting down must not take the next session with it.
        self.sock, self.env = tempfile.mktemp(prefix="tmux-", suffix=".sock", dir=work), env
        self.start = time.perf_counter()
        self.tmux("new-session", "-d", "-s", "b", "-x", "80", "-y", "24", " ".join(shlex.quote(a) for a in argv))
        self.tmux("set-option", "-t", "b", "remain-on-exit", "on")   # a crash stays readable

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.sock, "-f", "/dev/null", *args], env=self.env, capture_output=True,
                              text=True).stdout

    def wait(self, text, since=None, timeout=300):
        since = since or self.start
        while text not in (screen := self.tmux("capture-pane", "-p", "-t", "b")):
            if time.perf_counter() - since > timeout or not screen:
                raise TimeoutError(f"no {text!r} on screen" + ("" if screen else " (the program ended)"))
            time.sleep(0.005)
        return (time.perf_counter() - since) * 1000

    def close(self):
        self.tmux("kill-server")


def visidata(cache, csv, env, runs, work, muster):
    """visidata opening the roster CSV: time to its first frame with rows, to every row loaded,
    and to a regex select on the family-name column; beside it, Muster's first frame of the same
    roster (the roll call of the big course) timed the same way. None when it cannot be installed."""
    venv = os.path.join(cache, "visidata-venv")
    vd = os.path.join(venv, "bin", "vd")
    if not os.path.exists(vd):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True, stdout=sys.stderr)
        if subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "visidata"], stdout=sys.stderr).returncode:
            return None
    version = subprocess.run([vd, "--version"], capture_output=True, text=True).stdout.strip()
    with open(csv, encoding="utf-8") as f:
        f.readline()
        first_email = f.readline().split(",")[2].split("@")[0]   # the column shows it cut short
    rows = sum(1 for _ in open(csv, encoding="utf-8")) - 1
    vd_env = {**env, "HOME": os.path.join(cache, "vd-home")}
    os.makedirs(vd_env["HOME"], exist_ok=True)
    first, loaded, search, ours = [], [], [], []
    for _ in range(runs):
        t = Tmux([vd, csv], vd_env, work)
        try:
            first.append(t.wait(first_email))
            loaded.append(t.wait(f"{rows} rows"))
            t.tmux("send-keys", "-t", "b", "l|")              # the family-name column, then select by regex
            t.wait("select regex", timeout=10)
            t.tmux("send-keys", "-t", "b", "-l", "Nguyễn")
            time.sleep(0.2)
            began = time.perf_counter()
            t.tmux("send-keys", "-t", "b", "Enter")
            search.append(t.wait("selected", since=began, timeout=60))
        finally:
            t.close()
        t = Tmux([muster[0], "--db", muster[1], "--course", BIG_COURSE], env, work)
        try:
            ours.append(t.wait("marked", timeout=120))
        finally:
            t.close()
    return {"version": version, "first_frame_ms": statistics.median(first), "all_rows_loaded_ms": statistics.median(loaded),
            "select_regex_ms": statistics.median(search), "muster_roll_call_ms": statistics.median(ours), "runs": runs}
