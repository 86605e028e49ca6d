-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written %(name)s (psycopg). Bind at run time:
--   %(index_date)s: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "ICD10CM", "p2": "C43%", "p3": "SNOMED", "p4": "372244006", "p5": "acral melanoma", "p6": "c43", "p7": "cutaneous melanoma", "p8": "malignant melanoma", "p9": "melanoma", "p10": "metastatic malignant melanoma", "p11": "metastatic melanoma", "p12": "mucosal melanoma", "p13": "relapsed melanoma", "p14": "ATC", "p15": "L01%", "p16": "367336001", "p17": "antineoplastic chemotherapy", "p18": "carboplatin", "p19": "chemotherapeutic agent", "p20": "chemotherapy", "p21": "cisplatin", "p22": "cyclophosphamide", "p23": "cytotoxic agent", "p24": "cytotoxic chemotherapy", "p25": "dacarbazine", "p26": "docetaxel", "p27": "doxorubicin", "p28": "etoposide", "p29": "fludarabine", "p30": "fluorouracil", "p31": "fotemustine", "p32": "gemcitabine", "p33": "l01", "p34": "nab paclitaxel", "p35": "nab-paclitaxel", "p36": "oxaliplatin", "p37": "paclitaxel", "p38": "temozolomide", "p39": "vinblastine", "p40": "vincristine", "p41": "76334006", "p42": "aldesleukin", "p43": "cancer immunotherapy", "p44": "high dose interleukin 2", "p45": "high-dose interleukin-2", "p46": "immune therapy", "p47": "immunotherapy", "p48": "interferon alfa", "p49": "interleukin 2", "p50": "interleukin-2", "p51": "ipilimumab", "p52": "nivolumab", "p53": "pembrolizumab", "p54": "relatlimab", "p55": "haploidentical donor", "p56": "haploidentical donor available", "p57": "haploidentical family donor", "p58": "willing haploidentical donor", "p59": "LOINC", "p60": "89247-1", "p61": "calgb performance status", "p62": "cancer and leukemia group b performance status", "p63": "eastern cooperative oncology group", "p64": "eastern cooperative oncology group performance status", "p65": "eastern cooperative oncology group performance status score", "p66": "eastern cooperative oncology group score", "p67": "ecog", "p68": "ecog performance status", "p69": "ecog ps", "p70": "ecog score", "p71": "ecog scores", "p72": "ecog status", "p73": "ecog-ps", "p74": "gog performance status", "p75": "gynecologic oncology group performance status", "p76": "performance status", "p77": "ps", "p78": "who performance status", "p79": "who ps", "p80": "zubrod", "p81": "zubrod performance status", "p82": "zubrod score", "p83": 90, "p84": 1, "p85": 18, "p86": 75, "p87": "measurable disease", "p88": "measurable disease per recist", "p89": "measurable lesion", "p90": "recist measurable disease", "p91": "%", "p92": "10230-1", "p93": "ef", "p94": "eject fraction", "p95": "ejection fraction", "p96": "left ventricle ejection fraction", "p97": "left ventricular ef", "p98": "left ventricular ejection fraction", "p99": "lv ef", "p100": "lv ejection fraction", "p101": "lvef", "p102": "lvef%", "p103": "ventricular ef", "p104": "ventricular ejection fraction", "p105": 45, "p106": "carbon monoxide diffusing capacity", "p107": "diffusing capacity", "p108": "diffusing capacity for carbon monoxide", "p109": "diffusing capacity of the lung for carbon monoxide", "p110": "diffusion capacity", "p111": "diffusion capacity for carbon monoxide", "p112": "dlco", "p113": "dlco % predicted", "p114": "dlco %pred", "p115": "dlco adjusted for hemoglobin", "p116": "dlco corrected for hemoglobin", "p117": "dlco percent predicted", "p118": "dlco pred", "p119": "dlco predicted", "p120": "dlco% predicted", "p121": "predicted dlco", "p122": "tlco", "p123": 50, "p124": "10*9/L", "p125": "10*3/uL", "p126": "10*3/mm3", "p127": "/uL", "p128": 0.001, "p129": "/mm3", "p130": "10*6/uL", "p131": 1000, "p132": "751-8", "p133": "absolute granulocyte", "p134": "absolute granulocyte count", "p135": "absolute granulocytes", "p136": "absolute neutrophil", "p137": "absolute neutrophil count", "p138": "absolute neutrophil counts", "p139": "absolute neutrophils", "p140": "agc", "p141": "anc", "p142": "granulocyte", "p143": "granulocyte count", "p144": "granulocytes", "p145": "hematologic anc", "p146": "neutrophil", "p147": "neutrophil count", "p148": "neutrophil counts", "p149": "neutrophils", "p150": "pmn count", "p151": "polymorphonuclear neutrophil", "p152": "polymorphonuclear neutrophils", "p153": "segmented neutrophil band", "p154": "segmented neutrophils + bands", "p155": 1.5, "p156": "777-3", "p157": "blood platelet", "p158": "blood platelet count", "p159": "blood platelets", "p160": "platelet", "p161": "platelet count", "p162": "platelet counts", "p163": "platelets", "p164": "platelets count", "p165": "plt", "p166": "plt count", "p167": "plts", "p168": "thrombocyte", "p169": "thrombocyte count", "p170": "thrombocytes", "p171": 100, "p172": "g/dL", "p173": "g/L", "p174": 0.1, "p175": "mg/dL", "p176": "mg/L", "p177": 0.0001, "p178": "mmol/L", "p179": 1.6114, "p180": "umol/L", "p181": 0.0016114, "p182": "59260-0", "p183": "718-7", "p184": "blood hemoglobin", "p185": "haemoglobin", "p186": "haemoglobin concentration", "p187": "hb", "p188": "hb concentration", "p189": "hemaglobin", "p190": "hemoglobin", "p191": "hemoglobin concentration", "p192": "hgb", "p193": "serum haemoglobin", "p194": "serum hemoglobin", "p195": 9, "p196": "14631-6", "p197": "1975-2", "p198": "bili", "p199": "bilirubin", "p200": "bilirubin total", "p201": "birilubin", "p202": "blood bilirubin", "p203": "plasma bilirubin", "p204": "serum bilirubin", "p205": "serum total bilirubin", "p206": "t bil", "p207": "t bili", "p208": "t-bil", "p209": "t.bili", "p210": "tbil", "p211": "tbili", "p212": "total bili", "p213": "total bilirubin", "p214": "total serum bilirubin", "p215": "1920-8", "p216": "asat", "p217": "aspartase aminotransferase", "p218": "aspartate amino transferase", "p219": "aspartate aminotransferase", "p220": "aspartate transaminase", "p221": "aspartate-aminotransferase", "p222": "ast", "p223": "glutamic oxalacetic transaminase", "p224": "glutamic oxaloacetic transaminase", "p225": "glutamic-oxalacetic transaminase", "p226": "serum aspartate aminotransferase", "p227": "serum aspartate transaminase", "p228": "serum ast", "p229": "serum glutamic oxaloacetic transaminase", "p230": "serum glutamic-oxaloacetic transaminase", "p231": "serum sgot", "p232": "sgot", "p233": "spartate aminotransferase", "p234": 2.5, "p235": "1742-6", "p236": "alanine amino transferase", "p237": "alanine aminotransaminase", "p238": "alanine aminotransferase", "p239": "alanine transaminase", "p240": "alanine-aminotransferase", "p241": "alat", "p242": "alt", "p243": "glutamic pyruvic transaminase", "p244": "glutamic-pyruvic transaminase", "p245": "gpt", "p246": "serum alanine aminotransferase", "p247": "serum alanine transaminase", "p248": "serum alt", "p249": "serum glutamate pyruvate transaminase", "p250": "serum glutamic pyruvic transaminase", "p251": "serum glutamic-pyruvic transaminase", "p252": "serum gpt", "p253": "serum sgpt", "p254": "sgpt", "p255": "6768-6", "p256": "alk pho", "p257": "alk phos", "p258": "alkalic phosphatase", "p259": "alkaline phosphatase", "p260": "alkaline phosphatases", "p261": "alkpho", "p262": "alkphos", "p263": "alp", "p264": "ap", "p265": "serum alkaline phosphatase", "p266": "14682-9", "p267": "2160-0", "p268": "blood creatinine", "p269": "cr", "p270": "creat", "p271": "creatinen", "p272": "creatinin", "p273": "creatinine", "p274": "creatinine serum", "p275": "increase in s creatinine", "p276": "increase in s-creatinine", "p277": "plasma creatinine", "p278": "s cr", "p279": "s creatinine", "p280": "s-cr", "p281": "s-creatinine", "p282": "scr", "p283": "serum cr", "p284": "serum creatinine", "p285": "serum creatinine concentration", "p286": "mL/min/{1.73_m2}", "p287": "mL/min", "p288": "2164-2", "p289": "24 hour creatinine clearance", "p290": "24 hour urinary creatinine clearance", "p291": "24 hour urine creatinine clearance", "p292": "24-hour creatinine clearance", "p293": "24-hour urinary creatinine clearance", "p294": "24-hour urine creatinine clearance", "p295": "calculated crcl", "p296": "calculated creatinine clearance", "p297": "ccr", "p298": "cl cr", "p299": "clcr", "p300": "clearance creatinine", "p301": "cockcroft gault", "p302": "cockcroft gault creatinine clearance", "p303": "cockcroft gault formula", "p304": "cockcroft-gault", "p305": "cockcroft-gault creatinine clearance", "p306": "cockcroft-gault formula", "p307": "cr cl", "p308": "crcl", "p309": "creatinin clearance", "p310": "creatinine clearance", "p311": "creatinine clearance rate", "p312": "endogenous creatinine clearance", "p313": "estimated crcl", "p314": "estimated creatinine clearance", "p315": "measured creatinine clearance", "p316": "renal clearance", "p317": "serum creatinine clearance", "p318": 60, "p319": "mo", "p320": "anticipated life expectancy", "p321": "anticipated survival", "p322": "estimated life expectancy", "p323": "estimated survival", "p324": "expected life expectancy", "p325": "expected survival", "p326": "expected survival time", "p327": "life expectancy", "p328": "life expectation", "p329": "predicted life expectancy", "p330": "predicted survival", "p331": "projected survival", "p332": "survival expectancy", "p333": 3, "p334": "informed consent", "p335": "informed consent signed", "p336": "signed informed consent", "p337": "written informed consent", "p338": 30, "p339": "adoptive cell therapy", "p340": "adoptive cell transfer", "p341": "adoptive cellular therapy", "p342": "car t cell therapy", "p343": "til therapy", "p344": "tumor infiltrating lymphocyte therapy", "p345": "allogeneic stem cell transplantation", "p346": "autologous stem cell transplantation", "p347": "bone marrow transplant", "p348": "bone marrow transplantation", "p349": "hematopoietic stem cell transplant", "p350": "hematopoietic stem cell transplantation", "p351": "hsct", "p352": "stem cell transplant", "p353": "stem cell transplantation", "p354": "B20%", "p355": "Z21%", "p356": "86406008", "p357": "b20", "p358": "hiv", "p359": "hiv disease", "p360": "hiv infection", "p361": "hiv positive", "p362": "human immunodeficiency virus infection", "p363": "z21", "p364": "B16%", "p365": "B180%", "p366": "B181%", "p367": "66071002", "p368": "b16", "p369": "b18.0", "p370": "b18.1", "p371": "chronic hepatitis b", "p372": "hbv", "p373": "hbv infection", "p374": "hepatitis b", "p375": "hepatitis b virus infection", "p376": "B171%", "p377": "B182%", "p378": "50711007", "p379": "b17.1", "p380": "b18.2", "p381": "chronic hepatitis c", "p382": "hcv", "p383": "hcv infection", "p384": "hepatitis c", "p385": "hepatitis c virus infection", "p386": "hypersensitivity to cyclophosphamide", "p387": "387420009", "p388": "cytoxan", "p389": "endoxan", "p390": "hypersensitivity to interleukin 2", "p391": "hypersensitivity to interleukin-2", "p392": "il 2", "p393": "il-2", "p394": "proleukin", "p395": "heart transplant", "p396": "heart transplantation", "p397": "kidney transplant", "p398": "kidney transplantation", "p399": "liver transplant", "p400": "liver transplantation", "p401": "lung transplant", "p402": "lung transplantation", "p403": "organ transplant", "p404": "organ transplantation", "p405": "solid organ transplant", "p406": "solid organ transplantation", "p407": "I499%", "p408": "698247007", "p409": "arrhythmia", "p410": "atrial fibrillation", "p411": "atrial flutter", "p412": "cardiac arrhythmia", "p413": "dysrhythmia", "p414": "i49.9", "p415": "ventricular fibrillation", "p416": "ventricular tachycardia", "p417": "I251%", "p418": "I259%", "p419": "414545008", "p420": "angina pectoris", "p421": "coronary artery disease", "p422": "coronary heart disease", "p423": "i25.1", "p424": "i25.9", "p425": "ischaemic heart disease", "p426": "ischemic heart disease", "p427": "myocardial infarction", "p428": "unstable angina", "p429": "Z331%", "p430": "77386006", "p431": "pregnancy", "p432": "pregnancy state", "p433": "pregnant", "p434": "z33.1", "p435": "breast feeding", "p436": "breastfeeding", "p437": "lactating", "p438": "lactation", "p439": "40733004", "p440": "active infection", "p441": "infection", "p442": "uncontrolled infection"}
WITH codeset_code(codeset_id, vocabulary_id, concept_code) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p3)s, %(p4)s),
    (2, %(p3)s, %(p16)s),
    (3, %(p3)s, %(p41)s),
    (5, %(p59)s, %(p60)s),
    (7, %(p59)s, %(p92)s),
    (9, %(p59)s, %(p132)s),
    (10, %(p59)s, %(p156)s),
    (11, %(p59)s, %(p182)s),
    (11, %(p59)s, %(p183)s),
    (12, %(p59)s, %(p196)s),
    (12, %(p59)s, %(p197)s),
    (13, %(p59)s, %(p215)s),
    (14, %(p59)s, %(p235)s),
    (15, %(p59)s, %(p255)s),
    (16, %(p59)s, %(p266)s),
    (16, %(p59)s, %(p267)s),
    (17, %(p59)s, %(p288)s),
    (22, %(p3)s, %(p356)s),
    (23, %(p3)s, %(p367)s),
    (24, %(p3)s, %(p378)s),
    (26, %(p3)s, %(p387)s),
    (30, %(p3)s, %(p408)s),
    (31, %(p3)s, %(p419)s),
    (32, %(p3)s, %(p430)s),
    (34, %(p3)s, %(p439)s)) AS _values
), codeset_pattern(codeset_id, vocabulary_id, pattern) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p1)s, %(p2)s),
    (2, %(p14)s, %(p15)s),
    (22, %(p1)s, %(p354)s),
    (22, %(p1)s, %(p355)s),
    (23, %(p1)s, %(p364)s),
    (23, %(p1)s, %(p365)s),
    (23, %(p1)s, %(p366)s),
    (24, %(p1)s, %(p376)s),
    (24, %(p1)s, %(p377)s),
    (30, %(p1)s, %(p407)s),
    (31, %(p1)s, %(p417)s),
    (31, %(p1)s, %(p418)s),
    (32, %(p1)s, %(p429)s)) AS _values
), codeset_name(codeset_id, name) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p4)s),
    (1, %(p5)s),
    (1, %(p6)s),
    (1, %(p7)s),
    (1, %(p8)s),
    (1, %(p9)s),
    (1, %(p10)s),
    (1, %(p11)s),
    (1, %(p12)s),
    (1, %(p13)s),
    (2, %(p16)s),
    (2, %(p17)s),
    (2, %(p18)s),
    (2, %(p19)s),
    (2, %(p20)s),
    (2, %(p21)s),
    (2, %(p22)s),
    (2, %(p23)s),
    (2, %(p24)s),
    (2, %(p25)s),
    (2, %(p26)s),
    (2, %(p27)s),
    (2, %(p28)s),
    (2, %(p29)s),
    (2, %(p30)s),
    (2, %(p31)s),
    (2, %(p32)s),
    (2, %(p33)s),
    (2, %(p34)s),
    (2, %(p35)s),
    (2, %(p36)s),
    (2, %(p37)s),
    (2, %(p38)s),
    (2, %(p39)s),
    (2, %(p40)s),
    (3, %(p41)s),
    (3, %(p42)s),
    (3, %(p43)s),
    (3, %(p44)s),
    (3, %(p45)s),
    (3, %(p46)s),
    (3, %(p47)s),
    (3, %(p48)s),
    (3, %(p49)s),
    (3, %(p50)s),
    (3, %(p51)s),
    (3, %(p52)s),
    (3, %(p53)s),
    (3, %(p54)s),
    (4, %(p55)s),
    (4, %(p56)s),
    (4, %(p57)s),
    (4, %(p58)s),
    (5, %(p60)s),
    (5, %(p61)s),
    (5, %(p62)s),
    (5, %(p63)s),
    (5, %(p64)s),
    (5, %(p65)s),
    (5, %(p66)s),
    (5, %(p67)s),
    (5, %(p68)s),
    (5, %(p69)s),
    (5, %(p70)s),
    (5, %(p71)s),
    (5, %(p72)s),
    (5, %(p73)s),
    (5, %(p74)s),
    (5, %(p75)s),
    (5, %(p76)s),
    (5, %(p77)s),
    (5, %(p78)s),
    (5, %(p79)s),
    (5, %(p80)s),
    (5, %(p81)s),
    (5, %(p82)s),
    (6, %(p87)s),
    (6, %(p88)s),
    (6, %(p89)s),
    (6, %(p90)s),
    (7, %(p92)s),
    (7, %(p93)s),
    (7, %(p94)s),
    (7, %(p95)s),
    (7, %(p96)s),
    (7, %(p97)s),
    (7, %(p98)s),
    (7, %(p99)s),
    (7, %(p100)s),
    (7, %(p101)s),
    (7, %(p102)s),
    (7, %(p103)s),
    (7, %(p104)s),
    (8, %(p106)s),
    (8, %(p107)s),
    (8, %(p108)s),
    (8, %(p109)s),
    (8, %(p110)s),
    (8, %(p111)s),
    (8, %(p112)s),
    (8, %(p113)s),
    (8, %(p114)s),
    (8, %(p115)s),
    (8, %(p116)s),
    (8, %(p117)s),
    (8, %(p118)s),
    (8, %(p119)s),
    (8, %(p120)s),
    (8, %(p121)s),
    (8, %(p122)s),
    (9, %(p132)s),
    (9, %(p133)s),
    (9, %(p134)s),
    (9, %(p135)s),
    (9, %(p136)s),
    (9, %(p137)s),
    (9, %(p138)s),
    (9, %(p139)s),
    (9, %(p140)s),
    (9, %(p141)s),
    (9, %(p142)s),
    (9, %(p143)s),
    (9, %(p144)s),
    (9, %(p145)s),
    (9, %(p146)s),
    (9, %(p147)s),
    (9, %(p148)s),
    (9, %(p149)s),
    (9, %(p150)s),
    (9, %(p151)s),
    (9, %(p152)s),
    (9, %(p153)s),
    (9, %(p154)s),
    (10, %(p156)s),
    (10, %(p157)s),
    (10, %(p158)s),
    (10, %(p159)s),
    (10, %(p160)s),
    (10, %(p161)s),
    (10, %(p162)s),
    (10, %(p163)s),
    (10, %(p164)s),
    (10, %(p165)s),
    (10, %(p166)s),
    (10, %(p167)s),
    (10, %(p168)s),
    (10, %(p169)s),
    (10, %(p170)s),
    (11, %(p182)s),
    (11, %(p183)s),
    (11, %(p184)s),
    (11, %(p185)s),
    (11, %(p186)s),
    (11, %(p187)s),
    (11, %(p188)s),
    (11, %(p189)s),
    (11, %(p190)s),
    (11, %(p191)s),
    (11, %(p192)s),
    (11, %(p193)s),
    (11, %(p194)s),
    (12, %(p196)s),
    (12, %(p197)s),
    (12, %(p198)s),
    (12, %(p199)s),
    (12, %(p200)s),
    (12, %(p201)s),
    (12, %(p202)s),
    (12, %(p203)s),
    (12, %(p204)s),
    (12, %(p205)s),
    (12, %(p206)s),
    (12, %(p207)s),
    (12, %(p208)s),
    (12, %(p209)s),
    (12, %(p210)s),
    (12, %(p211)s),
    (12, %(p212)s),
    (12, %(p213)s),
    (12, %(p214)s),
    (13, %(p215)s),
    (13, %(p216)s),
    (13, %(p217)s),
    (13, %(p218)s),
    (13, %(p219)s),
    (13, %(p220)s),
    (13, %(p221)s),
    (13, %(p222)s),
    (13, %(p223)s),
    (13, %(p224)s),
    (13, %(p225)s),
    (13, %(p226)s),
    (13, %(p227)s),
    (13, %(p228)s),
    (13, %(p229)s),
    (13, %(p230)s),
    (13, %(p231)s),
    (13, %(p232)s),
    (13, %(p233)s),
    (14, %(p235)s),
    (14, %(p236)s),
    (14, %(p237)s),
    (14, %(p238)s),
    (14, %(p239)s),
    (14, %(p240)s),
    (14, %(p241)s),
    (14, %(p242)s),
    (14, %(p243)s),
    (14, %(p244)s),
    (14, %(p245)s),
    (14, %(p246)s),
    (14, %(p247)s),
    (14, %(p248)s),
    (14, %(p249)s),
    (14, %(p250)s),
    (14, %(p251)s),
    (14, %(p252)s),
    (14, %(p253)s),
    (14, %(p254)s),
    (15, %(p255)s),
    (15, %(p256)s),
    (15, %(p257)s),
    (15, %(p258)s),
    (15, %(p259)s),
    (15, %(p260)s),
    (15, %(p261)s),
    (15, %(p262)s),
    (15, %(p263)s),
    (15, %(p264)s),
    (15, %(p265)s),
    (16, %(p266)s),
    (16, %(p267)s),
    (16, %(p268)s),
    (16, %(p269)s),
    (16, %(p270)s),
    (16, %(p271)s),
    (16, %(p272)s),
    (16, %(p273)s),
    (16, %(p274)s),
    (16, %(p275)s),
    (16, %(p276)s),
    (16, %(p277)s),
    (16, %(p278)s),
    (16, %(p279)s),
    (16, %(p280)s),
    (16, %(p281)s),
    (16, %(p282)s),
    (16, %(p283)s),
    (16, %(p284)s),
    (16, %(p285)s),
    (17, %(p288)s),
    (17, %(p289)s),
    (17, %(p290)s),
    (17, %(p291)s),
    (17, %(p292)s),
    (17, %(p293)s),
    (17, %(p294)s),
    (17, %(p295)s),
    (17, %(p296)s),
    (17, %(p297)s),
    (17, %(p298)s),
    (17, %(p299)s),
    (17, %(p300)s),
    (17, %(p301)s),
    (17, %(p302)s),
    (17, %(p303)s),
    (17, %(p304)s),
    (17, %(p305)s),
    (17, %(p306)s),
    (17, %(p307)s),
    (17, %(p308)s),
    (17, %(p309)s),
    (17, %(p310)s),
    (17, %(p311)s),
    (17, %(p312)s),
    (17, %(p313)s),
    (17, %(p314)s),
    (17, %(p315)s),
    (17, %(p316)s),
    (17, %(p317)s),
    (18, %(p320)s),
    (18, %(p321)s),
    (18, %(p322)s),
    (18, %(p323)s),
    (18, %(p324)s),
    (18, %(p325)s),
    (18, %(p326)s),
    (18, %(p327)s),
    (18, %(p328)s),
    (18, %(p329)s),
    (18, %(p330)s),
    (18, %(p331)s),
    (18, %(p332)s),
    (19, %(p334)s),
    (19, %(p335)s),
    (19, %(p336)s),
    (19, %(p337)s),
    (20, %(p339)s),
    (20, %(p340)s),
    (20, %(p341)s),
    (20, %(p342)s),
    (20, %(p343)s),
    (20, %(p344)s),
    (21, %(p345)s),
    (21, %(p346)s),
    (21, %(p347)s),
    (21, %(p348)s),
    (21, %(p349)s),
    (21, %(p350)s),
    (21, %(p351)s),
    (21, %(p352)s),
    (21, %(p353)s),
    (22, %(p356)s),
    (22, %(p357)s),
    (22, %(p358)s),
    (22, %(p359)s),
    (22, %(p360)s),
    (22, %(p361)s),
    (22, %(p362)s),
    (22, %(p363)s),
    (23, %(p367)s),
    (23, %(p368)s),
    (23, %(p369)s),
    (23, %(p370)s),
    (23, %(p371)s),
    (23, %(p372)s),
    (23, %(p373)s),
    (23, %(p374)s),
    (23, %(p375)s),
    (24, %(p378)s),
    (24, %(p379)s),
    (24, %(p380)s),
    (24, %(p381)s),
    (24, %(p382)s),
    (24, %(p383)s),
    (24, %(p384)s),
    (24, %(p385)s),
    (25, %(p386)s),
    (26, %(p387)s),
    (26, %(p22)s),
    (26, %(p388)s),
    (26, %(p389)s),
    (27, %(p390)s),
    (27, %(p391)s),
    (28, %(p42)s),
    (28, %(p392)s),
    (28, %(p393)s),
    (28, %(p49)s),
    (28, %(p50)s),
    (28, %(p394)s),
    (29, %(p395)s),
    (29, %(p396)s),
    (29, %(p397)s),
    (29, %(p398)s),
    (29, %(p399)s),
    (29, %(p400)s),
    (29, %(p401)s),
    (29, %(p402)s),
    (29, %(p403)s),
    (29, %(p404)s),
    (29, %(p405)s),
    (29, %(p406)s),
    (30, %(p408)s),
    (30, %(p409)s),
    (30, %(p410)s),
    (30, %(p411)s),
    (30, %(p412)s),
    (30, %(p413)s),
    (30, %(p414)s),
    (30, %(p415)s),
    (30, %(p416)s),
    (31, %(p419)s),
    (31, %(p420)s),
    (31, %(p421)s),
    (31, %(p422)s),
    (31, %(p423)s),
    (31, %(p424)s),
    (31, %(p425)s),
    (31, %(p426)s),
    (31, %(p427)s),
    (31, %(p428)s),
    (32, %(p430)s),
    (32, %(p431)s),
    (32, %(p432)s),
    (32, %(p433)s),
    (32, %(p434)s),
    (33, %(p435)s),
    (33, %(p436)s),
    (33, %(p437)s),
    (33, %(p438)s),
    (34, %(p439)s),
    (34, %(p440)s),
    (34, %(p441)s),
    (34, %(p442)s)) AS _values
), codeset_seed AS (
  SELECT
    k.codeset_id,
    c.concept_id
  FROM codeset_code AS k
  JOIN concept AS c
    ON c.vocabulary_id = k.vocabulary_id AND c.concept_code = k.concept_code
  UNION
  SELECT
    k.codeset_id,
    c.concept_id
  FROM codeset_pattern AS k
  JOIN concept AS c
    ON c.vocabulary_id = k.vocabulary_id
    AND REPLACE(c.concept_code, '.', '') LIKE k.pattern
  UNION
  SELECT
    k.codeset_id,
    c.concept_id
  FROM codeset_name AS k
  JOIN concept AS c
    ON LOWER(c.concept_name) = k.name
  UNION
  SELECT
    k.codeset_id,
    s.concept_id
  FROM codeset_name AS k
  JOIN concept_synonym AS s
    ON LOWER(s.concept_synonym_name) = k.name
), codeset_standard AS (
  SELECT
    seed.codeset_id,
    c.concept_id
  FROM codeset_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    seed.codeset_id,
    r.concept_id_2
  FROM codeset_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), codeset AS (
  SELECT
    codeset_id,
    concept_id
  FROM codeset_standard
  UNION
  SELECT
    st.codeset_id,
    a.descendant_concept_id
  FROM codeset_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), codeset_source AS (
  SELECT
    codeset_id,
    concept_id
  FROM codeset_seed
  UNION
  SELECT
    cs.codeset_id,
    r.concept_id_1
  FROM codeset AS cs
  JOIN concept_relationship AS r
    ON r.concept_id_2 = cs.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), codeset_text AS (
  SELECT
    codeset_id,
    name AS text
  FROM codeset_name
  UNION
  SELECT
    k.codeset_id,
    LOWER(c.concept_code)
  FROM (
    SELECT
      codeset_id,
      concept_id
    FROM codeset
    UNION
    SELECT
      codeset_id,
      concept_id
    FROM codeset_source
  ) AS k
  JOIN concept AS c
    ON c.concept_id = k.concept_id
  UNION
  SELECT
    cs.codeset_id,
    LOWER(c.concept_name)
  FROM codeset AS cs
  JOIN concept AS c
    ON c.concept_id = cs.concept_id
  UNION
  SELECT
    cs.codeset_id,
    LOWER(s.concept_synonym_name)
  FROM codeset AS cs
  JOIN concept_synonym AS s
    ON s.concept_id = cs.concept_id
), condition_occurrence_hit AS (
  SELECT
    cs.codeset_id,
    v.condition_occurrence_id AS row_id
  FROM condition_occurrence AS v
  JOIN codeset AS cs
    ON cs.concept_id = v.condition_concept_id
  UNION
  SELECT
    cs.codeset_id,
    v.condition_occurrence_id
  FROM condition_occurrence AS v
  JOIN codeset_source AS cs
    ON cs.concept_id = v.condition_source_concept_id
  UNION
  SELECT
    t.codeset_id,
    v.condition_occurrence_id
  FROM condition_occurrence AS v
  JOIN codeset_text AS t
    ON t.text = LOWER(v.condition_source_value)
  WHERE
    COALESCE(v.condition_concept_id, 0) = 0
), drug_exposure_hit AS (
  SELECT
    cs.codeset_id,
    v.drug_exposure_id AS row_id
  FROM drug_exposure AS v
  JOIN codeset AS cs
    ON cs.concept_id = v.drug_concept_id
  UNION
  SELECT
    cs.codeset_id,
    v.drug_exposure_id
  FROM drug_exposure AS v
  JOIN codeset_source AS cs
    ON cs.concept_id = v.drug_source_concept_id
  UNION
  SELECT
    t.codeset_id,
    v.drug_exposure_id
  FROM drug_exposure AS v
  JOIN codeset_text AS t
    ON t.text = LOWER(v.drug_source_value)
  WHERE
    COALESCE(v.drug_concept_id, 0) = 0
), procedure_occurrence_hit AS (
  SELECT
    cs.codeset_id,
    v.procedure_occurrence_id AS row_id
  FROM procedure_occurrence AS v
  JOIN codeset AS cs
    ON cs.concept_id = v.procedure_concept_id
  UNION
  SELECT
    cs.codeset_id,
    v.procedure_occurrence_id
  FROM procedure_occurrence AS v
  JOIN codeset_source AS cs
    ON cs.concept_id = v.procedure_source_concept_id
  UNION
  SELECT
    t.codeset_id,
    v.procedure_occurrence_id
  FROM procedure_occurrence AS v
  JOIN codeset_text AS t
    ON t.text = LOWER(v.procedure_source_value)
  WHERE
    COALESCE(v.procedure_concept_id, 0) = 0
), observation_hit AS (
  SELECT
    cs.codeset_id,
    v.observation_id AS row_id
  FROM observation AS v
  JOIN codeset AS cs
    ON cs.concept_id = v.observation_concept_id
  UNION
  SELECT
    cs.codeset_id,
    v.observation_id
  FROM observation AS v
  JOIN codeset_source AS cs
    ON cs.concept_id = v.observation_source_concept_id
  UNION
  SELECT
    t.codeset_id,
    v.observation_id
  FROM observation AS v
  JOIN codeset_text AS t
    ON t.text = LOWER(v.observation_source_value)
  WHERE
    COALESCE(v.observation_concept_id, 0) = 0
), measurement_hit AS (
  SELECT
    cs.codeset_id,
    v.measurement_id AS row_id
  FROM measurement AS v
  JOIN codeset AS cs
    ON cs.concept_id = v.measurement_concept_id
  UNION
  SELECT
    cs.codeset_id,
    v.measurement_id
  FROM measurement AS v
  JOIN codeset_source AS cs
    ON cs.concept_id = v.measurement_source_concept_id
  UNION
  SELECT
    t.codeset_id,
    v.measurement_id
  FROM measurement AS v
  JOIN codeset_text AS t
    ON t.text = LOWER(v.measurement_source_value)
  WHERE
    COALESCE(v.measurement_concept_id, 0) = 0
), a1 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 1 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a2 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 2 AND v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a3 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 3 AND v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a4 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 4 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 4 AND v.procedure_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 4 AND v.observation_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a5 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 5
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a6 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 6 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a7 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p91)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p91)s
          THEN %(p84)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 7
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a8 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p91)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p91)s
          THEN %(p84)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 8
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a9 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p124)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p125)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p126)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p127)s
          THEN %(p128)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p129)s
          THEN %(p128)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p130)s
          THEN %(p131)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p124)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p125)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p126)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p127)s
          THEN %(p128)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p129)s
          THEN %(p128)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p130)s
          THEN %(p131)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 9
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a10 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p124)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p125)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p126)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p127)s
          THEN %(p128)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p129)s
          THEN %(p128)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p130)s
          THEN %(p131)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p124)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p125)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p126)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p127)s
          THEN %(p128)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p129)s
          THEN %(p128)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p130)s
          THEN %(p131)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 10
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a11 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p172)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p173)s
          THEN %(p174)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p175)s
          THEN %(p128)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p176)s
          THEN %(p177)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p178)s
          THEN %(p179)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p180)s
          THEN %(p181)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p172)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p173)s
          THEN %(p174)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p175)s
          THEN %(p128)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p176)s
          THEN %(p177)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p178)s
          THEN %(p179)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p180)s
          THEN %(p181)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 11
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a12 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 12
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a13 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 13
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a14 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 14
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a15 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 15
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a16 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 16
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a17 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p286)s
          THEN %(p84)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p287)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p286)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p287)s
          THEN %(p84)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 17
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a18 AS (
  SELECT
    ranked.person_id,
    ranked.value
  FROM (
    SELECT
      v.person_id,
      v.value_as_number * (
        CASE
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p319)s
          THEN %(p84)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p319)s
          THEN %(p84)s
        END
      ) AS value,
      ROW_NUMBER() OVER (
        PARTITION BY v.person_id
        ORDER BY v.measurement_date DESC NULLS LAST, v.measurement_id DESC NULLS LAST
      ) AS recency
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    LEFT JOIN concept AS u
      ON u.concept_id = v.unit_concept_id
    WHERE
      h.codeset_id = 18
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a19 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 19 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 19 AND v.procedure_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 19 AND v.observation_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a20 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 2
      AND (
        v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
        AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST(%(index_date)s AS DATE) - CAST(%(p338)s AS INT)
      )
  ) AS e
  GROUP BY
    e.person_id
), a21 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 20 AND v.procedure_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a22 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 21 AND v.procedure_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a23 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 22 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a24 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 23 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a25 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 24 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a26 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 25 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 26 AND v.observation_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a27 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 27 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    UNION ALL
    SELECT
      v.person_id,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 28 AND v.observation_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a28 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 29 AND v.procedure_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a29 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 30 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a30 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 31 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a31 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 32 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a32 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 33 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
), a33 AS (
  SELECT
    e.person_id,
    COUNT(*) AS n,
    0 AS lasted
  FROM (
    SELECT
      v.person_id,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 34 AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  ) AS e
  GROUP BY
    e.person_id
)
SELECT
  p.person_id
FROM person AS p
LEFT JOIN a1
  ON a1.person_id = p.person_id
LEFT JOIN a2
  ON a2.person_id = p.person_id
LEFT JOIN a3
  ON a3.person_id = p.person_id
LEFT JOIN a4
  ON a4.person_id = p.person_id
LEFT JOIN a5
  ON a5.person_id = p.person_id
LEFT JOIN a6
  ON a6.person_id = p.person_id
LEFT JOIN a7
  ON a7.person_id = p.person_id
LEFT JOIN a8
  ON a8.person_id = p.person_id
LEFT JOIN a9
  ON a9.person_id = p.person_id
LEFT JOIN a10
  ON a10.person_id = p.person_id
LEFT JOIN a11
  ON a11.person_id = p.person_id
LEFT JOIN a12
  ON a12.person_id = p.person_id
LEFT JOIN a13
  ON a13.person_id = p.person_id
LEFT JOIN a14
  ON a14.person_id = p.person_id
LEFT JOIN a15
  ON a15.person_id = p.person_id
LEFT JOIN a16
  ON a16.person_id = p.person_id
LEFT JOIN a17
  ON a17.person_id = p.person_id
LEFT JOIN a18
  ON a18.person_id = p.person_id
LEFT JOIN a19
  ON a19.person_id = p.person_id
LEFT JOIN a20
  ON a20.person_id = p.person_id
LEFT JOIN a21
  ON a21.person_id = p.person_id
LEFT JOIN a22
  ON a22.person_id = p.person_id
LEFT JOIN a23
  ON a23.person_id = p.person_id
LEFT JOIN a24
  ON a24.person_id = p.person_id
LEFT JOIN a25
  ON a25.person_id = p.person_id
LEFT JOIN a26
  ON a26.person_id = p.person_id
LEFT JOIN a27
  ON a27.person_id = p.person_id
LEFT JOIN a28
  ON a28.person_id = p.person_id
LEFT JOIN a29
  ON a29.person_id = p.person_id
LEFT JOIN a30
  ON a30.person_id = p.person_id
LEFT JOIN a31
  ON a31.person_id = p.person_id
LEFT JOIN a32
  ON a32.person_id = p.person_id
LEFT JOIN a33
  ON a33.person_id = p.person_id
WHERE
  (
    CASE WHEN a1.n > 0 THEN TRUE ELSE FALSE END
  )
  AND (
    (
      CASE WHEN a2.n > 0 THEN TRUE ELSE FALSE END
    )
    OR (
      CASE WHEN a3.n > 0 THEN TRUE ELSE FALSE END
    )
  )
  AND (
    CASE WHEN a4.n > 0 THEN TRUE ELSE CAST(NULL AS BOOLEAN) END
  )
  AND (
    a5.value <= %(p84)s
  )
  AND (
    (
      (
        EXTRACT(YEAR FROM CAST(%(index_date)s AS DATE)) - p.year_of_birth - CASE
          WHEN EXTRACT(MONTH FROM CAST(%(index_date)s AS DATE)) * 100 + EXTRACT(DAY FROM CAST(%(index_date)s AS DATE)) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
          THEN 1
          ELSE 0
        END
      ) >= %(p85)s
    )
    AND (
      (
        EXTRACT(YEAR FROM CAST(%(index_date)s AS DATE)) - p.year_of_birth - CASE
          WHEN EXTRACT(MONTH FROM CAST(%(index_date)s AS DATE)) * 100 + EXTRACT(DAY FROM CAST(%(index_date)s AS DATE)) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
          THEN 1
          ELSE 0
        END
      ) <= %(p86)s
    )
  )
  AND (
    CASE WHEN a6.n > 0 THEN TRUE ELSE FALSE END
  )
  AND (
    a7.value >= %(p105)s
  )
  AND (
    a8.value >= %(p123)s
  )
  AND (
    (
      a9.value >= %(p155)s
    )
    AND (
      a10.value >= %(p171)s
    )
    AND (
      a11.value >= %(p195)s
    )
  )
  AND (
    (
      a12.value <= %(p84)s
    )
    AND (
      (
        a13.value <= %(p234)s
      ) AND (
        a14.value <= %(p234)s
      )
    )
    AND (
      a15.value <= %(p234)s
    )
  )
  AND (
    (
      a16.value <= %(p84)s
    ) OR (
      a17.value >= %(p318)s
    )
  )
  AND (
    a18.value >= %(p333)s
  )
  AND (
    CASE WHEN a19.n > 0 THEN TRUE ELSE CAST(NULL AS BOOLEAN) END
  )
  AND NOT (
    (
      CASE WHEN a20.n > 0 THEN TRUE ELSE FALSE END
    )
    OR (
      (
        CASE WHEN a21.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a22.n > 0 THEN TRUE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a23.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a24.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a25.n > 0 THEN TRUE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a26.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a27.n > 0 THEN TRUE ELSE FALSE END
      )
    )
    OR (
      CASE WHEN a28.n > 0 THEN TRUE ELSE FALSE END
    )
    OR (
      (
        CASE WHEN a29.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a30.n > 0 THEN TRUE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a31.n > 0 THEN TRUE ELSE FALSE END
      )
      OR (
        CASE WHEN a32.n > 0 THEN TRUE ELSE FALSE END
      )
    )
    OR (
      CASE WHEN a33.n > 0 THEN TRUE ELSE FALSE END
    )
  )
ORDER BY
  p.person_id
