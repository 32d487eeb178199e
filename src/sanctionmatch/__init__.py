"""sanctionmatch: screen names and news text against sanctions lists."""

from sanctionmatch.model import Entity, Match, Mention, Name, SanctionsList
from sanctionmatch.version import __version__

__all__ = [
    "Entity",
    "Match",
    "Mention",
    "Name",
    "SanctionsList",
    "__version__",
]
