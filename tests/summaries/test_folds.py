"""Running sums folded in levels: the order kept, each row folded about log(parts) times."""

from __future__ import annotations

import pandas as pd

from scoanalysis.summaries import folds


def test_folds_keep_the_order_and_fold_each_row_a_few_times(monkeypatch):
    """Frames folded in levels come back in the order they were added, each row folded about log(parts) times."""
    monkeypatch.setattr(folds, "FOLD", 2)
    folded_rows = []

    def fold(frames):
        folded_rows.append(sum(len(f) for f in frames))
        return pd.concat(frames, ignore_index=True)

    running = folds.Folds(fold)
    assert running.result() is None
    added = [pd.DataFrame({"part": [k, k]}) for k in range(256)]
    for frame in added:
        running.add(frame)
    running.add(pd.DataFrame({"part": [256]}))  # one more: it waits in the lowest level until the end
    assert running.result()["part"].tolist() == [k for k in range(256) for _ in (0, 1)] + [256]
    # 513 rows, folded 8 times each in levels (and once more at the end), not again at every fold
    assert sum(folded_rows) <= 513 * 9 + 513


def test_a_running_sum_sums_per_group_in_the_order_of_the_keys(monkeypatch):
    monkeypatch.setattr(folds, "FOLD", 2)
    total = folds.RunningSum(["group", "term"])
    assert list(total.result().columns) == ["group", "term"]  # nothing added
    for part in ([("b", "x", 1), ("a", "y", 2)], [("a", "y", 3)], [("b", "x", 4), (None, "z", 5)]):
        total.add(pd.DataFrame(part, columns=["group", "term", "count"]).assign(article_id="a1"))
    out = total.result()
    assert out["group"].isna().tolist() == [True, False, False]  # an empty group first
    assert out[["term", "count"]].values.tolist() == [["z", 5], ["y", 5], ["x", 5]]
    assert out["group"].iloc[1:].tolist() == ["a", "b"]
