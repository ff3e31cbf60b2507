"""The version of jobspec, in a module of its own so that no layer needs to import the package root."""

__version__ = "0.1.0"
