"""The version of localise (one place: the package, the command line and every signature)."""

__version__ = "0.2.0"
