"""sanctionmatch: screen names and news text against sanctions lists."""

from sanctionmatch.model import Entity, Match, Mention, Name, SanctionsList
from sanctionmatch.names import normalize_name
from sanctionmatch.score import DEFAULT_THRESHOLD, compare, explain
from sanctionmatch.version import __version__

__all__ = [
    "DEFAULT_THRESHOLD",
    "Entity",
    "Match",
    "Mention",
    "Name",
    "SanctionsList",
    "__version__",
    "compare",
    "explain",
    "normalize_name",
]
