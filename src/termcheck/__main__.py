"""python -m termcheck."""

from termcheck.cli import main

main()
