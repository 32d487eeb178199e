"""``python -m sanctionmatch``: the command line (see :mod:`sanctionmatch.cli`)."""

from sanctionmatch.cli import entrypoint

if __name__ == "__main__":
    entrypoint()
