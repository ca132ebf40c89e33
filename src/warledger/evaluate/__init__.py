"""Scoring extractions against gold files, by the rules of ANNOTATION.md ("How it is judged")."""

from warledger.evaluate.score import Aliases, Report, score_corpus, score_document

__all__ = ["Aliases", "Report", "score_corpus", "score_document"]
