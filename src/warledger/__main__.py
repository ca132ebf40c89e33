"""`python -m warledger ...` is the `warledger` command."""

from warledger.cli.main import main

main()
