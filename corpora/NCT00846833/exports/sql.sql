-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written $name (DuckDB, SQLite). Bind at run time:
--   $index_date: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "ICD10CM", "p2": "C43", "p3": "C43%", "p4": "SNOMED", "p5": "372244006", "p6": "acral melanoma", "p7": "c43", "p8": "cutaneous melanoma", "p9": "malignant melanoma", "p10": "melanoma", "p11": "metastatic malignant melanoma", "p12": "metastatic melanoma", "p13": "mucosal melanoma", "p14": "relapsed melanoma", "p15": "ATC", "p16": "L01", "p17": "L01%", "p18": "367336001", "p19": "antineoplastic chemotherapy", "p20": "carboplatin", "p21": "chemotherapeutic agent", "p22": "chemotherapy", "p23": "cisplatin", "p24": "cyclophosphamide", "p25": "cytotoxic agent", "p26": "cytotoxic chemotherapy", "p27": "dacarbazine", "p28": "docetaxel", "p29": "doxorubicin", "p30": "etoposide", "p31": "fludarabine", "p32": "fluorouracil", "p33": "fotemustine", "p34": "gemcitabine", "p35": "l01", "p36": "nab paclitaxel", "p37": "nab-paclitaxel", "p38": "oxaliplatin", "p39": "paclitaxel", "p40": "temozolomide", "p41": "vinblastine", "p42": "vincristine", "p43": "76334006", "p44": "aldesleukin", "p45": "cancer immunotherapy", "p46": "high dose interleukin 2", "p47": "high-dose interleukin-2", "p48": "immune therapy", "p49": "immunotherapy", "p50": "interferon alfa", "p51": "interleukin 2", "p52": "interleukin-2", "p53": "ipilimumab", "p54": "nivolumab", "p55": "pembrolizumab", "p56": "relatlimab", "p57": "haploidentical donor", "p58": "haploidentical donor available", "p59": "haploidentical family donor", "p60": "willing haploidentical donor", "p61": "373067005", "p62": "no", "p63": "false", "p64": "LOINC", "p65": "89247-1", "p66": "calgb performance status", "p67": "cancer and leukemia group b performance status", "p68": "eastern cooperative oncology group", "p69": "eastern cooperative oncology group performance status", "p70": "eastern cooperative oncology group performance status score", "p71": "eastern cooperative oncology group score", "p72": "ecog", "p73": "ecog performance status", "p74": "ecog ps", "p75": "ecog score", "p76": "ecog scores", "p77": "ecog status", "p78": "ecog-ps", "p79": "gog performance status", "p80": "gynecologic oncology group performance status", "p81": "performance status", "p82": "ps", "p83": "who performance status", "p84": "who ps", "p85": "zubrod", "p86": "zubrod performance status", "p87": "zubrod score", "p88": 90, "p89": 1, "p90": 18, "p91": 75, "p92": "measurable disease", "p93": "measurable disease per recist", "p94": "measurable lesion", "p95": "recist measurable disease", "p96": "%", "p97": "10230-1", "p98": "ef", "p99": "eject fraction", "p100": "ejection fraction", "p101": "left ventricle ejection fraction", "p102": "left ventricular ef", "p103": "left ventricular ejection fraction", "p104": "lv ef", "p105": "lv ejection fraction", "p106": "lvef", "p107": "lvef%", "p108": "ventricular ef", "p109": "ventricular ejection fraction", "p110": 45, "p111": "carbon monoxide diffusing capacity", "p112": "diffusing capacity", "p113": "diffusing capacity for carbon monoxide", "p114": "diffusing capacity of the lung for carbon monoxide", "p115": "diffusion capacity", "p116": "diffusion capacity for carbon monoxide", "p117": "dlco", "p118": "dlco % predicted", "p119": "dlco %pred", "p120": "dlco adjusted for hemoglobin", "p121": "dlco corrected for hemoglobin", "p122": "dlco percent predicted", "p123": "dlco pred", "p124": "dlco predicted", "p125": "dlco% predicted", "p126": "predicted dlco", "p127": "tlco", "p128": 50, "p129": "10*9/L", "p130": "10*3/uL", "p131": "10*3/mm3", "p132": "/uL", "p133": 0.001, "p134": "/mm3", "p135": "10*6/uL", "p136": 1000, "p137": "751-8", "p138": "absolute granulocyte", "p139": "absolute granulocyte count", "p140": "absolute granulocytes", "p141": "absolute neutrophil", "p142": "absolute neutrophil count", "p143": "absolute neutrophil counts", "p144": "absolute neutrophils", "p145": "agc", "p146": "anc", "p147": "granulocyte", "p148": "granulocyte count", "p149": "granulocytes", "p150": "hematologic anc", "p151": "neutrophil", "p152": "neutrophil count", "p153": "neutrophil counts", "p154": "neutrophils", "p155": "pmn count", "p156": "polymorphonuclear neutrophil", "p157": "polymorphonuclear neutrophils", "p158": "segmented neutrophil band", "p159": "segmented neutrophils + bands", "p160": 1.5, "p161": "777-3", "p162": "blood platelet", "p163": "blood platelet count", "p164": "blood platelets", "p165": "platelet", "p166": "platelet count", "p167": "platelet counts", "p168": "platelets", "p169": "platelets count", "p170": "plt", "p171": "plt count", "p172": "plts", "p173": "thrombocyte", "p174": "thrombocyte count", "p175": "thrombocytes", "p176": 100, "p177": "g/dL", "p178": "g/L", "p179": 0.1, "p180": "mg/dL", "p181": "mg/L", "p182": 0.0001, "p183": "mmol/L", "p184": 1.6114, "p185": "umol/L", "p186": 0.0016114, "p187": "59260-0", "p188": "718-7", "p189": "blood hemoglobin", "p190": "haemoglobin", "p191": "haemoglobin concentration", "p192": "hb", "p193": "hb concentration", "p194": "hemaglobin", "p195": "hemoglobin", "p196": "hemoglobin concentration", "p197": "hgb", "p198": "serum haemoglobin", "p199": "serum hemoglobin", "p200": 9, "p201": "14631-6", "p202": "1975-2", "p203": "bili", "p204": "bilirubin", "p205": "bilirubin total", "p206": "birilubin", "p207": "blood bilirubin", "p208": "plasma bilirubin", "p209": "serum bilirubin", "p210": "serum total bilirubin", "p211": "t bil", "p212": "t bili", "p213": "t-bil", "p214": "t.bili", "p215": "tbil", "p216": "tbili", "p217": "total bili", "p218": "total bilirubin", "p219": "total serum bilirubin", "p220": "1920-8", "p221": "asat", "p222": "aspartase aminotransferase", "p223": "aspartate amino transferase", "p224": "aspartate aminotransferase", "p225": "aspartate transaminase", "p226": "aspartate-aminotransferase", "p227": "ast", "p228": "glutamic oxalacetic transaminase", "p229": "glutamic oxaloacetic transaminase", "p230": "glutamic-oxalacetic transaminase", "p231": "serum aspartate aminotransferase", "p232": "serum aspartate transaminase", "p233": "serum ast", "p234": "serum glutamic oxaloacetic transaminase", "p235": "serum glutamic-oxaloacetic transaminase", "p236": "serum sgot", "p237": "sgot", "p238": "spartate aminotransferase", "p239": 2.5, "p240": "1742-6", "p241": "alanine amino transferase", "p242": "alanine aminotransaminase", "p243": "alanine aminotransferase", "p244": "alanine transaminase", "p245": "alanine-aminotransferase", "p246": "alat", "p247": "alt", "p248": "glutamic pyruvic transaminase", "p249": "glutamic-pyruvic transaminase", "p250": "gpt", "p251": "serum alanine aminotransferase", "p252": "serum alanine transaminase", "p253": "serum alt", "p254": "serum glutamate pyruvate transaminase", "p255": "serum glutamic pyruvic transaminase", "p256": "serum glutamic-pyruvic transaminase", "p257": "serum gpt", "p258": "serum sgpt", "p259": "sgpt", "p260": "6768-6", "p261": "alk pho", "p262": "alk phos", "p263": "alkalic phosphatase", "p264": "alkaline phosphatase", "p265": "alkaline phosphatases", "p266": "alkpho", "p267": "alkphos", "p268": "alp", "p269": "ap", "p270": "serum alkaline phosphatase", "p271": "14682-9", "p272": "2160-0", "p273": "blood creatinine", "p274": "cr", "p275": "creat", "p276": "creatinen", "p277": "creatinin", "p278": "creatinine", "p279": "creatinine serum", "p280": "increase in s creatinine", "p281": "increase in s-creatinine", "p282": "plasma creatinine", "p283": "s cr", "p284": "s creatinine", "p285": "s-cr", "p286": "s-creatinine", "p287": "scr", "p288": "serum cr", "p289": "serum creatinine", "p290": "serum creatinine concentration", "p291": "mL/min/{1.73_m2}", "p292": "mL/min", "p293": "2164-2", "p294": "24 hour creatinine clearance", "p295": "24 hour urinary creatinine clearance", "p296": "24 hour urine creatinine clearance", "p297": "24-hour creatinine clearance", "p298": "24-hour urinary creatinine clearance", "p299": "24-hour urine creatinine clearance", "p300": "blood creatinine clearance", "p301": "calculated crcl", "p302": "calculated creatinine clearance", "p303": "ccr", "p304": "cl cr", "p305": "clcr", "p306": "clearance creatinine", "p307": "cockcroft gault", "p308": "cockcroft gault creatinine clearance", "p309": "cockcroft gault formula", "p310": "cockcroft-gault", "p311": "cockcroft-gault creatinine clearance", "p312": "cockcroft-gault formula", "p313": "cr cl", "p314": "crcl", "p315": "creatinin clearance", "p316": "creatinine clearance", "p317": "creatinine clearance rate", "p318": "endogenous creatinine clearance", "p319": "estimated crcl", "p320": "estimated creatinine clearance", "p321": "measured creatinine clearance", "p322": "plasma creatinine clearance", "p323": "renal clearance", "p324": "serum creatinine clearance", "p325": 60, "p326": "mo", "p327": "anticipated life expectancy", "p328": "anticipated survival", "p329": "estimated life expectancy", "p330": "estimated survival", "p331": "expected life expectancy", "p332": "expected survival", "p333": "expected survival time", "p334": "life expectancy", "p335": "life expectation", "p336": "predicted life expectancy", "p337": "predicted survival", "p338": "projected survival", "p339": "survival expectancy", "p340": 3, "p341": "informed consent", "p342": "informed consent signed", "p343": "signed informed consent", "p344": "written informed consent", "p345": 30, "p346": "adoptive cell therapy", "p347": "adoptive cell transfer", "p348": "adoptive cellular therapy", "p349": "car t cell therapy", "p350": "til therapy", "p351": "tumor infiltrating lymphocyte therapy", "p352": "allogeneic stem cell transplantation", "p353": "autologous stem cell transplantation", "p354": "bone marrow transplant", "p355": "bone marrow transplantation", "p356": "hematopoietic stem cell transplant", "p357": "hematopoietic stem cell transplantation", "p358": "hsct", "p359": "stem cell transplant", "p360": "stem cell transplantation", "p361": "B20", "p362": "B20%", "p363": "Z21", "p364": "Z21%", "p365": "86406008", "p366": "b20", "p367": "hiv", "p368": "hiv disease", "p369": "hiv infection", "p370": "hiv positive", "p371": "human immunodeficiency virus infection", "p372": "z21", "p373": "B16", "p374": "B16%", "p375": "B18.0", "p376": "B180%", "p377": "B18.1", "p378": "B181%", "p379": "66071002", "p380": "b16", "p381": "b18.0", "p382": "b18.1", "p383": "chronic hepatitis b", "p384": "hbv", "p385": "hbv infection", "p386": "hepatitis b", "p387": "hepatitis b virus infection", "p388": "B17.1", "p389": "B171%", "p390": "B18.2", "p391": "B182%", "p392": "50711007", "p393": "b17.1", "p394": "b18.2", "p395": "chronic hepatitis c", "p396": "hcv", "p397": "hcv infection", "p398": "hepatitis c", "p399": "hepatitis c virus infection", "p400": "hypersensitivity to cyclophosphamide", "p401": "387420009", "p402": "cytoxan", "p403": "endoxan", "p404": "hypersensitivity to interleukin 2", "p405": "hypersensitivity to interleukin-2", "p406": "il 2", "p407": "il-2", "p408": "proleukin", "p409": "heart transplant", "p410": "heart transplantation", "p411": "kidney transplant", "p412": "kidney transplantation", "p413": "liver transplant", "p414": "liver transplantation", "p415": "lung transplant", "p416": "lung transplantation", "p417": "organ transplant", "p418": "organ transplantation", "p419": "solid organ transplant", "p420": "solid organ transplantation", "p421": "I49.9", "p422": "I499%", "p423": "698247007", "p424": "arrhythmia", "p425": "atrial fibrillation", "p426": "atrial flutter", "p427": "cardiac arrhythmia", "p428": "dysrhythmia", "p429": "i49.9", "p430": "ventricular fibrillation", "p431": "ventricular tachycardia", "p432": "I25.1", "p433": "I251%", "p434": "I25.9", "p435": "I259%", "p436": "414545008", "p437": "angina pectoris", "p438": "coronary artery disease", "p439": "coronary heart disease", "p440": "i25.1", "p441": "i25.9", "p442": "ischaemic heart disease", "p443": "ischemic heart disease", "p444": "myocardial infarction", "p445": "unstable angina", "p446": "Z33.1", "p447": "Z331%", "p448": "77386006", "p449": "pregnancy", "p450": "pregnancy state", "p451": "pregnant", "p452": "z33.1", "p453": "breast feeding", "p454": "breastfeeding", "p455": "lactating", "p456": "lactation", "p457": "40733004", "p458": "active infection", "p459": "infection", "p460": "uncontrolled infection"}
WITH codeset_code (codeset_id, vocabulary_id, concept_code) AS (
  VALUES (1, $p1, $p2),
         (1, $p4, $p5),
         (2, $p15, $p16),
         (2, $p4, $p18),
         (3, $p4, $p43),
         (5, $p4, $p61),
         (6, $p64, $p65),
         (8, $p64, $p97),
         (10, $p64, $p137),
         (11, $p64, $p161),
         (12, $p64, $p187),
         (12, $p64, $p188),
         (13, $p64, $p201),
         (13, $p64, $p202),
         (14, $p64, $p220),
         (15, $p64, $p240),
         (16, $p64, $p260),
         (17, $p64, $p271),
         (17, $p64, $p272),
         (18, $p64, $p293),
         (23, $p1, $p361),
         (23, $p1, $p363),
         (23, $p4, $p365),
         (24, $p1, $p373),
         (24, $p1, $p375),
         (24, $p1, $p377),
         (24, $p4, $p379),
         (25, $p1, $p388),
         (25, $p1, $p390),
         (25, $p4, $p392),
         (27, $p4, $p401),
         (31, $p1, $p421),
         (31, $p4, $p423),
         (32, $p1, $p432),
         (32, $p1, $p434),
         (32, $p4, $p436),
         (33, $p1, $p446),
         (33, $p4, $p448),
         (35, $p4, $p457)
),
codeset_pattern (codeset_id, vocabulary_id, pattern) AS (
  VALUES (1, $p1, $p3),
         (2, $p15, $p17),
         (23, $p1, $p362),
         (23, $p1, $p364),
         (24, $p1, $p374),
         (24, $p1, $p376),
         (24, $p1, $p378),
         (25, $p1, $p389),
         (25, $p1, $p391),
         (31, $p1, $p422),
         (32, $p1, $p433),
         (32, $p1, $p435),
         (33, $p1, $p447)
),
codeset_name (codeset_id, name) AS (
  VALUES (1, $p5),
         (1, $p6),
         (1, $p7),
         (1, $p8),
         (1, $p9),
         (1, $p10),
         (1, $p11),
         (1, $p12),
         (1, $p13),
         (1, $p14),
         (2, $p18),
         (2, $p19),
         (2, $p20),
         (2, $p21),
         (2, $p22),
         (2, $p23),
         (2, $p24),
         (2, $p25),
         (2, $p26),
         (2, $p27),
         (2, $p28),
         (2, $p29),
         (2, $p30),
         (2, $p31),
         (2, $p32),
         (2, $p33),
         (2, $p34),
         (2, $p35),
         (2, $p36),
         (2, $p37),
         (2, $p38),
         (2, $p39),
         (2, $p40),
         (2, $p41),
         (2, $p42),
         (3, $p43),
         (3, $p44),
         (3, $p45),
         (3, $p46),
         (3, $p47),
         (3, $p48),
         (3, $p49),
         (3, $p50),
         (3, $p51),
         (3, $p52),
         (3, $p53),
         (3, $p54),
         (3, $p55),
         (3, $p56),
         (4, $p57),
         (4, $p58),
         (4, $p59),
         (4, $p60),
         (6, $p65),
         (6, $p66),
         (6, $p67),
         (6, $p68),
         (6, $p69),
         (6, $p70),
         (6, $p71),
         (6, $p72),
         (6, $p73),
         (6, $p74),
         (6, $p75),
         (6, $p76),
         (6, $p77),
         (6, $p78),
         (6, $p79),
         (6, $p80),
         (6, $p81),
         (6, $p82),
         (6, $p83),
         (6, $p84),
         (6, $p85),
         (6, $p86),
         (6, $p87),
         (7, $p92),
         (7, $p93),
         (7, $p94),
         (7, $p95),
         (8, $p97),
         (8, $p98),
         (8, $p99),
         (8, $p100),
         (8, $p101),
         (8, $p102),
         (8, $p103),
         (8, $p104),
         (8, $p105),
         (8, $p106),
         (8, $p107),
         (8, $p108),
         (8, $p109),
         (9, $p111),
         (9, $p112),
         (9, $p113),
         (9, $p114),
         (9, $p115),
         (9, $p116),
         (9, $p117),
         (9, $p118),
         (9, $p119),
         (9, $p120),
         (9, $p121),
         (9, $p122),
         (9, $p123),
         (9, $p124),
         (9, $p125),
         (9, $p126),
         (9, $p127),
         (10, $p137),
         (10, $p138),
         (10, $p139),
         (10, $p140),
         (10, $p141),
         (10, $p142),
         (10, $p143),
         (10, $p144),
         (10, $p145),
         (10, $p146),
         (10, $p147),
         (10, $p148),
         (10, $p149),
         (10, $p150),
         (10, $p151),
         (10, $p152),
         (10, $p153),
         (10, $p154),
         (10, $p155),
         (10, $p156),
         (10, $p157),
         (10, $p158),
         (10, $p159),
         (11, $p161),
         (11, $p162),
         (11, $p163),
         (11, $p164),
         (11, $p165),
         (11, $p166),
         (11, $p167),
         (11, $p168),
         (11, $p169),
         (11, $p170),
         (11, $p171),
         (11, $p172),
         (11, $p173),
         (11, $p174),
         (11, $p175),
         (12, $p187),
         (12, $p188),
         (12, $p189),
         (12, $p190),
         (12, $p191),
         (12, $p192),
         (12, $p193),
         (12, $p194),
         (12, $p195),
         (12, $p196),
         (12, $p197),
         (12, $p198),
         (12, $p199),
         (13, $p201),
         (13, $p202),
         (13, $p203),
         (13, $p204),
         (13, $p205),
         (13, $p206),
         (13, $p207),
         (13, $p208),
         (13, $p209),
         (13, $p210),
         (13, $p211),
         (13, $p212),
         (13, $p213),
         (13, $p214),
         (13, $p215),
         (13, $p216),
         (13, $p217),
         (13, $p218),
         (13, $p219),
         (14, $p220),
         (14, $p221),
         (14, $p222),
         (14, $p223),
         (14, $p224),
         (14, $p225),
         (14, $p226),
         (14, $p227),
         (14, $p228),
         (14, $p229),
         (14, $p230),
         (14, $p231),
         (14, $p232),
         (14, $p233),
         (14, $p234),
         (14, $p235),
         (14, $p236),
         (14, $p237),
         (14, $p238),
         (15, $p240),
         (15, $p241),
         (15, $p242),
         (15, $p243),
         (15, $p244),
         (15, $p245),
         (15, $p246),
         (15, $p247),
         (15, $p248),
         (15, $p249),
         (15, $p250),
         (15, $p251),
         (15, $p252),
         (15, $p253),
         (15, $p254),
         (15, $p255),
         (15, $p256),
         (15, $p257),
         (15, $p258),
         (15, $p259),
         (16, $p260),
         (16, $p261),
         (16, $p262),
         (16, $p263),
         (16, $p264),
         (16, $p265),
         (16, $p266),
         (16, $p267),
         (16, $p268),
         (16, $p269),
         (16, $p270),
         (17, $p271),
         (17, $p272),
         (17, $p273),
         (17, $p274),
         (17, $p275),
         (17, $p276),
         (17, $p277),
         (17, $p278),
         (17, $p279),
         (17, $p280),
         (17, $p281),
         (17, $p282),
         (17, $p283),
         (17, $p284),
         (17, $p285),
         (17, $p286),
         (17, $p287),
         (17, $p288),
         (17, $p289),
         (17, $p290),
         (18, $p293),
         (18, $p294),
         (18, $p295),
         (18, $p296),
         (18, $p297),
         (18, $p298),
         (18, $p299),
         (18, $p300),
         (18, $p301),
         (18, $p302),
         (18, $p303),
         (18, $p304),
         (18, $p305),
         (18, $p306),
         (18, $p307),
         (18, $p308),
         (18, $p309),
         (18, $p310),
         (18, $p311),
         (18, $p312),
         (18, $p313),
         (18, $p314),
         (18, $p315),
         (18, $p316),
         (18, $p317),
         (18, $p318),
         (18, $p319),
         (18, $p320),
         (18, $p321),
         (18, $p322),
         (18, $p323),
         (18, $p324),
         (19, $p327),
         (19, $p328),
         (19, $p329),
         (19, $p330),
         (19, $p331),
         (19, $p332),
         (19, $p333),
         (19, $p334),
         (19, $p335),
         (19, $p336),
         (19, $p337),
         (19, $p338),
         (19, $p339),
         (20, $p341),
         (20, $p342),
         (20, $p343),
         (20, $p344),
         (21, $p346),
         (21, $p347),
         (21, $p348),
         (21, $p349),
         (21, $p350),
         (21, $p351),
         (22, $p352),
         (22, $p353),
         (22, $p354),
         (22, $p355),
         (22, $p356),
         (22, $p357),
         (22, $p358),
         (22, $p359),
         (22, $p360),
         (23, $p365),
         (23, $p366),
         (23, $p367),
         (23, $p368),
         (23, $p369),
         (23, $p370),
         (23, $p371),
         (23, $p372),
         (24, $p379),
         (24, $p380),
         (24, $p381),
         (24, $p382),
         (24, $p383),
         (24, $p384),
         (24, $p385),
         (24, $p386),
         (24, $p387),
         (25, $p392),
         (25, $p393),
         (25, $p394),
         (25, $p395),
         (25, $p396),
         (25, $p397),
         (25, $p398),
         (25, $p399),
         (26, $p400),
         (27, $p401),
         (27, $p24),
         (27, $p402),
         (27, $p403),
         (28, $p404),
         (28, $p405),
         (29, $p44),
         (29, $p406),
         (29, $p407),
         (29, $p51),
         (29, $p52),
         (29, $p408),
         (30, $p409),
         (30, $p410),
         (30, $p411),
         (30, $p412),
         (30, $p413),
         (30, $p414),
         (30, $p415),
         (30, $p416),
         (30, $p417),
         (30, $p418),
         (30, $p419),
         (30, $p420),
         (31, $p423),
         (31, $p424),
         (31, $p425),
         (31, $p426),
         (31, $p427),
         (31, $p428),
         (31, $p429),
         (31, $p430),
         (31, $p431),
         (32, $p436),
         (32, $p437),
         (32, $p438),
         (32, $p439),
         (32, $p440),
         (32, $p441),
         (32, $p442),
         (32, $p443),
         (32, $p444),
         (32, $p445),
         (33, $p448),
         (33, $p449),
         (33, $p450),
         (33, $p451),
         (33, $p452),
         (34, $p453),
         (34, $p454),
         (34, $p455),
         (34, $p456),
         (35, $p457),
         (35, $p458),
         (35, $p459),
         (35, $p460)
),
codeset_seed AS (
  SELECT k.codeset_id, c.concept_id
    FROM codeset_code AS k
    JOIN concept AS c ON c.vocabulary_id = k.vocabulary_id AND c.concept_code = k.concept_code
  UNION
  SELECT k.codeset_id, c.concept_id
    FROM codeset_name AS k
    JOIN concept AS c ON lower(c.concept_name) = k.name
  UNION
  SELECT k.codeset_id, s.concept_id
    FROM codeset_name AS k
    JOIN concept_synonym AS s ON lower(s.concept_synonym_name) = k.name
),
codeset_narrower AS (
  SELECT k.codeset_id, c.concept_id
    FROM codeset_pattern AS k
    JOIN concept AS c ON c.vocabulary_id = k.vocabulary_id
                                 AND replace(c.concept_code, '.', '') LIKE k.pattern
),
codeset_standard AS (
  SELECT seed.codeset_id, c.concept_id
    FROM codeset_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT seed.codeset_id, r.concept_id_2
    FROM codeset_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
codeset AS (
  SELECT codeset_id, concept_id FROM codeset_standard
  UNION
  SELECT st.codeset_id, a.descendant_concept_id
    FROM codeset_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
codeset_source AS (
  SELECT codeset_id, concept_id FROM codeset_seed
  UNION
  SELECT codeset_id, concept_id FROM codeset_narrower
  UNION
  SELECT cs.codeset_id, r.concept_id_1
    FROM codeset AS cs
    JOIN concept_relationship AS r ON r.concept_id_2 = cs.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
codeset_text AS (
  SELECT codeset_id, name AS text FROM codeset_name
  UNION
  SELECT k.codeset_id, lower(c.concept_code)
    FROM (SELECT codeset_id, concept_id FROM codeset
          UNION
          SELECT codeset_id, concept_id FROM codeset_source) AS k
    JOIN concept AS c ON c.concept_id = k.concept_id
  UNION
  SELECT cs.codeset_id, lower(c.concept_name)
    FROM codeset AS cs
    JOIN concept AS c ON c.concept_id = cs.concept_id
  UNION
  SELECT cs.codeset_id, lower(s.concept_synonym_name)
    FROM codeset AS cs
    JOIN concept_synonym AS s ON s.concept_id = cs.concept_id
),
condition_occurrence_hit AS (
  SELECT cs.codeset_id, v.condition_occurrence_id AS row_id
    FROM condition_occurrence AS v
    JOIN codeset AS cs ON cs.concept_id = v.condition_concept_id
  UNION
  SELECT cs.codeset_id, v.condition_occurrence_id
    FROM condition_occurrence AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.condition_source_concept_id
  UNION
  SELECT t.codeset_id, v.condition_occurrence_id
    FROM condition_occurrence AS v
    JOIN codeset_text AS t ON t.text = lower(v.condition_source_value)
   WHERE COALESCE(v.condition_concept_id, 0) = 0
),
drug_exposure_hit AS (
  SELECT cs.codeset_id, v.drug_exposure_id AS row_id
    FROM drug_exposure AS v
    JOIN codeset AS cs ON cs.concept_id = v.drug_concept_id
  UNION
  SELECT cs.codeset_id, v.drug_exposure_id
    FROM drug_exposure AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.drug_source_concept_id
  UNION
  SELECT t.codeset_id, v.drug_exposure_id
    FROM drug_exposure AS v
    JOIN codeset_text AS t ON t.text = lower(v.drug_source_value)
   WHERE COALESCE(v.drug_concept_id, 0) = 0
),
procedure_occurrence_hit AS (
  SELECT cs.codeset_id, v.procedure_occurrence_id AS row_id
    FROM procedure_occurrence AS v
    JOIN codeset AS cs ON cs.concept_id = v.procedure_concept_id
  UNION
  SELECT cs.codeset_id, v.procedure_occurrence_id
    FROM procedure_occurrence AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.procedure_source_concept_id
  UNION
  SELECT t.codeset_id, v.procedure_occurrence_id
    FROM procedure_occurrence AS v
    JOIN codeset_text AS t ON t.text = lower(v.procedure_source_value)
   WHERE COALESCE(v.procedure_concept_id, 0) = 0
),
observation_hit AS (
  SELECT cs.codeset_id, v.observation_id AS row_id
    FROM observation AS v
    JOIN codeset AS cs ON cs.concept_id = v.observation_concept_id
  UNION
  SELECT cs.codeset_id, v.observation_id
    FROM observation AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.observation_source_concept_id
  UNION
  SELECT t.codeset_id, v.observation_id
    FROM observation AS v
    JOIN codeset_text AS t ON t.text = lower(v.observation_source_value)
   WHERE COALESCE(v.observation_concept_id, 0) = 0
),
measurement_hit AS (
  SELECT cs.codeset_id, v.measurement_id AS row_id
    FROM measurement AS v
    JOIN codeset AS cs ON cs.concept_id = v.measurement_concept_id
  UNION
  SELECT cs.codeset_id, v.measurement_id
    FROM measurement AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.measurement_source_concept_id
  UNION
  SELECT t.codeset_id, v.measurement_id
    FROM measurement AS v
    JOIN codeset_text AS t ON t.text = lower(v.measurement_source_value)
   WHERE COALESCE(v.measurement_concept_id, 0) = 0
),
a1 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 1) AS e
   GROUP BY e.person_id
),
a2 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.drug_exposure_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
            FROM drug_exposure AS v
            JOIN drug_exposure_hit AS h ON h.row_id = v.drug_exposure_id
           WHERE h.codeset_id = 2) AS e
   GROUP BY e.person_id
),
a3 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.drug_exposure_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
            FROM drug_exposure AS v
            JOIN drug_exposure_hit AS h ON h.row_id = v.drug_exposure_id
           WHERE h.codeset_id = 3) AS e
   GROUP BY e.person_id
),
a4 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 4
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.procedure_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
            FROM procedure_occurrence AS v
            JOIN procedure_occurrence_hit AS h ON h.row_id = v.procedure_occurrence_id
           WHERE h.codeset_id = 4
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.observation_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 CASE WHEN v.value_as_concept_id IN (SELECT concept_id FROM codeset WHERE codeset_id = 5)
                        OR lower(v.value_as_string) IN ($p62, $p63)
                      THEN 1 ELSE 0 END AS negative,
                 v.observation_date - v.observation_date AS days
            FROM observation AS v
            JOIN observation_hit AS h ON h.row_id = v.observation_id
           WHERE h.codeset_id = 4
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.measurement_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 v.measurement_date - v.measurement_date AS days
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
           WHERE h.codeset_id = 4) AS e
   GROUP BY e.person_id
),
a5 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 6
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a6 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 7) AS e
   GROUP BY e.person_id
),
a7 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p96 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p96 THEN $p89
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 8
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a8 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p96 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p96 THEN $p89
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 9
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a9 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p129 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p130 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p131 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p132 THEN $p133
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p134 THEN $p133
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p135 THEN $p136
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p129 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p130 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p131 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p132 THEN $p133
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p134 THEN $p133
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p135 THEN $p136
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 10
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a10 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p129 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p130 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p131 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p132 THEN $p133
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p134 THEN $p133
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p135 THEN $p136
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p129 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p130 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p131 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p132 THEN $p133
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p134 THEN $p133
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p135 THEN $p136
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 11
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a11 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p177 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p178 THEN $p179
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p180 THEN $p133
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p181 THEN $p182
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p183 THEN $p184
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p185 THEN $p186
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p177 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p178 THEN $p179
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p180 THEN $p133
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p181 THEN $p182
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p183 THEN $p184
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p185 THEN $p186
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 12
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a12 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number / NULLIF(v.range_high, 0) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 13
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a13 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number / NULLIF(v.range_high, 0) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 14
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a14 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number / NULLIF(v.range_high, 0) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 15
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a15 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number / NULLIF(v.range_high, 0) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 16
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a16 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number / NULLIF(v.range_high, 0) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 17
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a17 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p291 THEN $p89
                                                        WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p292 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p291 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p292 THEN $p89
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 18
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a18 AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p326 THEN $p89
                                                        WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p326 THEN $p89
                                                   END) AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.measurement_date DESC, v.measurement_id DESC) AS recency
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = 19
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p88 AS INTEGER))) AS ranked
   WHERE ranked.recency = 1
),
a19 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 20
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.procedure_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
            FROM procedure_occurrence AS v
            JOIN procedure_occurrence_hit AS h ON h.row_id = v.procedure_occurrence_id
           WHERE h.codeset_id = 20
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.observation_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 CASE WHEN v.value_as_concept_id IN (SELECT concept_id FROM codeset WHERE codeset_id = 5)
                        OR lower(v.value_as_string) IN ($p62, $p63)
                      THEN 1 ELSE 0 END AS negative,
                 v.observation_date - v.observation_date AS days
            FROM observation AS v
            JOIN observation_hit AS h ON h.row_id = v.observation_id
           WHERE h.codeset_id = 20
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.measurement_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 v.measurement_date - v.measurement_date AS days
            FROM measurement AS v
            JOIN measurement_hit AS h ON h.row_id = v.measurement_id
           WHERE h.codeset_id = 20) AS e
   GROUP BY e.person_id
),
a20 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN (v.drug_exposure_start_date <= CAST($index_date AS DATE)
                            AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST($index_date AS DATE) - CAST($p345 AS INTEGER)) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
            FROM drug_exposure AS v
            JOIN drug_exposure_hit AS h ON h.row_id = v.drug_exposure_id
           WHERE h.codeset_id = 2) AS e
   GROUP BY e.person_id
),
a21 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.procedure_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
            FROM procedure_occurrence AS v
            JOIN procedure_occurrence_hit AS h ON h.row_id = v.procedure_occurrence_id
           WHERE h.codeset_id = 21) AS e
   GROUP BY e.person_id
),
a22 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.procedure_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
            FROM procedure_occurrence AS v
            JOIN procedure_occurrence_hit AS h ON h.row_id = v.procedure_occurrence_id
           WHERE h.codeset_id = 22) AS e
   GROUP BY e.person_id
),
a23 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 23) AS e
   GROUP BY e.person_id
),
a24 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 24) AS e
   GROUP BY e.person_id
),
a25 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 25) AS e
   GROUP BY e.person_id
),
a26 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 26
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.observation_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 CASE WHEN v.value_as_concept_id IN (SELECT concept_id FROM codeset WHERE codeset_id = 5)
                        OR lower(v.value_as_string) IN ($p62, $p63)
                      THEN 1 ELSE 0 END AS negative,
                 v.observation_date - v.observation_date AS days
            FROM observation AS v
            JOIN observation_hit AS h ON h.row_id = v.observation_id
           WHERE h.codeset_id = 27) AS e
   GROUP BY e.person_id
),
a27 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 28
          UNION ALL
          SELECT v.person_id,
                 CASE WHEN v.observation_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 CASE WHEN v.value_as_concept_id IN (SELECT concept_id FROM codeset WHERE codeset_id = 5)
                        OR lower(v.value_as_string) IN ($p62, $p63)
                      THEN 1 ELSE 0 END AS negative,
                 v.observation_date - v.observation_date AS days
            FROM observation AS v
            JOIN observation_hit AS h ON h.row_id = v.observation_id
           WHERE h.codeset_id = 29) AS e
   GROUP BY e.person_id
),
a28 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.procedure_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
            FROM procedure_occurrence AS v
            JOIN procedure_occurrence_hit AS h ON h.row_id = v.procedure_occurrence_id
           WHERE h.codeset_id = 30) AS e
   GROUP BY e.person_id
),
a29 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 31) AS e
   GROUP BY e.person_id
),
a30 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 32) AS e
   GROUP BY e.person_id
),
a31 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 33) AS e
   GROUP BY e.person_id
),
a32 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 34) AS e
   GROUP BY e.person_id
),
a33 AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         0 AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (SELECT v.person_id,
                 CASE WHEN v.condition_start_date <= CAST($index_date AS DATE) THEN 1 ELSE 0 END AS in_period,
                 0 AS negative,
                 COALESCE(v.condition_end_date, CAST($index_date AS DATE)) - v.condition_start_date AS days
            FROM condition_occurrence AS v
            JOIN condition_occurrence_hit AS h ON h.row_id = v.condition_occurrence_id
           WHERE h.codeset_id = 35) AS e
   GROUP BY e.person_id
)
SELECT p.person_id
  FROM person AS p
  LEFT JOIN a1 ON a1.person_id = p.person_id
  LEFT JOIN a2 ON a2.person_id = p.person_id
  LEFT JOIN a3 ON a3.person_id = p.person_id
  LEFT JOIN a4 ON a4.person_id = p.person_id
  LEFT JOIN a5 ON a5.person_id = p.person_id
  LEFT JOIN a6 ON a6.person_id = p.person_id
  LEFT JOIN a7 ON a7.person_id = p.person_id
  LEFT JOIN a8 ON a8.person_id = p.person_id
  LEFT JOIN a9 ON a9.person_id = p.person_id
  LEFT JOIN a10 ON a10.person_id = p.person_id
  LEFT JOIN a11 ON a11.person_id = p.person_id
  LEFT JOIN a12 ON a12.person_id = p.person_id
  LEFT JOIN a13 ON a13.person_id = p.person_id
  LEFT JOIN a14 ON a14.person_id = p.person_id
  LEFT JOIN a15 ON a15.person_id = p.person_id
  LEFT JOIN a16 ON a16.person_id = p.person_id
  LEFT JOIN a17 ON a17.person_id = p.person_id
  LEFT JOIN a18 ON a18.person_id = p.person_id
  LEFT JOIN a19 ON a19.person_id = p.person_id
  LEFT JOIN a20 ON a20.person_id = p.person_id
  LEFT JOIN a21 ON a21.person_id = p.person_id
  LEFT JOIN a22 ON a22.person_id = p.person_id
  LEFT JOIN a23 ON a23.person_id = p.person_id
  LEFT JOIN a24 ON a24.person_id = p.person_id
  LEFT JOIN a25 ON a25.person_id = p.person_id
  LEFT JOIN a26 ON a26.person_id = p.person_id
  LEFT JOIN a27 ON a27.person_id = p.person_id
  LEFT JOIN a28 ON a28.person_id = p.person_id
  LEFT JOIN a29 ON a29.person_id = p.person_id
  LEFT JOIN a30 ON a30.person_id = p.person_id
  LEFT JOIN a31 ON a31.person_id = p.person_id
  LEFT JOIN a32 ON a32.person_id = p.person_id
  LEFT JOIN a33 ON a33.person_id = p.person_id
 WHERE -- inc-1: Histologically confirmed metastatic or relapsed malignant melanoma
       (CASE WHEN a1.n > 0 THEN TRUE
             WHEN a1.negatives > 0 THEN FALSE
             ELSE FALSE END)
   AND -- inc-2: Patients who received prior chemotherapy or immunotherapy
       ((CASE WHEN a2.n > 0 THEN TRUE
              WHEN a2.negatives > 0 THEN FALSE
              ELSE FALSE END)
        OR (CASE WHEN a3.n > 0 THEN TRUE
                 WHEN a3.negatives > 0 THEN FALSE
                 ELSE FALSE END))
   AND -- inc-3: Patients who have at least one haploidentical donor willing to donate
       (CASE WHEN a4.n > 0 THEN TRUE
             WHEN a4.negatives > 0 THEN FALSE
             ELSE CAST(NULL AS BOOLEAN) END)
   AND -- inc-4: ECOG performance status 0 or 1
       (a5.value <= $p89)
   AND -- inc-5: 18 - 75 years
       (((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
           - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                       < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                  THEN 1 ELSE 0 END) >= $p90)
        AND ((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
               - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                           < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                      THEN 1 ELSE 0 END) <= $p91))
   AND -- inc-6: At least one measurable disease according to the RECIST criteria
       (CASE WHEN a6.n > 0 THEN TRUE
             WHEN a6.negatives > 0 THEN FALSE
             ELSE FALSE END)
   AND -- inc-7: Patients with 45% or more left ventricular ejection fraction
       (a7.value >= $p110)
   AND -- inc-8: Patients with 50% or more predicted DLCO
       (a8.value >= $p128)
   AND -- inc-9: Adequate bone marrow function: absolute neutrophil count ≥ 1.5 x 109/L; platelet count ≥ 100 x 109/L; and hemoglobin ≥ 9 g/dL
       ((a9.value >= $p160)
        AND (a10.value >= $p176)
        AND (a11.value >= $p200))
   AND -- inc-10: Adequate liver function: total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN; and alkaline phosphatase ≤ 2.5 x ULN
       ((a12.value <= $p89)
        AND ((a13.value <= $p239)
             AND (a14.value <= $p239))
        AND (a15.value <= $p239))
   AND -- inc-11: Adequate renal function: serum creatinine ≤ 1.0 x ULN or creatinine clearance ≥ 60 mL/min/1.73m2
       ((a16.value <= $p89)
        OR (a17.value >= $p325))
   AND -- inc-12: At least 3 months of expected survival
       (a18.value >= $p340)
   AND -- inc-13: Patients who signed informed consent
       (CASE WHEN a19.n > 0 THEN TRUE
             WHEN a19.negatives > 0 THEN FALSE
             ELSE CAST(NULL AS BOOLEAN) END)
   AND NOT (-- exc-1: Patients who received other chemotherapeutic agents within 30 days prior to study enrollment
             (CASE WHEN a20.n > 0 THEN TRUE
                   WHEN a20.negatives > 0 THEN FALSE
                   ELSE FALSE END)
          OR -- exc-2: Patients who received adoptive cell therapy including hematopoietic stem cell transplantation
             ((CASE WHEN a21.n > 0 THEN TRUE
                    WHEN a21.negatives > 0 THEN FALSE
                    ELSE FALSE END)
              OR (CASE WHEN a22.n > 0 THEN TRUE
                       WHEN a22.negatives > 0 THEN FALSE
                       ELSE FALSE END))
          OR -- exc-3: Patients infected with HIV, HBV, or HCV
             ((CASE WHEN a23.n > 0 THEN TRUE
                    WHEN a23.negatives > 0 THEN FALSE
                    ELSE FALSE END)
              OR (CASE WHEN a24.n > 0 THEN TRUE
                       WHEN a24.negatives > 0 THEN FALSE
                       ELSE FALSE END)
              OR (CASE WHEN a25.n > 0 THEN TRUE
                       WHEN a25.negatives > 0 THEN FALSE
                       ELSE FALSE END))
          OR -- exc-4: Hypersensitivity to cyclophosphamide or interleukin-2
             ((CASE WHEN a26.n > 0 THEN TRUE
                    WHEN a26.negatives > 0 THEN FALSE
                    ELSE FALSE END)
              OR (CASE WHEN a27.n > 0 THEN TRUE
                       WHEN a27.negatives > 0 THEN FALSE
                       ELSE FALSE END))
          OR -- exc-5: Patients who received organ transplantation
             (CASE WHEN a28.n > 0 THEN TRUE
                   WHEN a28.negatives > 0 THEN FALSE
                   ELSE FALSE END)
          OR -- exc-6: Patients who had arrhythmia or ischemic heart disease
             ((CASE WHEN a29.n > 0 THEN TRUE
                    WHEN a29.negatives > 0 THEN FALSE
                    ELSE FALSE END)
              OR (CASE WHEN a30.n > 0 THEN TRUE
                       WHEN a30.negatives > 0 THEN FALSE
                       ELSE FALSE END))
          OR -- exc-7: Pregnant or lactating women
             ((CASE WHEN a31.n > 0 THEN TRUE
                    WHEN a31.negatives > 0 THEN FALSE
                    ELSE FALSE END)
              OR (CASE WHEN a32.n > 0 THEN TRUE
                       WHEN a32.negatives > 0 THEN FALSE
                       ELSE FALSE END))
          OR -- exc-8: Patients with uncontrolled infection who did not respond to appropriate antimicrobial agents
             (CASE WHEN a33.n > 0 THEN TRUE
                   WHEN a33.negatives > 0 THEN FALSE
                   ELSE FALSE END)
       )
 ORDER BY p.person_id

