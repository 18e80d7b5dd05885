"""What the batch tests share: member folders from the samples, the summary, and a batch
started in its own process with its workers' process ids."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"


def copy_members(folder: Path, *names: str) -> Path:
    """A folder of member files, copies of these sample chains."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / f"{name}.yaml", folder / f"{name}.yaml")
    return folder


def write_members(
    folder: Path, members: dict[str, tuple[list[dict[str, Any]], Any]], sector: str
) -> Path:
    """A folder of member chains written as YAML, one per member: its suppliers (the first of
    each pair), under a German company "NAME GmbH" of this sector."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    for name, (suppliers, _) in members.items():
        company = {"name": f"{name} GmbH", "country": "DEU", "sector": sector}
        text = yaml.safe_dump({"company": company, "suppliers": suppliers})
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def read_summary(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "summary.json").read_text(encoding="utf-8"))


def batch_with_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """`ddtool batch -j 2` of 60 members, started in its own process, once its two workers
    run (Linux: read from /proc); the process and the workers' ids."""
    folder = tmp_path / "members"
    folder.mkdir()
    text = (SAMPLES / "garment.yaml").read_bytes()
    for i in range(60):
        (folder / f"m{i:02d}.yaml").write_bytes(text)
    command = [sys.executable, "-m", "ddtool", "batch", str(folder), "-o", str(tmp_path / "o")]
    batch = subprocess.Popen(
        [*command, "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    children_file = Path(f"/proc/{batch.pid}/task/{batch.pid}/children")
    workers: list[int] = []
    for _ in range(400):  # the workers start once the members are found
        if children_file.exists():
            workers = [int(p) for p in children_file.read_text().split()]
        if len(workers) >= 2 or batch.poll() is not None:
            break
        time.sleep(0.05)
    assert workers, "the batch started no worker"
    return batch, workers


def workers_left(workers: list[int], seconds: float = 10) -> list[int]:
    """The workers still running (not zombies) after up to `seconds`; those are killed, so
    that a failing test leaves nothing behind either."""
    deadline = time.monotonic() + seconds
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if _running(pid)]
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    return alive


def _running(pid: int) -> bool:
    try:
        return not Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except OSError:
        return False
