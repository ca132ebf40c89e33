import warledger.sources as sources


def test_public_names_are_exported():
    assert sorted(sources.__all__) == sorted(name for name in sources.__all__ if hasattr(sources, name))
    assert {
        "iter_documents",
        "read_text",
        "read_html",
        "read_jsonl",
        "read_csv",
        "read_feed",
        "read_url",
    } <= set(sources.__all__)
