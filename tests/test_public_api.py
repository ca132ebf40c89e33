"""The public surface is exactly what __all__ says (after httpx's exported-members test)."""

from __future__ import annotations

import warledger


def test_all_names_exist_and_nothing_else_is_advertised():
    public = {n for n in dir(warledger) if not n.startswith("_")}
    exported = set(warledger.__all__) - {"__version__"}
    assert exported <= public
    # subpackages are reachable as modules, but only the names in __all__ are the API
    modules = {n for n in public if type(getattr(warledger, n)).__name__ == "module"}
    assert public - modules == exported


def test_the_library_extracts_without_the_cli():
    from datetime import date

    ex = warledger.Pipeline().extract_one(
        warledger.make_document(
            "Shelling killed 12 civilians in the town on Friday.", published=date(2024, 5, 12)
        )
    )
    assert [c.count.low for c in ex.casualties] == [12]
    assert ex.to_json()["schema"] == "warledger.extraction/1"
