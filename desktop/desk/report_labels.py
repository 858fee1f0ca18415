"""The words of the council's yearly report, in Danish and English.

Plain Python, not Qt translations: the report is rendered off the UI thread, in the language
chosen for it. Both languages carry every key (a test checks it). Placeholders use
``str.format`` names.
"""

from __future__ import annotations

from typing import Final

LABELS: Final[dict[str, dict[str, str]]] = {
    "da": {
        "title": "Opfølgning på underretninger",
        "subtitle": "{unit} · {start} – {end}",
        "made": "Udarbejdet {date} med Underret. Rapporten indeholder ingen personoplysninger.",
        "small_rule": "Tal fra 1 til 4 vises som »<5«, så ingen enkeltsag kan genkendes. "
        "»≥5« er 5 eller flere, vist sådan for at et »<5« ikke kan regnes ud fra totalen. "
        "Andele vises ikke præcist, når tallet eller resten er under 5.",
        "overview": "Overblik",
        "total": "Underretninger modtaget",
        "acute": "Markeret som akut",
        "assessed": "Vurderet inden for 24 timer",
        "acknowledged": "Kvittering sendt inden for seks hverdage",
        "repeats": "Gentagne underretninger (samme barn inden for 12 måneder)",
        "share_exact": "{percent} % ({count})",
        "share_small": "<5 af {total}",
        "share_almost": "over {count} af {total}",
        "share_small_total": "<5 i alt",
        "share_none": "–",
        "by_month": "Underretninger pr. måned",
        "by_profession": "Underretterens faggruppe",
        "by_age_band": "Barnets alder",
        "by_ground": "Grundlag efter barnets lov § 133",
        "by_category": "Bekymringens art",
        "by_category_note": "En underretning kan handle om flere slags bekymring og flere grundlag.",
        "column_what": "",
        "column_count": "Antal",
        "month.01": "jan.", "month.02": "feb.", "month.03": "mar.", "month.04": "apr.", "month.05": "maj",
        "month.06": "jun.", "month.07": "jul.", "month.08": "aug.", "month.09": "sep.", "month.10": "okt.",
        "month.11": "nov.", "month.12": "dec.",
        "profession.teacher": "Lærere", "profession.educator": "Pædagoger og dagplejere",
        "profession.health": "Sundhedspersonale", "profession.social": "Socialrådgivere, PPR og psykologer",
        "profession.leader": "Ledere", "profession.other": "Andre",
        "age.unborn": "Ufødt", "age.0-2": "0–2 år", "age.3-5": "3–5 år", "age.6-12": "6–12 år",
        "age.13-17": "13–17 år", "age.unknown": "Ukendt",
        "ground.special_support": "Kan have brug for særlig støtte (nr. 1)",
        "ground.unborn_child": "Ufødt barn (nr. 2)",
        "ground.school_absence": "Ulovligt skolefravær (nr. 3)",
        "ground.abuse": "Overgreb (nr. 4)",
        "csv.section": "afsnit", "csv.code": "kode", "csv.label": "betegnelse", "csv.count": "antal",
        "csv.period": "periode",
    },
    "en": {
        "title": "Follow-up on notifications of concern",
        "subtitle": "{unit} · {start} – {end}",
        "made": "Made on {date} with Underret. The report holds no personal data.",
        "small_rule": "Counts from 1 to 4 are shown as \"<5\", so no single case can be recognised. "
        "\"≥5\" is 5 or more, shown so that a \"<5\" cannot be worked out from the total. "
        "Shares are not shown exactly when the count or the rest is under 5.",
        "overview": "Overview",
        "total": "Notifications received",
        "acute": "Marked as acute",
        "assessed": "Assessed within 24 hours",
        "acknowledged": "Receipt sent within six working days",
        "repeats": "Repeat notifications (same child within 12 months)",
        "share_exact": "{percent} % ({count})",
        "share_small": "<5 of {total}",
        "share_almost": "over {count} of {total}",
        "share_small_total": "<5 in all",
        "share_none": "–",
        "by_month": "Notifications by month",
        "by_profession": "The notifier's profession",
        "by_age_band": "The child's age",
        "by_ground": "Grounds under the Children's Act § 133",
        "by_category": "Kind of concern",
        "by_category_note": "A notification may concern several kinds of concern and several grounds.",
        "column_what": "",
        "column_count": "Count",
        "month.01": "Jan", "month.02": "Feb", "month.03": "Mar", "month.04": "Apr", "month.05": "May",
        "month.06": "Jun", "month.07": "Jul", "month.08": "Aug", "month.09": "Sep", "month.10": "Oct",
        "month.11": "Nov", "month.12": "Dec",
        "profession.teacher": "Teachers", "profession.educator": "Educators and childminders",
        "profession.health": "Health staff", "profession.social": "Social workers, PPR and psychologists",
        "profession.leader": "Leaders", "profession.other": "Others",
        "age.unborn": "Unborn", "age.0-2": "0–2 years", "age.3-5": "3–5 years", "age.6-12": "6–12 years",
        "age.13-17": "13–17 years", "age.unknown": "Unknown",
        "ground.special_support": "May need special support (no. 1)",
        "ground.unborn_child": "Unborn child (no. 2)",
        "ground.school_absence": "Unlawful school absence (no. 3)",
        "ground.abuse": "Abuse (no. 4)",
        "csv.section": "section", "csv.code": "code", "csv.label": "label", "csv.count": "count",
        "csv.period": "period",
    },
}


def label(language: str, key: str, **values: object) -> str:
    """The text for ``key`` in ``language`` (Danish when the language is unknown), filled in."""
    texts = LABELS.get(language, LABELS["da"])
    return texts[key].format(**values) if values else texts[key]
