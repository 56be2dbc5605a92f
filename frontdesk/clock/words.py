"""The words for days, months and distances in each desk language, for reading typed times and saying them back.

Everything a person may type is listed here in its written form; `typed_key` folds it (case, accents,
Persian letter variants, zero-width joiners, spaces) the same way as the text typed, so one table serves
"Πέμπτη" and "πεμπτη", "پنج‌شنبه" and "پنج شنبه" alike.
"""

from __future__ import annotations

import unicodedata

import jdatetime

LANGUAGES = ("en", "fa", "el")
"""English, Persian, Greek: the languages a desk can speak its dates in."""

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ς": "σ"})


def fold(text: str) -> str:
    """Lower case, Western digits, no accents or invisible marks: the form in which typed words are compared.

    Accents are dropped because people type Greek without them ("αυριο"); zero-width joiners because
    Persian is typed with or without them ("سه‌شنبه", "سهشنبه")."""
    decomposed = unicodedata.normalize("NFD", text.translate(DIGITS).lower())
    kept = "".join(char for char in decomposed if unicodedata.category(char) not in ("Mn", "Cf"))
    return unicodedata.normalize("NFC", kept).translate(_LETTERS)


FILLERS = frozenset(map(fold, ("at", "by", "on", "the", "of", "this", "στις", "στη", "στην", "την", "τη", "το", "η", "ο",
                               "μέχρι", "ως", "τα", "تا", "در")))
"""Words that say nothing about when: "by the end of the day" is "end day"."""


def typed_key(phrase: str) -> str:
    """A phrase folded, without fillers or spaces, so "پس فردا" and "پس‌فردا" are one key."""
    return "".join(word for word in fold(phrase).split() if word not in FILLERS)


def _keys(table: dict[str, int | str]) -> dict[str, int | str]:
    return {typed_key(phrase): value for phrase, value in table.items()}


# --- reading ------------------------------------------------------------------------------------

DAYS_FROM_TODAY = _keys({
    "today": 0, "tomorrow": 1, "day after tomorrow": 2, "yesterday": -1, "day before yesterday": -2,
    "σήμερα": 0, "αύριο": 1, "μεθαύριο": 2, "χθες": -1, "χτες": -1, "προχθές": -2, "προχτές": -2,
    "امروز": 0, "فردا": 1, "پس‌فردا": 2, "دیروز": -1, "پریروز": -2,
    "next week": 7, "επόμενη εβδομάδα": 7, "άλλη εβδομάδα": 7, "ερχόμενη εβδομάδα": 7,
    "هفته بعد": 7, "هفته‌ی بعد": 7, "هفته آینده": 7, "هفته‌ی آینده": 7, "هفته دیگر": 7, "هفته دیگه": 7,
})
"""Named days, as days from today; "next week" is the same weekday a week on."""

TONIGHT = _keys({"tonight": 0, "απόψε": 0, "امشب": 0})
"""Today, in the evening."""

WEEKDAY_NAMES = _keys({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "δευτέρα": 0, "τρίτη": 1, "τετάρτη": 2, "πέμπτη": 3, "παρασκευή": 4, "σάββατο": 5, "κυριακή": 6,
    "δευ": 0, "τρι": 1, "τετ": 2, "πεμ": 3, "παρ": 4, "σαβ": 5, "κυρ": 6,
    "دوشنبه": 0, "سه‌شنبه": 1, "چهارشنبه": 2, "پنج‌شنبه": 3, "جمعه": 4, "شنبه": 5, "یک‌شنبه": 6,
})
"""Monday is 0, as in Python; English names may also be shortened to three letters or more."""

NEXT = frozenset(map(typed_key, ("next", "coming", "επόμενη", "επόμενο", "ερχόμενη", "ερχόμενο", "άλλη", "άλλο",
                                 "بعد", "بعدی", "آینده", "دیگر", "دیگه", "ی")))
"""Words around a weekday name that only say it is the coming one, which a weekday always is here."""

DAY_PARTS = _keys({
    "morning": "morning", "πρωί": "morning", "صبح": "morning",
    "afternoon": "afternoon", "απόγευμα": "afternoon", "بعدازظهر": "afternoon", "بعد از ظهر": "afternoon", "عصر": "afternoon",
    "evening": "evening", "βράδυ": "evening", "شب": "evening", "غروب": "evening",
})

NOON_WORDS = frozenset(map(typed_key, ("noon", "midday", "μεσημέρι", "ظهر")))
END_OF_DAY_WORDS = frozenset(map(typed_key, ("eod", "end of day", "end of the day", "τέλος της μέρας", "τέλος ημέρας",
                                             "آخر روز", "آخر وقت", "پایان روز")))

AT_WORDS = ("at", "στις", "στη", "στην", "ساعت")
"""Words before a clock time; before a bare hour ("at 3", "στις 3", "ساعت ۳") they make it a time of day."""

IN_WORDS = frozenset(map(fold, ("in", "σε", "μετά από")))
LATER = frozenset(map(fold, ("later", "from now", "αργότερα", "دیگر", "دیگه", "بعد")))
"""Words after "2 hours" that make it a distance ahead: "۲ ساعت دیگر"."""
ONE = frozenset(map(fold, ("a", "an", "one", "ένα", "μια", "μία", "یک", "یه")))
UNITS = {
    **{fold(word): "m" for word in ("m", "min", "mins", "minute", "minutes", "λεπτό", "λεπτά", "دقیقه")},
    **{fold(word): "h" for word in ("h", "hr", "hrs", "hour", "hours", "ώρα", "ώρες", "ساعت")},
    **{fold(word): "d" for word in ("d", "day", "days", "μέρα", "μέρες", "ημέρα", "ημέρες", "روز")},
    **{fold(word): "w" for word in ("w", "wk", "wks", "week", "weeks", "εβδομάδα", "εβδομάδες", "هفته")},
}

GREGORIAN_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December")  # fmt: skip
GREGORIAN_MONTHS_EL = ("Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου",
                       "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου")  # fmt: skip
"""In the genitive, as a date is written: "26 Νοεμβρίου"."""
GREGORIAN_MONTHS_EL_NOMINATIVE = ("Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος",
                                  "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος")  # fmt: skip
GREGORIAN_MONTHS_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")
JALALI_MONTHS_EN = tuple(jdatetime.date.j_months_en)
JALALI_MONTHS_FA = tuple(jdatetime.date.j_months_fa)

MONTH_NAMES: dict[str, tuple[str, int]] = {
    **{typed_key(name): ("gregorian", number) for names in (GREGORIAN_MONTHS_EN, GREGORIAN_MONTHS_EL,
       GREGORIAN_MONTHS_EL_NOMINATIVE, GREGORIAN_MONTHS_FA) for number, name in enumerate(names, 1)},
    **{typed_key(name[:3]): ("gregorian", number) for number, name in enumerate(GREGORIAN_MONTHS_EN, 1)},
    **{typed_key(name): ("jalali", number) for names in (JALALI_MONTHS_EN, JALALI_MONTHS_FA) for number, name in enumerate(names, 1)},
}
"""Month names and the calendar they belong to: "آذر" is always a Solar Hijri month, "November" a Gregorian one."""


# --- saying -------------------------------------------------------------------------------------

WEEKDAYS_SAID = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "el": ("Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο", "Κυριακή"),
    "fa": ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "یک‌شنبه"),
}
WEEKDAYS_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "el": ("Δευ", "Τρί", "Τετ", "Πέμ", "Παρ", "Σάβ", "Κυρ"),
    "fa": WEEKDAYS_SAID["fa"],
}
MONTHS_SAID = {
    ("gregorian", "en"): GREGORIAN_MONTHS_EN, ("gregorian", "el"): GREGORIAN_MONTHS_EL,
    ("gregorian", "fa"): GREGORIAN_MONTHS_FA,
    ("jalali", "en"): JALALI_MONTHS_EN, ("jalali", "el"): JALALI_MONTHS_EN, ("jalali", "fa"): JALALI_MONTHS_FA,
}
DAYS_SAID = {
    "en": {0: "today", 1: "tomorrow", -1: "yesterday"},
    "el": {0: "σήμερα", 1: "αύριο", -1: "χθες"},
    "fa": {0: "امروز", 1: "فردا", -1: "دیروز"},
}
NOW_SAID = {"en": "now", "el": "τώρα", "fa": "الان"}
UNITS_SAID = {
    "en": {"minute": ("minute", "minutes"), "hour": ("hour", "hours"), "day": ("day", "days"),
           "week": ("week", "weeks"), "month": ("month", "months")},
    "el": {"minute": ("λεπτό", "λεπτά"), "hour": ("ώρα", "ώρες"), "day": ("μέρα", "μέρες"),
           "week": ("εβδομάδα", "εβδομάδες"), "month": ("μήνα", "μήνες")},
    "fa": {"minute": ("دقیقه",) * 2, "hour": ("ساعت",) * 2, "day": ("روز",) * 2, "week": ("هفته",) * 2, "month": ("ماه",) * 2},
}
AHEAD_SAID = {"en": "in {}", "el": "σε {}", "fa": "{} دیگر"}
AGO_SAID = {"en": "{} ago", "el": "πριν από {}", "fa": "{} پیش"}
SPANS_SAID = {
    "late": {"en": "{} late", "el": "{} καθυστέρηση", "fa": "{} تأخیر"},
    "due in": {"en": "due in {}", "el": "λήγει σε {}", "fa": "{} تا موعد"},
    "early": {"en": "{} early", "el": "{} νωρίτερα", "fa": "{} زودتر"},
    "of": {"en": "{} of {}", "el": "{} από {}", "fa": "{} از {}"},
    "over limit": {"en": "{} OVER LIMIT", "el": "{} ΠΑΝΩ ΑΠΟ ΤΟ ΟΡΙΟ", "fa": "{} بیش از حد مجاز"},
}
"""Phrases around a span, each said whole in the desk's language: "30 min late", "۳۰ دقیقه تأخیر", "30 λεπτά καθυστέρηση"."""
DUE_STATES_SAID = {
    "overdue": {"en": "OVERDUE {}", "el": "ΕΚΠΡΟΘΕΣΜΟ, {}", "fa": "دیرکرد، {}"},
    "today": {"en": "today {}", "el": "σήμερα, {}", "fa": "امروز، {}"},
    "": {"en": "{}", "el": "{}", "fa": "{}"},
}
"""A due moment in a list with its state before it: "OVERDUE 3 h ago", "دیرکرد، ۳ ساعت پیش"."""
