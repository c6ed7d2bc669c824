"""Near-duplicate search: articles that repeat each other, verbatim, lightly edited or translated again.

``sketch``  what is kept of one article (its body sentences' words and stems, MinHash signatures);
``search``  candidate pairs from banded MinHash, confirmed by sentence alignment; groups of repeats;
``align``   two articles' sentences aligned in order.
"""

from .align import ALIGNMENT_COLUMNS, MIN_SENTENCE_SIMILARITY, align
from .search import (
    ALIGNED_SHARE, DUPLICATE_JACCARD, FOUND_BY, MIN_ALIGNED, MIN_CANDIDATE_JACCARD, NEAR_DUPLICATE_VERBATIM,
    PAIR_COLUMNS, STEM_LSH_THRESHOLD, VERBATIM_RATIO, WORD_LSH_THRESHOLD, candidate_pairs, candidate_table,
    confirm_pairs, duplicate_of, duplicate_pairs,
)
from .sketch import ArticleFeatures, SentenceStems, Sketch, article_features, signature, sketch_of

__all__ = [
    "ALIGNED_SHARE", "ALIGNMENT_COLUMNS", "ArticleFeatures", "DUPLICATE_JACCARD", "FOUND_BY", "MIN_ALIGNED",
    "MIN_CANDIDATE_JACCARD", "MIN_SENTENCE_SIMILARITY", "NEAR_DUPLICATE_VERBATIM", "PAIR_COLUMNS", "STEM_LSH_THRESHOLD",
    "SentenceStems", "Sketch", "VERBATIM_RATIO", "WORD_LSH_THRESHOLD", "align", "article_features", "candidate_pairs",
    "candidate_table", "confirm_pairs", "duplicate_of", "duplicate_pairs", "signature", "sketch_of",
]
