#!/usr/bin/env python3
"""What a person sees, timed on a pseudo-terminal: jixiao side by side with dialog (C, ncurses).

Run by scripts/bench; usable alone:

    bench-pty.py open JIXIAO DRAFT --label L [--runs N]   open to first complete frame, vs dialog --infobox
    bench-pty.py keys JIXIAO DRAFT --label L [--runs N]   key -> end of repaint, vs typing into dialog --inputbox
    bench-pty.py idle JIXIAO DRAFT --label L              CPU used with each panel open and no key pressed

Every program runs on its own 40x120 pseudo-terminal (TERM=xterm-256color, LANG=LC_ALL=C.UTF-8) whose
output this process reads as it arrives. A "frame" is a burst of output: it ends when nothing more
arrives for the quiet window (--quiet-ms, default 40), and its time is that of its LAST byte, never the
end of the window. The draft is copied into a fresh folder for every program started, so no lock or
recovery file of an earlier run interferes. Only the standard library is used.

Lines starting with "target" state a target as met or MISSED; scripts/bench collects them.
"""
import argparse
import fcntl
import gc
import os
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

ROWS, COLS = 40, 120
ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("NO_COLOR", None)

# The keys as xterm-256color's terminfo spells them in keypad (application) mode, which ncurses turns on
# at start (smkx): what a real xterm sends.
DOWN, UP = b"\x1bOB", b"\x1bOA"
HOME, PAGE_UP = b"\x1bOH", b"\x1b[5~"
F1, F3, F4, F5 = b"\x1bOP", b"\x1bOR", b"\x1bOS", b"\x1b[15~"
ENTER, CTRL_Z, CTRL_Q = b"\r", b"\x1a", b"\x11"

# Escape sequences, so that what a frame draws can be searched as text: CSI, OSC, then any other escape
# (charset selection, keypad mode, save/restore cursor), then the remaining control characters.
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -/]*[0-~]|[\x00-\x1f\x7f]")


def text_of(data):
    """What output draws, without its escape sequences, as UTF-8 text."""
    return _ESCAPES.sub(b"", bytes(data)).decode("utf-8", "replace")


class Pty:
    """One program on its own pseudo-terminal."""

    def __init__(self, argv):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.fd = master
        self.eof = False
        self.started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for n in (0, 1, 2):
                    os.dup2(slave, n)
                if slave > 2:
                    os.close(slave)
                os.execve(argv[0], argv, ENV)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.status = None

    def _read(self, timeout):
        """One chunk of output with the time it arrived, or None after `timeout` s (or at the end)."""
        if self.eof:
            return None
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program and every copy of the terminal are gone
            data = b""
        if not data:
            self.eof = True
            return None
        return data, time.perf_counter()

    def burst(self, first_timeout, quiet, marker=None):
        """Output until `quiet` s pass with nothing new. Waits up to `first_timeout` s for the first byte
        (with `marker`: for output whose text contains it; the quiet rule applies only from then on).
        Returns (bytes, time of first byte, time of last byte); the times are None when nothing came."""
        data = bytearray()
        first = last = None
        armed = marker is None
        deadline = time.perf_counter() + first_timeout
        while True:
            now = time.perf_counter()
            wait = (last + quiet - now) if (armed and last is not None) else (deadline - now)
            if wait <= 0:
                break
            got = self._read(wait)
            if got is None:
                if self.eof or not armed or last is not None:
                    break
                continue
            chunk, t = got
            data += chunk
            first = first if first is not None else t
            last = t
            if not armed and marker in text_of(data):
                armed = True
        if not armed:
            return data, None, None
        return data, first, last

    def drain(self):
        """Whatever output is waiting now (none expected: a frame that went on after its quiet window)."""
        data = bytearray()
        while True:
            got = self._read(0)
            if got is None:
                return bytes(data)
            data += got[0]

    def write(self, keys):
        t = time.perf_counter()
        os.write(self.fd, keys)
        return t

    def exited(self, timeout):
        end = time.perf_counter() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return True
            if time.perf_counter() >= end:
                return False
            if self._read(0.02) is None and self.eof:
                time.sleep(0.005)

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, self.status = os.waitpid(self.pid, 0)
        os.close(self.fd)

    def cpu_ns(self):
        """CPU time of every thread so far: (utime+stime from /proc/PID/stat in ns, {tid: schedstat ns} or None)."""
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
        stat_ns = ticks * 1_000_000_000 // os.sysconf("SC_CLK_TCK")
        sched = {}
        try:
            for tid in os.listdir("/proc/%d/task" % self.pid):
                try:
                    with open("/proc/%d/task/%s/schedstat" % (self.pid, tid)) as f:
                        sched[tid] = int(f.read().split()[0])
                except FileNotFoundError:
                    pass  # the thread ended meanwhile
        except (OSError, ValueError, IndexError):
            sched = None
        return stat_ns, sched


def sched_delta(before, after):
    """Run time between two `cpu_ns` readings: per thread, so that a thread ending in between (a pool
    thread let go after idling) does not take its whole past run time off the sum; a thread that
    started in between counts whole. None when either reading has none."""
    if before is None or after is None:
        return None
    return sum(t - before.get(tid, 0) for tid, t in after.items())


def fresh_copy(draft, work):
    """The draft in a folder of its own, so no lock or recovery file from a run before interferes."""
    d = tempfile.mkdtemp(prefix="run.", dir=work)
    path = os.path.join(d, os.path.basename(draft))
    shutil.copyfile(draft, path)
    return path


# ---------------------------------------------------------------------------------------------- statistics

def p99(xs):
    """Nearest rank: with fewer than 100 samples this is the largest."""
    s = sorted(xs)
    return s[max(0, -(-99 * len(s) // 100) - 1)]


def ms(x):
    return "%.1f ms" % (x * 1000) if x is not None else "NA"


def ms3(x):
    return "%.2f ms" % (x * 1000) if x is not None else "NA"


def summary(xs):
    if not xs:
        return None, None, None
    return statistics.median(xs), p99(xs), max(xs)


# ---------------------------------------------------------------------------------------------- open

def quit_jixiao(p):
    """Ctrl-Q; if it asks about unsaved changes, N (do not save: the draft is a throwaway copy)."""
    if not p.eof:
        try:
            p.write(CTRL_Q)
            if not p.exited(1.5):
                p.write(b"n")
                p.exited(3)
        except OSError:
            pass
    p.kill()


def open_jixiao(jixiao, draft, work, quiet):
    """Seconds from fork to the last byte of jixiao's first frame (the one that draws its key bar)."""
    path = fresh_copy(draft, work)
    p = Pty([jixiao, path])
    data, _, last = p.burst(60, quiet, marker="退出")
    t = None if last is None else last - p.started
    if t is None:
        sys.stderr.write("bench-pty: jixiao's first frame never came; its output ended with %r\n" % bytes(data[-300:]))
    quit_jixiao(p)
    return t


INFOBOX_TEXT = "jixiao bench: dialog infobox"


def open_dialog(dialog, quiet):
    """Seconds from fork to the last byte of dialog --infobox's frame. --sleep keeps it on screen (and
    its exit out of the frame) until it is killed."""
    p = Pty([dialog, "--sleep", "30", "--infobox", INFOBOX_TEXT, "5", "40"])
    data, _, last = p.burst(10, quiet, marker=INFOBOX_TEXT)
    if last is None:
        sys.stderr.write("bench-pty: dialog's infobox never came; its output ended with %r\n" % bytes(data[-300:]))
    p.kill()
    return None if last is None else last - p.started


def cmd_open(a):
    js, ds = [], []
    for _ in range(a.runs):
        gc.collect()
        t = open_jixiao(a.jixiao, a.draft, a.work, a.quiet)
        if t is not None:
            js.append(t)
        t = open_dialog(a.dialog, a.quiet)
        if t is not None:
            ds.append(t)
    print("open to first complete frame, %s: %d runs each, alternating (fork until the frame's last byte)" % (a.label, a.runs))
    print("  %-28s %5s %10s %10s %10s" % ("", "n", "median", "p99", "max"))
    for name, xs in (("jixiao FILE", js), ("dialog --infobox", ds)):
        m, q, x = summary(xs)
        print("  %-28s %5d %10s %10s %10s" % (name, len(xs), ms(m), ms(q), ms(x)))
    if js and ds:
        r = statistics.median(js) / statistics.median(ds)
        print("target [%s] open: median jixiao / median dialog = %.1fx, within 5x: %s" % (a.label, r, "met" if r <= 5 else "MISSED"))
    else:
        print("target [%s] open: MISSED (no measurement: %d jixiao, %d dialog frames)" % (a.label, len(js), len(ds)))
    print()


# ---------------------------------------------------------------------------------------------- keys

class Kind:
    """One kind of key press and its samples, with the dialog keystroke taken right after each."""

    def __init__(self):
        self.times, self.dialog = [], []
        self.silent = 0     # no output at all within the timeout: nothing recorded
        self.wrong = 0      # output without what the key must show: not recorded
        self.late = 0       # output still arriving after the quiet window: the frame may have been cut


class Keys:
    def __init__(self, a):
        self.a = a
        self.kinds = {}
        self.order = []
        self.dialog_late = 0
        self.dialog_silent = 0
        self.dialog_wrong = 0
        self.letters = 0
        self.box = None
        self.app = None
        self.last = None    # the kind of the key measured last, for output that arrives after its window
        self.checked = {}   # one burst's text per kind, shown with --show

    def kind(self, name):
        if name not in self.kinds:
            self.kinds[name] = Kind()
            self.order.append(name)
        return self.kinds[name]

    # A jixiao key: wait for its frame, check that it shows what the key does, then a dialog keystroke.
    def press(self, keys, name, expect=None):
        k = self.kind(name)
        if self.app.drain() and self.last is not None:
            self.last.late += 1
        t0 = self.app.write(keys)
        data, _, last = self.app.burst(self.a.timeout, self.a.quiet)
        self.last = k
        text = text_of(data)
        if last is None:
            k.silent += 1
        elif (expect is not None and expect not in text) or (expect is None and not text.strip()):
            k.wrong += 1
            if self.a.show:
                sys.stderr.write("bench-pty: %s: expected %r, the frame drew %r\n" % (name, expect, text[:300]))
        else:
            k.times.append(last - t0)
            self.checked.setdefault(name, text)
        k.dialog.append(self.type_dialog())

    def type_dialog(self):
        if self.box is None or self.letters >= 60:
            self.restart_dialog()
        stray = self.box.drain()
        if stray:
            self.dialog_late += 1
        c = "abcdefghijklmnopqrstuvwxyz"[self.letters % 26]
        self.letters += 1
        t0 = self.box.write(c.encode())
        data, _, last = self.box.burst(self.a.timeout, self.a.quiet)
        if last is None:
            self.dialog_silent += 1
            return None
        if c not in text_of(data):
            self.dialog_wrong += 1
            return None
        self.checked.setdefault("dialog", text_of(data))
        return last - t0

    def restart_dialog(self):
        """A fresh input box every 60 letters: the field never scrolls."""
        if self.box is not None:
            self.box.kill()
        self.box = Pty([self.a.dialog, "--inputbox", "jixiao bench: type here", "8", "100"])
        _, _, last = self.box.burst(10, self.a.quiet, marker="type here")
        if last is None:
            raise RuntimeError("dialog --inputbox never drew its box")
        self.letters = 0

    def run(self):
        a = self.a
        self.app = Pty([a.jixiao, fresh_copy(a.draft, a.work)])
        try:
            _, _, last = self.app.burst(60, a.quiet, marker="退出")
            if last is None:
                raise RuntimeError("jixiao's first frame never came")
            self.position()
            for r in range(a.runs):
                # The driver's own garbage collection, between rounds only: a collection while a frame
                # arrived was counted as the program's time (or dialog's).
                gc.collect()
                self.round(r)
        finally:
            quit_jixiao(self.app)
            if self.box is not None:
                self.box.kill()

    def position(self):
        """One unsaved change first, as while typing (the recovery keeper then has something to keep):
        an "x" appended to 预算单位名称, 附件1's first cell. Then down 9 rows from the top: 1、业务工作经费,
        2022年决算数 — a money cell entered in every hunan-unit draft, three rows above the first
        区级专项资金 row (a repeated row, for F5). jixiao opens on 附件1, at its first cell still to fill."""
        self.top()
        for keys, shows in ((ENTER, "确认"), (b"x", "x"), (ENTER, "帮助")):
            if shows not in self.setup(keys):
                raise RuntimeError("keys: editing 预算单位名称 did not show %r; update Keys.position" % shows)
        self.top()
        for _ in range(8):
            self.setup(DOWN)
        if "业务工作经费" not in self.setup(DOWN):
            raise RuntimeError("keys: 9 rows down from the top of 附件1 is not 1、业务工作经费: the keys part needs a "
                               "hunan-unit draft (if it is one, the template's layout changed: update Keys.position)")

    def top(self):
        for _ in range(4):
            self.setup(PAGE_UP, wait=1)  # at the top already, PgUp draws nothing
        self.setup(HOME, wait=1)

    def setup(self, keys, wait=None):
        """A key that only moves into position: what it drew, as text. `wait`: how long to wait for its
        first byte, short for a key that may draw nothing."""
        self.app.drain()
        self.app.write(keys)
        return text_of(self.app.burst(self.a.timeout if wait is None else wait, self.a.quiet)[0])

    def round(self, r):
        p = self.press
        # Arrows, alternating: down to the 区级专项资金 row and back up, F5 and undo in between.
        p(DOWN, "↓ / ↑ (arrow)")
        p(DOWN, "↓ / ↑ (arrow)")
        p(DOWN, "↓ / ↑ (arrow)")
        p(F5, "F5 (add a row)", "已增加")
        p(CTRL_Z, "Ctrl-Z (undo the added row)", "撤销")
        p(UP, "↓ / ↑ (arrow)")
        p(UP, "↓ / ↑ (arrow)")
        p(UP, "↓ / ↑ (arrow)")
        # Edit the money cell: Enter, three digits, Enter to commit (focus moves on), Ctrl-Z (focus back).
        p(ENTER, "Enter (start editing)", "确认")
        for i in range(3):
            digit = "0123456789"[(r * 3 + i) % 9 + 1]
            p(digit.encode(), "digit while editing", digit)
        p(ENTER, "Enter (commit the edit)", "帮助")
        p(CTRL_Z, "Ctrl-Z (undo the edit)", "撤销")
        # Panels: open and close.
        p(F4, "F4 (open the score preview)", "得分预览")
        p(F4, "F4 (close it)", "帮助")
        p(F3, "F3 (open the problems)", "问题清单")
        p(F3, "F3 (close it)", "帮助")


def cmd_keys(a):
    k = Keys(a)
    k.run()
    print("key -> end of repaint, %s: %d rounds, each key followed by one letter typed into dialog --inputbox;" % (a.label, a.runs))
    print("  in 附件1 at 1、业务工作经费 (F5 on the 区级专项资金 row below it), with one unsaved change made first")
    print("  (p99 is the nearest rank: with fewer than 100 samples, the largest)")
    print("  %-30s %4s | %-28s | %-28s | %s" % ("key", "n", "jixiao  p50 / p99 / max", "dialog  p50 / p99 / max", "p99 diff"))
    verdicts = []
    for name in k.order:
        kd = k.kinds[name]
        dl = [x for x in kd.dialog if x is not None]
        jm, jq, jx = summary(kd.times)
        dm, dq, dx = summary(dl)
        diff = None if jq is None or dq is None else jq - dq
        print("  %-30s %4d | %8s %9s %9s | %8s %9s %9s | %s" % (
            name, len(kd.times), ms(jm), ms(jq), ms(jx), ms3(dm), ms3(dq), ms3(dx), ms(diff)))
        notes = []
        if kd.silent:
            notes.append("%d presses drew nothing within %.0f s (not recorded)" % (kd.silent, a.timeout))
        if kd.wrong:
            notes.append("%d frames without the text the key must show (not recorded)" % kd.wrong)
        if kd.late:
            notes.append("%d frames went on after the quiet window" % kd.late)
        for n in notes:
            print("  %-30s      ! %s" % ("", n))
        if diff is None:
            verdicts.append("target [%s] %s: p99 within 1 ms of dialog: MISSED (no measurement)" % (a.label, name))
        else:
            verdicts.append("target [%s] %s: p99 %s vs dialog %s (%+.1f ms), within 1 ms: %s" % (
                a.label, name, ms(jq), ms3(dq), diff * 1000, "met" if diff <= 0.001 else "MISSED"))
    if k.dialog_silent or k.dialog_wrong or k.dialog_late:
        print("  dialog: %d letters drew nothing, %d frames without the letter, %d went on after the quiet window"
              % (k.dialog_silent, k.dialog_wrong, k.dialog_late))
    if a.show:
        for name, text in k.checked.items():
            print("  what one frame drew, %s: %r" % (name, text[:160]))
    for v in verdicts:
        print(v)
    print()


# ---------------------------------------------------------------------------------------------- idle

def cmd_idle(a):
    p = Pty([a.jixiao, fresh_copy(a.draft, a.work)])
    rows = []
    try:
        _, _, last = p.burst(60, a.quiet, marker="退出")
        if last is None:
            raise RuntimeError("jixiao's first frame never came")
        # After the first frame jixiao checks the forms it did not show and builds the score preview's
        # cards (issue 12's "first paint first"): work, not idling. Idle starts once that is over, told
        # by half a second with under 0.5 ms of CPU in each 50 ms (at most 20 s).
        start = time.perf_counter()
        quiet_polls = 0
        _, prev = p.cpu_ns()
        while quiet_polls < 10 and prev is not None and time.perf_counter() - start < 20:
            time.sleep(0.05)
            p.drain()
            _, now = p.cpu_ns()
            quiet_polls = quiet_polls + 1 if sched_delta(prev, now) < 500_000 else 0
            prev = now
        settled = time.perf_counter() - start - 0.5

        def show(keys, expect):
            p.drain()
            p.write(keys)
            data, _, last = p.burst(a.timeout, a.quiet)
            if last is None or expect not in text_of(data):
                raise RuntimeError("idle: the key %r did not show %r" % (keys, expect))

        def sample(name):
            time.sleep(0.3)  # let a tick that was due pass, as a person reading would
            p.drain()
            s0, c0 = p.cpu_ns()
            t0 = time.perf_counter()
            out = 0
            while time.perf_counter() - t0 < a.seconds:
                got = p._read(t0 + a.seconds - time.perf_counter())
                if got is not None:
                    out += len(got[0])
            wall = time.perf_counter() - t0
            s1, c1 = p.cpu_ns()
            ran = sched_delta(c0, c1)
            rows.append((name, (s1 - s0) / 1e9 / wall, None if ran is None else ran / 1e9 / wall, out))

        sample("the form (no panel)")
        show(F4, "得分预览")
        sample("F4 score preview")
        show(b"p", "打印预览")
        sample("P print preview (from F4)")
        show(b"q", "得分预览")
        show(F4, "帮助")
        show(F3, "问题清单")
        sample("F3 problems")
        show(F3, "帮助")
        show(F1, "帮助 ·")
        sample("F1 help")
        show(F1, "F2保存")
    finally:
        quit_jixiao(p)
    print("idle CPU, %s: %.0f s with no key pressed after each panel's frame (utime+stime from /proc/PID/stat;" % (a.label, a.seconds))
    print("  schedstat: the kernel's run time of every thread, in ns); the work after opening (checking the")
    print("  forms not shown first, the score preview's cards) was over %.2f s after the first frame" % settled)
    print("  %-30s %12s %12s %14s" % ("panel", "CPU (stat)", "(schedstat)", "output bytes"))
    for name, cpu, sched, out in rows:
        print("  %-30s %11.1f%% %12s %14d" % (name, cpu * 100, "NA" if sched is None else "%.2f%%" % (sched * 100), out))
    for name, cpu, sched, out in rows:
        busy = sched if sched is not None else cpu
        print("target [%s] idle CPU, %s: %.1f%%, 0%% (under 0.5%%): %s" % (a.label, name, busy * 100, "met" if busy < 0.005 else "MISSED"))
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["open", "keys", "idle"])
    ap.add_argument("jixiao")
    ap.add_argument("draft")
    ap.add_argument("--label", default="draft")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--dialog", default=shutil.which("dialog") or "/usr/bin/dialog")
    ap.add_argument("--quiet-ms", dest="quiet", type=float, default=40)
    ap.add_argument("--timeout", type=float, default=10, help="seconds to wait for a key's first byte")
    ap.add_argument("--seconds", type=float, default=2, help="idle: seconds to sample each panel")
    ap.add_argument("--work", default=None, help="folder for the fresh copies (default: a temporary one)")
    ap.add_argument("--show", action="store_true", help="print what one frame of each key drew")
    a = ap.parse_args()
    a.quiet /= 1000
    # No garbage collection while a frame or a keystroke is timed (see `gc.collect` between rounds).
    gc.disable()
    a.jixiao = os.path.abspath(a.jixiao)
    a.draft = os.path.abspath(a.draft)
    own = a.work is None
    if own:
        a.work = tempfile.mkdtemp(prefix="jixiao-bench-pty.")
    try:
        {"open": cmd_open, "keys": cmd_keys, "idle": cmd_idle}[a.what](a)
    except RuntimeError as e:
        sys.stdout.flush()
        sys.stderr.write("bench-pty: %s\n" % e)
        sys.exit(1)
    finally:
        if own:
            shutil.rmtree(a.work, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
