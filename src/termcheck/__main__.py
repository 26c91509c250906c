"""python -m termcheck."""

from termcheck.launch import main

main()
