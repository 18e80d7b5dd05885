"""Run ddtool as ``python -m ddtool``."""

from ddtool.cli import main

if __name__ == "__main__":
    main()
