"""Who attended which summit: attended, absent, represented by someone else, or expected.

Attendance comes from statements, never from mentions: a sentence of an article
assigned to a summit says something of people (statements: "X attended",
"attended by X and Y", "X will not travel", "X sent Y", "Y led the Indian delegation",
"X met Y on the sidelines", "hosted by X", a photo caption of leaders). People are
those of the entity mentions, with offices resolved at the summit's opening ("the
Iranian president", "the President of Belarus", "the leaders of Russia and Turkey",
"his Chinese counterpart"), and pronouns and bare offices ("he", "the head of state")
standing for the person last or most named. A statement is placed at the summit its
words name (another one: "the 2022 summit in Samarkand", "last year's summit"), at
none when set at another time, place or meeting ("in Beijing in May", "the foreign
ministers' meeting", "the G20 summit"), else at the article's summit. Wording that
does not date itself ("brings together", "is attending") in an article published
before the summit opened gives ``expected``. Across articles the strongest status
wins: represented, absent, attended, expected.

* ``statements``: what one sentence says of who attends, and where it is placed;
* ``mentions``: the statements of each article (``attendance_mentions``; ``article_attendance``
  is the build's per-article entry);
* ``pool``: one row per summit and person across articles (``attendance``).
"""

from .mentions import ATTENDANCE_COLUMNS, article_attendance, attendance_mentions
from .pool import attendance

__all__ = ["ATTENDANCE_COLUMNS", "article_attendance", "attendance", "attendance_mentions"]
