"""Two small JSON files under .cache/: ok results (trusted for a TTL) and runs in a row a link was unreachable."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .model import BROKEN, OK, UNREACHABLE, Result

CACHE_FILE = "ok-cache.json"
HISTORY_FILE = "history.json"


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or damaged file only costs a slower run
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


@dataclass
class Store:
    cache: dict[str, dict[str, object]] = field(default_factory=dict)
    history: dict[str, int] = field(default_factory=dict)


def load_store(directory: Path) -> Store:
    cache = {k: v for k, v in _read_json(directory / CACHE_FILE).items() if isinstance(v, dict)}
    history = {k: v for k, v in _read_json(directory / HISTORY_FILE).items() if isinstance(v, int)}
    return Store(cache=cache, history=history)


def save_store(directory: Path, store: Store) -> None:
    _write_json(directory / CACHE_FILE, dict(store.cache))
    _write_json(directory / HISTORY_FILE, dict(store.history))


def cached_result(store: Store, url: str, now: float, ttl: float) -> Result | None:
    """An ok result checked less than ttl seconds ago, or None."""
    entry = store.cache.get(url)
    if not entry:
        return None
    checked = entry.get("checked")
    if not isinstance(checked, (int, float)) or not 0 <= now - checked < ttl:
        return None
    status = entry.get("status")
    return Result(url=url, verdict=OK, status=status if isinstance(status, int) else None,
                  final_url=str(entry.get("final_url") or url), detail="cached", cached=True)


def record(store: Store, result: Result, now: float, threshold: int) -> Result:
    """Update cache and history with a fresh result; return it, turned broken after threshold unreachable runs.

    A result from a run whose resolver answered for no host (`resolver_down`) leaves cache and history as they
    were: only a run that could look the host's name up counts toward, or against, a link being broken.
    """
    url = result.url
    if result.resolver_down:
        return result
    if result.verdict == OK and not result.cached:
        store.cache[url] = {"checked": now, "status": result.status, "final_url": result.final_url}
    elif result.verdict != OK:
        store.cache.pop(url, None)
    if result.verdict != UNREACHABLE:
        store.history.pop(url, None)
        return result
    runs = store.history.get(url, 0) + 1
    store.history[url] = runs
    if runs >= threshold:
        result.verdict = BROKEN
        result.detail = f"unreachable in {runs} runs in a row: {result.detail}"
    else:
        result.detail = f"{result.detail} (unreachable run {runs} of {threshold} before it counts as broken)"
    return result
