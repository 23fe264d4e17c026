"""``python -m localise``: the same command as ``localise``."""

from .cli import main

if __name__ == "__main__":
    main()
