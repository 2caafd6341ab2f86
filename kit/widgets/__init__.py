"""Thin views over kit logic and the store. Trainee views import no pandas or plotting."""

from kit.widgets.shared import install

install()  # one default Layout and style per kind, not one per widget (kit/widgets/shared.py)
