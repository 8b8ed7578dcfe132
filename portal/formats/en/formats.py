"""English date formats of the portal.

Django's English locale writes American dates ("Nov. 19, 2026, 3:43 a.m."); the
fund's partners write day, month, year, as the knowledge pages already do.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
