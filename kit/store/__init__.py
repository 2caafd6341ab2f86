"""The store: SQLAlchemy 2 Core over SQLite (default) or PostgreSQL. The only SQL in the kit."""

from kit.store.db import Store, StoreUnavailable

__all__ = ["Store", "StoreUnavailable", "open_store"]


def open_store(url: str | None = None) -> Store:
    """Open the store at ``url``, or the one the settings name (``KIT_DB_URL``)."""
    from kit.settings import get_settings

    return Store(url or get_settings().store_url)
