"""Demonstration lessons learned, each tied to a joint action where relevant."""

LESSONS = [
    {
        "slug": "mobile-clinics-lost-patients-at-referral",
        "language": "en",
        "title": "Mobile clinics reached informal settlements but lost patients at referral",
        "summary": (
            "Mobile clinics brought primary care to agricultural settlements, but two in three "
            "patients referred onwards never reached the hospital. A shared referral form and a "
            "follow-up call changed that."
        ),
        "publication_date": "2025-02-14",
        "joint_action": "health-access-migrants-host-communities",
        "themes": ["health"],
        "countries": ["LB", "JO"],
        "organisations": ["who", "cedar-coast-migrant-support-collective"],
        "context": (
            "<p>Informal tented settlements in the Bekaa and the Jordan Valley are far from public "
            "health centres, and their residents, many of them seasonal agricultural workers, "
            "lose a day's pay for every visit.</p>"
        ),
        "what_was_tried": (
            "<p>Four mobile clinics visited 60 settlements every two weeks, offering consultations, "
            "vaccinations and antenatal care, and referred patients needing tests or specialist care "
            "to public hospitals.</p>"
        ),
        "what_worked": (
            "<p>Consultations were well attended, especially by women, and vaccination coverage of "
            "children in the settlements rose from 52 to 81 per cent in a year.</p>"
        ),
        "what_did_not_work": (
            "<p>Of 1,900 patients referred, only 640 reached a hospital. Each organisation used its "
            "own referral paper, which hospital staff did not recognise, and nobody followed up.</p>"
        ),
        "recommendations": (
            "<ul><li>Use one referral form for every partner, agreed with the hospitals.</li>"
            "<li>Call every referred patient within a week.</li><li>Pay transport for the "
            "referral visit.</li></ul>"
        ),
        "evidence": (
            "<p>Referral registers of the four mobile clinics, January to December 2024, and "
            "hospital admission records matched by the health ministries.</p>"
        ),
    },
    {
        "slug": "labour-inspections-need-interpreters",
        "language": "en",
        "title": "Joint labour inspections need interpreters, not only inspectors",
        "summary": (
            "Inspections carried out with interpreters from a workers' centre found three times as "
            "many breaches as those without, because workers could speak without their supervisor "
            "translating."
        ),
        "publication_date": "2025-07-08",
        "joint_action": "fair-labour-mobility-corridors",
        "themes": ["labour"],
        "countries": ["JO"],
        "organisations": ["ministry-of-labour-jordan", "zarqa-workers-solidarity-centre"],
        "context": (
            "<p>Labour inspectors in Jordan speak Arabic and English. Many migrant workers in the "
            "garment sector speak neither well, and supervisors often translated during "
            "inspections.</p>"
        ),
        "what_was_tried": (
            "<p>Interpreters from a workers' centre joined inspectors on 210 visits and interviewed "
            "workers away from supervisors.</p>"
        ),
        "what_worked": (
            "<p>Workers reported withheld passports, unpaid overtime and unsafe dormitories that "
            "never appeared in supervisor-translated interviews.</p>"
        ),
        "what_did_not_work": (
            "<p>Some employers delayed visits until interpreters left. Unannounced visits were needed.</p>"
        ),
        "recommendations": (
            "<ul><li>Budget interpreters in every inspection plan for sectors with migrant "
            "workers.</li><li>Interview workers away from supervisors.</li></ul>"
        ),
        "evidence": (
            "<p>Inspection reports from 2024 and 2025, compared with 180 visits without interpreters.</p>"
        ),
    },
    {
        "slug": "dialogue-committees-chaired-by-municipalities",
        "language": "en",
        "title": "Dialogue committees worked best when municipalities chaired them",
        "summary": (
            "Committees run by implementing organisations alone produced good discussions but few "
            "decisions. When a council member chaired them and the council answered publicly, trust "
            "and incidents both improved."
        ),
        "publication_date": "2024-11-20",
        "joint_action": "together-in-our-towns",
        "themes": ["social-cohesion"],
        "countries": ["JO", "LB"],
        "organisations": ["iom", "zarqa-workers-solidarity-centre", "cedar-coast-migrant-support-collective"],
        "context": "<p>Twelve towns with large refugee and migrant populations and strained services.</p>",
        "what_was_tried": (
            "<p>In the first year, partners ran dialogue committees on their own. In the second, "
            "councils took the chair and committed to answering the committees' priorities.</p>"
        ),
        "what_worked": "<p>Public answers from the council, even refusals, built trust.</p>",
        "what_did_not_work": (
            "<p>Committees without a link to the council lost members within six months.</p>"
        ),
        "recommendations": "<p>Link every dialogue committee to the body that decides on services.</p>",
        "evidence": "<p>Incident records of municipal police and two perception surveys (2022 and 2024).</p>",
    },
    {
        "slug": "early-warning-in-local-languages",
        "language": "en",
        "title": "Early-warning messages in Kurdish and Arabic doubled evacuation uptake",
        "summary": (
            "Flood warnings sent only in Arabic were ignored by many Kurdish-speaking families in "
            "displacement camps. Messages in both languages, relayed by camp volunteers, doubled the "
            "number who moved in time."
        ),
        "publication_date": "2024-06-03",
        "joint_action": "displacement-ready-communities",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": ["undrr", "rafidain-civic-dialogue-forum"],
        "context": "<p>Camps for displaced families near Dohuk lie on flood plains.</p>",
        "what_was_tried": (
            "<p>Warnings sent by text message and loudspeaker in Arabic and Kurdish, with "
            "volunteers going tent to tent.</p>"
        ),
        "what_worked": (
            "<p>Evacuation before the water arrived rose from 38 to 79 per cent of households.</p>"
        ),
        "what_did_not_work": "<p>Text messages did not reach families without phone credit.</p>",
        "recommendations": (
            "<p>Warn in every language spoken in the camp, and never rely on phones alone.</p>"
        ),
        "evidence": "<p>Camp management records of the floods of 2023 and 2024.</p>",
    },
    {
        "slug": "cash-for-work-short-contracts",
        "language": "en",
        "title": "Cash-for-work in host communities: when short contracts undermine trust",
        "summary": (
            "Cash-for-work projects employing both residents and refugees improved relations while "
            "they lasted, but 20-day contracts left both groups feeling used. Longer, rotating "
            "contracts worked better."
        ),
        "publication_date": "2024-09-17",
        "joint_action": "together-in-our-towns",
        "themes": ["labour", "social-cohesion"],
        "countries": ["LB", "JO"],
        "organisations": ["iom", "cedar-coast-migrant-support-collective"],
        "context": "<p>Municipal works (cleaning, rehabilitation of schools) in host towns.</p>",
        "what_was_tried": "<p>Mixed teams of residents and refugees on 20-day contracts.</p>",
        "what_worked": "<p>Mixed teams reported friendships and fewer prejudices.</p>",
        "what_did_not_work": (
            "<p>Short contracts created competition to be selected and resentment when they ended.</p>"
        ),
        "recommendations": "<p>Offer contracts of at least three months, with transparent selection.</p>",
        "evidence": "<p>Focus groups with 240 workers in six towns.</p>",
    },
    {
        "slug": "women-in-dialogue-committees",
        "language": "ar",
        "title": "إشراك النساء في لجان الحوار المحلية",
        "summary": (
            "لم تحضر النساء اجتماعات لجان الحوار في البداية بسبب توقيتها ومكانها. تغيير موعد الاجتماعات "
            "ومكانها وتوفير رعاية الأطفال رفع مشاركتهن من أقل من عشرة بالمئة إلى أكثر من الثلث."
        ),
        "publication_date": "2024-08-11",
        "joint_action": "together-in-our-towns",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": ["rafidain-civic-dialogue-forum", "iom"],
        "context": "<p>لجان حوار في بلدات محافظة نينوى تضم عائدين ونازحين وسكانًا مضيفين.</p>",
        "what_was_tried": (
            "<p>نقل الاجتماعات من مقر البلدية إلى المدارس صباحًا، وتوفير مساحة آمنة للأطفال أثناء "
            "الاجتماع.</p>"
        ),
        "what_worked": "<p>ارتفعت مشاركة النساء إلى ستة وثلاثين بالمئة، وطرحن أولويات جديدة كالإنارة.</p>",
        "what_did_not_work": "<p>بقيت مشاركة النساء النازحات أقل من غيرهن بسبب صعوبة التنقل.</p>",
        "recommendations": "<p>اختيار مواعيد وأماكن الاجتماعات مع النساء أنفسهن، وتوفير النقل.</p>",
        "evidence": "<p>سجلات الحضور في ست لجان خلال عامي 2023 و2024.</p>",
    },
    {
        "slug": "unified-health-referral-forms",
        "language": "ar",
        "title": "توحيد استمارات الإحالة الصحية بين المنظمات",
        "summary": (
            "استخدمت كل منظمة استمارة إحالة خاصة بها، فضاع كثير من المرضى بين العيادات والمستشفيات. "
            "أدى اعتماد استمارة موحدة بالتنسيق مع وزارة الصحة إلى مضاعفة نسبة الإحالات المكتملة."
        ),
        "publication_date": "2025-08-25",
        "joint_action": "health-access-migrants-host-communities",
        "themes": ["health"],
        "countries": ["JO"],
        "organisations": ["who", "ministry-of-labour-jordan"],
        "context": "<p>مراكز صحية أولية وعيادات متنقلة تحيل المرضى إلى مستشفيات حكومية في الأردن.</p>",
        "what_was_tried": "<p>استمارة إحالة واحدة بالعربية والإنجليزية، مع رقم متابعة لكل مريض.</p>",
        "what_worked": "<p>ارتفعت نسبة الإحالات المكتملة من أربعة وثلاثين إلى ثمانية وستين بالمئة.</p>",
        "what_did_not_work": "<p>لم تعتمد بعض المستشفيات الخاصة الاستمارة.</p>",
        "recommendations": "<p>اعتماد الاستمارة الموحدة رسميًا في جميع المستشفيات العامة والخاصة.</p>",
        "evidence": "<p>سجلات الإحالة في اثني عشر مركزًا صحيًا خلال عام 2025.</p>",
    },
    {
        "slug": "guichets-uniques-emploi-tripoli",
        "language": "fr",
        "title": "Les guichets uniques pour l'emploi : ce qui a fonctionné à Tripoli",
        "summary": (
            "Regrouper en un seul lieu l'information sur l'emploi, les permis de travail et les "
            "droits des travailleurs a attiré Libanais, réfugiés et migrants. Les guichets ont "
            "cependant peiné à proposer des offres d'emploi réelles."
        ),
        "publication_date": "2025-04-09",
        "joint_action": "fair-labour-mobility-corridors",
        "themes": ["labour"],
        "countries": ["LB"],
        "organisations": ["cedar-coast-migrant-support-collective", "iom"],
        "context": (
            "<p>À Tripoli, le chômage touche plus d'un tiers des jeunes, libanais comme syriens, et "
            "les travailleurs migrants ignorent souvent leurs droits.</p>"
        ),
        "what_was_tried": (
            "<p>Deux guichets uniques ouverts six jours par semaine, offrant conseil juridique, "
            "orientation et aide aux démarches.</p>"
        ),
        "what_worked": "<p>4 300 personnes accueillies en un an, dont 38 % de femmes.</p>",
        "what_did_not_work": (
            "<p>Peu d'employeurs ont déposé des offres : l'orientation menait rarement à un emploi.</p>"
        ),
        "recommendations": "<p>Associer les chambres de commerce dès l'ouverture des guichets.</p>",
        "evidence": "<p>Registres des guichets et enquête de suivi auprès de 400 usagers.</p>",
    },
    {
        "slug": "flood-early-warning-mosques-ninewa",
        "language": "ar",
        "title": "الإنذار المبكر من الفيضانات عبر مكبرات الصوت في المساجد بنينوى",
        "summary": (
            "وصلت رسائل الإنذار المبكر النصية إلى أقل من نصف الأسر العائدة والنازحة في قرى نينوى. إضافة "
            "مكبرات الصوت في المساجد وشبكة من المتطوعين جعلت الإنذار يصل إلى كل الأحياء قبل وصول المياه."
        ),
        "publication_date": "2025-01-22",
        "joint_action": "displacement-ready-communities",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": [
            "undrr",
            "ministry-of-migration-and-displaced-iraq",
            "rafidain-civic-dialogue-forum",
        ],
        "context": "<p>قرى على ضفاف نهر الزاب الكبير يسكنها عائدون ونازحون، كثير منهم بلا هواتف ذكية.</p>",
        "what_was_tried": (
            "<p>ربط غرفة الطوارئ في المحافظة بأئمة المساجد ومختاري القرى، ليبثوا رسائل الإنذار المبكر فور "
            "صدورها، إلى جانب الرسائل النصية.</p>"
        ),
        "what_worked": (
            "<p>في فيضان آذار 2024 أُخليت الأسر في القرى المشمولة خلال ساعتين من الإنذار، ولم تُسجل وفيات.</p>"
        ),
        "what_did_not_work": "<p>لم يسمع الإنذار من كانوا يعملون في الحقول البعيدة عن القرى.</p>",
        "recommendations": "<p>تعدد قنوات الإنذار، وتدريب المتطوعين على الوصول إلى من هم خارج البيوت.</p>",
        "evidence": "<p>سجلات غرفة الطوارئ في محافظة نينوى لعامي 2023 و2024.</p>",
    },
    {
        "slug": "psychosocial-support-children-camps",
        "language": "ar",
        "title": "الدعم النفسي الاجتماعي للأطفال في المخيمات: الأنشطة الجماعية أولاً",
        "summary": (
            "قدمت فرق الدعم النفسي الاجتماعي في مخيمات دهوك جلسات فردية لم يحضرها إلا قليل من الأطفال. "
            "الأنشطة الجماعية في المدارس وصلت إلى عدد أكبر بكثير، وكشفت من يحتاج إلى علاج متخصص في "
            "الصحة النفسية."
        ),
        "publication_date": "2025-06-30",
        "joint_action": "",
        "themes": ["health"],
        "countries": ["IQ"],
        "organisations": ["who", "rafidain-civic-dialogue-forum"],
        "context": "<p>أطفال نازحون وعائدون عاشوا النزاع والتهجير، وأسرهم تخشى وصمة المرض النفسي.</p>",
        "what_was_tried": (
            "<p>جلسات فردية في عيادة المخيم، ثم أنشطة جماعية أسبوعية من لعب ورسم وسرد قصص يقودها ميسرون "
            "مدربون.</p>"
        ),
        "what_worked": (
            "<p>شارك ألف ومئتا طفل في الأنشطة الجماعية خلال ستة أشهر، وأحال الميسرون ستين منهم إلى أخصائي "
            "نفسي.</p>"
        ),
        "what_did_not_work": "<p>انسحب المراهقون من أنشطة صُممت للأطفال الأصغر سنًا.</p>",
        "recommendations": (
            "<p>البدء بالأنشطة الجماعية، وتصميم أنشطة خاصة بالمراهقين، وربط الميسرين بمسار واضح إلى خدمات "
            "الصحة النفسية.</p>"
        ),
        "evidence": "<p>سجلات المشاركة في ثلاثة مخيمات خلال عام 2024.</p>",
    },
    {
        "slug": "birth-registration-stateless-children",
        "language": "ar",
        "title": "تسجيل المواليد لحماية أطفال العائدين من انعدام الجنسية",
        "summary": (
            "وُلد آلاف الأطفال في مناطق النزاع في العراق دون وثائق رسمية، فأصبحوا معرضين لخطر انعدام "
            "الجنسية. فرق قانونية متنقلة ساعدت الأسر على استخراج شهادات الميلاد وإثبات النسب أمام المحاكم."
        ),
        "publication_date": "2025-03-11",
        "joint_action": "",
        "themes": ["social-cohesion"],
        "countries": ["IQ"],
        "organisations": ["ministry-of-migration-and-displaced-iraq", "iom", "rafidain-civic-dialogue-forum"],
        "context": (
            "<p>أطفال وُلدوا بين 2014 و2017 لأسر عادت إلى نينوى وصلاح الدين، ووثائق ولادتهم صادرة عن جهات "
            "غير معترف بها.</p>"
        ),
        "what_was_tried": (
            "<p>فرق من المحامين زارت المخيمات والقرى، وجمعت شهادات الشهود، ورافقت الأسر إلى محاكم الأحوال "
            "الشخصية.</p>"
        ),
        "what_worked": (
            "<p>حصل ألف وأربعمئة طفل على شهادة ميلاد رسمية، والتحق معظمهم بالمدرسة في العام نفسه.</p>"
        ),
        "what_did_not_work": (
            "<p>بقيت الأمهات اللواتي فقدن أزواجهن عاجزات عن إثبات النسب دون شهود من عائلة الأب.</p>"
        ),
        "recommendations": "<p>قبول وسائل إثبات بديلة، وإعفاء الأسر العائدة من غرامات التسجيل المتأخر.</p>",
        "evidence": "<p>ملفات الفرق القانونية وقرارات المحاكم خلال عامي 2023 و2024.</p>",
    },
    {
        "slug": "envois-de-fonds-portefeuilles-mobiles",
        "language": "fr",
        "title": "Envois de fonds : les portefeuilles mobiles ont réduit le coût des transferts",
        "summary": (
            "Après l'effondrement des banques libanaises, les travailleurs migrants envoyaient leur argent "
            "par des intermédiaires informels, à prix fort. Des portefeuilles mobiles ouverts avec deux "
            "opérateurs agréés ont divisé par trois les frais de transfert des envois de fonds vers leurs "
            "familles."
        ),
        "publication_date": "2025-10-14",
        "joint_action": "",
        "themes": ["labour"],
        "countries": ["LB"],
        "organisations": ["iom", "cedar-coast-migrant-support-collective"],
        "context": (
            "<p>Depuis 2019, les banques libanaises limitent les retraits et les virements vers l'étranger. "
            "Les travailleuses et travailleurs migrants payaient jusqu'à 15 % de la somme envoyée à des "
            "intermédiaires informels.</p>"
        ),
        "what_was_tried": (
            "<p>Des séances d'information dans les centres communautaires, puis l'ouverture de portefeuilles "
            "mobiles auprès de deux opérateurs agréés, sur présentation d'une pièce d'identité ou d'une "
            "attestation de l'association.</p>"
        ),
        "what_worked": (
            "<p>2 100 personnes ont ouvert un portefeuille ; le coût moyen d'un envoi est passé de 12 % "
            "à 4 % du montant.</p>"
        ),
        "what_did_not_work": (
            "<p>Les personnes dont l'employeur garde le passeport n'ont pas pu ouvrir de portefeuille malgré "
            "l'attestation.</p>"
        ),
        "recommendations": (
            "<p>Faire accepter par la banque centrale l'attestation d'identité délivrée par les associations "
            "reconnues.</p>"
        ),
        "evidence": "<p>Données des deux opérateurs et enquête auprès de 300 usagers en 2025.</p>",
    },
    {
        "slug": "trafficking-hotline-answered-jointly",
        "language": "en",
        "title": "A trafficking hotline helped victims once police and shelters answered together",
        "summary": (
            "A counter-trafficking hotline in Erbil received many calls but helped few people until a police "
            "officer and a shelter worker took every call together. Victims of human trafficking then "
            "reached safety within a day."
        ),
        "publication_date": "2025-05-06",
        "joint_action": "",
        "themes": ["labour"],
        "countries": ["IQ"],
        "organisations": ["iom", "rafidain-civic-dialogue-forum"],
        "context": (
            "<p>Construction and domestic workers recruited into Iraq's Kurdistan Region reported "
            "confiscated passports, unpaid wages and locked accommodation: signs of trafficking in "
            "persons.</p>"
        ),
        "what_was_tried": (
            "<p>A hotline in five languages, staffed first by a civil society organisation alone, then "
            "jointly with an officer of the anti-trafficking police and a shelter.</p>"
        ),
        "what_worked": (
            "<p>With the joint team, 85 callers were identified as victims in 2024 and placed in a shelter "
            "the same day, against 12 the year before.</p>"
        ),
        "what_did_not_work": (
            "<p>People without a phone of their own could not call; outreach through churches and shops "
            "was needed.</p>"
        ),
        "recommendations": (
            "<p>Answer hotline calls with the authority that can act, and fund shelter places before "
            "publicising the number.</p>"
        ),
        "evidence": "<p>Hotline logs and shelter records, 2023 and 2024.</p>",
    },
]
