"""The demonstration brief published in all three languages, with a figure, a
table and its PDF version."""

KEY = "health-coverage-migrant-workers"

PDF_TITLE = "Keeping migrant workers covered: primary health care for people on the move"
PDF_PARAGRAPHS = [
    "Policy brief of the Migration Multi-Partner Trust Fund. Prepared by the World Health "
    "Organization, the International Organization for Migration and the Ministry of Public "
    "Health of Lebanon, with contributions from the Ministry of Labour of Jordan.",
    "Summary. Migrant workers in Iraq, Jordan and Lebanon pay for most of their health care out "
    "of pocket. Many are covered on paper, through an employer's insurance policy or a work "
    "permit fee, but cannot use that cover when they fall ill: the policy excludes chronic "
    "conditions, the clinic does not know the scheme, or the worker changed employer and lost "
    "the card. The result is delayed care, preventable hospital admissions and public health "
    "risks that the host community shares.",
    "What the partners found. Between 2023 and 2025 the joint action Health Access for Migrants "
    "and Host Communities followed 4,200 migrant workers registered at 38 primary health care "
    "centres. Registration alone raised the share of workers who saw a doctor when they needed "
    "one from 41 to 58 per cent. Adding a fixed consultation fee of 3 Jordanian dinars or its "
    "equivalent, paid once per visit whatever the nationality, raised it to 77 per cent. Outreach "
    "in workers' languages mattered as much as price.",
    "Recommendations. First, let every registered worker use any public primary health care "
    "centre at the same fixed fee as nationals, whatever the employer's insurance. Second, make "
    "the health card follow the worker rather than the contract, so changing employer does not "
    "end cover. Third, fund community health workers who speak the main languages of migrant "
    "communities. Fourth, publish coverage figures every year, broken down by nationality and "
    "sex, so that the three governments can compare progress.",
    "Costs. The fixed fee model cost the health ministries an estimated 9 US dollars per worker "
    "per year above current spending, less than the cost of one avoidable hospital day.",
]

FIGURE = {
    "title": "Migrant workers who saw a doctor when they needed one",
    "bars": [("Before registration", 41), ("Registered", 58), ("Registered and fixed fee", 77)],
}

TABLE = {
    "en": {
        "caption": "Share of migrant workers who saw a doctor when they needed one (per cent)",
        "data": [
            ["Group", "Jordan", "Lebanon", "Iraq (Kurdistan Region)"],
            ["Not registered", "39", "44", "40"],
            ["Registered at a centre", "57", "60", "56"],
            ["Registered, fixed fee", "78", "79", "73"],
        ],
    },
    "fr": {
        "caption": "Part des travailleurs migrants ayant consulté un médecin en cas de besoin (en %)",
        "data": [
            ["Groupe", "Jordanie", "Liban", "Irak (Région du Kurdistan)"],
            ["Non inscrits", "39", "44", "40"],
            ["Inscrits dans un centre", "57", "60", "56"],
            ["Inscrits, tarif fixe", "78", "79", "73"],
        ],
    },
    "ar": {
        "caption": "نسبة العمال المهاجرين الذين راجعوا طبيبًا عند الحاجة (بالمئة)",
        "data": [
            ["الفئة", "الأردن", "لبنان", "العراق (إقليم كردستان)"],
            ["غير مسجلين", "39", "44", "40"],
            ["مسجلون في مركز صحي", "57", "60", "56"],
            ["مسجلون برسم ثابت", "78", "79", "73"],
        ],
    },
}

TEXT = {
    "en": {
        "title": "Keeping migrant workers covered: primary health care for people on the move",
        "summary": (
            "Most migrant workers in Iraq, Jordan and Lebanon are covered for health care on paper "
            "but cannot use that cover. A fixed consultation fee at public primary health care "
            "centres and outreach in workers' languages nearly doubled the share who saw a doctor "
            "when they needed one."
        ),
        "figure_alt": (
            "Bar chart: 41 per cent of migrant workers saw a doctor when needed before registration, "
            "58 per cent once registered, 77 per cent once registered with a fixed fee."
        ),
        "figure_caption": "Source: Health Access for Migrants and Host Communities, follow-up survey 2025.",
        "body": [
            ("heading", "Covered on paper, not in practice"),
            (
                "paragraph",
                "<p>Almost every migrant worker in the three countries is meant to have some health "
                "cover: an employer's insurance policy, a fee paid with the work permit, or a right to "
                "use public clinics. In practice, most pay out of their own pocket. Policies exclude "
                "chronic illness and pregnancy, clinics do not recognise the scheme, and a worker who "
                "changes employer often loses the card without knowing it.</p>"
                "<p>People then wait until an illness becomes an emergency. Hospitals absorb the cost, "
                "and conditions such as tuberculosis or uncontrolled diabetes go unnoticed in "
                "crowded housing shared with other workers and their neighbours.</p>",
            ),
            ("heading", "What changed when the price became predictable"),
            (
                "paragraph",
                "<p>From 2023 to 2025 the partners followed 4,200 workers registered at 38 public primary "
                "health care centres. Registration alone helped: more workers knew where to go. The "
                "larger change came when centres charged every registered patient the same fixed fee "
                "per visit, whatever their nationality or insurance.</p>",
            ),
            ("figure", None),
            ("table", None),
            (
                "quote",
                {
                    "text": "I used to wait until I could not stand. Now I know the price before I "
                    "go in, so I go when the cough starts.",
                    "attribution": "Agricultural worker, Mafraq governorate",
                },
            ),
            ("heading", "Language is part of access"),
            (
                "paragraph",
                "<p>Centres that worked with community health workers speaking Amharic, Bengali, "
                "Sinhala or Tagalog registered three times as many women workers as the others. "
                "Domestic workers in particular rarely leave the house where they work; they learnt "
                "about the centres through messages shared by community health workers on their "
                "phones.</p>",
            ),
            ("document", None),
        ],
        "recommendations": [
            (
                "One fixed fee for every registered worker",
                "Let every registered worker use any public primary health care centre at the fee "
                "nationals pay, whatever the employer's insurance.",
            ),
            (
                "Cover that follows the worker",
                "Tie the health card to the person, not to the contract, so that changing employer "
                "does not end cover.",
            ),
            (
                "Community health workers who speak the languages",
                "Fund outreach in the main languages of migrant communities, starting with domestic workers.",
            ),
            (
                "Yearly public figures",
                "Publish coverage and use every year, by nationality and sex, so the three "
                "governments can compare progress.",
            ),
        ],
        "document_title": "Read the full brief",
    },
    "fr": {
        "title": (
            "Garder les travailleurs migrants couverts : "
            "les soins de santé primaires pour les personnes en mouvement"
        ),
        "summary": (
            "La plupart des travailleurs migrants en Irak, en Jordanie et au Liban sont couverts sur "
            "le papier mais ne peuvent pas utiliser cette couverture. Un tarif de consultation fixe "
            "dans les centres publics de soins primaires et une information dans leurs langues ont "
            "presque doublé la part de ceux qui consultent en cas de besoin."
        ),
        "figure_alt": (
            "Diagramme en barres : 41 % des travailleurs migrants consultaient un médecin en cas de "
            "besoin avant l'inscription, 58 % une fois inscrits, 77 % une fois inscrits avec un tarif fixe."
        ),
        "figure_caption": (
            "Source : Accès à la santé pour les migrants et les communautés d'accueil, enquête de suivi 2025."
        ),
        "body": [
            ("heading", "Couverts sur le papier, pas dans les faits"),
            (
                "paragraph",
                "<p>Presque tous les travailleurs migrants des trois pays devraient disposer d'une "
                "couverture santé : l'assurance de l'employeur, une cotisation versée avec le permis de "
                "travail ou le droit d'utiliser les centres publics. Dans les faits, la plupart paient "
                "de leur poche. Les contrats excluent les maladies chroniques et la grossesse, les "
                "centres ne connaissent pas le dispositif, et un travailleur qui change d'employeur "
                "perd souvent sa carte sans le savoir.</p>"
                "<p>On attend alors que la maladie devienne une urgence. Les hôpitaux en supportent le "
                "coût, et la tuberculose ou un diabète non soigné passent inaperçus dans des logements "
                "surpeuplés partagés avec d'autres travailleurs et leurs voisins.</p>",
            ),
            ("heading", "Ce qui a changé quand le prix est devenu prévisible"),
            (
                "paragraph",
                "<p>De 2023 à 2025, les partenaires ont suivi 4 200 travailleurs inscrits dans 38 centres "
                "publics de soins de santé primaires. L'inscription seule a aidé : davantage de "
                "travailleurs savaient où aller. Le changement le plus net est venu lorsque les centres "
                "ont appliqué à chaque patient inscrit le même tarif fixe par consultation, quelle que "
                "soit sa nationalité ou son assurance.</p>",
            ),
            ("figure", None),
            ("table", None),
            (
                "quote",
                {
                    "text": "J'attendais de ne plus tenir debout. Maintenant je connais le prix avant "
                    "d'entrer, alors j'y vais dès que la toux commence.",
                    "attribution": "Ouvrier agricole, gouvernorat de Mafraq",
                },
            ),
            ("heading", "La langue fait partie de l'accès"),
            (
                "paragraph",
                "<p>Les centres qui travaillaient avec des agents de santé communautaires parlant "
                "amharique, bengali, cinghalais ou tagalog ont inscrit trois fois plus de travailleuses "
                "que les autres. Les employées de maison, en particulier, sortent rarement de la maison "
                "où elles travaillent : elles ont découvert les centres grâce aux messages partagés sur "
                "leur téléphone.</p>",
            ),
            ("document", None),
        ],
        "recommendations": [
            (
                "Un tarif fixe pour chaque travailleur inscrit",
                "Permettre à tout travailleur inscrit d'utiliser n'importe quel centre public au tarif "
                "payé par les nationaux, quelle que soit l'assurance de l'employeur.",
            ),
            (
                "Une couverture qui suit la personne",
                "Lier la carte de santé à la personne et non au contrat, pour qu'un changement "
                "d'employeur ne mette pas fin à la couverture.",
            ),
            (
                "Des agents communautaires qui parlent les langues",
                "Financer une information dans les principales langues des communautés migrantes, en "
                "commençant par les employées de maison.",
            ),
            (
                "Des chiffres publics chaque année",
                "Publier chaque année la couverture et le recours aux soins, par nationalité et par "
                "sexe, pour que les trois gouvernements comparent leurs progrès.",
            ),
        ],
        "document_title": "Lire la note complète (PDF, en anglais)",
    },
    "ar": {
        "title": "ضمان التغطية الصحية للعمال المهاجرين: الرعاية الصحية الأولية للأشخاص المتنقلين",
        "summary": (
            "معظم العمال المهاجرين في العراق والأردن ولبنان مشمولون بالتغطية الصحية على الورق، لكنهم "
            "لا يستطيعون الاستفادة منها. أدى فرض رسم ثابت للاستشارة في مراكز الرعاية الصحية الأولية "
            "العامة والتواصل بلغات العمال إلى مضاعفة نسبة من يراجعون الطبيب عند الحاجة تقريبًا."
        ),
        "figure_alt": (
            "رسم بياني بالأعمدة: 41 بالمئة من العمال المهاجرين راجعوا طبيبًا عند الحاجة قبل التسجيل، "
            "و58 بالمئة بعد التسجيل، و77 بالمئة بعد التسجيل مع رسم ثابت."
        ),
        "figure_caption": "المصدر: برنامج الوصول إلى الصحة للمهاجرين والمجتمعات المضيفة، مسح المتابعة 2025.",
        "body": [
            ("heading", "تغطية على الورق لا في الواقع"),
            (
                "paragraph",
                "<p>يفترض أن يتمتع كل عامل مهاجر تقريبًا في البلدان الثلاثة بشكل من أشكال التغطية "
                "الصحية: تأمين صاحب العمل، أو رسم يدفع مع تصريح العمل، أو حق استخدام المراكز الصحية "
                "العامة. لكن معظمهم يدفعون من جيوبهم في الواقع. فالوثائق تستثني الأمراض المزمنة "
                "والحمل، والمراكز لا تعرف النظام، والعامل الذي يغير صاحب العمل كثيرًا ما يفقد بطاقته "
                "دون أن يعلم.</p>"
                "<p>فينتظر الناس حتى يتحول المرض إلى حالة طارئة. تتحمل المستشفيات الكلفة، ويمر السل أو "
                "السكري غير المعالج دون أن يلاحظه أحد في مساكن مكتظة يتقاسمها العمال مع جيرانهم.</p>",
            ),
            ("heading", "ما الذي تغير حين أصبح السعر معروفًا مسبقًا"),
            (
                "paragraph",
                "<p>تابع الشركاء بين عامي 2023 و2025 نحو 4200 عامل مسجلين في 38 مركزًا عامًا للرعاية "
                "الصحية الأولية. ساعد التسجيل وحده، إذ صار عدد أكبر من العمال يعرفون أين يذهبون. لكن "
                "التغير الأكبر جاء حين فرضت المراكز على كل مريض مسجل الرسم الثابت نفسه عن كل زيارة، "
                "بصرف النظر عن جنسيته أو تأمينه.</p>",
            ),
            ("figure", None),
            ("table", None),
            (
                "quote",
                {
                    "text": "كنت أنتظر حتى لا أقوى على الوقوف. الآن أعرف السعر قبل أن أدخل، فأذهب "
                    "حين يبدأ السعال.",
                    "attribution": "عامل زراعي، محافظة المفرق",
                },
            ),
            ("heading", "اللغة جزء من الوصول"),
            (
                "paragraph",
                "<p>سجلت المراكز التي عملت مع عاملين صحيين مجتمعيين يتحدثون الأمهرية والبنغالية "
                "والسنهالية والتاغالوغية ثلاثة أضعاف عدد العاملات مقارنة بغيرها. فالعاملات في المنازل "
                "نادرًا ما يغادرن البيوت التي يعملن فيها، وقد عرفن بالمراكز عبر رسائل تبادلنها على "
                "هواتفهن.</p>",
            ),
            ("document", None),
        ],
        "recommendations": [
            (
                "رسم ثابت واحد لكل عامل مسجل",
                "السماح لكل عامل مسجل باستخدام أي مركز عام للرعاية الأولية بالرسم الذي يدفعه "
                "المواطنون، أيًا كان تأمين صاحب العمل.",
            ),
            (
                "تغطية تتبع العامل",
                "ربط البطاقة الصحية بالشخص لا بالعقد، كي لا ينهي تغيير صاحب العمل التغطية.",
            ),
            (
                "عاملون صحيون مجتمعيون يتحدثون اللغات",
                "تمويل التواصل باللغات الرئيسية للمجتمعات المهاجرة، بدءًا بالعاملات في المنازل.",
            ),
            (
                "أرقام علنية كل عام",
                "نشر أرقام التغطية والاستخدام سنويًا حسب الجنسية والجنس، لتقارن الحكومات الثلاث تقدمها.",
            ),
        ],
        "document_title": "اقرأ الموجز كاملًا (PDF بالإنجليزية)",
    },
}

META = {
    "publication_date": "2025-11-18",
    "themes": ["health", "labour"],
    "countries": ["JO", "LB", "IQ"],
    "organisations": ["who", "iom", "ministry-of-public-health-lebanon", "ministry-of-labour-jordan"],
}
