"""Names, streets and reasons the demo desk draws from, in English, Persian and Greek."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameBook:
    """One language's names, as people in that language write them."""

    language: str
    honorifics: tuple[str, str]
    """(for women, for men)"""
    women: tuple[str, ...]
    men: tuple[str, ...]
    families: tuple[str, ...]
    streets: tuple[str, ...]
    street_pattern: str
    """How a house number and a street name make an address in this language."""
    phone_prefix: str
    women_families: tuple[str, ...] = ()
    """Where a language gives women their own form of a family name (Greek)."""
    digits: str = "0123456789"
    """The digits house numbers are written with (Persian addresses use ۰-۹)."""


ENGLISH = NameBook(
    language="en",
    honorifics=("Mrs.", "Mr."),
    women=("Mary", "Elizabeth", "Margaret", "Susan", "Linda", "Karen", "Emily", "Sarah", "Hannah", "Grace", "Olivia", "Ruth"),
    men=("William", "Robert", "James", "John", "Michael", "David", "Thomas", "Richard", "Daniel", "George", "Peter", "Edward"),
    families=(
        "Johnson", "Jackson", "Smith", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
        "Thompson", "Martin", "Clarke", "Robinson", "Walker", "Wright", "Hughes", "Green", "Baker", "Turner",
    ),
    streets=("Jackson Avenue", "Johnson Avenue", "Elm Street", "Mill Lane", "Park Road", "Church Street", "Station Road", "King's Road"),
    street_pattern="{number} {street}",
    phone_prefix="+1 555",
)

PERSIAN = NameBook(
    language="fa",
    honorifics=("خانم", "آقای"),
    women=("مریم", "زهرا", "فاطمه", "سارا", "نرگس", "لیلا", "شیرین", "مهسا", "پریسا", "نازنین", "الهام", "سمیرا"),
    men=("علی", "محمد", "رضا", "حسین", "مهدی", "امیر", "سعید", "کاوه", "بابک", "داریوش", "فرهاد", "مصطفی"),
    families=(
        "نیک‌نام", "رحیمی", "کریمی", "احمدی", "حسینی", "محمدی", "رضایی", "موسوی", "جعفری", "صادقی",
        "تهرانی", "شیرازی", "اصفهانی", "نیک‌پور", "میرزایی", "قاسمی", "خسروی", "یزدانی", "عباسی", "فرهادی",
    ),
    streets=("ولیعصر", "انقلاب", "آزادی", "شریعتی", "فردوسی", "حافظ", "مطهری", "کریمخان"),
    street_pattern="خیابان {street}، پلاک {number}",
    phone_prefix="+98 912",
    digits="۰۱۲۳۴۵۶۷۸۹",
)

GREEK = NameBook(
    language="el",
    honorifics=("κα", "κ."),
    women=("Μαρία", "Ελένη", "Αικατερίνη", "Βασιλική", "Σοφία", "Γεωργία", "Δήμητρα", "Αναστασία", "Ευαγγελία", "Ιωάννα"),
    men=("Γιώργος", "Κώστας", "Γιάννης", "Δημήτρης", "Νίκος", "Παναγιώτης", "Βασίλης", "Χρήστος", "Αθανάσιος", "Μιχάλης"),
    families=(
        "Παπαδόπουλος", "Γεωργίου", "Οικονόμου", "Νικολάου", "Δημητρίου", "Ιωάννου",
        "Κωνσταντίνου", "Βασιλείου", "Αντωνίου", "Μαυρίδης", "Καραγιάννης",
    ),
    women_families=(
        "Παπαδοπούλου", "Γεωργίου", "Οικονόμου", "Νικολάου", "Δημητρίου", "Ιωάννου",
        "Κωνσταντίνου", "Βασιλείου", "Αντωνίου", "Μαυρίδου", "Καραγιάννη",
    ),
    streets=("Ερμού", "Σταδίου", "Πανεπιστημίου", "Αθηνάς", "Πατησίων", "Αιόλου"),
    street_pattern="οδός {street} {number}",
    phone_prefix="+30 69",
)

BOOKS = (ENGLISH, ENGLISH, PERSIAN, PERSIAN, GREEK)
"""Weights: most customers are English or Persian speakers, some Greek."""

PRONUNCIATIONS = {
    "نیک‌نام": "nik-NAAM",
    "رحیمی": "ra-hee-MEE",
    "Παπαδόπουλος": "pa-pa-DO-pu-los",
    "Οικονόμου": "ee-ko-NO-moo",
    "Καραγιάννης": "ka-ra-YA-nis",
    "Thompson": "TOM-son (silent h)",
}

AGENTS = (("Sara Karimi", "agent"), ("Eleni Georgiou", "agent"), ("Tom Baker", "agent"), ("Daniel Brooks", "supervisor"))

REASONS = (
    ("Appointment", "Reschedule an appointment", ("Wants a later slot next week.", "Works mornings; afternoons only.")),
    ("Test results", "Test results", ("Asked whether the blood test results are back.", "Worried about the wait; explained the lab's usual time.")),
    ("Billing", "Billing question", ("Charged twice for the last visit.", "Asked for an itemised invoice by email.")),
    ("Order or delivery", "Order not delivered", ("Order placed ten days ago, tracking shows no movement.", "Needs it before the weekend.")),
    ("Refund or exchange", "Refund request", ("Returned the item last week, no refund yet.", "Has the receipt and return label.")),
    ("Prescription", "Prescription renewal", ("Running out of medication on Friday.", "Prefers pick-up at the front desk.")),
    ("Refund or exchange", "Product exchange", ("Wrong size; wants to exchange, not refund.", "Will come in on Saturday.")),
    ("Complaint", "Complaint about waiting time", ("Waited 40 minutes past the appointment time.", "Wants to speak to a manager if it happens again.")),
)

VERBATIM = (
    "I just want someone to call me back when they say they will.",
    "Last time nobody told me it would take two weeks.",
    "Please don't send letters, I only read email.",
    "You have always been kind to my mother, thank you.",
)

TELL_BY = ("phone", "phone", "email", "text message", "in person")

OUTCOMES = ("resolved", "resolved", "resolved", "follow-up", "escalated", "left")

PROMISE_TEXTS = (
    "Call back with the test results",
    "Email the itemised invoice",
    "Confirm the new appointment time",
    "Refund the double charge",
    "Have the exchange ready at the desk",
    "Check the delivery with the courier and call back",
    "Prescription ready for pick-up",
)
