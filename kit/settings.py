"""One typed settings object for the whole kit, read from the environment.

| variable         | meaning                                          | default              |
|------------------|--------------------------------------------------|----------------------|
| ``KIT_DB_URL``   | SQLAlchemy URL of the store                      | SQLite in ``var/``   |
| ``KIT_DATA_DIR`` | course content directory                         | ``data/`` of the repo|
| ``KIT_VAR_DIR``  | runtime files (store, logs)                      | ``var/`` of the repo |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else default


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: _env_path("KIT_DATA_DIR", REPO_ROOT / "data"))
    """课程内容目录 / Course content directory."""
    var_dir: Path = field(default_factory=lambda: _env_path("KIT_VAR_DIR", REPO_ROOT / "var"))
    """运行时文件目录(存储、日志)/ Runtime files."""
    db_url: str = field(default_factory=lambda: os.environ.get("KIT_DB_URL", ""))
    """存储地址 / Store URL; empty means SQLite under ``var_dir``."""

    @property
    def store_url(self) -> str:
        return self.db_url or f"sqlite:///{self.var_dir / 'kit.sqlite3'}"


def get_settings() -> Settings:
    return Settings()
