"""What each page shows, as frozen dataclasses: controllers reassign them, views render them.

Below both :mod:`kit.live` (controllers) and :mod:`kit.widgets` (views): neither imports the other.
"""
