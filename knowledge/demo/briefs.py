"""Demonstration policy briefs written in one language only."""

from knowledge.demo.briefs_rights import RIGHTS_BRIEFS

BRIEFS = [
    {
        "slug": "fair-recruitment-corridors",
        "language": "en",
        "title": "Fair recruitment corridors: ending fees and debt for migrant workers",
        "summary": (
            "Workers moving to Jordan and Iraq's Kurdistan Region still pay recruitment fees worth "
            "up to eight months of wages. Government-to-government corridors with employer-paid "
            "fees cut that debt to almost nothing where labour inspection followed the worker."
        ),
        "publication_date": "2025-09-04",
        "themes": ["labour"],
        "countries": ["JO", "IQ"],
        "organisations": ["iom", "ministry-of-labour-jordan", "zarqa-workers-solidarity-centre"],
        "body": [
            ("heading", "Debt is where exploitation starts"),
            (
                "<p>A worker who borrows the equivalent of eight months' wages to pay a recruiter "
                "cannot leave an abusive job, cannot refuse overtime and will not complain to an "
                "inspector. In interviews with 900 workers in garment factories, farms and "
                "households, the partners found that debt to a recruiter was the best single "
                "predictor of passport confiscation and unpaid wages.</p>"
                "<p>Most of those fees are charged in countries of origin, beyond the reach of "
                "Jordanian or Iraqi law. Bans on fees alone have not worked: fees become 'training "
                "costs' or 'medical checks'.</p>"
            ),
            ("heading", "What the pilot corridors did differently"),
            (
                "<p>Two pilot corridors, for garment workers from South Asia to Jordan and for "
                "construction workers to Erbil, made the employer pay every cost of recruitment "
                "through an escrow account, checked by the ministry before the visa was issued. "
                "Workers signed their contract in their own language before departure, and the same "
                "contract was registered on arrival.</p>"
                "<p>Labour inspectors visited every workplace within 60 days of a worker's arrival, "
                "with an interpreter from a workers' centre. Among the 1,350 workers recruited "
                "through the corridors, 6 per cent reported any fee, against 71 per cent of workers "
                "recruited the usual way into the same sectors.</p>"
            ),
            (
                "quote",
                {
                    "text": "The employers did not leave. They found that workers who arrive without "
                    "debt stay longer and need less supervision.",
                    "attribution": "Labour inspector, Ministry of Labour, Jordan",
                },
            ),
            ("heading", "Conditions for scaling up"),
            (
                "<p>The corridors depend on three things that are not yet law: the escrow check before "
                "a visa, a contract registered in both countries, and inspection soon after arrival. "
                "Without the last one, the first two were quietly bypassed within months in a "
                "comparison group of employers.</p>"
            ),
        ],
        "recommendations": [
            (
                "Employers pay, and prove it before the visa",
                "Make proof of employer-paid recruitment "
                "a condition of the work permit, checked through an escrow account.",
            ),
            (
                "One contract, registered twice",
                "Register the same contract, in the worker's "
                "language, in the country of origin and on arrival.",
            ),
            (
                "Inspect within 60 days",
                "Visit every new workplace within two months of a worker's arrival, with an interpreter.",
            ),
        ],
    },
    {
        "slug": "disaster-displacement-local-plans",
        "language": "en",
        "title": "Planning for disaster displacement in local risk-reduction strategies",
        "summary": (
            "Floods, drought and dust storms displace more people in Iraq each year than they did "
            "a decade ago, but few local disaster plans say where displaced families will go. "
            "Governorates that mapped displacement scenarios evacuated faster and returned people "
            "home sooner."
        ),
        "publication_date": "2025-06-12",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": [
            "undrr",
            "ministry-of-migration-and-displaced-iraq",
            "rafidain-civic-dialogue-forum",
        ],
        "body": [
            ("heading", "Displacement is predictable, and rarely planned for"),
            (
                "<p>Drought in the south and flash floods in the north have turned disaster "
                "displacement into a yearly event in Iraq. Yet when the partners reviewed the "
                "disaster risk-reduction plans of eleven governorates, only two named the places "
                "where displaced families would be sheltered, and none said how children would "
                "keep going to school.</p>"
                "<p>Families displaced by drought leave slowly, over months, and rarely register as "
                "displaced. They settle on the edges of towns that are not prepared for them, "
                "where tension with residents over water and work follows quickly.</p>"
            ),
            ("heading", "Scenario mapping with communities"),
            (
                "<p>In Dohuk and Thi Qar, governorate emergency cells worked with community "
                "volunteers to map three scenarios: a flash flood, a failed harvest and an "
                "earthquake. For each, they listed who would move, where to, and which services "
                "would need to grow. Host neighbourhoods took part in choosing sites, which "
                "reduced later disputes.</p>"
                "<p>When floods struck Dohuk in spring 2024, families in mapped areas were "
                "evacuated in under six hours, and 80 per cent had returned within a month.</p>"
            ),
        ],
        "recommendations": [
            (
                "Name the sites in advance",
                "Each local disaster plan should list shelter sites "
                "agreed with host communities for each likely hazard.",
            ),
            (
                "Count slow-onset displacement",
                "Register drought displacement as displacement, so "
                "that services follow the families who move.",
            ),
            ("Keep schools open", "Plan school places for displaced children in every scenario."),
        ],
    },
    {
        "slug": "mental-health-host-communities",
        "language": "en",
        "title": "Mental health and psychosocial support that host communities can share",
        "summary": (
            "Refugees, migrants and their hosts in Lebanon face the same economic collapse and the "
            "same shortage of mental health care. Services open to everyone in a neighbourhood "
            "reached more people and reduced resentment compared with services for one group."
        ),
        "publication_date": "2025-03-27",
        "themes": ["health", "social-cohesion"],
        "countries": ["LB"],
        "organisations": [
            "who",
            "ministry-of-public-health-lebanon",
            "cedar-coast-migrant-support-collective",
        ],
        "body": [
            ("heading", "A shared crisis"),
            (
                "<p>Since 2019 Lebanon has lived through a financial collapse, the Beirut port "
                "explosion and repeated conflict. Demand for mental health care has grown among "
                "everyone, while psychiatrists and psychologists have emigrated. Services funded for "
                "refugees or migrants only have become a visible source of resentment among "
                "Lebanese families who cannot pay for care.</p>"
            ),
            ("heading", "Open doors, trained generalists"),
            (
                "<p>In 24 primary health care centres, general practitioners and nurses were "
                "trained to recognise and manage depression, anxiety and post-traumatic stress, "
                "with a psychologist on call. The centres were open to anyone living nearby. Group "
                "sessions mixed nationalities where participants agreed.</p>"
                "<p>Within a year the centres saw 11,000 people for mental health needs, 58 per cent "
                "of them Lebanese. Staff reported fewer confrontations in waiting rooms than before "
                "the programme, when services were advertised for refugees.</p>"
            ),
        ],
        "recommendations": [
            (
                "Fund by neighbourhood, not nationality",
                "Open mental health services to everyone living in an area.",
            ),
            (
                "Train the generalists",
                "Integrate mental health into primary care through the "
                "WHO mhGAP approach, with specialist supervision.",
            ),
        ],
    },
    {
        "slug": "data-sharing-protocol",
        "language": "en",
        "title": "A common protocol for sharing migration data between the three governments",
        "summary": (
            "Iraq, Jordan and Lebanon each count migrants, refugees and returnees differently, "
            "which makes regional planning guesswork. A light protocol on definitions, "
            "anonymisation and yearly exchange would allow comparable figures without exposing "
            "individuals."
        ),
        "publication_date": "2026-02-10",
        "themes": ["labour", "social-cohesion"],
        "countries": ["RG", "IQ", "JO", "LB"],
        "organisations": [
            "iom",
            "ministry-of-migration-and-displaced-iraq",
            "ministry-of-labour-jordan",
            "ministry-of-public-health-lebanon",
        ],
        "body": [
            ("heading", "Three countries, three definitions"),
            (
                "<p>A Syrian worker with a work permit in Jordan, a registered refugee in Lebanon and "
                "a returnee to Iraq may be the same person in three years, counted three different "
                "ways. Ministries of labour count permits, ministries of health count patients, and "
                "none of these figures can be added up across borders.</p>"
            ),
            ("heading", "What a protocol would cover"),
            (
                "<p>The partners propose a short protocol rather than a new database: shared "
                "definitions for six categories of people on the move; aggregated figures only, by "
                "sex, age group and governorate; suppression of any cell counting fewer than ten "
                "people; and a yearly exchange through the national statistics offices.</p>"
                "<p>Nothing in the protocol requires sharing data about individuals. Its value lies "
                "in comparing trends, for example the share of migrant workers covered by health "
                "insurance, using the same yardstick.</p>"
            ),
            (
                "quote",
                {
                    "text": "We do not need to know who people are. We need to know whether our "
                    "policies reach them.",
                    "attribution": "Statistician, Ministry of Migration and Displaced, Iraq",
                },
            ),
        ],
        "recommendations": [
            (
                "Agree six shared definitions",
                "Start from the international recommendations on "
                "migration statistics, adapted to the region.",
            ),
            ("Share aggregates only", "Exchange tables, never records, with small cells suppressed."),
            ("Exchange once a year", "Through the national statistics offices, published openly."),
        ],
    },
    {
        "slug": "social-cohesion-local-councils",
        "language": "ar",
        "title": "تعزيز التماسك الاجتماعي في المجتمعات المضيفة عبر المجالس البلدية",
        "summary": (
            "حين تتولى البلديات رئاسة لجان الحوار المحلية وتربطها بقرارات فعلية حول الخدمات، يتراجع "
            "التوتر بين السكان واللاجئين والمهاجرين. يعرض هذا الموجز تجربة اثنتي عشرة بلدية في الأردن "
            "ولبنان."
        ),
        "publication_date": "2025-10-02",
        "themes": ["social-cohesion"],
        "countries": ["JO", "LB"],
        "organisations": ["iom", "cedar-coast-migrant-support-collective", "zarqa-workers-solidarity-centre"],
        "body": [
            ("heading", "التوتر يبدأ من الخدمات"),
            (
                "<p>في البلدات التي استقبلت أعدادًا كبيرة من اللاجئين والعمال المهاجرين، لا ينشأ التوتر "
                "عادة من الاختلاف الثقافي بقدر ما ينشأ من التنافس على المياه وجمع النفايات والمقاعد "
                "المدرسية وفرص العمل اليومية. وحين لا يرى السكان جهة مسؤولة تستمع إليهم، تتحول "
                "الشكاوى إلى اتهامات للوافدين.</p>"
                "<p>رصد الشركاء في اثنتي عشرة بلدية أن الشائعات حول توزيع المساعدات كانت السبب الأول "
                "للحوادث المسجلة بين المجموعات خلال عام 2023.</p>"
            ),
            ("heading", "لجان حوار برئاسة البلدية"),
            (
                "<p>أنشأت البلديات لجانًا تضم ممثلين عن السكان واللاجئين والعمال المهاجرين والنساء "
                "والشباب، برئاسة عضو في المجلس البلدي. تجتمع اللجنة شهريًا، وتقدم للمجلس أولويتين "
                "في الخدمات كل ثلاثة أشهر، ويعلن المجلس علنًا ما قرره بشأنهما.</p>"
                "<p>في البلديات التي التزمت بالرد العلني، انخفضت الحوادث المسجلة بنسبة أربعين بالمئة "
                "خلال عام، وارتفعت نسبة السكان الذين يثقون بأن المجلس يعاملهم بعدل.</p>"
            ),
            (
                "quote",
                {
                    "text": "لم نعد نسمع عن المساعدات من الشائعات، بل من اللجنة نفسها.",
                    "attribution": "عضوة في لجنة الحوار، محافظة الزرقاء",
                },
            ),
        ],
        "recommendations": [
            ("رئاسة بلدية للجان الحوار", "ربط اللجان بالمجلس البلدي لا بالمنظمات المنفذة وحدها."),
            ("رد علني على كل أولوية", "إعلان قرارات المجلس بشأن أولويات اللجنة خلال شهر."),
            ("تمثيل النساء والشباب", "تخصيص ثلث المقاعد على الأقل للنساء وربعها للشباب."),
        ],
    },
    {
        "slug": "agricultural-migrant-workers-protection",
        "language": "ar",
        "title": "حماية العمال المهاجرين في القطاع الزراعي",
        "summary": (
            "يعمل معظم العمال المهاجرين في الزراعة في الأردن ولبنان خارج نطاق قوانين العمل أو على "
            "هامشها. يقترح هذا الموجز خطوات عملية لتوسيع الحماية تشمل العقود الموسمية والتفتيش "
            "والسكن الآمن."
        ),
        "publication_date": "2024-12-05",
        "themes": ["labour"],
        "countries": ["JO", "LB"],
        "organisations": ["ministry-of-labour-jordan", "zarqa-workers-solidarity-centre", "iom"],
        "body": [
            ("heading", "قطاع خارج الحماية"),
            (
                "<p>يعتمد المزارعون في وادي الأردن والبقاع على عمال موسميين، كثير منهم مهاجرون أو "
                "لاجئون. ولا تنطبق قوانين العمل على العمال الزراعيين إلا جزئيًا، فلا تحدد ساعات "
                "العمل ولا تفرض الضمان الاجتماعي، ويقيم العمال غالبًا في خيام أو غرف مؤقتة قرب "
                "الحقول.</p>"
            ),
            ("heading", "ما الذي يمكن فعله الآن"),
            (
                "<p>أظهرت تجربة الشركاء مع ثلاثمئة مزرعة أن العقد الموسمي المبسط، المكتوب بلغتين، "
                "يقلل النزاعات حول الأجور بمقدار النصف. كما أن زيارات التفتيش المشتركة بين وزارة "
                "العمل ومراكز العمال، مع مترجمين، كشفت مخاطر الحرارة والمبيدات التي لا تظهر في "
                "الشكاوى الرسمية.</p>"
                "<p>أما السكن فيبقى التحدي الأكبر، إذ لا توجد معايير ملزمة لسكن العمال الزراعيين في "
                "أي من البلدين.</p>"
            ),
        ],
        "recommendations": [
            ("عقد موسمي مبسط", "اعتماد نموذج عقد موسمي بلغتين يحدد الأجر وساعات العمل والسكن."),
            ("تفتيش مشترك في مواسم الذروة", "زيارات تفتيش مع مراكز العمال ومترجمين خلال الحصاد."),
            ("معايير دنيا للسكن", "وضع معايير ملزمة للمياه والصرف الصحي والحماية من الحرارة."),
        ],
    },
    {
        "slug": "acces-aux-soins-migrants-liban",
        "language": "fr",
        "title": "Accès aux soins des migrants au Liban : lever les barrières financières",
        "summary": (
            "Avec l'effondrement de la livre libanaise, le coût des soins hospitaliers est devenu "
            "hors de portée pour la plupart des travailleurs migrants. Cette note propose un fonds "
            "de garantie hospitalier et une tarification unique dans les centres de soins primaires."
        ),
        "publication_date": "2025-05-20",
        "themes": ["health"],
        "countries": ["LB"],
        "organisations": [
            "ministry-of-public-health-lebanon",
            "who",
            "cedar-coast-migrant-support-collective",
        ],
        "body": [
            ("heading", "Une crise qui frappe d'abord les plus précaires"),
            (
                "<p>Depuis 2019, la livre libanaise a perdu plus de 95 % de sa valeur. Les hôpitaux "
                "facturent désormais en dollars, et exigent souvent un dépôt avant toute admission. "
                "Les travailleuses domestiques migrantes, dont beaucoup ont été abandonnées par leurs "
                "employeurs pendant la crise, n'ont ni assurance valide ni épargne.</p>"
                "<p>Les associations partenaires ont recensé des dizaines de cas de femmes renvoyées "
                "des urgences faute de dépôt, y compris pour des accouchements.</p>"
            ),
            ("heading", "Deux mesures à la portée du système actuel"),
            (
                "<p>La première est un fonds de garantie hospitalier, alimenté par les bailleurs et "
                "géré avec le ministère de la Santé publique, qui remplace le dépôt pour les urgences "
                "vitales et les accouchements. La seconde est un tarif unique dans les centres de "
                "soins primaires du réseau public, identique pour les Libanais et les non-Libanais.</p>"
                "<p>Une expérimentation dans six centres a montré que le tarif unique n'a pas réduit la "
                "fréquentation des patients libanais, contrairement aux craintes exprimées.</p>"
            ),
            (
                "quote",
                {
                    "text": "Le dépôt à l'entrée de l'hôpital est la première barrière. Tant qu'elle "
                    "existe, le reste ne compte pas.",
                    "attribution": "Travailleuse sociale, Tripoli",
                },
            ),
        ],
        "recommendations": [
            (
                "Un fonds de garantie hospitalier",
                "Supprimer le dépôt préalable pour les urgences vitales et les accouchements.",
            ),
            (
                "Un tarif unique en soins primaires",
                "Le même tarif pour tous les patients du réseau public de soins primaires.",
            ),
        ],
    },
    *RIGHTS_BRIEFS,
]
