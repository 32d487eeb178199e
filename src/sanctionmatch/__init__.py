"""sanctionmatch: screen names and news text against sanctions lists."""

from sanctionmatch.errors import (
    ListFormatError,
    SanctionmatchError,
    UnknownFormatError,
    UnsafeXMLError,
)
from sanctionmatch.lists import load_list, load_sample, parse_list
from sanctionmatch.matcher import Matcher, sample_matcher
from sanctionmatch.memo import reset_caches
from sanctionmatch.model import (
    Entity,
    Explanation,
    ListMetadata,
    Match,
    Mention,
    Name,
    SanctionsList,
    SourceFile,
    SourceRef,
)
from sanctionmatch.names import normalize_name
from sanctionmatch.scan import scan
from sanctionmatch.score import DEFAULT_THRESHOLD, compare, explain
from sanctionmatch.screen import ScreenResult, screen
from sanctionmatch.version import __version__

__all__ = [
    "DEFAULT_THRESHOLD",
    "Entity",
    "Explanation",
    "ListFormatError",
    "ListMetadata",
    "Match",
    "Matcher",
    "Mention",
    "Name",
    "SanctionmatchError",
    "SanctionsList",
    "ScreenResult",
    "SourceFile",
    "SourceRef",
    "UnknownFormatError",
    "UnsafeXMLError",
    "__version__",
    "compare",
    "explain",
    "load_list",
    "load_sample",
    "normalize_name",
    "parse_list",
    "reset_caches",
    "sample_matcher",
    "scan",
    "screen",
]
