"""Running group-by sums over frames that come one at a time, folded in levels.

The build reads the partitions' contributions one part at a time; a `RunningSum` keeps
their sums per group without holding every part, and `Folds` decides when frames are
summed into one, so that each row is folded about log(parts) / log(FOLD) times.
"""

from __future__ import annotations

import pandas as pd

#: Running sums are folded (summed into one frame) this many frames at a time (see Folds).
FOLD = 16


class RunningSum:
    """A running group-by sum over frames added one at a time (folded every few frames)."""

    def __init__(self, by: list[str]):
        self.by, self.folds = by, Folds(self._fold)

    def add(self, frame: pd.DataFrame) -> None:
        """Add `frame`'s values (every column but the keys and the article's id, summit and outlet), summed per key."""
        if len(frame):
            values = [c for c in frame.columns if c not in self.by and c not in ("article_id", "summit_id", "outlet")]
            self.folds.add(frame.groupby(self.by, dropna=False, sort=False)[values].sum())

    def _fold(self, frames: list[pd.DataFrame]) -> pd.DataFrame:
        return pd.concat(frames).groupby(level=list(range(len(self.by))), dropna=False, sort=False).sum()

    def result(self) -> pd.DataFrame:
        """Return the sums: one row per key, sorted by the keys (empty keys first)."""
        folded = self.folds.result()
        if folded is None:
            return pd.DataFrame(columns=self.by)
        return folded.reset_index().sort_values(self.by, kind="stable", na_position="first").reset_index(drop=True)


class Folds:
    """Frames added one at a time and folded (`fold`: a list of frames -> one) FOLD at a time, in levels.

    FOLD frames of one level fold into one frame of the next, so each row is folded
    about log(parts) / log(FOLD) times: folding everything every FOLD parts would
    fold the growing total again each time (time growing with the square of the corpus).
    The frames stay in the order they came (older levels first), as groupby's
    first-appearance order needs.
    """

    def __init__(self, fold):
        self.fold, self.levels = fold, [[]]

    def add(self, frame: pd.DataFrame) -> None:
        """Add `frame`; fold each level that holds FOLD frames into one frame of the next."""
        self.levels[0].append(frame)
        k = 0
        while len(self.levels[k]) >= FOLD:
            folded, self.levels[k] = self.fold(self.levels[k]), []
            if k + 1 == len(self.levels):
                self.levels.append([])
            self.levels[k + 1].append(folded)
            k += 1

    def result(self) -> pd.DataFrame | None:
        """Return every frame added folded into one (None when none was)."""
        frames = [f for level in reversed(self.levels) for f in level]
        return self.fold(frames) if frames else None


def fold_mentions(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Return mention counts indexed by their five keys folded into one: counts summed, first_seen the least."""
    return pd.concat(frames).groupby(level=[0, 1, 2, 3, 4], dropna=False, sort=False).agg(
        count=("count", "sum"), first_seen=("first_seen", "min"))
