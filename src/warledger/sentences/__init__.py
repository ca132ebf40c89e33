"""Sentences: spaCy processing with boundaries at titles, bylines and paragraph breaks."""
