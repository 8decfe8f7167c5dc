"""Run one command and print its wall time and peak RSS as a JSON line.

A lean middleman: a child's peak RSS counts the memory of the process that forked it,
so ``run.py`` (which holds audio_builder and sometimes Piper) starts the measured
command through this small process instead of directly.

Usage: python benchmarks/measure.py COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(command: list[str]) -> int:
    start = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "rss_kb": usage.ru_maxrss, "code": code}), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
