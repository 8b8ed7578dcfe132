"""Demonstration policy briefs on workers' rights and protection, each written in
one language only (Arabic or French), so that readers of the other languages find
them through the thesaurus."""

RIGHTS_BRIEFS = [
    {
        "slug": "domestic-workers-recruitment-fees",
        "language": "ar",
        "title": "إنهاء رسوم التوظيف التي تدفعها عاملات المنازل المهاجرات",
        "summary": (
            "تدفع عاملات المنازل المهاجرات في الأردن ولبنان رسوم استقدام تعادل أجر أشهر عدة، ويربطهن "
            "نظام الكفالة بصاحب العمل حتى سدادها. يقترح هذا الموجز أن يتحمل صاحب العمل رسوم التوظيف "
            "كاملة وأن يُمنع حجز جوازات السفر."
        ),
        "publication_date": "2025-11-18",
        "themes": ["labour"],
        "countries": ["JO", "LB"],
        "organisations": ["iom", "ministry-of-labour-jordan", "cedar-coast-migrant-support-collective"],
        "body": [
            ("heading", "دين يبدأ قبل السفر"),
            (
                "<p>تدفع العاملة المنزلية القادمة من إثيوبيا أو سريلانكا أو الفلبين لمكتب الاستقدام في بلدها "
                "مبلغًا يعادل أجر ثلاثة إلى ستة أشهر، ثم يدفع صاحب العمل مبلغًا آخر لمكتب الاستقدام في الأردن "
                "أو لبنان ويعدّه دينًا عليها. في مقابلات أجراها الشركاء مع ستمئة عاملة، قالت ثلاث من كل أربع "
                "إن صاحب العمل احتفظ بجواز سفرها حتى تسدد رسوم التوظيف.</p>"
            ),
            ("heading", "الكفالة تجعل الدين قيدًا"),
            (
                "<p>في ظل نظام الكفالة لا تستطيع العاملة تغيير صاحب العمل أو مغادرة البلاد دون موافقته، "
                "فيصبح دين الاستقدام سببًا للبقاء في عمل مسيء. وأظهرت الشكاوى التي تلقتها مراكز العمال أن "
                "الأجور غير المدفوعة وحجز جوازات السفر يأتيان معًا في معظم الحالات.</p>"
                "<p>حين دفع أصحاب العمل التكاليف كاملة في تجربة شملت مئتي أسرة في عمّان، لم تبلغ أي عاملة "
                "عن حجز جواز سفرها خلال السنة الأولى.</p>"
            ),
        ],
        "recommendations": [
            (
                "صاحب العمل يدفع تكاليف التوظيف",
                "إلزام مكاتب الاستقدام بعقود تنص على أن صاحب العمل يتحمل رسوم التوظيف كاملة، مع إيصال "
                "يُسلَّم إلى وزارة العمل.",
            ),
            ("حظر حجز جوازات السفر", "غرامة على كل صاحب عمل يحتفظ بجواز سفر عاملة، وشكوى متاحة بلغتها."),
        ],
    },
    {
        "slug": "traite-travailleuses-domestiques-liban",
        "language": "fr",
        "title": "Traite des êtres humains : protéger les travailleuses domestiques abandonnées au Liban",
        "summary": (
            "Depuis la crise de 2019, des travailleuses domestiques migrantes ont été cédées d'un employeur "
            "à l'autre ou retenues sans salaire. Cette note propose d'identifier les victimes de la traite "
            "dès leur premier contact avec la police ou un hôpital, et de leur offrir un hébergement sûr."
        ),
        "publication_date": "2025-12-03",
        "themes": ["labour"],
        "countries": ["LB"],
        "organisations": ["cedar-coast-migrant-support-collective", "iom"],
        "body": [
            ("heading", "Des signes connus, rarement repérés"),
            (
                "<p>Passeport retenu, salaire impayé depuis des mois, interdiction de sortir : les "
                "associations partenaires retrouvent les mêmes signes dans la plupart des dossiers de traite "
                "qu'elles suivent à Beyrouth. Pourtant, les femmes qui se présentent dans un commissariat "
                "sont le plus souvent renvoyées chez leur employeur ou placées en rétention pour séjour "
                "irrégulier.</p>"
            ),
            ("heading", "Identifier, puis protéger"),
            (
                "<p>Une liste de dix questions, essayée avec les forces de sécurité intérieure et deux "
                "hôpitaux publics, a permis d'identifier 140 victimes présumées en un an. Celles qui ont été "
                "orientées vers un foyer associatif ont porté plainte trois fois plus souvent que les "
                "autres.</p>"
            ),
        ],
        "recommendations": [
            (
                "Former les premiers interlocuteurs",
                "Police, hôpitaux et consulats utilisent la même liste d'indicateurs de la traite.",
            ),
            (
                "Protéger avant de poursuivre",
                "Aucune victime présumée n'est placée en rétention ; un hébergement sûr lui est proposé.",
            ),
        ],
    },
]
