-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written %(name)s (psycopg). Bind at run time:
--   %(index_date)s: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "ICD10CM", "p2": "C43", "p3": "C43%", "p4": "SNOMED", "p5": "372244006", "p6": "acral melanoma", "p7": "c43", "p8": "cutaneous melanoma", "p9": "malignant melanoma", "p10": "melanoma", "p11": "metastatic malignant melanoma", "p12": "metastatic melanoma", "p13": "mucosal melanoma", "p14": "relapsed melanoma", "p15": "ATC", "p16": "L01", "p17": "L01%", "p18": "367336001", "p19": "antineoplastic chemotherapy", "p20": "carboplatin", "p21": "chemotherapeutic agent", "p22": "chemotherapy", "p23": "cisplatin", "p24": "cyclophosphamide", "p25": "cytotoxic agent", "p26": "cytotoxic chemotherapy", "p27": "dacarbazine", "p28": "docetaxel", "p29": "doxorubicin", "p30": "etoposide", "p31": "fludarabine", "p32": "fluorouracil", "p33": "fotemustine", "p34": "gemcitabine", "p35": "l01", "p36": "nab paclitaxel", "p37": "nab-paclitaxel", "p38": "oxaliplatin", "p39": "paclitaxel", "p40": "temozolomide", "p41": "vinblastine", "p42": "vincristine", "p43": "76334006", "p44": "aldesleukin", "p45": "cancer immunotherapy", "p46": "high dose interleukin 2", "p47": "high-dose interleukin-2", "p48": "immune therapy", "p49": "immunotherapy", "p50": "interferon alfa", "p51": "interleukin 2", "p52": "interleukin-2", "p53": "ipilimumab", "p54": "nivolumab", "p55": "pembrolizumab", "p56": "relatlimab", "p57": "haploidentical donor", "p58": "haploidentical donor available", "p59": "haploidentical family donor", "p60": "willing haploidentical donor", "p61": "373067005", "p62": "no", "p63": "false", "p64": "LOINC", "p65": "89247-1", "p66": "calgb performance status", "p67": "cancer and leukemia group b performance status", "p68": "eastern cooperative oncology group", "p69": "eastern cooperative oncology group performance status", "p70": "eastern cooperative oncology group performance status score", "p71": "eastern cooperative oncology group score", "p72": "ecog", "p73": "ecog performance status", "p74": "ecog ps", "p75": "ecog score", "p76": "ecog scores", "p77": "ecog status", "p78": "ecog-ps", "p79": "gog performance status", "p80": "gynecologic oncology group performance status", "p81": "performance status", "p82": "ps", "p83": "who performance status", "p84": "who ps", "p85": "zubrod", "p86": "zubrod performance status", "p87": "zubrod score", "p88": 90, "p89": 1, "p90": 18, "p91": 75, "p92": "measurable disease", "p93": "measurable disease per recist", "p94": "measurable lesion", "p95": "recist measurable disease", "p96": "%", "p97": "10230-1", "p98": "ef", "p99": "eject fraction", "p100": "ejection fraction", "p101": "left ventricle ejection fraction", "p102": "left ventricular ef", "p103": "left ventricular ejection fraction", "p104": "lv ef", "p105": "lv ejection fraction", "p106": "lvef", "p107": "lvef%", "p108": "ventricular ef", "p109": "ventricular ejection fraction", "p110": 45, "p111": "carbon monoxide diffusing capacity", "p112": "diffusing capacity", "p113": "diffusing capacity for carbon monoxide", "p114": "diffusing capacity of the lung for carbon monoxide", "p115": "diffusion capacity", "p116": "diffusion capacity for carbon monoxide", "p117": "dlco", "p118": "dlco % predicted", "p119": "dlco %pred", "p120": "dlco adjusted for hemoglobin", "p121": "dlco corrected for hemoglobin", "p122": "dlco percent predicted", "p123": "dlco pred", "p124": "dlco predicted", "p125": "dlco% predicted", "p126": "predicted dlco", "p127": "tlco", "p128": 50, "p129": "10*9/L", "p130": "10*3/uL", "p131": "10*3/mm3", "p132": "/uL", "p133": 0.001, "p134": "/mm3", "p135": "10*6/uL", "p136": 1000, "p137": "751-8", "p138": "absolute granulocyte", "p139": "absolute granulocyte count", "p140": "absolute granulocytes", "p141": "absolute neutrophil", "p142": "absolute neutrophil count", "p143": "absolute neutrophil counts", "p144": "absolute neutrophils", "p145": "agc", "p146": "anc", "p147": "granulocyte", "p148": "granulocyte count", "p149": "granulocytes", "p150": "hematologic anc", "p151": "neutrophil", "p152": "neutrophil count", "p153": "neutrophil counts", "p154": "neutrophils", "p155": "pmn count", "p156": "polymorphonuclear neutrophil", "p157": "polymorphonuclear neutrophils", "p158": "segmented neutrophil band", "p159": "segmented neutrophils + bands", "p160": 1.5, "p161": "777-3", "p162": "blood platelet", "p163": "blood platelet count", "p164": "blood platelets", "p165": "platelet", "p166": "platelet count", "p167": "platelet counts", "p168": "platelets", "p169": "platelets count", "p170": "plt", "p171": "plt count", "p172": "plts", "p173": "thrombocyte", "p174": "thrombocyte count", "p175": "thrombocytes", "p176": 100, "p177": "g/dL", "p178": "g/L", "p179": 0.1, "p180": "mg/dL", "p181": "mg/L", "p182": 0.0001, "p183": "mmol/L", "p184": 1.6114, "p185": "umol/L", "p186": 0.0016114, "p187": "59260-0", "p188": "718-7", "p189": "blood hemoglobin", "p190": "haemoglobin", "p191": "haemoglobin concentration", "p192": "hb", "p193": "hb concentration", "p194": "hemaglobin", "p195": "hemoglobin", "p196": "hemoglobin concentration", "p197": "hgb", "p198": "serum haemoglobin", "p199": "serum hemoglobin", "p200": 9, "p201": "14631-6", "p202": "1975-2", "p203": "bili", "p204": "bilirubin", "p205": "bilirubin total", "p206": "birilubin", "p207": "blood bilirubin", "p208": "plasma bilirubin", "p209": "serum bilirubin", "p210": "serum total bilirubin", "p211": "t bil", "p212": "t bili", "p213": "t-bil", "p214": "t.bili", "p215": "tbil", "p216": "tbili", "p217": "total bili", "p218": "total bilirubin", "p219": "total serum bilirubin", "p220": "1920-8", "p221": "asat", "p222": "aspartase aminotransferase", "p223": "aspartate amino transferase", "p224": "aspartate aminotransferase", "p225": "aspartate transaminase", "p226": "aspartate-aminotransferase", "p227": "ast", "p228": "glutamic oxalacetic transaminase", "p229": "glutamic oxaloacetic transaminase", "p230": "glutamic-oxalacetic transaminase", "p231": "serum aspartate aminotransferase", "p232": "serum aspartate transaminase", "p233": "serum ast", "p234": "serum glutamic oxaloacetic transaminase", "p235": "serum glutamic-oxaloacetic transaminase", "p236": "serum sgot", "p237": "sgot", "p238": "spartate aminotransferase", "p239": 2.5, "p240": "1742-6", "p241": "alanine amino transferase", "p242": "alanine aminotransaminase", "p243": "alanine aminotransferase", "p244": "alanine transaminase", "p245": "alanine-aminotransferase", "p246": "alat", "p247": "alt", "p248": "glutamic pyruvic transaminase", "p249": "glutamic-pyruvic transaminase", "p250": "gpt", "p251": "serum alanine aminotransferase", "p252": "serum alanine transaminase", "p253": "serum alt", "p254": "serum glutamate pyruvate transaminase", "p255": "serum glutamic pyruvic transaminase", "p256": "serum glutamic-pyruvic transaminase", "p257": "serum gpt", "p258": "serum sgpt", "p259": "sgpt", "p260": "6768-6", "p261": "alk pho", "p262": "alk phos", "p263": "alkalic phosphatase", "p264": "alkaline phosphatase", "p265": "alkaline phosphatases", "p266": "alkpho", "p267": "alkphos", "p268": "alp", "p269": "ap", "p270": "serum alkaline phosphatase", "p271": "14682-9", "p272": "2160-0", "p273": "blood creatinine", "p274": "cr", "p275": "creat", "p276": "creatinen", "p277": "creatinin", "p278": "creatinine", "p279": "creatinine serum", "p280": "increase in s creatinine", "p281": "increase in s-creatinine", "p282": "plasma creatinine", "p283": "s cr", "p284": "s creatinine", "p285": "s-cr", "p286": "s-creatinine", "p287": "scr", "p288": "serum cr", "p289": "serum creatinine", "p290": "serum creatinine concentration", "p291": "mL/min/{1.73_m2}", "p292": "mL/min", "p293": "2164-2", "p294": "24 hour creatinine clearance", "p295": "24 hour urinary creatinine clearance", "p296": "24 hour urine creatinine clearance", "p297": "24-hour creatinine clearance", "p298": "24-hour urinary creatinine clearance", "p299": "24-hour urine creatinine clearance", "p300": "blood creatinine clearance", "p301": "calculated crcl", "p302": "calculated creatinine clearance", "p303": "ccr", "p304": "cl cr", "p305": "clcr", "p306": "clearance creatinine", "p307": "cockcroft gault", "p308": "cockcroft gault creatinine clearance", "p309": "cockcroft gault formula", "p310": "cockcroft-gault", "p311": "cockcroft-gault creatinine clearance", "p312": "cockcroft-gault formula", "p313": "cr cl", "p314": "crcl", "p315": "creatinin clearance", "p316": "creatinine clearance", "p317": "creatinine clearance rate", "p318": "endogenous creatinine clearance", "p319": "estimated crcl", "p320": "estimated creatinine clearance", "p321": "measured creatinine clearance", "p322": "plasma creatinine clearance", "p323": "renal clearance", "p324": "serum creatinine clearance", "p325": 60, "p326": "mo", "p327": "anticipated life expectancy", "p328": "anticipated survival", "p329": "estimated life expectancy", "p330": "estimated survival", "p331": "expected life expectancy", "p332": "expected survival", "p333": "expected survival time", "p334": "life expectancy", "p335": "life expectation", "p336": "predicted life expectancy", "p337": "predicted survival", "p338": "projected survival", "p339": "survival expectancy", "p340": 3, "p341": "informed consent", "p342": "informed consent signed", "p343": "signed informed consent", "p344": "written informed consent", "p345": 30, "p346": "adoptive cell therapy", "p347": "adoptive cell transfer", "p348": "adoptive cellular therapy", "p349": "car t cell therapy", "p350": "til therapy", "p351": "tumor infiltrating lymphocyte therapy", "p352": "allogeneic stem cell transplantation", "p353": "autologous stem cell transplantation", "p354": "bone marrow transplant", "p355": "bone marrow transplantation", "p356": "hematopoietic stem cell transplant", "p357": "hematopoietic stem cell transplantation", "p358": "hsct", "p359": "stem cell transplant", "p360": "stem cell transplantation", "p361": "B20", "p362": "B20%", "p363": "Z21", "p364": "Z21%", "p365": "86406008", "p366": "b20", "p367": "hiv", "p368": "hiv disease", "p369": "hiv infection", "p370": "hiv positive", "p371": "human immunodeficiency virus infection", "p372": "z21", "p373": "B16", "p374": "B16%", "p375": "B18.0", "p376": "B180%", "p377": "B18.1", "p378": "B181%", "p379": "66071002", "p380": "b16", "p381": "b18.0", "p382": "b18.1", "p383": "chronic hepatitis b", "p384": "hbv", "p385": "hbv infection", "p386": "hepatitis b", "p387": "hepatitis b virus infection", "p388": "B17.1", "p389": "B171%", "p390": "B18.2", "p391": "B182%", "p392": "50711007", "p393": "b17.1", "p394": "b18.2", "p395": "chronic hepatitis c", "p396": "hcv", "p397": "hcv infection", "p398": "hepatitis c", "p399": "hepatitis c virus infection", "p400": "hypersensitivity to cyclophosphamide", "p401": "387420009", "p402": "cytoxan", "p403": "endoxan", "p404": "hypersensitivity to interleukin 2", "p405": "hypersensitivity to interleukin-2", "p406": "il 2", "p407": "il-2", "p408": "proleukin", "p409": "heart transplant", "p410": "heart transplantation", "p411": "kidney transplant", "p412": "kidney transplantation", "p413": "liver transplant", "p414": "liver transplantation", "p415": "lung transplant", "p416": "lung transplantation", "p417": "organ transplant", "p418": "organ transplantation", "p419": "solid organ transplant", "p420": "solid organ transplantation", "p421": "I49.9", "p422": "I499%", "p423": "698247007", "p424": "arrhythmia", "p425": "atrial fibrillation", "p426": "atrial flutter", "p427": "cardiac arrhythmia", "p428": "dysrhythmia", "p429": "i49.9", "p430": "ventricular fibrillation", "p431": "ventricular tachycardia", "p432": "I25.1", "p433": "I251%", "p434": "I25.9", "p435": "I259%", "p436": "414545008", "p437": "angina pectoris", "p438": "coronary artery disease", "p439": "coronary heart disease", "p440": "i25.1", "p441": "i25.9", "p442": "ischaemic heart disease", "p443": "ischemic heart disease", "p444": "myocardial infarction", "p445": "unstable angina", "p446": "Z33.1", "p447": "Z331%", "p448": "77386006", "p449": "pregnancy", "p450": "pregnancy state", "p451": "pregnant", "p452": "z33.1", "p453": "breast feeding", "p454": "breastfeeding", "p455": "lactating", "p456": "lactation", "p457": "40733004", "p458": "active infection", "p459": "infection", "p460": "uncontrolled infection"}
WITH codeset_code(codeset_id, vocabulary_id, concept_code) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p1)s, %(p2)s),
    (1, %(p4)s, %(p5)s),
    (2, %(p15)s, %(p16)s),
    (2, %(p4)s, %(p18)s),
    (3, %(p4)s, %(p43)s),
    (5, %(p4)s, %(p61)s),
    (6, %(p64)s, %(p65)s),
    (8, %(p64)s, %(p97)s),
    (10, %(p64)s, %(p137)s),
    (11, %(p64)s, %(p161)s),
    (12, %(p64)s, %(p187)s),
    (12, %(p64)s, %(p188)s),
    (13, %(p64)s, %(p201)s),
    (13, %(p64)s, %(p202)s),
    (14, %(p64)s, %(p220)s),
    (15, %(p64)s, %(p240)s),
    (16, %(p64)s, %(p260)s),
    (17, %(p64)s, %(p271)s),
    (17, %(p64)s, %(p272)s),
    (18, %(p64)s, %(p293)s),
    (23, %(p1)s, %(p361)s),
    (23, %(p1)s, %(p363)s),
    (23, %(p4)s, %(p365)s),
    (24, %(p1)s, %(p373)s),
    (24, %(p1)s, %(p375)s),
    (24, %(p1)s, %(p377)s),
    (24, %(p4)s, %(p379)s),
    (25, %(p1)s, %(p388)s),
    (25, %(p1)s, %(p390)s),
    (25, %(p4)s, %(p392)s),
    (27, %(p4)s, %(p401)s),
    (31, %(p1)s, %(p421)s),
    (31, %(p4)s, %(p423)s),
    (32, %(p1)s, %(p432)s),
    (32, %(p1)s, %(p434)s),
    (32, %(p4)s, %(p436)s),
    (33, %(p1)s, %(p446)s),
    (33, %(p4)s, %(p448)s),
    (35, %(p4)s, %(p457)s)) AS _values
), codeset_pattern(codeset_id, vocabulary_id, pattern) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p1)s, %(p3)s),
    (2, %(p15)s, %(p17)s),
    (23, %(p1)s, %(p362)s),
    (23, %(p1)s, %(p364)s),
    (24, %(p1)s, %(p374)s),
    (24, %(p1)s, %(p376)s),
    (24, %(p1)s, %(p378)s),
    (25, %(p1)s, %(p389)s),
    (25, %(p1)s, %(p391)s),
    (31, %(p1)s, %(p422)s),
    (32, %(p1)s, %(p433)s),
    (32, %(p1)s, %(p435)s),
    (33, %(p1)s, %(p447)s)) AS _values
), codeset_name(codeset_id, name) AS (
  SELECT
    *
  FROM (VALUES
    (1, %(p5)s),
    (1, %(p6)s),
    (1, %(p7)s),
    (1, %(p8)s),
    (1, %(p9)s),
    (1, %(p10)s),
    (1, %(p11)s),
    (1, %(p12)s),
    (1, %(p13)s),
    (1, %(p14)s),
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
    (2, %(p41)s),
    (2, %(p42)s),
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
    (3, %(p55)s),
    (3, %(p56)s),
    (4, %(p57)s),
    (4, %(p58)s),
    (4, %(p59)s),
    (4, %(p60)s),
    (6, %(p65)s),
    (6, %(p66)s),
    (6, %(p67)s),
    (6, %(p68)s),
    (6, %(p69)s),
    (6, %(p70)s),
    (6, %(p71)s),
    (6, %(p72)s),
    (6, %(p73)s),
    (6, %(p74)s),
    (6, %(p75)s),
    (6, %(p76)s),
    (6, %(p77)s),
    (6, %(p78)s),
    (6, %(p79)s),
    (6, %(p80)s),
    (6, %(p81)s),
    (6, %(p82)s),
    (6, %(p83)s),
    (6, %(p84)s),
    (6, %(p85)s),
    (6, %(p86)s),
    (6, %(p87)s),
    (7, %(p92)s),
    (7, %(p93)s),
    (7, %(p94)s),
    (7, %(p95)s),
    (8, %(p97)s),
    (8, %(p98)s),
    (8, %(p99)s),
    (8, %(p100)s),
    (8, %(p101)s),
    (8, %(p102)s),
    (8, %(p103)s),
    (8, %(p104)s),
    (8, %(p105)s),
    (8, %(p106)s),
    (8, %(p107)s),
    (8, %(p108)s),
    (8, %(p109)s),
    (9, %(p111)s),
    (9, %(p112)s),
    (9, %(p113)s),
    (9, %(p114)s),
    (9, %(p115)s),
    (9, %(p116)s),
    (9, %(p117)s),
    (9, %(p118)s),
    (9, %(p119)s),
    (9, %(p120)s),
    (9, %(p121)s),
    (9, %(p122)s),
    (9, %(p123)s),
    (9, %(p124)s),
    (9, %(p125)s),
    (9, %(p126)s),
    (9, %(p127)s),
    (10, %(p137)s),
    (10, %(p138)s),
    (10, %(p139)s),
    (10, %(p140)s),
    (10, %(p141)s),
    (10, %(p142)s),
    (10, %(p143)s),
    (10, %(p144)s),
    (10, %(p145)s),
    (10, %(p146)s),
    (10, %(p147)s),
    (10, %(p148)s),
    (10, %(p149)s),
    (10, %(p150)s),
    (10, %(p151)s),
    (10, %(p152)s),
    (10, %(p153)s),
    (10, %(p154)s),
    (10, %(p155)s),
    (10, %(p156)s),
    (10, %(p157)s),
    (10, %(p158)s),
    (10, %(p159)s),
    (11, %(p161)s),
    (11, %(p162)s),
    (11, %(p163)s),
    (11, %(p164)s),
    (11, %(p165)s),
    (11, %(p166)s),
    (11, %(p167)s),
    (11, %(p168)s),
    (11, %(p169)s),
    (11, %(p170)s),
    (11, %(p171)s),
    (11, %(p172)s),
    (11, %(p173)s),
    (11, %(p174)s),
    (11, %(p175)s),
    (12, %(p187)s),
    (12, %(p188)s),
    (12, %(p189)s),
    (12, %(p190)s),
    (12, %(p191)s),
    (12, %(p192)s),
    (12, %(p193)s),
    (12, %(p194)s),
    (12, %(p195)s),
    (12, %(p196)s),
    (12, %(p197)s),
    (12, %(p198)s),
    (12, %(p199)s),
    (13, %(p201)s),
    (13, %(p202)s),
    (13, %(p203)s),
    (13, %(p204)s),
    (13, %(p205)s),
    (13, %(p206)s),
    (13, %(p207)s),
    (13, %(p208)s),
    (13, %(p209)s),
    (13, %(p210)s),
    (13, %(p211)s),
    (13, %(p212)s),
    (13, %(p213)s),
    (13, %(p214)s),
    (13, %(p215)s),
    (13, %(p216)s),
    (13, %(p217)s),
    (13, %(p218)s),
    (13, %(p219)s),
    (14, %(p220)s),
    (14, %(p221)s),
    (14, %(p222)s),
    (14, %(p223)s),
    (14, %(p224)s),
    (14, %(p225)s),
    (14, %(p226)s),
    (14, %(p227)s),
    (14, %(p228)s),
    (14, %(p229)s),
    (14, %(p230)s),
    (14, %(p231)s),
    (14, %(p232)s),
    (14, %(p233)s),
    (14, %(p234)s),
    (14, %(p235)s),
    (14, %(p236)s),
    (14, %(p237)s),
    (14, %(p238)s),
    (15, %(p240)s),
    (15, %(p241)s),
    (15, %(p242)s),
    (15, %(p243)s),
    (15, %(p244)s),
    (15, %(p245)s),
    (15, %(p246)s),
    (15, %(p247)s),
    (15, %(p248)s),
    (15, %(p249)s),
    (15, %(p250)s),
    (15, %(p251)s),
    (15, %(p252)s),
    (15, %(p253)s),
    (15, %(p254)s),
    (15, %(p255)s),
    (15, %(p256)s),
    (15, %(p257)s),
    (15, %(p258)s),
    (15, %(p259)s),
    (16, %(p260)s),
    (16, %(p261)s),
    (16, %(p262)s),
    (16, %(p263)s),
    (16, %(p264)s),
    (16, %(p265)s),
    (16, %(p266)s),
    (16, %(p267)s),
    (16, %(p268)s),
    (16, %(p269)s),
    (16, %(p270)s),
    (17, %(p271)s),
    (17, %(p272)s),
    (17, %(p273)s),
    (17, %(p274)s),
    (17, %(p275)s),
    (17, %(p276)s),
    (17, %(p277)s),
    (17, %(p278)s),
    (17, %(p279)s),
    (17, %(p280)s),
    (17, %(p281)s),
    (17, %(p282)s),
    (17, %(p283)s),
    (17, %(p284)s),
    (17, %(p285)s),
    (17, %(p286)s),
    (17, %(p287)s),
    (17, %(p288)s),
    (17, %(p289)s),
    (17, %(p290)s),
    (18, %(p293)s),
    (18, %(p294)s),
    (18, %(p295)s),
    (18, %(p296)s),
    (18, %(p297)s),
    (18, %(p298)s),
    (18, %(p299)s),
    (18, %(p300)s),
    (18, %(p301)s),
    (18, %(p302)s),
    (18, %(p303)s),
    (18, %(p304)s),
    (18, %(p305)s),
    (18, %(p306)s),
    (18, %(p307)s),
    (18, %(p308)s),
    (18, %(p309)s),
    (18, %(p310)s),
    (18, %(p311)s),
    (18, %(p312)s),
    (18, %(p313)s),
    (18, %(p314)s),
    (18, %(p315)s),
    (18, %(p316)s),
    (18, %(p317)s),
    (18, %(p318)s),
    (18, %(p319)s),
    (18, %(p320)s),
    (18, %(p321)s),
    (18, %(p322)s),
    (18, %(p323)s),
    (18, %(p324)s),
    (19, %(p327)s),
    (19, %(p328)s),
    (19, %(p329)s),
    (19, %(p330)s),
    (19, %(p331)s),
    (19, %(p332)s),
    (19, %(p333)s),
    (19, %(p334)s),
    (19, %(p335)s),
    (19, %(p336)s),
    (19, %(p337)s),
    (19, %(p338)s),
    (19, %(p339)s),
    (20, %(p341)s),
    (20, %(p342)s),
    (20, %(p343)s),
    (20, %(p344)s),
    (21, %(p346)s),
    (21, %(p347)s),
    (21, %(p348)s),
    (21, %(p349)s),
    (21, %(p350)s),
    (21, %(p351)s),
    (22, %(p352)s),
    (22, %(p353)s),
    (22, %(p354)s),
    (22, %(p355)s),
    (22, %(p356)s),
    (22, %(p357)s),
    (22, %(p358)s),
    (22, %(p359)s),
    (22, %(p360)s),
    (23, %(p365)s),
    (23, %(p366)s),
    (23, %(p367)s),
    (23, %(p368)s),
    (23, %(p369)s),
    (23, %(p370)s),
    (23, %(p371)s),
    (23, %(p372)s),
    (24, %(p379)s),
    (24, %(p380)s),
    (24, %(p381)s),
    (24, %(p382)s),
    (24, %(p383)s),
    (24, %(p384)s),
    (24, %(p385)s),
    (24, %(p386)s),
    (24, %(p387)s),
    (25, %(p392)s),
    (25, %(p393)s),
    (25, %(p394)s),
    (25, %(p395)s),
    (25, %(p396)s),
    (25, %(p397)s),
    (25, %(p398)s),
    (25, %(p399)s),
    (26, %(p400)s),
    (27, %(p401)s),
    (27, %(p24)s),
    (27, %(p402)s),
    (27, %(p403)s),
    (28, %(p404)s),
    (28, %(p405)s),
    (29, %(p44)s),
    (29, %(p406)s),
    (29, %(p407)s),
    (29, %(p51)s),
    (29, %(p52)s),
    (29, %(p408)s),
    (30, %(p409)s),
    (30, %(p410)s),
    (30, %(p411)s),
    (30, %(p412)s),
    (30, %(p413)s),
    (30, %(p414)s),
    (30, %(p415)s),
    (30, %(p416)s),
    (30, %(p417)s),
    (30, %(p418)s),
    (30, %(p419)s),
    (30, %(p420)s),
    (31, %(p423)s),
    (31, %(p424)s),
    (31, %(p425)s),
    (31, %(p426)s),
    (31, %(p427)s),
    (31, %(p428)s),
    (31, %(p429)s),
    (31, %(p430)s),
    (31, %(p431)s),
    (32, %(p436)s),
    (32, %(p437)s),
    (32, %(p438)s),
    (32, %(p439)s),
    (32, %(p440)s),
    (32, %(p441)s),
    (32, %(p442)s),
    (32, %(p443)s),
    (32, %(p444)s),
    (32, %(p445)s),
    (33, %(p448)s),
    (33, %(p449)s),
    (33, %(p450)s),
    (33, %(p451)s),
    (33, %(p452)s),
    (34, %(p453)s),
    (34, %(p454)s),
    (34, %(p455)s),
    (34, %(p456)s),
    (35, %(p457)s),
    (35, %(p458)s),
    (35, %(p459)s),
    (35, %(p460)s)) AS _values
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
), codeset_narrower AS (
  SELECT
    k.codeset_id,
    c.concept_id
  FROM codeset_pattern AS k
  JOIN concept AS c
    ON c.vocabulary_id = k.vocabulary_id
    AND REPLACE(c.concept_code, '.', '') LIKE k.pattern
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
    codeset_id,
    concept_id
  FROM codeset_narrower
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
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 1
  ) AS e
  GROUP BY
    e.person_id
), a2 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE
        WHEN v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
        THEN 1
        ELSE 0
      END AS in_period,
      0 AS negative,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 2
  ) AS e
  GROUP BY
    e.person_id
), a3 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE
        WHEN v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
        THEN 1
        ELSE 0
      END AS in_period,
      0 AS negative,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 3
  ) AS e
  GROUP BY
    e.person_id
), a4 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 4
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.procedure_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 4
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.observation_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      CASE
        WHEN v.value_as_concept_id IN (
          SELECT
            concept_id
          FROM codeset
          WHERE
            codeset_id = 5
        )
        OR LOWER(v.value_as_string) IN (%(p62)s, %(p63)s)
        THEN 1
        ELSE 0
      END AS negative,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 4
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.measurement_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      v.measurement_date - v.measurement_date AS days
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    WHERE
      h.codeset_id = 4
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
      h.codeset_id = 6
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a6 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 7
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p96)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p96)s
          THEN %(p89)s
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
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p96)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p96)s
          THEN %(p89)s
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
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p129)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p130)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p131)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p132)s
          THEN %(p133)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p134)s
          THEN %(p133)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p135)s
          THEN %(p136)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p129)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p130)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p131)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p132)s
          THEN %(p133)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p134)s
          THEN %(p133)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p135)s
          THEN %(p136)s
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
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p129)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p130)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p131)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p132)s
          THEN %(p133)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p134)s
          THEN %(p133)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p135)s
          THEN %(p136)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p129)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p130)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p131)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p132)s
          THEN %(p133)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p134)s
          THEN %(p133)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p135)s
          THEN %(p136)s
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
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p177)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p178)s
          THEN %(p179)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p180)s
          THEN %(p133)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p181)s
          THEN %(p182)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p183)s
          THEN %(p184)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p185)s
          THEN %(p186)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p177)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p178)s
          THEN %(p179)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p180)s
          THEN %(p133)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p181)s
          THEN %(p182)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p183)s
          THEN %(p184)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p185)s
          THEN %(p186)s
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
      h.codeset_id = 12
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
      h.codeset_id = 13
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
      h.codeset_id = 14
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
      h.codeset_id = 15
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
      h.codeset_id = 16
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
      h.codeset_id = 17
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p291)s
          THEN %(p89)s
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p292)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p291)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p292)s
          THEN %(p89)s
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
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
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
          WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p326)s
          THEN %(p89)s
          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p326)s
          THEN %(p89)s
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
      h.codeset_id = 19
      AND NOT v.value_as_number IS NULL
      AND (
        v.measurement_date <= CAST(%(index_date)s AS DATE)
        AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p88)s AS INT)
      )
  ) AS ranked
  WHERE
    ranked.recency = 1
), a19 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 20
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.procedure_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 20
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.observation_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      CASE
        WHEN v.value_as_concept_id IN (
          SELECT
            concept_id
          FROM codeset
          WHERE
            codeset_id = 5
        )
        OR LOWER(v.value_as_string) IN (%(p62)s, %(p63)s)
        THEN 1
        ELSE 0
      END AS negative,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 20
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.measurement_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      v.measurement_date - v.measurement_date AS days
    FROM measurement AS v
    JOIN measurement_hit AS h
      ON h.row_id = v.measurement_id
    WHERE
      h.codeset_id = 20
  ) AS e
  GROUP BY
    e.person_id
), a20 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE
        WHEN (
          v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
          AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST(%(index_date)s AS DATE) - CAST(%(p345)s AS INT)
        )
        THEN 1
        ELSE 0
      END AS in_period,
      0 AS negative,
      COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) - v.drug_exposure_start_date AS days
    FROM drug_exposure AS v
    JOIN drug_exposure_hit AS h
      ON h.row_id = v.drug_exposure_id
    WHERE
      h.codeset_id = 2
  ) AS e
  GROUP BY
    e.person_id
), a21 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.procedure_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 21
  ) AS e
  GROUP BY
    e.person_id
), a22 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.procedure_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 22
  ) AS e
  GROUP BY
    e.person_id
), a23 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 23
  ) AS e
  GROUP BY
    e.person_id
), a24 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 24
  ) AS e
  GROUP BY
    e.person_id
), a25 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 25
  ) AS e
  GROUP BY
    e.person_id
), a26 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 26
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.observation_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      CASE
        WHEN v.value_as_concept_id IN (
          SELECT
            concept_id
          FROM codeset
          WHERE
            codeset_id = 5
        )
        OR LOWER(v.value_as_string) IN (%(p62)s, %(p63)s)
        THEN 1
        ELSE 0
      END AS negative,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 27
  ) AS e
  GROUP BY
    e.person_id
), a27 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 28
    UNION ALL
    SELECT
      v.person_id,
      CASE WHEN v.observation_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      CASE
        WHEN v.value_as_concept_id IN (
          SELECT
            concept_id
          FROM codeset
          WHERE
            codeset_id = 5
        )
        OR LOWER(v.value_as_string) IN (%(p62)s, %(p63)s)
        THEN 1
        ELSE 0
      END AS negative,
      v.observation_date - v.observation_date AS days
    FROM observation AS v
    JOIN observation_hit AS h
      ON h.row_id = v.observation_id
    WHERE
      h.codeset_id = 29
  ) AS e
  GROUP BY
    e.person_id
), a28 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.procedure_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.procedure_end_date, v.procedure_date) - v.procedure_date AS days
    FROM procedure_occurrence AS v
    JOIN procedure_occurrence_hit AS h
      ON h.row_id = v.procedure_occurrence_id
    WHERE
      h.codeset_id = 30
  ) AS e
  GROUP BY
    e.person_id
), a29 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 31
  ) AS e
  GROUP BY
    e.person_id
), a30 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 32
  ) AS e
  GROUP BY
    e.person_id
), a31 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 33
  ) AS e
  GROUP BY
    e.person_id
), a32 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 34
  ) AS e
  GROUP BY
    e.person_id
), a33 AS (
  SELECT
    e.person_id,
    COUNT(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
    0 AS lasted,
    COUNT(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
  FROM (
    SELECT
      v.person_id,
      CASE WHEN v.condition_start_date <= CAST(%(index_date)s AS DATE) THEN 1 ELSE 0 END AS in_period,
      0 AS negative,
      COALESCE(v.condition_end_date, CAST(%(index_date)s AS DATE)) - v.condition_start_date AS days
    FROM condition_occurrence AS v
    JOIN condition_occurrence_hit AS h
      ON h.row_id = v.condition_occurrence_id
    WHERE
      h.codeset_id = 35
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
    CASE WHEN a1.n > 0 THEN TRUE WHEN a1.negatives > 0 THEN FALSE ELSE FALSE END
  )
  AND (
    (
      CASE WHEN a2.n > 0 THEN TRUE WHEN a2.negatives > 0 THEN FALSE ELSE FALSE END
    )
    OR (
      CASE WHEN a3.n > 0 THEN TRUE WHEN a3.negatives > 0 THEN FALSE ELSE FALSE END
    )
  )
  AND (
    CASE
      WHEN a4.n > 0
      THEN TRUE
      WHEN a4.negatives > 0
      THEN FALSE
      ELSE CAST(NULL AS BOOLEAN)
    END
  )
  AND (
    a5.value <= %(p89)s
  )
  AND (
    (
      (
        EXTRACT(YEAR FROM CAST(%(index_date)s AS DATE)) - p.year_of_birth - CASE
          WHEN EXTRACT(MONTH FROM CAST(%(index_date)s AS DATE)) * 100 + EXTRACT(DAY FROM CAST(%(index_date)s AS DATE)) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
          THEN 1
          ELSE 0
        END
      ) >= %(p90)s
    )
    AND (
      (
        EXTRACT(YEAR FROM CAST(%(index_date)s AS DATE)) - p.year_of_birth - CASE
          WHEN EXTRACT(MONTH FROM CAST(%(index_date)s AS DATE)) * 100 + EXTRACT(DAY FROM CAST(%(index_date)s AS DATE)) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
          THEN 1
          ELSE 0
        END
      ) <= %(p91)s
    )
  )
  AND (
    CASE WHEN a6.n > 0 THEN TRUE WHEN a6.negatives > 0 THEN FALSE ELSE FALSE END
  )
  AND (
    a7.value >= %(p110)s
  )
  AND (
    a8.value >= %(p128)s
  )
  AND (
    (
      a9.value >= %(p160)s
    )
    AND (
      a10.value >= %(p176)s
    )
    AND (
      a11.value >= %(p200)s
    )
  )
  AND (
    (
      a12.value <= %(p89)s
    )
    AND (
      (
        a13.value <= %(p239)s
      ) AND (
        a14.value <= %(p239)s
      )
    )
    AND (
      a15.value <= %(p239)s
    )
  )
  AND (
    (
      a16.value <= %(p89)s
    ) OR (
      a17.value >= %(p325)s
    )
  )
  AND (
    a18.value >= %(p340)s
  )
  AND (
    CASE
      WHEN a19.n > 0
      THEN TRUE
      WHEN a19.negatives > 0
      THEN FALSE
      ELSE CAST(NULL AS BOOLEAN)
    END
  )
  AND NOT (
    (
      CASE WHEN a20.n > 0 THEN TRUE WHEN a20.negatives > 0 THEN FALSE ELSE FALSE END
    )
    OR (
      (
        CASE WHEN a21.n > 0 THEN TRUE WHEN a21.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a22.n > 0 THEN TRUE WHEN a22.negatives > 0 THEN FALSE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a23.n > 0 THEN TRUE WHEN a23.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a24.n > 0 THEN TRUE WHEN a24.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a25.n > 0 THEN TRUE WHEN a25.negatives > 0 THEN FALSE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a26.n > 0 THEN TRUE WHEN a26.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a27.n > 0 THEN TRUE WHEN a27.negatives > 0 THEN FALSE ELSE FALSE END
      )
    )
    OR (
      CASE WHEN a28.n > 0 THEN TRUE WHEN a28.negatives > 0 THEN FALSE ELSE FALSE END
    )
    OR (
      (
        CASE WHEN a29.n > 0 THEN TRUE WHEN a29.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a30.n > 0 THEN TRUE WHEN a30.negatives > 0 THEN FALSE ELSE FALSE END
      )
    )
    OR (
      (
        CASE WHEN a31.n > 0 THEN TRUE WHEN a31.negatives > 0 THEN FALSE ELSE FALSE END
      )
      OR (
        CASE WHEN a32.n > 0 THEN TRUE WHEN a32.negatives > 0 THEN FALSE ELSE FALSE END
      )
    )
    OR (
      CASE WHEN a33.n > 0 THEN TRUE WHEN a33.negatives > 0 THEN FALSE ELSE FALSE END
    )
  )
ORDER BY
  p.person_id
