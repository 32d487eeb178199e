"""The installed package's version, read from its metadata (the one source of truth)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sanctionmatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
