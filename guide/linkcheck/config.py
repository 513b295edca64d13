"""Settings of the link checker: built-in defaults, overridden by pyproject.toml [tool.check-links]."""
from __future__ import annotations

import dataclasses
import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    # A current desktop Chrome: many Chinese sites answer 403 or 412 to anything that does not look like a browser.
    user_agent: str = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/131.0.0.0 Safari/537.36")
    accept_language: str = "zh-CN,zh;q=0.9,en;q=0.8"
    min_interval: float = 0.5          # seconds between the end of one request to a host and the next one
    host_interval: dict[str, float] = field(default_factory=lambda: {"*.chsi.com.cn": 1.0})
    max_hosts: int = 64                # hosts checked in parallel; each host gets one request at a time
    connect_timeout: float = 10.0
    read_timeout: float = 15.0         # longest silence while waiting for bytes
    request_deadline: float = 30.0     # one request: headers and the (bounded) body
    url_deadline: float = 90.0         # one link: every retry and redirect included
    retries: int = 2                   # further attempts after a timeout, reset, 429 or 5xx
    backoff: float = 1.0               # first retry delay; doubled each time, with +-50 % jitter
    backoff_cap: float = 20.0
    retry_after_cap: float = 60.0      # a longer Retry-After ends the retries instead of waiting
    max_bytes: int = 1_048_576         # body bytes read at most, counted before and after decompression
    max_redirects: int = 10
    head_suffixes: tuple[str, ...] = (".pdf", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".docx", ".xlsx")
    cache_ttl: float = 86_400.0        # seconds an ok result is trusted
    history_threshold: int = 3         # consecutive unreachable runs that make a link broken
    cache_dir: str = ".cache/check-links"
    exclude: tuple[str, ...] = ()      # regular expressions of URLs never requested

    def interval_for(self, host: str) -> float:
        """The interval of the first pattern matching host; `*.example.cn` also matches `example.cn` itself."""
        host = host.lower().rstrip(".")
        for pattern, seconds in self.host_interval.items():
            pattern = pattern.lower()
            if fnmatch.fnmatchcase(host, pattern) or (pattern.startswith("*.") and host == pattern[2:]):
                return float(seconds)
        return self.min_interval


class ConfigError(ValueError):
    """pyproject.toml holds a setting the checker does not know or cannot use."""


def settings_from_table(table: dict[str, object]) -> Settings:
    base = Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    changes: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown setting [tool.check-links] {key}")
        current = getattr(base, name)
        if name == "host_interval":
            if not isinstance(value, dict):
                raise ConfigError("[tool.check-links.host_interval] must be a table of host pattern = seconds")
            value = {str(k): float(v) for k, v in value.items()}
        elif isinstance(current, tuple):
            if not isinstance(value, list):
                raise ConfigError(f"[tool.check-links] {key} must be a list")
            value = tuple(str(v) for v in value)
        elif isinstance(current, float) and isinstance(value, int):
            value = float(value)
        if not isinstance(value, type(current)):
            raise ConfigError(f"[tool.check-links] {key} must be {type(current).__name__}")
        changes[name] = value
    return dataclasses.replace(base, **changes)


def load_settings(pyproject: Path) -> Settings:
    if not pyproject.is_file():
        return Settings()
    with pyproject.open("rb") as fh:
        return settings_from_table(tomllib.load(fh).get("tool", {}).get("check-links", {}))
