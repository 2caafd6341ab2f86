"""Pages: each wires one controller (``kit.live``) to its view (``kit.widgets``) and the bridge.

The only modules that know both sides: state goes down by observing the controller, events go
up as the controller's methods. :mod:`kit.app` calls these from the notebooks.
"""
