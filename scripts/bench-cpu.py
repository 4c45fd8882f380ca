#!/usr/bin/env python3
"""The main thread's CPU time per key and per open, for before/after comparisons on a busy machine.

scripts/bench measures what a person sees (wall time, side by side with dialog); on a machine where
other work runs, wall times move with the load. This tool drives the same release binary on a
pseudo-terminal (scripts/bench-pty.py's Pty) and reads, around each key, the CPU time of the program's
main thread (/proc/PID/task/PID/schedstat), which the load moves much less.

    bench-cpu.py keys JIXIAO DRAFT MODE SECONDS [PERF_DATA]
        MODE: digits (Enter, three digits, Enter, Ctrl-Z on 1、业务工作经费), arrows (↓ ↑), f5 (add a row
        three rows down, undo), f3 (problems open / close), f4 (score preview open / close), panels
        (both), editf4 and editpanels (as scripts/bench orders them: an edit committed and undone, then
        F4 open / close, and for editpanels F3 open / close: the panels open on checks just changed).
        With PERF_DATA, `perf record -g` samples the program meanwhile (PERF_CALL_GRAPH=dwarf,16384 for
        stacks through curses, which has no frame pointers; read it with
        perf report -i PERF_DATA --comm jixiao --children --sort symbol --stdio -g none).
        Per key: wall time to the last byte (p50, p90), to the first byte (p50), the bytes written
        (p50) and the main thread's CPU time (p50, p90). QUIET_MS (10): how long the output must pause
        for a frame to be over before the next key; 40 as in scripts/bench lets the program word F3's
        first page between keys, as it does when a person pauses.
    bench-cpu.py open JIXIAO DRAFT RUNS [WRAPPER...]
        fork to the last byte of the first frame, RUNS times (p50 and min); WRAPPER (e.g. `perf record
        -g -o OUT --` or `valgrind --tool=callgrind --`) runs in front of jixiao.

Works on a hunan-unit draft (the keys are placed as in scripts/bench; with PLACE=project, in the
上年结转资金 row of a project form reached through the outline, for a large draft). Standard library only.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("bench_pty", os.path.join(_here, "bench-pty.py"))
bp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bp)


PAGE_DOWN = b"\x1b[6~"


def main_thread_ns(pid):
    with open("/proc/%d/task/%d/schedstat" % (pid, pid)) as f:
        return int(f.read().split()[0])


def minor_faults(pid):
    """Minor page faults of the whole process so far (/proc/PID/stat, field 10)."""
    with open("/proc/%d/stat" % pid) as f:
        return int(f.read().rsplit(")", 1)[1].split()[7])


def keys(jixiao, draft, mode, seconds, perf_data=None):
    work = tempfile.mkdtemp(prefix="jixiao-bench-cpu.")
    p = bp.Pty([os.path.abspath(jixiao), bp.fresh_copy(os.path.abspath(draft), work)])
    walls, cpus, firsts, sizes, faults = {}, {}, {}, {}, {}
    quiet_s = float(os.environ.get("QUIET_MS", "10")) / 1000

    def key(keys, name=None, quiet=quiet_s):
        p.drain()
        c0, f0 = main_thread_ns(p.pid), minor_faults(p.pid)
        t0 = p.write(keys)
        data, first, last = p.burst(5, quiet)
        if name:
            cpus.setdefault(name, []).append(main_thread_ns(p.pid) - c0)
            sizes.setdefault(name, []).append(len(data))
            faults.setdefault(name, []).append(minor_faults(p.pid) - f0)
            if last is not None:
                walls.setdefault(name, []).append(last - t0)
                firsts.setdefault(name, []).append(first - t0)

    try:
        p.burst(60, 0.04, marker="退出")
        for k in (bp.ENTER, b"x", bp.ENTER):   # one unsaved change first, as scripts/bench makes
            key(k, quiet=0.04)
        if os.environ.get("PLACE") == "project":
            # The outline (Ctrl-L), three pages down, Enter: a project form in the middle of the large
            # draft; then its 上年结转资金 row, 年初预算数 (an entered money cell).
            for k in (b"\x0c", PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, bp.ENTER):
                key(k, quiet=0.04)
            places = 5
        else:
            places = 9
        for _ in range(4):
            key(bp.PAGE_UP)
        key(bp.HOME)
        for _ in range(places):
            key(bp.DOWN)
        perf = None
        if perf_data:
            graph = ["--call-graph", os.environ["PERF_CALL_GRAPH"]] if os.environ.get("PERF_CALL_GRAPH") else ["-g"]
            perf = subprocess.Popen(["perf", "record", "-e", os.environ.get("PERF_EVENT", "cpu-clock"), "-F", "4000"] + graph + ["-o", perf_data, "-p", str(p.pid)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        end = time.time() + seconds
        while time.time() < end:
            if mode == "digits":
                key(bp.ENTER)
                for d in "123":
                    key(d.encode(), "digit")
                key(bp.ENTER, "commit")
                key(bp.CTRL_Z, "undo")
            elif mode == "arrows":
                key(bp.DOWN, "arrow")
                key(bp.UP, "arrow")
            elif mode == "f5":
                for _ in range(3):
                    key(bp.DOWN)
                key(bp.F5, "F5")
                key(bp.CTRL_Z, "undo F5")
                for _ in range(3):
                    key(bp.UP)
            if mode in ("editf4", "editpanels"):
                key(bp.ENTER)
                for d in "123":
                    key(d.encode())
                key(bp.ENTER)
                key(bp.CTRL_Z)
            if mode in ("f4", "panels", "editf4", "editpanels"):
                key(bp.F4, "F4 open")
                key(bp.F4, "F4 close")
            if mode in ("f3", "panels", "editpanels"):
                key(bp.F3, "F3 open")
                key(bp.F3, "F3 close")
        if perf:
            perf.send_signal(2)
            perf.wait()
    finally:
        bp.quit_jixiao(p)
        shutil.rmtree(work, ignore_errors=True)
    # The first byte is the frame's first write (curses writes when its buffer fills, curs_set at once):
    # the part before it is reading the key, update, drawing and handing the cells to curses; the part
    # after it is mostly curses building and writing the escape sequences.
    print("%-10s %5s | %-22s | %-14s | %-9s | %s %s" % ("key", "n", "wall p50 / p90 (ms)", "first byte p50", "bytes p50",
                                                     "main-thread CPU p50 / p90 (ms)", "| faults p50 / max"))
    def rank(xs, q):
        """The value at fraction `q` of the sorted samples (0.5: the upper median), 0 when there are none."""
        xs = sorted(xs) or [0]
        return xs[int(len(xs) * q)]

    for name, c in cpus.items():
        w, f = walls.get(name, []), firsts.get(name, [])
        print("%-10s %5d | %8.2f %8.2f     | %8.2f ms    | %9d | %8.2f %8.2f | %6d %6d" % (
            name, len(c), rank(w, .5) * 1e3, rank(w, .9) * 1e3, rank(f, .5) * 1e3, rank(sizes[name], .5),
            rank(c, .5) / 1e6, rank(c, .9) / 1e6, rank(faults[name], .5), max(faults[name])))


def open_times(jixiao, draft, runs, wrapper):
    ts = []
    for _ in range(runs):
        work = tempfile.mkdtemp(prefix="jixiao-bench-cpu.")
        try:
            p = bp.Pty(wrapper + [os.path.abspath(jixiao), bp.fresh_copy(os.path.abspath(draft), work)])
            _, _, last = p.burst(60, 0.04, marker="退出")
            if last is None:
                sys.exit("bench-cpu: the first frame never came")
            ts.append(last - p.started)
            bp.quit_jixiao(p)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    ts.sort()
    print("open: n=%d p50=%.1f ms min=%.1f ms" % (runs, ts[runs // 2] * 1e3, ts[0] * 1e3))


def main():
    a = sys.argv[1:]
    if len(a) >= 5 and a[0] == "keys":
        keys(a[1], a[2], a[3], float(a[4]), a[5] if len(a) > 5 else None)
    elif len(a) >= 4 and a[0] == "open":
        open_times(a[1], a[2], int(a[3]), a[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
