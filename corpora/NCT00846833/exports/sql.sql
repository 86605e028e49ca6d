-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written $name (DuckDB, SQLite). Bind at run time:
--   $index_date: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "ICD10CM", "p2": "C43%", "p3": "SNOMED", "p4": "372244006", "p5": "acral melanoma", "p6": "c43", "p7": "cutaneous melanoma", "p8": "malignant melanoma", "p9": "melanoma", "p10": "metastatic malignant melanoma", "p11": "metastatic melanoma", "p12": "mucosal melanoma", "p13": "relapsed melanoma", "p14": "ATC", "p15": "L01%", "p16": "367336001", "p17": "antineoplastic chemotherapy", "p18": "carboplatin", "p19": "chemotherapeutic agent", "p20": "chemotherapy", "p21": "cisplatin", "p22": "cyclophosphamide", "p23": "cytotoxic agent", "p24": "cytotoxic chemotherapy", "p25": "dacarbazine", "p26": "docetaxel", "p27": "doxorubicin", "p28": "etoposide", "p29": "fludarabine", "p30": "fluorouracil", "p31": "fotemustine", "p32": "gemcitabine", "p33": "l01", "p34": "nab paclitaxel", "p35": "nab-paclitaxel", "p36": "oxaliplatin", "p37": "paclitaxel", "p38": "temozolomide", "p39": "vinblastine", "p40": "vincristine", "p41": "76334006", "p42": "aldesleukin", "p43": "cancer immunotherapy", "p44": "high dose interleukin 2", "p45": "high-dose interleukin-2", "p46": "immune therapy", "p47": "immunotherapy", "p48": "interferon alfa", "p49": "interleukin 2", "p50": "interleukin-2", "p51": "ipilimumab", "p52": "nivolumab", "p53": "pembrolizumab", "p54": "relatlimab", "p55": "haploidentical donor", "p56": "haploidentical donor available", "p57": "haploidentical family donor", "p58": "willing haploidentical donor", "p59": "LOINC", "p60": "89247-1", "p61": "calgb performance status", "p62": "cancer and leukemia group b performance status", "p63": "eastern cooperative oncology group", "p64": "eastern cooperative oncology group performance status", "p65": "eastern cooperative oncology group performance status score", "p66": "eastern cooperative oncology group score", "p67": "ecog", "p68": "ecog performance status", "p69": "ecog ps", "p70": "ecog score", "p71": "ecog scores", "p72": "ecog status", "p73": "ecog-ps", "p74": "gog performance status", "p75": "gynecologic oncology group performance status", "p76": "performance status", "p77": "ps", "p78": "who performance status", "p79": "who ps", "p80": "zubrod", "p81": "zubrod performance status", "p82": "zubrod score", "p83": 90, "p84": 1, "p85": 18, "p86": 75, "p87": "measurable disease", "p88": "measurable disease per recist", "p89": "measurable lesion", "p90": "recist measurable disease", "p91": "%", "p92": "10230-1", "p93": "ef", "p94": "eject fraction", "p95": "ejection fraction", "p96": "left ventricle ejection fraction", "p97": "left ventricular ef", "p98": "left ventricular ejection fraction", "p99": "lv ef", "p100": "lv ejection fraction", "p101": "lvef", "p102": "lvef%", "p103": "ventricular ef", "p104": "ventricular ejection fraction", "p105": 45, "p106": "carbon monoxide diffusing capacity", "p107": "diffusing capacity", "p108": "diffusing capacity for carbon monoxide", "p109": "diffusing capacity of the lung for carbon monoxide", "p110": "diffusion capacity", "p111": "diffusion capacity for carbon monoxide", "p112": "dlco", "p113": "dlco % predicted", "p114": "dlco %pred", "p115": "dlco adjusted for hemoglobin", "p116": "dlco corrected for hemoglobin", "p117": "dlco percent predicted", "p118": "dlco pred", "p119": "dlco predicted", "p120": "dlco% predicted", "p121": "predicted dlco", "p122": "tlco", "p123": 50, "p124": "10*9/L", "p125": "10*3/uL", "p126": "10*3/mm3", "p127": "/uL", "p128": 0.001, "p129": "/mm3", "p130": "10*6/uL", "p131": 1000, "p132": "751-8", "p133": "absolute granulocyte", "p134": "absolute granulocyte count", "p135": "absolute granulocytes", "p136": "absolute neutrophil", "p137": "absolute neutrophil count", "p138": "absolute neutrophil counts", "p139": "absolute neutrophils", "p140": "agc", "p141": "anc", "p142": "granulocyte", "p143": "granulocyte count", "p144": "granulocytes", "p145": "hematologic anc", "p146": "neutrophil", "p147": "neutrophil count", "p148": "neutrophil counts", "p149": "neutrophils", "p150": "pmn count", "p151": "polymorphonuclear neutrophil", "p152": "polymorphonuclear neutrophils", "p153": "segmented neutrophil band", "p154": "segmented neutrophils + bands", "p155": 1.5, "p156": "777-3", "p157": "blood platelet", "p158": "blood platelet count", "p159": "blood platelets", "p160": "platelet", "p161": "platelet count", "p162": "platelet counts", "p163": "platelets", "p164": "platelets count", "p165": "plt", "p166": "plt count", "p167": "plts", "p168": "thrombocyte", "p169": "thrombocyte count", "p170": "thrombocytes", "p171": 100, "p172": "g/dL", "p173": "g/L", "p174": 0.1, "p175": "mg/dL", "p176": "mg/L", "p177": 0.0001, "p178": "mmol/L", "p179": 1.6114, "p180": "umol/L", "p181": 0.0016114, "p182": "59260-0", "p183": "718-7", "p184": "blood hemoglobin", "p185": "haemoglobin", "p186": "haemoglobin concentration", "p187": "hb", "p188": "hb concentration", "p189": "hemaglobin", "p190": "hemoglobin", "p191": "hemoglobin concentration", "p192": "hgb", "p193": "serum haemoglobin", "p194": "serum hemoglobin", "p195": 9, "p196": "14631-6", "p197": "1975-2", "p198": "bili", "p199": "bilirubin", "p200": "bilirubin total", "p201": "birilubin", "p202": "blood bilirubin", "p203": "plasma bilirubin", "p204": "serum bilirubin", "p205": "serum total bilirubin", "p206": "t bil", "p207": "t bili", "p208": "t-bil", "p209": "t.bili", "p210": "tbil", "p211": "tbili", "p212": "total bili", "p213": "total bilirubin", "p214": "total serum bilirubin", "p215": "1920-8", "p216": "asat", "p217": "aspartase aminotransferase", "p218": "aspartate amino transferase", "p219": "aspartate aminotransferase", "p220": "aspartate transaminase", "p221": "aspartate-aminotransferase", "p222": "ast", "p223": "glutamic oxalacetic transaminase", "p224": "glutamic oxaloacetic transaminase", "p225": "glutamic-oxalacetic transaminase", "p226": "serum aspartate aminotransferase", "p227": "serum aspartate transaminase", "p228": "serum ast", "p229": "serum glutamic oxaloacetic transaminase", "p230": "serum glutamic-oxaloacetic transaminase", "p231": "serum sgot", "p232": "sgot", "p233": "spartate aminotransferase", "p234": 2.5, "p235": "1742-6", "p236": "alanine amino transferase", "p237": "alanine aminotransaminase", "p238": "alanine aminotransferase", "p239": "alanine transaminase", "p240": "alanine-aminotransferase", "p241": "alat", "p242": "alt", "p243": "glutamic pyruvic transaminase", "p244": "glutamic-pyruvic transaminase", "p245": "gpt", "p246": "serum alanine aminotransferase", "p247": "serum alanine transaminase", "p248": "serum alt", "p249": "serum glutamate pyruvate transaminase", "p250": "serum glutamic pyruvic transaminase", "p251": "serum glutamic-pyruvic transaminase", "p252": "serum gpt", "p253": "serum sgpt", "p254": "sgpt", "p255": "6768-6", "p256": "alk pho", "p257": "alk phos", "p258": "alkalic phosphatase", "p259": "alkaline phosphatase", "p260": "alkaline phosphatases", "p261": "alkpho", "p262": "alkphos", "p263": "alp", "p264": "ap", "p265": "serum alkaline phosphatase", "p266": "14682-9", "p267": "2160-0", "p268": "blood creatinine", "p269": "cr", "p270": "creat", "p271": "creatinen", "p272": "creatinin", "p273": "creatinine", "p274": "creatinine serum", "p275": "increase in s creatinine", "p276": "increase in s-creatinine", "p277": "plasma creatinine", "p278": "s cr", "p279": "s creatinine", "p280": "s-cr", "p281": "s-creatinine", "p282": "scr", "p283": "serum cr", "p284": "serum creatinine", "p285": "serum creatinine concentration", "p286": "mL/min/{1.73_m2}", "p287": "mL/min", "p288": "2164-2", "p289": "24 hour creatinine clearance", "p290": "24 hour urinary creatinine clearance", "p291": "24 hour urine creatinine clearance", "p292": "24-hour creatinine clearance", "p293": "24-hour urinary creatinine clearance", "p294": "24-hour urine creatinine clearance", "p295": "calculated crcl", "p296": "calculated creatinine clearance", "p297": "ccr", "p298": "cl cr", "p299": "clcr", "p300": "clearance creatinine", "p301": "cockcroft gault", "p302": "cockcroft gault creatinine clearance", "p303": "cockcroft gault formula", "p304": "cockcroft-gault", "p305": "cockcroft-gault creatinine clearance", "p306": "cockcroft-gault formula", "p307": "cr cl", "p308": "crcl", "p309": "creatinin clearance", "p310": "creatinine clearance", "p311": "creatinine clearance rate", "p312": "endogenous creatinine clearance", "p313": "estimated crcl", "p314": "estimated creatinine clearance", "p315": "measured creatinine clearance", "p316": "renal clearance", "p317": "serum creatinine clearance", "p318": 60, "p319": "mo", "p320": "anticipated life expectancy", "p321": "anticipated survival", "p322": "estimated life expectancy", "p323": "estimated survival", "p324": "expected life expectancy", "p325": "expected survival", "p326": "expected survival time", "p327": "life expectancy", "p328": "life expectation", "p329": "predicted life expectancy", "p330": "predicted survival", "p331": "projected survival", "p332": "survival expectancy", "p333": 3, "p334": "informed consent", "p335": "informed consent signed", "p336": "signed informed consent", "p337": "written informed consent", "p338": 30, "p339": "adoptive cell therapy", "p340": "adoptive cell transfer", "p341": "adoptive cellular therapy", "p342": "car t cell therapy", "p343": "til therapy", "p344": "tumor infiltrating lymphocyte therapy", "p345": "allogeneic stem cell transplantation", "p346": "autologous stem cell transplantation", "p347": "bone marrow transplant", "p348": "bone marrow transplantation", "p349": "hematopoietic stem cell transplant", "p350": "hematopoietic stem cell transplantation", "p351": "hsct", "p352": "stem cell transplant", "p353": "stem cell transplantation", "p354": "B20%", "p355": "Z21%", "p356": "86406008", "p357": "b20", "p358": "hiv", "p359": "hiv disease", "p360": "hiv infection", "p361": "hiv positive", "p362": "human immunodeficiency virus infection", "p363": "z21", "p364": "B16%", "p365": "B180%", "p366": "B181%", "p367": "66071002", "p368": "b16", "p369": "b18.0", "p370": "b18.1", "p371": "chronic hepatitis b", "p372": "hbv", "p373": "hbv infection", "p374": "hepatitis b", "p375": "hepatitis b virus infection", "p376": "B171%", "p377": "B182%", "p378": "50711007", "p379": "b17.1", "p380": "b18.2", "p381": "chronic hepatitis c", "p382": "hcv", "p383": "hcv infection", "p384": "hepatitis c", "p385": "hepatitis c virus infection", "p386": "hypersensitivity to cyclophosphamide", "p387": "387420009", "p388": "cytoxan", "p389": "endoxan", "p390": "hypersensitivity to interleukin 2", "p391": "hypersensitivity to interleukin-2", "p392": "il 2", "p393": "il-2", "p394": "proleukin", "p395": "heart transplant", "p396": "heart transplantation", "p397": "kidney transplant", "p398": "kidney transplantation", "p399": "liver transplant", "p400": "liver transplantation", "p401": "lung transplant", "p402": "lung transplantation", "p403": "organ transplant", "p404": "organ transplantation", "p405": "solid organ transplant", "p406": "solid organ transplantation", "p407": "I499%", "p408": "698247007", "p409": "arrhythmia", "p410": "atrial fibrillation", "p411": "atrial flutter", "p412": "cardiac arrhythmia", "p413": "dysrhythmia", "p414": "i49.9", "p415": "ventricular fibrillation", "p416": "ventricular tachycardia", "p417": "I251%", "p418": "I259%", "p419": "414545008", "p420": "angina pectoris", "p421": "coronary artery disease", "p422": "coronary heart disease", "p423": "i25.1", "p424": "i25.9", "p425": "ischaemic heart disease", "p426": "ischemic heart disease", "p427": "myocardial infarction", "p428": "unstable angina", "p429": "Z331%", "p430": "77386006", "p431": "pregnancy", "p432": "pregnancy state", "p433": "pregnant", "p434": "z33.1", "p435": "breast feeding", "p436": "breastfeeding", "p437": "lactating", "p438": "lactation", "p439": "40733004", "p440": "active infection", "p441": "infection", "p442": "uncontrolled infection"}
WITH cs1_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p2)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p4)))
      OR lower(c.concept_name) IN ($p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13)
),
cs1_standard AS (
  SELECT c.concept_id
    FROM cs1_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs1_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs1 AS (
  SELECT concept_id FROM cs1_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs1_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs1_source AS (
  SELECT concept_id FROM cs1_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs1 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs1_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs1 UNION SELECT concept_id FROM cs1_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs1)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs1)
),
cs2_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p14 AND replace(c.concept_code, '.', '') LIKE $p15)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p16)))
      OR lower(c.concept_name) IN ($p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p35, $p36, $p37, $p38, $p39, $p40)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p35, $p36, $p37, $p38, $p39, $p40)
),
cs2_standard AS (
  SELECT c.concept_id
    FROM cs2_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs2_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs2 AS (
  SELECT concept_id FROM cs2_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs2_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs2_source AS (
  SELECT concept_id FROM cs2_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs2 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs2_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs2 UNION SELECT concept_id FROM cs2_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs2)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs2)
),
cs3_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p3 AND c.concept_code IN ($p41)))
      OR lower(c.concept_name) IN ($p41, $p42, $p43, $p44, $p45, $p46, $p47, $p48, $p49, $p50, $p51, $p52, $p53, $p54)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p41, $p42, $p43, $p44, $p45, $p46, $p47, $p48, $p49, $p50, $p51, $p52, $p53, $p54)
),
cs3_standard AS (
  SELECT c.concept_id
    FROM cs3_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs3_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs3 AS (
  SELECT concept_id FROM cs3_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs3_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs3_source AS (
  SELECT concept_id FROM cs3_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs3 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs3_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs3 UNION SELECT concept_id FROM cs3_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs3)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs3)
),
cs4_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p55, $p56, $p57, $p58)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p55, $p56, $p57, $p58)
),
cs4_standard AS (
  SELECT c.concept_id
    FROM cs4_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs4_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs4 AS (
  SELECT concept_id FROM cs4_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs4_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs4_source AS (
  SELECT concept_id FROM cs4_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs4 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs4_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs4 UNION SELECT concept_id FROM cs4_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs4)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs4)
),
cs5_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p60)))
      OR lower(c.concept_name) IN ($p60, $p61, $p62, $p63, $p64, $p65, $p66, $p67, $p68, $p69, $p70, $p71, $p72, $p73, $p74, $p75, $p76, $p77, $p78, $p79, $p80, $p81, $p82)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p60, $p61, $p62, $p63, $p64, $p65, $p66, $p67, $p68, $p69, $p70, $p71, $p72, $p73, $p74, $p75, $p76, $p77, $p78, $p79, $p80, $p81, $p82)
),
cs5_standard AS (
  SELECT c.concept_id
    FROM cs5_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs5_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs5 AS (
  SELECT concept_id FROM cs5_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs5_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs5_source AS (
  SELECT concept_id FROM cs5_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs5 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs5_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs5 UNION SELECT concept_id FROM cs5_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs5)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs5)
),
cs6_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p87, $p88, $p89, $p90)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p87, $p88, $p89, $p90)
),
cs6_standard AS (
  SELECT c.concept_id
    FROM cs6_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs6_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs6 AS (
  SELECT concept_id FROM cs6_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs6_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs6_source AS (
  SELECT concept_id FROM cs6_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs6 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs6_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs6 UNION SELECT concept_id FROM cs6_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs6)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs6)
),
cs7_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p92)))
      OR lower(c.concept_name) IN ($p92, $p93, $p94, $p95, $p96, $p97, $p98, $p99, $p100, $p101, $p102, $p103, $p104)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p92, $p93, $p94, $p95, $p96, $p97, $p98, $p99, $p100, $p101, $p102, $p103, $p104)
),
cs7_standard AS (
  SELECT c.concept_id
    FROM cs7_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs7_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs7 AS (
  SELECT concept_id FROM cs7_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs7_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs7_source AS (
  SELECT concept_id FROM cs7_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs7 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs7_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs7 UNION SELECT concept_id FROM cs7_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs7)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs7)
),
cs8_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p106, $p107, $p108, $p109, $p110, $p111, $p112, $p113, $p114, $p115, $p116, $p117, $p118, $p119, $p120, $p121, $p122)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p106, $p107, $p108, $p109, $p110, $p111, $p112, $p113, $p114, $p115, $p116, $p117, $p118, $p119, $p120, $p121, $p122)
),
cs8_standard AS (
  SELECT c.concept_id
    FROM cs8_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs8_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs8 AS (
  SELECT concept_id FROM cs8_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs8_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs8_source AS (
  SELECT concept_id FROM cs8_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs8 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs8_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs8 UNION SELECT concept_id FROM cs8_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs8)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs8)
),
cs9_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p132)))
      OR lower(c.concept_name) IN ($p132, $p133, $p134, $p135, $p136, $p137, $p138, $p139, $p140, $p141, $p142, $p143, $p144, $p145, $p146, $p147, $p148, $p149, $p150, $p151, $p152, $p153, $p154)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p132, $p133, $p134, $p135, $p136, $p137, $p138, $p139, $p140, $p141, $p142, $p143, $p144, $p145, $p146, $p147, $p148, $p149, $p150, $p151, $p152, $p153, $p154)
),
cs9_standard AS (
  SELECT c.concept_id
    FROM cs9_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs9_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs9 AS (
  SELECT concept_id FROM cs9_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs9_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs9_source AS (
  SELECT concept_id FROM cs9_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs9 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs9_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs9 UNION SELECT concept_id FROM cs9_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs9)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs9)
),
cs10_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p156)))
      OR lower(c.concept_name) IN ($p156, $p157, $p158, $p159, $p160, $p161, $p162, $p163, $p164, $p165, $p166, $p167, $p168, $p169, $p170)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p156, $p157, $p158, $p159, $p160, $p161, $p162, $p163, $p164, $p165, $p166, $p167, $p168, $p169, $p170)
),
cs10_standard AS (
  SELECT c.concept_id
    FROM cs10_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs10_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs10 AS (
  SELECT concept_id FROM cs10_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs10_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs10_source AS (
  SELECT concept_id FROM cs10_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs10 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs10_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs10 UNION SELECT concept_id FROM cs10_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs10)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs10)
),
cs11_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p182, $p183)))
      OR lower(c.concept_name) IN ($p182, $p183, $p184, $p185, $p186, $p187, $p188, $p189, $p190, $p191, $p192, $p193, $p194)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p182, $p183, $p184, $p185, $p186, $p187, $p188, $p189, $p190, $p191, $p192, $p193, $p194)
),
cs11_standard AS (
  SELECT c.concept_id
    FROM cs11_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs11_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs11 AS (
  SELECT concept_id FROM cs11_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs11_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs11_source AS (
  SELECT concept_id FROM cs11_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs11 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs11_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs11 UNION SELECT concept_id FROM cs11_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs11)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs11)
),
cs12_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p196, $p197)))
      OR lower(c.concept_name) IN ($p196, $p197, $p198, $p199, $p200, $p201, $p202, $p203, $p204, $p205, $p206, $p207, $p208, $p209, $p210, $p211, $p212, $p213, $p214)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p196, $p197, $p198, $p199, $p200, $p201, $p202, $p203, $p204, $p205, $p206, $p207, $p208, $p209, $p210, $p211, $p212, $p213, $p214)
),
cs12_standard AS (
  SELECT c.concept_id
    FROM cs12_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs12_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs12 AS (
  SELECT concept_id FROM cs12_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs12_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs12_source AS (
  SELECT concept_id FROM cs12_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs12 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs12_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs12 UNION SELECT concept_id FROM cs12_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs12)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs12)
),
cs13_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p215)))
      OR lower(c.concept_name) IN ($p215, $p216, $p217, $p218, $p219, $p220, $p221, $p222, $p223, $p224, $p225, $p226, $p227, $p228, $p229, $p230, $p231, $p232, $p233)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p215, $p216, $p217, $p218, $p219, $p220, $p221, $p222, $p223, $p224, $p225, $p226, $p227, $p228, $p229, $p230, $p231, $p232, $p233)
),
cs13_standard AS (
  SELECT c.concept_id
    FROM cs13_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs13_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs13 AS (
  SELECT concept_id FROM cs13_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs13_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs13_source AS (
  SELECT concept_id FROM cs13_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs13 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs13_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs13 UNION SELECT concept_id FROM cs13_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs13)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs13)
),
cs14_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p235)))
      OR lower(c.concept_name) IN ($p235, $p236, $p237, $p238, $p239, $p240, $p241, $p242, $p243, $p244, $p245, $p246, $p247, $p248, $p249, $p250, $p251, $p252, $p253, $p254)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p235, $p236, $p237, $p238, $p239, $p240, $p241, $p242, $p243, $p244, $p245, $p246, $p247, $p248, $p249, $p250, $p251, $p252, $p253, $p254)
),
cs14_standard AS (
  SELECT c.concept_id
    FROM cs14_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs14_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs14 AS (
  SELECT concept_id FROM cs14_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs14_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs14_source AS (
  SELECT concept_id FROM cs14_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs14 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs14_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs14 UNION SELECT concept_id FROM cs14_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs14)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs14)
),
cs15_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p255)))
      OR lower(c.concept_name) IN ($p255, $p256, $p257, $p258, $p259, $p260, $p261, $p262, $p263, $p264, $p265)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p255, $p256, $p257, $p258, $p259, $p260, $p261, $p262, $p263, $p264, $p265)
),
cs15_standard AS (
  SELECT c.concept_id
    FROM cs15_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs15_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs15 AS (
  SELECT concept_id FROM cs15_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs15_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs15_source AS (
  SELECT concept_id FROM cs15_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs15 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs15_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs15 UNION SELECT concept_id FROM cs15_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs15)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs15)
),
cs16_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p266, $p267)))
      OR lower(c.concept_name) IN ($p266, $p267, $p268, $p269, $p270, $p271, $p272, $p273, $p274, $p275, $p276, $p277, $p278, $p279, $p280, $p281, $p282, $p283, $p284, $p285)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p266, $p267, $p268, $p269, $p270, $p271, $p272, $p273, $p274, $p275, $p276, $p277, $p278, $p279, $p280, $p281, $p282, $p283, $p284, $p285)
),
cs16_standard AS (
  SELECT c.concept_id
    FROM cs16_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs16_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs16 AS (
  SELECT concept_id FROM cs16_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs16_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs16_source AS (
  SELECT concept_id FROM cs16_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs16 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs16_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs16 UNION SELECT concept_id FROM cs16_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs16)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs16)
),
cs17_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p59 AND c.concept_code IN ($p288)))
      OR lower(c.concept_name) IN ($p288, $p289, $p290, $p291, $p292, $p293, $p294, $p295, $p296, $p297, $p298, $p299, $p300, $p301, $p302, $p303, $p304, $p305, $p306, $p307, $p308, $p309, $p310, $p311, $p312, $p313, $p314, $p315, $p316, $p317)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p288, $p289, $p290, $p291, $p292, $p293, $p294, $p295, $p296, $p297, $p298, $p299, $p300, $p301, $p302, $p303, $p304, $p305, $p306, $p307, $p308, $p309, $p310, $p311, $p312, $p313, $p314, $p315, $p316, $p317)
),
cs17_standard AS (
  SELECT c.concept_id
    FROM cs17_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs17_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs17 AS (
  SELECT concept_id FROM cs17_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs17_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs17_source AS (
  SELECT concept_id FROM cs17_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs17 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs17_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs17 UNION SELECT concept_id FROM cs17_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs17)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs17)
),
cs18_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p320, $p321, $p322, $p323, $p324, $p325, $p326, $p327, $p328, $p329, $p330, $p331, $p332)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p320, $p321, $p322, $p323, $p324, $p325, $p326, $p327, $p328, $p329, $p330, $p331, $p332)
),
cs18_standard AS (
  SELECT c.concept_id
    FROM cs18_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs18_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs18 AS (
  SELECT concept_id FROM cs18_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs18_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs18_source AS (
  SELECT concept_id FROM cs18_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs18 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs18_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs18 UNION SELECT concept_id FROM cs18_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs18)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs18)
),
cs19_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p334, $p335, $p336, $p337)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p334, $p335, $p336, $p337)
),
cs19_standard AS (
  SELECT c.concept_id
    FROM cs19_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs19_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs19 AS (
  SELECT concept_id FROM cs19_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs19_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs19_source AS (
  SELECT concept_id FROM cs19_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs19 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs19_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs19 UNION SELECT concept_id FROM cs19_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs19)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs19)
),
cs20_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p339, $p340, $p341, $p342, $p343, $p344)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p339, $p340, $p341, $p342, $p343, $p344)
),
cs20_standard AS (
  SELECT c.concept_id
    FROM cs20_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs20_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs20 AS (
  SELECT concept_id FROM cs20_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs20_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs20_source AS (
  SELECT concept_id FROM cs20_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs20 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs20_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs20 UNION SELECT concept_id FROM cs20_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs20)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs20)
),
cs21_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p345, $p346, $p347, $p348, $p349, $p350, $p351, $p352, $p353)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p345, $p346, $p347, $p348, $p349, $p350, $p351, $p352, $p353)
),
cs21_standard AS (
  SELECT c.concept_id
    FROM cs21_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs21_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs21 AS (
  SELECT concept_id FROM cs21_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs21_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs21_source AS (
  SELECT concept_id FROM cs21_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs21 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs21_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs21 UNION SELECT concept_id FROM cs21_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs21)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs21)
),
cs22_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p354)
          OR (c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p355)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p356)))
      OR lower(c.concept_name) IN ($p356, $p357, $p358, $p359, $p360, $p361, $p362, $p363)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p356, $p357, $p358, $p359, $p360, $p361, $p362, $p363)
),
cs22_standard AS (
  SELECT c.concept_id
    FROM cs22_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs22_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs22 AS (
  SELECT concept_id FROM cs22_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs22_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs22_source AS (
  SELECT concept_id FROM cs22_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs22 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs22_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs22 UNION SELECT concept_id FROM cs22_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs22)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs22)
),
cs23_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p364)
          OR (c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p365)
          OR (c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p366)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p367)))
      OR lower(c.concept_name) IN ($p367, $p368, $p369, $p370, $p371, $p372, $p373, $p374, $p375)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p367, $p368, $p369, $p370, $p371, $p372, $p373, $p374, $p375)
),
cs23_standard AS (
  SELECT c.concept_id
    FROM cs23_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs23_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs23 AS (
  SELECT concept_id FROM cs23_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs23_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs23_source AS (
  SELECT concept_id FROM cs23_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs23 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs23_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs23 UNION SELECT concept_id FROM cs23_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs23)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs23)
),
cs24_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p376)
          OR (c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p377)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p378)))
      OR lower(c.concept_name) IN ($p378, $p379, $p380, $p381, $p382, $p383, $p384, $p385)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p378, $p379, $p380, $p381, $p382, $p383, $p384, $p385)
),
cs24_standard AS (
  SELECT c.concept_id
    FROM cs24_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs24_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs24 AS (
  SELECT concept_id FROM cs24_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs24_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs24_source AS (
  SELECT concept_id FROM cs24_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs24 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs24_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs24 UNION SELECT concept_id FROM cs24_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs24)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs24)
),
cs25_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p386)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p386)
),
cs25_standard AS (
  SELECT c.concept_id
    FROM cs25_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs25_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs25 AS (
  SELECT concept_id FROM cs25_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs25_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs25_source AS (
  SELECT concept_id FROM cs25_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs25 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs25_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs25 UNION SELECT concept_id FROM cs25_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs25)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs25)
),
cs26_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p3 AND c.concept_code IN ($p387)))
      OR lower(c.concept_name) IN ($p387, $p22, $p388, $p389)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p387, $p22, $p388, $p389)
),
cs26_standard AS (
  SELECT c.concept_id
    FROM cs26_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs26_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs26 AS (
  SELECT concept_id FROM cs26_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs26_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs26_source AS (
  SELECT concept_id FROM cs26_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs26 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs26_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs26 UNION SELECT concept_id FROM cs26_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs26)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs26)
),
cs27_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p390, $p391)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p390, $p391)
),
cs27_standard AS (
  SELECT c.concept_id
    FROM cs27_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs27_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs27 AS (
  SELECT concept_id FROM cs27_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs27_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs27_source AS (
  SELECT concept_id FROM cs27_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs27 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs27_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs27 UNION SELECT concept_id FROM cs27_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs27)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs27)
),
cs28_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p42, $p392, $p393, $p49, $p50, $p394)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p42, $p392, $p393, $p49, $p50, $p394)
),
cs28_standard AS (
  SELECT c.concept_id
    FROM cs28_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs28_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs28 AS (
  SELECT concept_id FROM cs28_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs28_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs28_source AS (
  SELECT concept_id FROM cs28_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs28 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs28_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs28 UNION SELECT concept_id FROM cs28_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs28)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs28)
),
cs29_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p395, $p396, $p397, $p398, $p399, $p400, $p401, $p402, $p403, $p404, $p405, $p406)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p395, $p396, $p397, $p398, $p399, $p400, $p401, $p402, $p403, $p404, $p405, $p406)
),
cs29_standard AS (
  SELECT c.concept_id
    FROM cs29_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs29_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs29 AS (
  SELECT concept_id FROM cs29_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs29_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs29_source AS (
  SELECT concept_id FROM cs29_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs29 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs29_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs29 UNION SELECT concept_id FROM cs29_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs29)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs29)
),
cs30_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p407)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p408)))
      OR lower(c.concept_name) IN ($p408, $p409, $p410, $p411, $p412, $p413, $p414, $p415, $p416)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p408, $p409, $p410, $p411, $p412, $p413, $p414, $p415, $p416)
),
cs30_standard AS (
  SELECT c.concept_id
    FROM cs30_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs30_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs30 AS (
  SELECT concept_id FROM cs30_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs30_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs30_source AS (
  SELECT concept_id FROM cs30_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs30 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs30_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs30 UNION SELECT concept_id FROM cs30_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs30)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs30)
),
cs31_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p417)
          OR (c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p418)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p419)))
      OR lower(c.concept_name) IN ($p419, $p420, $p421, $p422, $p423, $p424, $p425, $p426, $p427, $p428)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p419, $p420, $p421, $p422, $p423, $p424, $p425, $p426, $p427, $p428)
),
cs31_standard AS (
  SELECT c.concept_id
    FROM cs31_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs31_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs31 AS (
  SELECT concept_id FROM cs31_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs31_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs31_source AS (
  SELECT concept_id FROM cs31_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs31 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs31_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs31 UNION SELECT concept_id FROM cs31_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs31)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs31)
),
cs32_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p1 AND replace(c.concept_code, '.', '') LIKE $p429)
          OR (c.vocabulary_id = $p3 AND c.concept_code IN ($p430)))
      OR lower(c.concept_name) IN ($p430, $p431, $p432, $p433, $p434)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p430, $p431, $p432, $p433, $p434)
),
cs32_standard AS (
  SELECT c.concept_id
    FROM cs32_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs32_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs32 AS (
  SELECT concept_id FROM cs32_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs32_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs32_source AS (
  SELECT concept_id FROM cs32_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs32 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs32_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs32 UNION SELECT concept_id FROM cs32_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs32)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs32)
),
cs33_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE FALSE
      OR lower(c.concept_name) IN ($p435, $p436, $p437, $p438)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p435, $p436, $p437, $p438)
),
cs33_standard AS (
  SELECT c.concept_id
    FROM cs33_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs33_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs33 AS (
  SELECT concept_id FROM cs33_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs33_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs33_source AS (
  SELECT concept_id FROM cs33_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs33 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs33_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs33 UNION SELECT concept_id FROM cs33_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs33)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs33)
),
cs34_seed AS (
  SELECT c.concept_id
    FROM concept AS c
   WHERE ((c.vocabulary_id = $p3 AND c.concept_code IN ($p439)))
      OR lower(c.concept_name) IN ($p439, $p440, $p441, $p442)
  UNION
  SELECT s.concept_id
    FROM concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN ($p439, $p440, $p441, $p442)
),
cs34_standard AS (
  SELECT c.concept_id
    FROM cs34_seed AS seed
    JOIN concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM cs34_seed AS seed
    JOIN concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs34 AS (
  SELECT concept_id FROM cs34_standard
  UNION
  SELECT a.descendant_concept_id
    FROM cs34_standard AS st
    JOIN concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
cs34_source AS (
  SELECT concept_id FROM cs34_seed
  UNION
  SELECT r.concept_id_1
    FROM concept_relationship AS r
    JOIN cs34 AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
cs34_text AS (
  SELECT lower(c.concept_code) AS text
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs34 UNION SELECT concept_id FROM cs34_source)
  UNION
  SELECT lower(c.concept_name)
    FROM concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM cs34)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM cs34)
)
SELECT p.person_id
  FROM person AS p
 WHERE -- inc-1: Histologically confirmed metastatic or relapsed malignant melanoma
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id IN (SELECT concept_id FROM cs1)
                       OR v.condition_source_concept_id IN (SELECT concept_id FROM cs1_source)
                       OR (COALESCE(v.condition_concept_id, 0) = 0
                           AND (lower(v.condition_source_value) IN (SELECT text FROM cs1_text)
                                OR lower(v.condition_source_value) IN ($p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13))))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-2: Patients who received prior chemotherapy or immunotherapy
       (EXISTS (SELECT 1
                  FROM drug_exposure AS v
                 WHERE v.person_id = p.person_id
                   AND (v.drug_concept_id IN (SELECT concept_id FROM cs2)
                        OR v.drug_source_concept_id IN (SELECT concept_id FROM cs2_source)
                        OR (COALESCE(v.drug_concept_id, 0) = 0
                            AND (lower(v.drug_source_value) IN (SELECT text FROM cs2_text)
                                 OR lower(v.drug_source_value) IN ($p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p35, $p36, $p37, $p38, $p39, $p40))))
                   AND v.drug_exposure_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM drug_exposure AS v
                    WHERE v.person_id = p.person_id
                      AND (v.drug_concept_id IN (SELECT concept_id FROM cs3)
                           OR v.drug_source_concept_id IN (SELECT concept_id FROM cs3_source)
                           OR (COALESCE(v.drug_concept_id, 0) = 0
                               AND (lower(v.drug_source_value) IN (SELECT text FROM cs3_text)
                                    OR lower(v.drug_source_value) IN ($p41, $p42, $p43, $p44, $p45, $p46, $p47, $p48, $p49, $p50, $p51, $p52, $p53, $p54))))
                      AND v.drug_exposure_start_date <= CAST($index_date AS DATE)))
   AND -- inc-3: Patients who have at least one haploidentical donor willing to donate
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id IN (SELECT concept_id FROM cs4)
                        OR v.condition_source_concept_id IN (SELECT concept_id FROM cs4_source)
                        OR (COALESCE(v.condition_concept_id, 0) = 0
                            AND (lower(v.condition_source_value) IN (SELECT text FROM cs4_text)
                                 OR lower(v.condition_source_value) IN ($p55, $p56, $p57, $p58))))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id IN (SELECT concept_id FROM cs4)
                           OR v.procedure_source_concept_id IN (SELECT concept_id FROM cs4_source)
                           OR (COALESCE(v.procedure_concept_id, 0) = 0
                               AND (lower(v.procedure_source_value) IN (SELECT text FROM cs4_text)
                                    OR lower(v.procedure_source_value) IN ($p55, $p56, $p57, $p58))))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id IN (SELECT concept_id FROM cs4)
                                       OR v.observation_source_concept_id IN (SELECT concept_id FROM cs4_source)
                                       OR (COALESCE(v.observation_concept_id, 0) = 0
                                           AND (lower(v.observation_source_value) IN (SELECT text FROM cs4_text)
                                                OR lower(v.observation_source_value) IN ($p55, $p56, $p57, $p58))))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND -- inc-4: ECOG performance status 0 or 1
       ((SELECT v.value_as_number
           FROM measurement AS v
           LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id IN (SELECT concept_id FROM cs5)
                 OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs5_source)
                 OR (COALESCE(v.measurement_concept_id, 0) = 0
                     AND (lower(v.measurement_source_value) IN (SELECT text FROM cs5_text)
                          OR lower(v.measurement_source_value) IN ($p60, $p61, $p62, $p63, $p64, $p65, $p66, $p67, $p68, $p69, $p70, $p71, $p72, $p73, $p74, $p75, $p76, $p77, $p78, $p79, $p80, $p81, $p82))))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) <= $p84)
   AND -- inc-5: 18 - 75 years
       (((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
           - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                       < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                  THEN 1 ELSE 0 END) >= $p85)
        AND ((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
               - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                           < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                      THEN 1 ELSE 0 END) <= $p86))
   AND -- inc-6: At least one measurable disease according to the RECIST criteria
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id IN (SELECT concept_id FROM cs6)
                       OR v.condition_source_concept_id IN (SELECT concept_id FROM cs6_source)
                       OR (COALESCE(v.condition_concept_id, 0) = 0
                           AND (lower(v.condition_source_value) IN (SELECT text FROM cs6_text)
                                OR lower(v.condition_source_value) IN ($p87, $p88, $p89, $p90))))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-7: Patients with 45% or more left ventricular ejection fraction
       ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p91 THEN $p84
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p91 THEN $p84
                                     END)
           FROM measurement AS v
           LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id IN (SELECT concept_id FROM cs7)
                 OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs7_source)
                 OR (COALESCE(v.measurement_concept_id, 0) = 0
                     AND (lower(v.measurement_source_value) IN (SELECT text FROM cs7_text)
                          OR lower(v.measurement_source_value) IN ($p92, $p93, $p94, $p95, $p96, $p97, $p98, $p99, $p100, $p101, $p102, $p103, $p104))))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p105)
   AND -- inc-8: Patients with 50% or more predicted DLCO
       ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p91 THEN $p84
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p91 THEN $p84
                                     END)
           FROM measurement AS v
           LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id IN (SELECT concept_id FROM cs8)
                 OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs8_source)
                 OR (COALESCE(v.measurement_concept_id, 0) = 0
                     AND (lower(v.measurement_source_value) IN (SELECT text FROM cs8_text)
                          OR lower(v.measurement_source_value) IN ($p106, $p107, $p108, $p109, $p110, $p111, $p112, $p113, $p114, $p115, $p116, $p117, $p118, $p119, $p120, $p121, $p122))))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p123)
   AND -- inc-9: Adequate bone marrow function: absolute neutrophil count ≥ 1.5 x 109/L; platelet count ≥ 100 x 109/L; and hemoglobin ≥ 9 g/dL
       (((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p124 THEN $p84
                                           WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p125 THEN $p84
                                           WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p126 THEN $p84
                                           WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p127 THEN $p128
                                           WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p129 THEN $p128
                                           WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p130 THEN $p131
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p124 THEN $p84
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p125 THEN $p84
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p126 THEN $p84
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p127 THEN $p128
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p129 THEN $p128
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p130 THEN $p131
                                      END)
            FROM measurement AS v
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN (SELECT concept_id FROM cs9)
                  OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs9_source)
                  OR (COALESCE(v.measurement_concept_id, 0) = 0
                      AND (lower(v.measurement_source_value) IN (SELECT text FROM cs9_text)
                           OR lower(v.measurement_source_value) IN ($p132, $p133, $p134, $p135, $p136, $p137, $p138, $p139, $p140, $p141, $p142, $p143, $p144, $p145, $p146, $p147, $p148, $p149, $p150, $p151, $p152, $p153, $p154))))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) >= $p155)
        AND ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p124 THEN $p84
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p125 THEN $p84
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p126 THEN $p84
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p127 THEN $p128
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p129 THEN $p128
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p130 THEN $p131
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p124 THEN $p84
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p125 THEN $p84
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p126 THEN $p84
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p127 THEN $p128
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p129 THEN $p128
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p130 THEN $p131
                                          END)
                FROM measurement AS v
                LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN (SELECT concept_id FROM cs10)
                      OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs10_source)
                      OR (COALESCE(v.measurement_concept_id, 0) = 0
                          AND (lower(v.measurement_source_value) IN (SELECT text FROM cs10_text)
                               OR lower(v.measurement_source_value) IN ($p156, $p157, $p158, $p159, $p160, $p161, $p162, $p163, $p164, $p165, $p166, $p167, $p168, $p169, $p170))))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p171)
        AND ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p172 THEN $p84
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p173 THEN $p174
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p175 THEN $p128
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p176 THEN $p177
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p178 THEN $p179
                                               WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p180 THEN $p181
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p172 THEN $p84
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p173 THEN $p174
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p175 THEN $p128
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p176 THEN $p177
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p178 THEN $p179
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p180 THEN $p181
                                          END)
                FROM measurement AS v
                LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN (SELECT concept_id FROM cs11)
                      OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs11_source)
                      OR (COALESCE(v.measurement_concept_id, 0) = 0
                          AND (lower(v.measurement_source_value) IN (SELECT text FROM cs11_text)
                               OR lower(v.measurement_source_value) IN ($p182, $p183, $p184, $p185, $p186, $p187, $p188, $p189, $p190, $p191, $p192, $p193, $p194))))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p195))
   AND -- inc-10: Adequate liver function: total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN; and alkaline phosphatase ≤ 2.5 x ULN
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN (SELECT concept_id FROM cs12)
                  OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs12_source)
                  OR (COALESCE(v.measurement_concept_id, 0) = 0
                      AND (lower(v.measurement_source_value) IN (SELECT text FROM cs12_text)
                           OR lower(v.measurement_source_value) IN ($p196, $p197, $p198, $p199, $p200, $p201, $p202, $p203, $p204, $p205, $p206, $p207, $p208, $p209, $p210, $p211, $p212, $p213, $p214))))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p84)
        AND (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                 FROM measurement AS v
                 LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
                WHERE v.person_id = p.person_id
                  AND (v.measurement_concept_id IN (SELECT concept_id FROM cs13)
                       OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs13_source)
                       OR (COALESCE(v.measurement_concept_id, 0) = 0
                           AND (lower(v.measurement_source_value) IN (SELECT text FROM cs13_text)
                                OR lower(v.measurement_source_value) IN ($p215, $p216, $p217, $p218, $p219, $p220, $p221, $p222, $p223, $p224, $p225, $p226, $p227, $p228, $p229, $p230, $p231, $p232, $p233))))
                  AND v.value_as_number IS NOT NULL
                  AND (v.measurement_date <= CAST($index_date AS DATE)
                       AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
                ORDER BY v.measurement_date DESC, v.measurement_id DESC
                LIMIT 1) <= $p234)
             AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                     FROM measurement AS v
                     LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
                    WHERE v.person_id = p.person_id
                      AND (v.measurement_concept_id IN (SELECT concept_id FROM cs14)
                           OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs14_source)
                           OR (COALESCE(v.measurement_concept_id, 0) = 0
                               AND (lower(v.measurement_source_value) IN (SELECT text FROM cs14_text)
                                    OR lower(v.measurement_source_value) IN ($p235, $p236, $p237, $p238, $p239, $p240, $p241, $p242, $p243, $p244, $p245, $p246, $p247, $p248, $p249, $p250, $p251, $p252, $p253, $p254))))
                      AND v.value_as_number IS NOT NULL
                      AND (v.measurement_date <= CAST($index_date AS DATE)
                           AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
                    ORDER BY v.measurement_date DESC, v.measurement_id DESC
                    LIMIT 1) <= $p234))
        AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                FROM measurement AS v
                LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN (SELECT concept_id FROM cs15)
                      OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs15_source)
                      OR (COALESCE(v.measurement_concept_id, 0) = 0
                          AND (lower(v.measurement_source_value) IN (SELECT text FROM cs15_text)
                               OR lower(v.measurement_source_value) IN ($p255, $p256, $p257, $p258, $p259, $p260, $p261, $p262, $p263, $p264, $p265))))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) <= $p234))
   AND -- inc-11: Adequate renal function: serum creatinine ≤ 1.0 x ULN or creatinine clearance ≥ 60 mL/min/1.73m2
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
            LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN (SELECT concept_id FROM cs16)
                  OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs16_source)
                  OR (COALESCE(v.measurement_concept_id, 0) = 0
                      AND (lower(v.measurement_source_value) IN (SELECT text FROM cs16_text)
                           OR lower(v.measurement_source_value) IN ($p266, $p267, $p268, $p269, $p270, $p271, $p272, $p273, $p274, $p275, $p276, $p277, $p278, $p279, $p280, $p281, $p282, $p283, $p284, $p285))))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p84)
        OR ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p286 THEN $p84
                                              WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p287 THEN $p84
                                              WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p286 THEN $p84
                                              WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p287 THEN $p84
                                         END)
               FROM measurement AS v
               LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
              WHERE v.person_id = p.person_id
                AND (v.measurement_concept_id IN (SELECT concept_id FROM cs17)
                     OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs17_source)
                     OR (COALESCE(v.measurement_concept_id, 0) = 0
                         AND (lower(v.measurement_source_value) IN (SELECT text FROM cs17_text)
                              OR lower(v.measurement_source_value) IN ($p288, $p289, $p290, $p291, $p292, $p293, $p294, $p295, $p296, $p297, $p298, $p299, $p300, $p301, $p302, $p303, $p304, $p305, $p306, $p307, $p308, $p309, $p310, $p311, $p312, $p313, $p314, $p315, $p316, $p317))))
                AND v.value_as_number IS NOT NULL
                AND (v.measurement_date <= CAST($index_date AS DATE)
                     AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
              ORDER BY v.measurement_date DESC, v.measurement_id DESC
              LIMIT 1) >= $p318))
   AND -- inc-12: At least 3 months of expected survival
       ((SELECT v.value_as_number * (CASE WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = $p319 THEN $p84
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p319 THEN $p84
                                     END)
           FROM measurement AS v
           LEFT JOIN concept AS u ON u.concept_id = v.unit_concept_id
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id IN (SELECT concept_id FROM cs18)
                 OR v.measurement_source_concept_id IN (SELECT concept_id FROM cs18_source)
                 OR (COALESCE(v.measurement_concept_id, 0) = 0
                     AND (lower(v.measurement_source_value) IN (SELECT text FROM cs18_text)
                          OR lower(v.measurement_source_value) IN ($p320, $p321, $p322, $p323, $p324, $p325, $p326, $p327, $p328, $p329, $p330, $p331, $p332))))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p83 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p333)
   AND -- inc-13: Patients who signed informed consent
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id IN (SELECT concept_id FROM cs19)
                        OR v.condition_source_concept_id IN (SELECT concept_id FROM cs19_source)
                        OR (COALESCE(v.condition_concept_id, 0) = 0
                            AND (lower(v.condition_source_value) IN (SELECT text FROM cs19_text)
                                 OR lower(v.condition_source_value) IN ($p334, $p335, $p336, $p337))))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id IN (SELECT concept_id FROM cs19)
                           OR v.procedure_source_concept_id IN (SELECT concept_id FROM cs19_source)
                           OR (COALESCE(v.procedure_concept_id, 0) = 0
                               AND (lower(v.procedure_source_value) IN (SELECT text FROM cs19_text)
                                    OR lower(v.procedure_source_value) IN ($p334, $p335, $p336, $p337))))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id IN (SELECT concept_id FROM cs19)
                                       OR v.observation_source_concept_id IN (SELECT concept_id FROM cs19_source)
                                       OR (COALESCE(v.observation_concept_id, 0) = 0
                                           AND (lower(v.observation_source_value) IN (SELECT text FROM cs19_text)
                                                OR lower(v.observation_source_value) IN ($p334, $p335, $p336, $p337))))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND NOT (-- exc-1: Patients who received other chemotherapeutic agents within 30 days prior to study enrollment
             EXISTS (SELECT 1
                       FROM drug_exposure AS v
                      WHERE v.person_id = p.person_id
                        AND (v.drug_concept_id IN (SELECT concept_id FROM cs2)
                             OR v.drug_source_concept_id IN (SELECT concept_id FROM cs2_source)
                             OR (COALESCE(v.drug_concept_id, 0) = 0
                                 AND (lower(v.drug_source_value) IN (SELECT text FROM cs2_text)
                                      OR lower(v.drug_source_value) IN ($p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p35, $p36, $p37, $p38, $p39, $p40))))
                        AND (v.drug_exposure_start_date <= CAST($index_date AS DATE)
                             AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST($index_date AS DATE) - CAST($p338 AS INTEGER)))
          OR -- exc-2: Patients who received adoptive cell therapy including hematopoietic stem cell transplantation
             (EXISTS (SELECT 1
                        FROM procedure_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.procedure_concept_id IN (SELECT concept_id FROM cs20)
                              OR v.procedure_source_concept_id IN (SELECT concept_id FROM cs20_source)
                              OR (COALESCE(v.procedure_concept_id, 0) = 0
                                  AND (lower(v.procedure_source_value) IN (SELECT text FROM cs20_text)
                                       OR lower(v.procedure_source_value) IN ($p339, $p340, $p341, $p342, $p343, $p344))))
                         AND v.procedure_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM procedure_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.procedure_concept_id IN (SELECT concept_id FROM cs21)
                                 OR v.procedure_source_concept_id IN (SELECT concept_id FROM cs21_source)
                                 OR (COALESCE(v.procedure_concept_id, 0) = 0
                                     AND (lower(v.procedure_source_value) IN (SELECT text FROM cs21_text)
                                          OR lower(v.procedure_source_value) IN ($p345, $p346, $p347, $p348, $p349, $p350, $p351, $p352, $p353))))
                            AND v.procedure_date <= CAST($index_date AS DATE)))
          OR -- exc-3: Patients infected with HIV, HBV, or HCV
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id IN (SELECT concept_id FROM cs22)
                              OR v.condition_source_concept_id IN (SELECT concept_id FROM cs22_source)
                              OR (COALESCE(v.condition_concept_id, 0) = 0
                                  AND (lower(v.condition_source_value) IN (SELECT text FROM cs22_text)
                                       OR lower(v.condition_source_value) IN ($p356, $p357, $p358, $p359, $p360, $p361, $p362, $p363))))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN (SELECT concept_id FROM cs23)
                                 OR v.condition_source_concept_id IN (SELECT concept_id FROM cs23_source)
                                 OR (COALESCE(v.condition_concept_id, 0) = 0
                                     AND (lower(v.condition_source_value) IN (SELECT text FROM cs23_text)
                                          OR lower(v.condition_source_value) IN ($p367, $p368, $p369, $p370, $p371, $p372, $p373, $p374, $p375))))
                            AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN (SELECT concept_id FROM cs24)
                                 OR v.condition_source_concept_id IN (SELECT concept_id FROM cs24_source)
                                 OR (COALESCE(v.condition_concept_id, 0) = 0
                                     AND (lower(v.condition_source_value) IN (SELECT text FROM cs24_text)
                                          OR lower(v.condition_source_value) IN ($p378, $p379, $p380, $p381, $p382, $p383, $p384, $p385))))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-4: Hypersensitivity to cyclophosphamide or interleukin-2
             ((EXISTS (SELECT 1
                         FROM condition_occurrence AS v
                        WHERE v.person_id = p.person_id
                          AND (v.condition_concept_id IN (SELECT concept_id FROM cs25)
                               OR v.condition_source_concept_id IN (SELECT concept_id FROM cs25_source)
                               OR (COALESCE(v.condition_concept_id, 0) = 0
                                   AND (lower(v.condition_source_value) IN (SELECT text FROM cs25_text)
                                        OR lower(v.condition_source_value) IN ($p386))))
                          AND v.condition_start_date <= CAST($index_date AS DATE))
               OR EXISTS (SELECT 1
                            FROM observation AS v
                           WHERE v.person_id = p.person_id
                             AND (v.observation_concept_id IN (SELECT concept_id FROM cs26)
                                  OR v.observation_source_concept_id IN (SELECT concept_id FROM cs26_source)
                                  OR (COALESCE(v.observation_concept_id, 0) = 0
                                      AND (lower(v.observation_source_value) IN (SELECT text FROM cs26_text)
                                           OR lower(v.observation_source_value) IN ($p387, $p22, $p388, $p389))))
                             AND v.observation_date <= CAST($index_date AS DATE)))
              OR (EXISTS (SELECT 1
                            FROM condition_occurrence AS v
                           WHERE v.person_id = p.person_id
                             AND (v.condition_concept_id IN (SELECT concept_id FROM cs27)
                                  OR v.condition_source_concept_id IN (SELECT concept_id FROM cs27_source)
                                  OR (COALESCE(v.condition_concept_id, 0) = 0
                                      AND (lower(v.condition_source_value) IN (SELECT text FROM cs27_text)
                                           OR lower(v.condition_source_value) IN ($p390, $p391))))
                             AND v.condition_start_date <= CAST($index_date AS DATE))
                  OR EXISTS (SELECT 1
                               FROM observation AS v
                              WHERE v.person_id = p.person_id
                                AND (v.observation_concept_id IN (SELECT concept_id FROM cs28)
                                     OR v.observation_source_concept_id IN (SELECT concept_id FROM cs28_source)
                                     OR (COALESCE(v.observation_concept_id, 0) = 0
                                         AND (lower(v.observation_source_value) IN (SELECT text FROM cs28_text)
                                              OR lower(v.observation_source_value) IN ($p42, $p392, $p393, $p49, $p50, $p394))))
                                AND v.observation_date <= CAST($index_date AS DATE))))
          OR -- exc-5: Patients who received organ transplantation
             EXISTS (SELECT 1
                       FROM procedure_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.procedure_concept_id IN (SELECT concept_id FROM cs29)
                             OR v.procedure_source_concept_id IN (SELECT concept_id FROM cs29_source)
                             OR (COALESCE(v.procedure_concept_id, 0) = 0
                                 AND (lower(v.procedure_source_value) IN (SELECT text FROM cs29_text)
                                      OR lower(v.procedure_source_value) IN ($p395, $p396, $p397, $p398, $p399, $p400, $p401, $p402, $p403, $p404, $p405, $p406))))
                        AND v.procedure_date <= CAST($index_date AS DATE))
          OR -- exc-6: Patients who had arrhythmia or ischemic heart disease
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id IN (SELECT concept_id FROM cs30)
                              OR v.condition_source_concept_id IN (SELECT concept_id FROM cs30_source)
                              OR (COALESCE(v.condition_concept_id, 0) = 0
                                  AND (lower(v.condition_source_value) IN (SELECT text FROM cs30_text)
                                       OR lower(v.condition_source_value) IN ($p408, $p409, $p410, $p411, $p412, $p413, $p414, $p415, $p416))))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN (SELECT concept_id FROM cs31)
                                 OR v.condition_source_concept_id IN (SELECT concept_id FROM cs31_source)
                                 OR (COALESCE(v.condition_concept_id, 0) = 0
                                     AND (lower(v.condition_source_value) IN (SELECT text FROM cs31_text)
                                          OR lower(v.condition_source_value) IN ($p419, $p420, $p421, $p422, $p423, $p424, $p425, $p426, $p427, $p428))))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-7: Pregnant or lactating women
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id IN (SELECT concept_id FROM cs32)
                              OR v.condition_source_concept_id IN (SELECT concept_id FROM cs32_source)
                              OR (COALESCE(v.condition_concept_id, 0) = 0
                                  AND (lower(v.condition_source_value) IN (SELECT text FROM cs32_text)
                                       OR lower(v.condition_source_value) IN ($p430, $p431, $p432, $p433, $p434))))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN (SELECT concept_id FROM cs33)
                                 OR v.condition_source_concept_id IN (SELECT concept_id FROM cs33_source)
                                 OR (COALESCE(v.condition_concept_id, 0) = 0
                                     AND (lower(v.condition_source_value) IN (SELECT text FROM cs33_text)
                                          OR lower(v.condition_source_value) IN ($p435, $p436, $p437, $p438))))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-8: Patients with uncontrolled infection who did not respond to appropriate antimicrobial agents
             EXISTS (SELECT 1
                       FROM condition_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.condition_concept_id IN (SELECT concept_id FROM cs34)
                             OR v.condition_source_concept_id IN (SELECT concept_id FROM cs34_source)
                             OR (COALESCE(v.condition_concept_id, 0) = 0
                                 AND (lower(v.condition_source_value) IN (SELECT text FROM cs34_text)
                                      OR lower(v.condition_source_value) IN ($p439, $p440, $p441, $p442))))
                        AND v.condition_start_date <= CAST($index_date AS DATE))
       )
 ORDER BY p.person_id

