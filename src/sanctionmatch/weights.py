"""Token weights: how much agreeing on a token says about identity.

Agreeing on "Mkrtychev" means more than agreeing on "Kim" or "Mohammed". A
:class:`TokenWeights` maps a token's comparable form to a rarity factor in
[MIN_RARITY, 1]; the :class:`~sanctionmatch.matcher.Matcher` learns one from the list it
screens, and :func:`default_weights` is built from token counts over the official lists.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping

from attrs import frozen

from sanctionmatch.tables import read_table

MIN_RARITY = 0.5  # the most common name token still counts this much


@frozen
class TokenWeights:
    """Rarity factors keyed by comparable form; unknown tokens count fully."""

    rarity_of: Mapping[str, float]

    def rarity(self, form: str) -> float:
        """Return the rarity factor of a token's comparable form."""
        return self.rarity_of.get(form, 1.0)

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], *, names: int) -> TokenWeights:
        """Build weights from how many of ``names`` names contain each token.

        A token in at most 1 in 2,000 names counts fully; more common tokens count less,
        down to :data:`MIN_RARITY`, on a logarithmic scale.
        """
        full = max(1.0, names / 2000)
        top = max(counts.values(), default=1)
        span = math.log(max(top / full, 2.0))
        rarity = {}
        for form, count in counts.items():
            if count > full:
                share = math.log(count / full) / span
                rarity[form] = round(1.0 - (1.0 - MIN_RARITY) * min(1.0, share), 3)
        return cls(rarity)

    @classmethod
    def from_forms(cls, names: Iterable[Iterable[str]]) -> TokenWeights:
        """Build weights from the comparable forms of each name's tokens."""
        counts: dict[str, int] = {}
        total = 0
        for forms in names:
            total += 1
            for form in set(forms):
                counts[form] = counts.get(form, 0) + 1
        return cls.from_counts(counts, names=total)


@functools.cache
def default_weights() -> TokenWeights:
    """The built-in weights, from token counts over the official lists.

    The table ``data/token_counts.tsv`` is built by ``scripts/build_weights.py``; its row
    ``*`` holds the number of names counted.
    """
    counts = {form: int(count) for form, count in read_table("token_counts.tsv", columns=2)}
    names = counts.pop("*")
    return TokenWeights.from_counts(counts, names=names)
