"""Demonstration joint actions (the programmes lessons are learned from)."""

JOINT_ACTIONS = [
    {
        "slug": "health-access-migrants-host-communities",
        "language": "en",
        "title": "Health Access for Migrants and Host Communities",
        "summary": (
            "A three-year programme bringing migrant workers, refugees and their Jordanian and "
            "Lebanese neighbours into the same public primary health care centres, at the same "
            "price, with outreach in their languages."
        ),
        "publication_date": "2023-03-01",
        "status": "ongoing",
        "period_start": "2023-03-01",
        "period_end": "2026-12-31",
        "budget_amount": "4800000",
        "budget_currency": "USD",
        "themes": ["health"],
        "countries": ["JO", "LB"],
        "organisations": ["who", "iom", "ministry-of-public-health-lebanon", "ministry-of-labour-jordan"],
        "objectives": (
            "<ul><li>Register 10,000 migrant workers at public primary health care centres.</li>"
            "<li>Apply one fixed consultation fee to every registered patient in 38 centres.</li>"
            "<li>Train 120 community health workers speaking the main languages of migrant "
            "communities.</li><li>Integrate mental health care into primary care in 24 centres."
            "</li></ul>"
        ),
        "results": (
            "<p>By the end of 2025, 7,900 workers were registered, 46 per cent of them women. The "
            "share of registered workers who saw a doctor when they needed one rose from 41 to 77 "
            "per cent. Mobile clinics reached informal settlements but lost many patients at "
            "referral, which led to a redesign of the referral form shared by all partners.</p>"
        ),
    },
    {
        "slug": "fair-labour-mobility-corridors",
        "language": "en",
        "title": "Fair Labour Mobility Corridors",
        "summary": (
            "Pilot recruitment corridors into Jordan and Iraq's Kurdistan Region in which employers "
            "pay every recruitment cost, contracts are registered in both countries and inspectors "
            "visit every new workplace within 60 days."
        ),
        "publication_date": "2023-09-15",
        "status": "ongoing",
        "period_start": "2023-09-15",
        "period_end": "2026-09-14",
        "budget_amount": "3200000",
        "budget_currency": "EUR",
        "themes": ["labour"],
        "countries": ["JO", "IQ"],
        "organisations": [
            "iom",
            "ministry-of-labour-jordan",
            "zarqa-workers-solidarity-centre",
            "northern-solidarity-fund",
        ],
        "objectives": (
            "<ul><li>Recruit 2,000 workers through corridors with employer-paid fees.</li>"
            "<li>Register contracts in the countries of origin and on arrival.</li>"
            "<li>Inspect every participating workplace within 60 days of arrival, with "
            "interpreters from workers' centres.</li></ul>"
        ),
        "results": (
            "<p>1,350 workers have been recruited so far; 6 per cent reported paying any fee, "
            "against 71 per cent in a comparison group. Joint inspections with interpreters found "
            "three times as many breaches as inspections without them.</p>"
        ),
    },
    {
        "slug": "together-in-our-towns",
        "language": "en",
        "title": "Together in Our Towns: social cohesion in host municipalities",
        "summary": (
            "Dialogue committees chaired by municipal councils in twelve towns of Jordan, Lebanon "
            "and Iraq, linked to real decisions about local services and small shared "
            "infrastructure projects."
        ),
        "publication_date": "2022-01-10",
        "status": "completed",
        "period_start": "2022-01-10",
        "period_end": "2024-12-31",
        "budget_amount": "2100000",
        "budget_currency": "USD",
        "themes": ["social-cohesion"],
        "countries": ["JO", "LB", "IQ"],
        "organisations": [
            "iom",
            "rafidain-civic-dialogue-forum",
            "cedar-coast-migrant-support-collective",
            "zarqa-workers-solidarity-centre",
        ],
        "objectives": (
            "<ul><li>Set up dialogue committees in twelve municipalities, chaired by a council "
            "member.</li><li>Fund 36 small infrastructure projects chosen by the committees.</li>"
            "<li>Halve the number of recorded incidents between communities.</li></ul>"
        ),
        "results": (
            "<p>All twelve committees were set up and 34 projects completed, mostly water points, "
            "lighting and school repairs. Recorded incidents fell by 40 per cent in the "
            "municipalities whose councils answered the committees publicly, and did not fall "
            "where they did not.</p>"
        ),
    },
    {
        "slug": "displacement-ready-communities",
        "language": "en",
        "title": "Displacement-Ready Communities",
        "summary": (
            "Helping governorate emergency cells in Iraq plan for people displaced by floods, "
            "drought and earthquakes, with community volunteers, early-warning messages in local "
            "languages and shelter sites agreed in advance."
        ),
        "publication_date": "2026-04-01",
        "status": "planned",
        "period_start": "2026-07-01",
        "period_end": "2028-06-30",
        "budget_amount": "1500000",
        "budget_currency": "USD",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": [
            "undrr",
            "ministry-of-migration-and-displaced-iraq",
            "rafidain-civic-dialogue-forum",
        ],
        "objectives": (
            "<ul><li>Map displacement scenarios in six governorates.</li><li>Agree shelter sites "
            "with host communities for each likely hazard.</li><li>Send early-warning messages in "
            "Arabic, Kurdish and Syriac.</li></ul>"
        ),
        "results": "",
    },
]
