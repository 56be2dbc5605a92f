"""frontdesk: a keyboard-first terminal front desk for good customer service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
