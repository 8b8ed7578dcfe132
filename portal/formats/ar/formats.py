"""Arabic date and number formats of the portal, completing Django's own.

Django's Arabic locale has no date-and-time format (it falls back to the American
"N j, Y, P") and uses European separators. The portal keeps Western digits, as most
Arabic sites in Iraq, Jordan and Lebanon do and as Django does, with the separators
that go with them (CLDR's Arabic with Latin digits: 1,250,000.50) and dates written
day, month, year.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، g:i A"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
