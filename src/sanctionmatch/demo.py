"""A short demonstration: ``python -m sanctionmatch.demo``.

Compares the names of the seed articles' listed people, as the French press writes them,
with the forms the official lists use, and prints each score with its explanation.
"""

from __future__ import annotations

from sanctionmatch.score import DEFAULT_THRESHOLD, explain

PAIRS = (
    ("Sergueï Choïgou", "SHOIGU, Sergei Kuzhugetovich"),
    ("Vladimir Poutine", "PUTIN, Vladimir Vladimirovich"),
    ("Achot Mkrtychev", "MKRTYCHEV, Ashot"),
    ("Kim Jong-un", "KIM, Jong Un"),
    ("김정은", "Kim Jong Un"),
    ("Kim Won Jin", "KIM, Jong Un"),
    ("Ivan Nechaev", "Alexey Gennadievich NECHAEV"),
)


def main() -> None:
    """Print the demonstration pairs with their scores and explanations."""
    for query, listed in PAIRS:
        why = explain(query, listed)
        verdict = "HIT " if why.score >= DEFAULT_THRESHOLD else "miss"
        print(f"{verdict} {why}\n")


if __name__ == "__main__":
    main()
