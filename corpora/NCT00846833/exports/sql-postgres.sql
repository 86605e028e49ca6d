-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written %(name)s (psycopg). Bind at run time:
--   $index_date: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "ICD10CM", "p2": "C43%", "p3": "SNOMED", "p4": "372244006", "p5": "acral melanoma", "p6": "c43", "p7": "cutaneous melanoma", "p8": "malignant melanoma", "p9": "melanoma", "p10": "metastatic malignant melanoma", "p11": "metastatic melanoma", "p12": "mucosal melanoma", "p13": "relapsed melanoma", "p14": "ATC", "p15": "L01%", "p16": "367336001", "p17": "antineoplastic chemotherapy", "p18": "carboplatin", "p19": "chemotherapeutic agent", "p20": "chemotherapy", "p21": "cisplatin", "p22": "cyclophosphamide", "p23": "cytotoxic agent", "p24": "cytotoxic chemotherapy", "p25": "dacarbazine", "p26": "docetaxel", "p27": "doxorubicin", "p28": "etoposide", "p29": "fludarabine", "p30": "fluorouracil", "p31": "fotemustine", "p32": "gemcitabine", "p33": "l01", "p34": "nab paclitaxel", "p35": "nab-paclitaxel", "p36": "oxaliplatin", "p37": "paclitaxel", "p38": "temozolomide", "p39": "vinblastine", "p40": "vincristine", "p41": "76334006", "p42": "aldesleukin", "p43": "cancer immunotherapy", "p44": "high dose interleukin 2", "p45": "high-dose interleukin-2", "p46": "immune therapy", "p47": "immunotherapy", "p48": "interferon alfa", "p49": "interleukin 2", "p50": "interleukin-2", "p51": "ipilimumab", "p52": "nivolumab", "p53": "pembrolizumab", "p54": "relatlimab", "p55": "haploidentical donor", "p56": "haploidentical donor available", "p57": "haploidentical family donor", "p58": "willing haploidentical donor", "p59": "LOINC", "p60": "89247-1", "p61": "calgb performance status", "p62": "cancer and leukemia group b performance status", "p63": "eastern cooperative oncology group", "p64": "eastern cooperative oncology group performance status", "p65": "eastern cooperative oncology group performance status score", "p66": "eastern cooperative oncology group score", "p67": "ecog", "p68": "ecog performance status", "p69": "ecog ps", "p70": "ecog score", "p71": "ecog scores", "p72": "ecog status", "p73": "ecog-ps", "p74": "gog performance status", "p75": "gynecologic oncology group performance status", "p76": "performance status", "p77": "ps", "p78": "who performance status", "p79": "who ps", "p80": "zubrod", "p81": "zubrod performance status", "p82": "zubrod score", "p83": 90, "p84": 1, "p85": 18, "p86": 75, "p87": "measurable disease", "p88": "measurable disease per recist", "p89": "measurable lesion", "p90": "recist measurable disease", "p91": "%", "p92": "10230-1", "p93": "ef", "p94": "eject fraction", "p95": "ejection fraction", "p96": "left ventricle ejection fraction", "p97": "left ventricular ef", "p98": "left ventricular ejection fraction", "p99": "lv ef", "p100": "lv ejection fraction", "p101": "lvef", "p102": "lvef%", "p103": "ventricular ef", "p104": "ventricular ejection fraction", "p105": 45, "p106": "carbon monoxide diffusing capacity", "p107": "diffusing capacity", "p108": "diffusing capacity for carbon monoxide", "p109": "diffusing capacity of the lung for carbon monoxide", "p110": "diffusion capacity", "p111": "diffusion capacity for carbon monoxide", "p112": "dlco", "p113": "dlco % predicted", "p114": "dlco %pred", "p115": "dlco adjusted for hemoglobin", "p116": "dlco corrected for hemoglobin", "p117": "dlco percent predicted", "p118": "dlco pred", "p119": "dlco predicted", "p120": "dlco% predicted", "p121": "predicted dlco", "p122": "tlco", "p123": 50, "p124": "10*9/L", "p125": "10*3/uL", "p126": "10*3/mm3", "p127": "/uL", "p128": 0.001, "p129": "/mm3", "p130": "10*6/uL", "p131": 1000, "p132": "751-8", "p133": "absolute granulocyte", "p134": "absolute granulocyte count", "p135": "absolute granulocytes", "p136": "absolute neutrophil", "p137": "absolute neutrophil count", "p138": "absolute neutrophil counts", "p139": "absolute neutrophils", "p140": "agc", "p141": "anc", "p142": "granulocyte", "p143": "granulocyte count", "p144": "granulocytes", "p145": "hematologic anc", "p146": "neutrophil", "p147": "neutrophil count", "p148": "neutrophil counts", "p149": "neutrophils", "p150": "pmn count", "p151": "polymorphonuclear neutrophil", "p152": "polymorphonuclear neutrophils", "p153": "segmented neutrophil band", "p154": "segmented neutrophils + bands", "p155": 1.5, "p156": "777-3", "p157": "blood platelet", "p158": "blood platelet count", "p159": "blood platelets", "p160": "platelet", "p161": "platelet count", "p162": "platelet counts", "p163": "platelets", "p164": "platelets count", "p165": "plt", "p166": "plt count", "p167": "plts", "p168": "thrombocyte", "p169": "thrombocyte count", "p170": "thrombocytes", "p171": 100, "p172": "g/dL", "p173": "g/L", "p174": 0.1, "p175": "mg/dL", "p176": "mg/L", "p177": 0.0001, "p178": "mmol/L", "p179": 1.6114, "p180": "umol/L", "p181": 0.0016114, "p182": "59260-0", "p183": "718-7", "p184": "blood hemoglobin", "p185": "haemoglobin", "p186": "haemoglobin concentration", "p187": "hb", "p188": "hb concentration", "p189": "hemaglobin", "p190": "hemoglobin", "p191": "hemoglobin concentration", "p192": "hgb", "p193": "serum haemoglobin", "p194": "serum hemoglobin", "p195": 9, "p196": "14631-6", "p197": "1975-2", "p198": "bili", "p199": "bilirubin", "p200": "bilirubin total", "p201": "birilubin", "p202": "blood bilirubin", "p203": "plasma bilirubin", "p204": "serum bilirubin", "p205": "serum total bilirubin", "p206": "t bil", "p207": "t bili", "p208": "t-bil", "p209": "t.bili", "p210": "tbil", "p211": "tbili", "p212": "total bili", "p213": "total bilirubin", "p214": "total serum bilirubin", "p215": "1920-8", "p216": "asat", "p217": "aspartase aminotransferase", "p218": "aspartate amino transferase", "p219": "aspartate aminotransferase", "p220": "aspartate transaminase", "p221": "aspartate-aminotransferase", "p222": "ast", "p223": "glutamic oxalacetic transaminase", "p224": "glutamic oxaloacetic transaminase", "p225": "glutamic-oxalacetic transaminase", "p226": "serum aspartate aminotransferase", "p227": "serum aspartate transaminase", "p228": "serum ast", "p229": "serum glutamic oxaloacetic transaminase", "p230": "serum glutamic-oxaloacetic transaminase", "p231": "serum sgot", "p232": "sgot", "p233": "spartate aminotransferase", "p234": 2.5, "p235": "1742-6", "p236": "alanine amino transferase", "p237": "alanine aminotransaminase", "p238": "alanine aminotransferase", "p239": "alanine transaminase", "p240": "alanine-aminotransferase", "p241": "alat", "p242": "alt", "p243": "glutamic pyruvic transaminase", "p244": "glutamic-pyruvic transaminase", "p245": "gpt", "p246": "serum alanine aminotransferase", "p247": "serum alanine transaminase", "p248": "serum alt", "p249": "serum glutamate pyruvate transaminase", "p250": "serum glutamic pyruvic transaminase", "p251": "serum glutamic-pyruvic transaminase", "p252": "serum gpt", "p253": "serum sgpt", "p254": "sgpt", "p255": "6768-6", "p256": "alk pho", "p257": "alk phos", "p258": "alkalic phosphatase", "p259": "alkaline phosphatase", "p260": "alkaline phosphatases", "p261": "alkpho", "p262": "alkphos", "p263": "alp", "p264": "ap", "p265": "serum alkaline phosphatase", "p266": "14682-9", "p267": "2160-0", "p268": "blood creatinine", "p269": "cr", "p270": "creat", "p271": "creatinen", "p272": "creatinin", "p273": "creatinine", "p274": "creatinine serum", "p275": "increase in s creatinine", "p276": "increase in s-creatinine", "p277": "plasma creatinine", "p278": "s cr", "p279": "s creatinine", "p280": "s-cr", "p281": "s-creatinine", "p282": "scr", "p283": "serum cr", "p284": "serum creatinine", "p285": "serum creatinine concentration", "p286": "mL/min/{1.73_m2}", "p287": "mL/min", "p288": "2164-2", "p289": "24 hour creatinine clearance", "p290": "24 hour urinary creatinine clearance", "p291": "24 hour urine creatinine clearance", "p292": "24-hour creatinine clearance", "p293": "24-hour urinary creatinine clearance", "p294": "24-hour urine creatinine clearance", "p295": "calculated crcl", "p296": "calculated creatinine clearance", "p297": "ccr", "p298": "cl cr", "p299": "clcr", "p300": "clearance creatinine", "p301": "cockcroft gault", "p302": "cockcroft gault creatinine clearance", "p303": "cockcroft gault formula", "p304": "cockcroft-gault", "p305": "cockcroft-gault creatinine clearance", "p306": "cockcroft-gault formula", "p307": "cr cl", "p308": "crcl", "p309": "creatinin clearance", "p310": "creatinine clearance", "p311": "creatinine clearance rate", "p312": "endogenous creatinine clearance", "p313": "estimated crcl", "p314": "estimated creatinine clearance", "p315": "measured creatinine clearance", "p316": "renal clearance", "p317": "serum creatinine clearance", "p318": 60, "p319": "mo", "p320": "anticipated life expectancy", "p321": "anticipated survival", "p322": "estimated life expectancy", "p323": "estimated survival", "p324": "expected life expectancy", "p325": "expected survival", "p326": "expected survival time", "p327": "life expectancy", "p328": "life expectation", "p329": "predicted life expectancy", "p330": "predicted survival", "p331": "projected survival", "p332": "survival expectancy", "p333": 3, "p334": "informed consent", "p335": "informed consent signed", "p336": "signed informed consent", "p337": "written informed consent", "p338": 30, "p339": "adoptive cell therapy", "p340": "adoptive cell transfer", "p341": "adoptive cellular therapy", "p342": "car t cell therapy", "p343": "til therapy", "p344": "tumor infiltrating lymphocyte therapy", "p345": "allogeneic stem cell transplantation", "p346": "autologous stem cell transplantation", "p347": "bone marrow transplant", "p348": "bone marrow transplantation", "p349": "hematopoietic stem cell transplant", "p350": "hematopoietic stem cell transplantation", "p351": "hsct", "p352": "stem cell transplant", "p353": "stem cell transplantation", "p354": "B20%", "p355": "Z21%", "p356": "86406008", "p357": "b20", "p358": "hiv", "p359": "hiv disease", "p360": "hiv infection", "p361": "hiv positive", "p362": "human immunodeficiency virus infection", "p363": "z21", "p364": "B16%", "p365": "B180%", "p366": "B181%", "p367": "66071002", "p368": "b16", "p369": "b18.0", "p370": "b18.1", "p371": "chronic hepatitis b", "p372": "hbv", "p373": "hbv infection", "p374": "hepatitis b", "p375": "hepatitis b virus infection", "p376": "B171%", "p377": "B182%", "p378": "50711007", "p379": "b17.1", "p380": "b18.2", "p381": "chronic hepatitis c", "p382": "hcv", "p383": "hcv infection", "p384": "hepatitis c", "p385": "hepatitis c virus infection", "p386": "hypersensitivity to cyclophosphamide", "p387": "387420009", "p388": "cytoxan", "p389": "endoxan", "p390": "hypersensitivity to interleukin 2", "p391": "hypersensitivity to interleukin-2", "p392": "il 2", "p393": "il-2", "p394": "proleukin", "p395": "heart transplant", "p396": "heart transplantation", "p397": "kidney transplant", "p398": "kidney transplantation", "p399": "liver transplant", "p400": "liver transplantation", "p401": "lung transplant", "p402": "lung transplantation", "p403": "organ transplant", "p404": "organ transplantation", "p405": "solid organ transplant", "p406": "solid organ transplantation", "p407": "I499%", "p408": "698247007", "p409": "arrhythmia", "p410": "atrial fibrillation", "p411": "atrial flutter", "p412": "cardiac arrhythmia", "p413": "dysrhythmia", "p414": "i49.9", "p415": "ventricular fibrillation", "p416": "ventricular tachycardia", "p417": "I251%", "p418": "I259%", "p419": "414545008", "p420": "angina pectoris", "p421": "coronary artery disease", "p422": "coronary heart disease", "p423": "i25.1", "p424": "i25.9", "p425": "ischaemic heart disease", "p426": "ischemic heart disease", "p427": "myocardial infarction", "p428": "unstable angina", "p429": "Z331%", "p430": "77386006", "p431": "pregnancy", "p432": "pregnancy state", "p433": "pregnant", "p434": "z33.1", "p435": "breast feeding", "p436": "breastfeeding", "p437": "lactating", "p438": "lactation", "p439": "40733004", "p440": "active infection", "p441": "infection", "p442": "uncontrolled infection"}
WITH cs1_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p2)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p4)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p4)s,
      %(p5)s,
      %(p6)s,
      %(p7)s,
      %(p8)s,
      %(p9)s,
      %(p10)s,
      %(p11)s,
      %(p12)s,
      %(p13)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p4)s,
      %(p5)s,
      %(p6)s,
      %(p7)s,
      %(p8)s,
      %(p9)s,
      %(p10)s,
      %(p11)s,
      %(p12)s,
      %(p13)s
    )
), cs1_standard AS (
  SELECT
    c.concept_id
  FROM cs1_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs1_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs1 AS (
  SELECT
    concept_id
  FROM cs1_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs1_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs1_source AS (
  SELECT
    concept_id
  FROM cs1_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs1 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs1_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs1
      UNION
      SELECT
        concept_id
      FROM cs1_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs1
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs1
    )
), cs2_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p14)s AND REPLACE(c.concept_code, '.', '') LIKE %(p15)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p16)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p16)s,
      %(p17)s,
      %(p18)s,
      %(p19)s,
      %(p20)s,
      %(p21)s,
      %(p22)s,
      %(p23)s,
      %(p24)s,
      %(p25)s,
      %(p26)s,
      %(p27)s,
      %(p28)s,
      %(p29)s,
      %(p30)s,
      %(p31)s,
      %(p32)s,
      %(p33)s,
      %(p34)s,
      %(p35)s,
      %(p36)s,
      %(p37)s,
      %(p38)s,
      %(p39)s,
      %(p40)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p16)s,
      %(p17)s,
      %(p18)s,
      %(p19)s,
      %(p20)s,
      %(p21)s,
      %(p22)s,
      %(p23)s,
      %(p24)s,
      %(p25)s,
      %(p26)s,
      %(p27)s,
      %(p28)s,
      %(p29)s,
      %(p30)s,
      %(p31)s,
      %(p32)s,
      %(p33)s,
      %(p34)s,
      %(p35)s,
      %(p36)s,
      %(p37)s,
      %(p38)s,
      %(p39)s,
      %(p40)s
    )
), cs2_standard AS (
  SELECT
    c.concept_id
  FROM cs2_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs2_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs2 AS (
  SELECT
    concept_id
  FROM cs2_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs2_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs2_source AS (
  SELECT
    concept_id
  FROM cs2_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs2 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs2_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs2
      UNION
      SELECT
        concept_id
      FROM cs2_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs2
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs2
    )
), cs3_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p41)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p41)s,
      %(p42)s,
      %(p43)s,
      %(p44)s,
      %(p45)s,
      %(p46)s,
      %(p47)s,
      %(p48)s,
      %(p49)s,
      %(p50)s,
      %(p51)s,
      %(p52)s,
      %(p53)s,
      %(p54)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p41)s,
      %(p42)s,
      %(p43)s,
      %(p44)s,
      %(p45)s,
      %(p46)s,
      %(p47)s,
      %(p48)s,
      %(p49)s,
      %(p50)s,
      %(p51)s,
      %(p52)s,
      %(p53)s,
      %(p54)s
    )
), cs3_standard AS (
  SELECT
    c.concept_id
  FROM cs3_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs3_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs3 AS (
  SELECT
    concept_id
  FROM cs3_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs3_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs3_source AS (
  SELECT
    concept_id
  FROM cs3_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs3 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs3_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs3
      UNION
      SELECT
        concept_id
      FROM cs3_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs3
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs3
    )
), cs4_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p55)s, %(p56)s, %(p57)s, %(p58)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p55)s, %(p56)s, %(p57)s, %(p58)s)
), cs4_standard AS (
  SELECT
    c.concept_id
  FROM cs4_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs4_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs4 AS (
  SELECT
    concept_id
  FROM cs4_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs4_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs4_source AS (
  SELECT
    concept_id
  FROM cs4_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs4 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs4_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs4
      UNION
      SELECT
        concept_id
      FROM cs4_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs4
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs4
    )
), cs5_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p60)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p60)s,
      %(p61)s,
      %(p62)s,
      %(p63)s,
      %(p64)s,
      %(p65)s,
      %(p66)s,
      %(p67)s,
      %(p68)s,
      %(p69)s,
      %(p70)s,
      %(p71)s,
      %(p72)s,
      %(p73)s,
      %(p74)s,
      %(p75)s,
      %(p76)s,
      %(p77)s,
      %(p78)s,
      %(p79)s,
      %(p80)s,
      %(p81)s,
      %(p82)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p60)s,
      %(p61)s,
      %(p62)s,
      %(p63)s,
      %(p64)s,
      %(p65)s,
      %(p66)s,
      %(p67)s,
      %(p68)s,
      %(p69)s,
      %(p70)s,
      %(p71)s,
      %(p72)s,
      %(p73)s,
      %(p74)s,
      %(p75)s,
      %(p76)s,
      %(p77)s,
      %(p78)s,
      %(p79)s,
      %(p80)s,
      %(p81)s,
      %(p82)s
    )
), cs5_standard AS (
  SELECT
    c.concept_id
  FROM cs5_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs5_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs5 AS (
  SELECT
    concept_id
  FROM cs5_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs5_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs5_source AS (
  SELECT
    concept_id
  FROM cs5_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs5 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs5_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs5
      UNION
      SELECT
        concept_id
      FROM cs5_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs5
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs5
    )
), cs6_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p87)s, %(p88)s, %(p89)s, %(p90)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p87)s, %(p88)s, %(p89)s, %(p90)s)
), cs6_standard AS (
  SELECT
    c.concept_id
  FROM cs6_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs6_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs6 AS (
  SELECT
    concept_id
  FROM cs6_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs6_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs6_source AS (
  SELECT
    concept_id
  FROM cs6_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs6 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs6_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs6
      UNION
      SELECT
        concept_id
      FROM cs6_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs6
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs6
    )
), cs7_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p92)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p92)s,
      %(p93)s,
      %(p94)s,
      %(p95)s,
      %(p96)s,
      %(p97)s,
      %(p98)s,
      %(p99)s,
      %(p100)s,
      %(p101)s,
      %(p102)s,
      %(p103)s,
      %(p104)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p92)s,
      %(p93)s,
      %(p94)s,
      %(p95)s,
      %(p96)s,
      %(p97)s,
      %(p98)s,
      %(p99)s,
      %(p100)s,
      %(p101)s,
      %(p102)s,
      %(p103)s,
      %(p104)s
    )
), cs7_standard AS (
  SELECT
    c.concept_id
  FROM cs7_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs7_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs7 AS (
  SELECT
    concept_id
  FROM cs7_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs7_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs7_source AS (
  SELECT
    concept_id
  FROM cs7_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs7 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs7_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs7
      UNION
      SELECT
        concept_id
      FROM cs7_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs7
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs7
    )
), cs8_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (
      %(p106)s,
      %(p107)s,
      %(p108)s,
      %(p109)s,
      %(p110)s,
      %(p111)s,
      %(p112)s,
      %(p113)s,
      %(p114)s,
      %(p115)s,
      %(p116)s,
      %(p117)s,
      %(p118)s,
      %(p119)s,
      %(p120)s,
      %(p121)s,
      %(p122)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p106)s,
      %(p107)s,
      %(p108)s,
      %(p109)s,
      %(p110)s,
      %(p111)s,
      %(p112)s,
      %(p113)s,
      %(p114)s,
      %(p115)s,
      %(p116)s,
      %(p117)s,
      %(p118)s,
      %(p119)s,
      %(p120)s,
      %(p121)s,
      %(p122)s
    )
), cs8_standard AS (
  SELECT
    c.concept_id
  FROM cs8_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs8_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs8 AS (
  SELECT
    concept_id
  FROM cs8_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs8_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs8_source AS (
  SELECT
    concept_id
  FROM cs8_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs8 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs8_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs8
      UNION
      SELECT
        concept_id
      FROM cs8_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs8
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs8
    )
), cs9_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p132)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p132)s,
      %(p133)s,
      %(p134)s,
      %(p135)s,
      %(p136)s,
      %(p137)s,
      %(p138)s,
      %(p139)s,
      %(p140)s,
      %(p141)s,
      %(p142)s,
      %(p143)s,
      %(p144)s,
      %(p145)s,
      %(p146)s,
      %(p147)s,
      %(p148)s,
      %(p149)s,
      %(p150)s,
      %(p151)s,
      %(p152)s,
      %(p153)s,
      %(p154)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p132)s,
      %(p133)s,
      %(p134)s,
      %(p135)s,
      %(p136)s,
      %(p137)s,
      %(p138)s,
      %(p139)s,
      %(p140)s,
      %(p141)s,
      %(p142)s,
      %(p143)s,
      %(p144)s,
      %(p145)s,
      %(p146)s,
      %(p147)s,
      %(p148)s,
      %(p149)s,
      %(p150)s,
      %(p151)s,
      %(p152)s,
      %(p153)s,
      %(p154)s
    )
), cs9_standard AS (
  SELECT
    c.concept_id
  FROM cs9_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs9_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs9 AS (
  SELECT
    concept_id
  FROM cs9_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs9_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs9_source AS (
  SELECT
    concept_id
  FROM cs9_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs9 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs9_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs9
      UNION
      SELECT
        concept_id
      FROM cs9_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs9
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs9
    )
), cs10_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p156)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p156)s,
      %(p157)s,
      %(p158)s,
      %(p159)s,
      %(p160)s,
      %(p161)s,
      %(p162)s,
      %(p163)s,
      %(p164)s,
      %(p165)s,
      %(p166)s,
      %(p167)s,
      %(p168)s,
      %(p169)s,
      %(p170)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p156)s,
      %(p157)s,
      %(p158)s,
      %(p159)s,
      %(p160)s,
      %(p161)s,
      %(p162)s,
      %(p163)s,
      %(p164)s,
      %(p165)s,
      %(p166)s,
      %(p167)s,
      %(p168)s,
      %(p169)s,
      %(p170)s
    )
), cs10_standard AS (
  SELECT
    c.concept_id
  FROM cs10_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs10_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs10 AS (
  SELECT
    concept_id
  FROM cs10_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs10_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs10_source AS (
  SELECT
    concept_id
  FROM cs10_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs10 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs10_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs10
      UNION
      SELECT
        concept_id
      FROM cs10_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs10
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs10
    )
), cs11_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p182)s, %(p183)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p182)s,
      %(p183)s,
      %(p184)s,
      %(p185)s,
      %(p186)s,
      %(p187)s,
      %(p188)s,
      %(p189)s,
      %(p190)s,
      %(p191)s,
      %(p192)s,
      %(p193)s,
      %(p194)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p182)s,
      %(p183)s,
      %(p184)s,
      %(p185)s,
      %(p186)s,
      %(p187)s,
      %(p188)s,
      %(p189)s,
      %(p190)s,
      %(p191)s,
      %(p192)s,
      %(p193)s,
      %(p194)s
    )
), cs11_standard AS (
  SELECT
    c.concept_id
  FROM cs11_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs11_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs11 AS (
  SELECT
    concept_id
  FROM cs11_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs11_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs11_source AS (
  SELECT
    concept_id
  FROM cs11_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs11 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs11_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs11
      UNION
      SELECT
        concept_id
      FROM cs11_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs11
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs11
    )
), cs12_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p196)s, %(p197)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p196)s,
      %(p197)s,
      %(p198)s,
      %(p199)s,
      %(p200)s,
      %(p201)s,
      %(p202)s,
      %(p203)s,
      %(p204)s,
      %(p205)s,
      %(p206)s,
      %(p207)s,
      %(p208)s,
      %(p209)s,
      %(p210)s,
      %(p211)s,
      %(p212)s,
      %(p213)s,
      %(p214)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p196)s,
      %(p197)s,
      %(p198)s,
      %(p199)s,
      %(p200)s,
      %(p201)s,
      %(p202)s,
      %(p203)s,
      %(p204)s,
      %(p205)s,
      %(p206)s,
      %(p207)s,
      %(p208)s,
      %(p209)s,
      %(p210)s,
      %(p211)s,
      %(p212)s,
      %(p213)s,
      %(p214)s
    )
), cs12_standard AS (
  SELECT
    c.concept_id
  FROM cs12_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs12_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs12 AS (
  SELECT
    concept_id
  FROM cs12_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs12_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs12_source AS (
  SELECT
    concept_id
  FROM cs12_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs12 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs12_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs12
      UNION
      SELECT
        concept_id
      FROM cs12_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs12
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs12
    )
), cs13_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p215)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p215)s,
      %(p216)s,
      %(p217)s,
      %(p218)s,
      %(p219)s,
      %(p220)s,
      %(p221)s,
      %(p222)s,
      %(p223)s,
      %(p224)s,
      %(p225)s,
      %(p226)s,
      %(p227)s,
      %(p228)s,
      %(p229)s,
      %(p230)s,
      %(p231)s,
      %(p232)s,
      %(p233)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p215)s,
      %(p216)s,
      %(p217)s,
      %(p218)s,
      %(p219)s,
      %(p220)s,
      %(p221)s,
      %(p222)s,
      %(p223)s,
      %(p224)s,
      %(p225)s,
      %(p226)s,
      %(p227)s,
      %(p228)s,
      %(p229)s,
      %(p230)s,
      %(p231)s,
      %(p232)s,
      %(p233)s
    )
), cs13_standard AS (
  SELECT
    c.concept_id
  FROM cs13_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs13_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs13 AS (
  SELECT
    concept_id
  FROM cs13_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs13_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs13_source AS (
  SELECT
    concept_id
  FROM cs13_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs13 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs13_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs13
      UNION
      SELECT
        concept_id
      FROM cs13_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs13
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs13
    )
), cs14_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p235)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p235)s,
      %(p236)s,
      %(p237)s,
      %(p238)s,
      %(p239)s,
      %(p240)s,
      %(p241)s,
      %(p242)s,
      %(p243)s,
      %(p244)s,
      %(p245)s,
      %(p246)s,
      %(p247)s,
      %(p248)s,
      %(p249)s,
      %(p250)s,
      %(p251)s,
      %(p252)s,
      %(p253)s,
      %(p254)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p235)s,
      %(p236)s,
      %(p237)s,
      %(p238)s,
      %(p239)s,
      %(p240)s,
      %(p241)s,
      %(p242)s,
      %(p243)s,
      %(p244)s,
      %(p245)s,
      %(p246)s,
      %(p247)s,
      %(p248)s,
      %(p249)s,
      %(p250)s,
      %(p251)s,
      %(p252)s,
      %(p253)s,
      %(p254)s
    )
), cs14_standard AS (
  SELECT
    c.concept_id
  FROM cs14_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs14_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs14 AS (
  SELECT
    concept_id
  FROM cs14_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs14_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs14_source AS (
  SELECT
    concept_id
  FROM cs14_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs14 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs14_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs14
      UNION
      SELECT
        concept_id
      FROM cs14_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs14
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs14
    )
), cs15_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p255)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p255)s,
      %(p256)s,
      %(p257)s,
      %(p258)s,
      %(p259)s,
      %(p260)s,
      %(p261)s,
      %(p262)s,
      %(p263)s,
      %(p264)s,
      %(p265)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p255)s,
      %(p256)s,
      %(p257)s,
      %(p258)s,
      %(p259)s,
      %(p260)s,
      %(p261)s,
      %(p262)s,
      %(p263)s,
      %(p264)s,
      %(p265)s
    )
), cs15_standard AS (
  SELECT
    c.concept_id
  FROM cs15_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs15_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs15 AS (
  SELECT
    concept_id
  FROM cs15_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs15_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs15_source AS (
  SELECT
    concept_id
  FROM cs15_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs15 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs15_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs15
      UNION
      SELECT
        concept_id
      FROM cs15_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs15
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs15
    )
), cs16_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p266)s, %(p267)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p266)s,
      %(p267)s,
      %(p268)s,
      %(p269)s,
      %(p270)s,
      %(p271)s,
      %(p272)s,
      %(p273)s,
      %(p274)s,
      %(p275)s,
      %(p276)s,
      %(p277)s,
      %(p278)s,
      %(p279)s,
      %(p280)s,
      %(p281)s,
      %(p282)s,
      %(p283)s,
      %(p284)s,
      %(p285)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p266)s,
      %(p267)s,
      %(p268)s,
      %(p269)s,
      %(p270)s,
      %(p271)s,
      %(p272)s,
      %(p273)s,
      %(p274)s,
      %(p275)s,
      %(p276)s,
      %(p277)s,
      %(p278)s,
      %(p279)s,
      %(p280)s,
      %(p281)s,
      %(p282)s,
      %(p283)s,
      %(p284)s,
      %(p285)s
    )
), cs16_standard AS (
  SELECT
    c.concept_id
  FROM cs16_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs16_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs16 AS (
  SELECT
    concept_id
  FROM cs16_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs16_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs16_source AS (
  SELECT
    concept_id
  FROM cs16_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs16 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs16_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs16
      UNION
      SELECT
        concept_id
      FROM cs16_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs16
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs16
    )
), cs17_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p59)s AND c.concept_code IN (%(p288)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p288)s,
      %(p289)s,
      %(p290)s,
      %(p291)s,
      %(p292)s,
      %(p293)s,
      %(p294)s,
      %(p295)s,
      %(p296)s,
      %(p297)s,
      %(p298)s,
      %(p299)s,
      %(p300)s,
      %(p301)s,
      %(p302)s,
      %(p303)s,
      %(p304)s,
      %(p305)s,
      %(p306)s,
      %(p307)s,
      %(p308)s,
      %(p309)s,
      %(p310)s,
      %(p311)s,
      %(p312)s,
      %(p313)s,
      %(p314)s,
      %(p315)s,
      %(p316)s,
      %(p317)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p288)s,
      %(p289)s,
      %(p290)s,
      %(p291)s,
      %(p292)s,
      %(p293)s,
      %(p294)s,
      %(p295)s,
      %(p296)s,
      %(p297)s,
      %(p298)s,
      %(p299)s,
      %(p300)s,
      %(p301)s,
      %(p302)s,
      %(p303)s,
      %(p304)s,
      %(p305)s,
      %(p306)s,
      %(p307)s,
      %(p308)s,
      %(p309)s,
      %(p310)s,
      %(p311)s,
      %(p312)s,
      %(p313)s,
      %(p314)s,
      %(p315)s,
      %(p316)s,
      %(p317)s
    )
), cs17_standard AS (
  SELECT
    c.concept_id
  FROM cs17_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs17_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs17 AS (
  SELECT
    concept_id
  FROM cs17_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs17_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs17_source AS (
  SELECT
    concept_id
  FROM cs17_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs17 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs17_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs17
      UNION
      SELECT
        concept_id
      FROM cs17_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs17
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs17
    )
), cs18_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (
      %(p320)s,
      %(p321)s,
      %(p322)s,
      %(p323)s,
      %(p324)s,
      %(p325)s,
      %(p326)s,
      %(p327)s,
      %(p328)s,
      %(p329)s,
      %(p330)s,
      %(p331)s,
      %(p332)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p320)s,
      %(p321)s,
      %(p322)s,
      %(p323)s,
      %(p324)s,
      %(p325)s,
      %(p326)s,
      %(p327)s,
      %(p328)s,
      %(p329)s,
      %(p330)s,
      %(p331)s,
      %(p332)s
    )
), cs18_standard AS (
  SELECT
    c.concept_id
  FROM cs18_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs18_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs18 AS (
  SELECT
    concept_id
  FROM cs18_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs18_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs18_source AS (
  SELECT
    concept_id
  FROM cs18_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs18 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs18_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs18
      UNION
      SELECT
        concept_id
      FROM cs18_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs18
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs18
    )
), cs19_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p334)s, %(p335)s, %(p336)s, %(p337)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p334)s, %(p335)s, %(p336)s, %(p337)s)
), cs19_standard AS (
  SELECT
    c.concept_id
  FROM cs19_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs19_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs19 AS (
  SELECT
    concept_id
  FROM cs19_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs19_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs19_source AS (
  SELECT
    concept_id
  FROM cs19_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs19 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs19_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs19
      UNION
      SELECT
        concept_id
      FROM cs19_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs19
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs19
    )
), cs20_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (%(p339)s, %(p340)s, %(p341)s, %(p342)s, %(p343)s, %(p344)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p339)s, %(p340)s, %(p341)s, %(p342)s, %(p343)s, %(p344)s)
), cs20_standard AS (
  SELECT
    c.concept_id
  FROM cs20_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs20_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs20 AS (
  SELECT
    concept_id
  FROM cs20_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs20_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs20_source AS (
  SELECT
    concept_id
  FROM cs20_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs20 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs20_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs20
      UNION
      SELECT
        concept_id
      FROM cs20_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs20
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs20
    )
), cs21_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (
      %(p345)s,
      %(p346)s,
      %(p347)s,
      %(p348)s,
      %(p349)s,
      %(p350)s,
      %(p351)s,
      %(p352)s,
      %(p353)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p345)s,
      %(p346)s,
      %(p347)s,
      %(p348)s,
      %(p349)s,
      %(p350)s,
      %(p351)s,
      %(p352)s,
      %(p353)s
    )
), cs21_standard AS (
  SELECT
    c.concept_id
  FROM cs21_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs21_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs21 AS (
  SELECT
    concept_id
  FROM cs21_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs21_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs21_source AS (
  SELECT
    concept_id
  FROM cs21_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs21 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs21_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs21
      UNION
      SELECT
        concept_id
      FROM cs21_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs21
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs21
    )
), cs22_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p354)s
      )
      OR (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p355)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p356)s)
      )
    )
    OR LOWER(c.concept_name) IN (%(p356)s, %(p357)s, %(p358)s, %(p359)s, %(p360)s, %(p361)s, %(p362)s, %(p363)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p356)s, %(p357)s, %(p358)s, %(p359)s, %(p360)s, %(p361)s, %(p362)s, %(p363)s)
), cs22_standard AS (
  SELECT
    c.concept_id
  FROM cs22_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs22_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs22 AS (
  SELECT
    concept_id
  FROM cs22_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs22_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs22_source AS (
  SELECT
    concept_id
  FROM cs22_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs22 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs22_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs22
      UNION
      SELECT
        concept_id
      FROM cs22_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs22
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs22
    )
), cs23_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p364)s
      )
      OR (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p365)s
      )
      OR (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p366)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p367)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p367)s,
      %(p368)s,
      %(p369)s,
      %(p370)s,
      %(p371)s,
      %(p372)s,
      %(p373)s,
      %(p374)s,
      %(p375)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p367)s,
      %(p368)s,
      %(p369)s,
      %(p370)s,
      %(p371)s,
      %(p372)s,
      %(p373)s,
      %(p374)s,
      %(p375)s
    )
), cs23_standard AS (
  SELECT
    c.concept_id
  FROM cs23_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs23_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs23 AS (
  SELECT
    concept_id
  FROM cs23_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs23_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs23_source AS (
  SELECT
    concept_id
  FROM cs23_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs23 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs23_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs23
      UNION
      SELECT
        concept_id
      FROM cs23_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs23
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs23
    )
), cs24_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p376)s
      )
      OR (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p377)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p378)s)
      )
    )
    OR LOWER(c.concept_name) IN (%(p378)s, %(p379)s, %(p380)s, %(p381)s, %(p382)s, %(p383)s, %(p384)s, %(p385)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p378)s, %(p379)s, %(p380)s, %(p381)s, %(p382)s, %(p383)s, %(p384)s, %(p385)s)
), cs24_standard AS (
  SELECT
    c.concept_id
  FROM cs24_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs24_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs24 AS (
  SELECT
    concept_id
  FROM cs24_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs24_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs24_source AS (
  SELECT
    concept_id
  FROM cs24_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs24 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs24_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs24
      UNION
      SELECT
        concept_id
      FROM cs24_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs24
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs24
    )
), cs25_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p386)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p386)s)
), cs25_standard AS (
  SELECT
    c.concept_id
  FROM cs25_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs25_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs25 AS (
  SELECT
    concept_id
  FROM cs25_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs25_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs25_source AS (
  SELECT
    concept_id
  FROM cs25_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs25 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs25_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs25
      UNION
      SELECT
        concept_id
      FROM cs25_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs25
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs25
    )
), cs26_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p387)s)
      )
    )
    OR LOWER(c.concept_name) IN (%(p387)s, %(p22)s, %(p388)s, %(p389)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p387)s, %(p22)s, %(p388)s, %(p389)s)
), cs26_standard AS (
  SELECT
    c.concept_id
  FROM cs26_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs26_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs26 AS (
  SELECT
    concept_id
  FROM cs26_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs26_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs26_source AS (
  SELECT
    concept_id
  FROM cs26_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs26 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs26_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs26
      UNION
      SELECT
        concept_id
      FROM cs26_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs26
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs26
    )
), cs27_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p390)s, %(p391)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p390)s, %(p391)s)
), cs27_standard AS (
  SELECT
    c.concept_id
  FROM cs27_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs27_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs27 AS (
  SELECT
    concept_id
  FROM cs27_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs27_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs27_source AS (
  SELECT
    concept_id
  FROM cs27_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs27 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs27_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs27
      UNION
      SELECT
        concept_id
      FROM cs27_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs27
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs27
    )
), cs28_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (%(p42)s, %(p392)s, %(p393)s, %(p49)s, %(p50)s, %(p394)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p42)s, %(p392)s, %(p393)s, %(p49)s, %(p50)s, %(p394)s)
), cs28_standard AS (
  SELECT
    c.concept_id
  FROM cs28_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs28_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs28 AS (
  SELECT
    concept_id
  FROM cs28_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs28_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs28_source AS (
  SELECT
    concept_id
  FROM cs28_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs28 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs28_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs28
      UNION
      SELECT
        concept_id
      FROM cs28_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs28
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs28
    )
), cs29_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE
    OR LOWER(c.concept_name) IN (
      %(p395)s,
      %(p396)s,
      %(p397)s,
      %(p398)s,
      %(p399)s,
      %(p400)s,
      %(p401)s,
      %(p402)s,
      %(p403)s,
      %(p404)s,
      %(p405)s,
      %(p406)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p395)s,
      %(p396)s,
      %(p397)s,
      %(p398)s,
      %(p399)s,
      %(p400)s,
      %(p401)s,
      %(p402)s,
      %(p403)s,
      %(p404)s,
      %(p405)s,
      %(p406)s
    )
), cs29_standard AS (
  SELECT
    c.concept_id
  FROM cs29_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs29_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs29 AS (
  SELECT
    concept_id
  FROM cs29_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs29_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs29_source AS (
  SELECT
    concept_id
  FROM cs29_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs29 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs29_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs29
      UNION
      SELECT
        concept_id
      FROM cs29_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs29
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs29
    )
), cs30_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p407)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p408)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p408)s,
      %(p409)s,
      %(p410)s,
      %(p411)s,
      %(p412)s,
      %(p413)s,
      %(p414)s,
      %(p415)s,
      %(p416)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p408)s,
      %(p409)s,
      %(p410)s,
      %(p411)s,
      %(p412)s,
      %(p413)s,
      %(p414)s,
      %(p415)s,
      %(p416)s
    )
), cs30_standard AS (
  SELECT
    c.concept_id
  FROM cs30_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs30_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs30 AS (
  SELECT
    concept_id
  FROM cs30_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs30_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs30_source AS (
  SELECT
    concept_id
  FROM cs30_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs30 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs30_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs30
      UNION
      SELECT
        concept_id
      FROM cs30_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs30
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs30
    )
), cs31_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p417)s
      )
      OR (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p418)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p419)s)
      )
    )
    OR LOWER(c.concept_name) IN (
      %(p419)s,
      %(p420)s,
      %(p421)s,
      %(p422)s,
      %(p423)s,
      %(p424)s,
      %(p425)s,
      %(p426)s,
      %(p427)s,
      %(p428)s
    )
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (
      %(p419)s,
      %(p420)s,
      %(p421)s,
      %(p422)s,
      %(p423)s,
      %(p424)s,
      %(p425)s,
      %(p426)s,
      %(p427)s,
      %(p428)s
    )
), cs31_standard AS (
  SELECT
    c.concept_id
  FROM cs31_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs31_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs31 AS (
  SELECT
    concept_id
  FROM cs31_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs31_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs31_source AS (
  SELECT
    concept_id
  FROM cs31_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs31 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs31_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs31
      UNION
      SELECT
        concept_id
      FROM cs31_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs31
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs31
    )
), cs32_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p1)s AND REPLACE(c.concept_code, '.', '') LIKE %(p429)s
      )
      OR (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p430)s)
      )
    )
    OR LOWER(c.concept_name) IN (%(p430)s, %(p431)s, %(p432)s, %(p433)s, %(p434)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p430)s, %(p431)s, %(p432)s, %(p433)s, %(p434)s)
), cs32_standard AS (
  SELECT
    c.concept_id
  FROM cs32_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs32_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs32 AS (
  SELECT
    concept_id
  FROM cs32_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs32_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs32_source AS (
  SELECT
    concept_id
  FROM cs32_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs32 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs32_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs32
      UNION
      SELECT
        concept_id
      FROM cs32_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs32
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs32
    )
), cs33_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    FALSE OR LOWER(c.concept_name) IN (%(p435)s, %(p436)s, %(p437)s, %(p438)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p435)s, %(p436)s, %(p437)s, %(p438)s)
), cs33_standard AS (
  SELECT
    c.concept_id
  FROM cs33_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs33_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs33 AS (
  SELECT
    concept_id
  FROM cs33_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs33_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs33_source AS (
  SELECT
    concept_id
  FROM cs33_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs33 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs33_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs33
      UNION
      SELECT
        concept_id
      FROM cs33_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs33
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs33
    )
), cs34_seed AS (
  SELECT
    c.concept_id
  FROM concept AS c
  WHERE
    (
      (
        c.vocabulary_id = %(p3)s AND c.concept_code IN (%(p439)s)
      )
    )
    OR LOWER(c.concept_name) IN (%(p439)s, %(p440)s, %(p441)s, %(p442)s)
  UNION
  SELECT
    s.concept_id
  FROM concept_synonym AS s
  WHERE
    LOWER(s.concept_synonym_name) IN (%(p439)s, %(p440)s, %(p441)s, %(p442)s)
), cs34_standard AS (
  SELECT
    c.concept_id
  FROM cs34_seed AS seed
  JOIN concept AS c
    ON c.concept_id = seed.concept_id
  WHERE
    c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT
    r.concept_id_2
  FROM cs34_seed AS seed
  JOIN concept_relationship AS r
    ON r.concept_id_1 = seed.concept_id
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs34 AS (
  SELECT
    concept_id
  FROM cs34_standard
  UNION
  SELECT
    a.descendant_concept_id
  FROM cs34_standard AS st
  JOIN concept_ancestor AS a
    ON a.ancestor_concept_id = st.concept_id
), cs34_source AS (
  SELECT
    concept_id
  FROM cs34_seed
  UNION
  SELECT
    r.concept_id_1
  FROM concept_relationship AS r
  JOIN cs34 AS cs
    ON cs.concept_id = r.concept_id_2
  WHERE
    r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
), cs34_text AS (
  SELECT
    LOWER(c.concept_code) AS text
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs34
      UNION
      SELECT
        concept_id
      FROM cs34_source
    )
  UNION
  SELECT
    LOWER(c.concept_name)
  FROM concept AS c
  WHERE
    c.concept_id IN (
      SELECT
        concept_id
      FROM cs34
    )
  UNION
  SELECT
    LOWER(s.concept_synonym_name)
  FROM concept_synonym AS s
  WHERE
    s.concept_id IN (
      SELECT
        concept_id
      FROM cs34
    )
)
SELECT
  p.person_id
FROM person AS p
WHERE
  EXISTS(
    SELECT
      1
    FROM condition_occurrence AS v
    WHERE
      v.person_id = p.person_id
      AND (
        v.condition_concept_id IN (
          SELECT
            concept_id
          FROM cs1
        )
        OR v.condition_source_concept_id IN (
          SELECT
            concept_id
          FROM cs1_source
        )
        OR (
          COALESCE(v.condition_concept_id, 0) = 0
          AND (
            LOWER(v.condition_source_value) IN (
              SELECT
                text
              FROM cs1_text
            )
            OR LOWER(v.condition_source_value) IN (
              %(p4)s,
              %(p5)s,
              %(p6)s,
              %(p7)s,
              %(p8)s,
              %(p9)s,
              %(p10)s,
              %(p11)s,
              %(p12)s,
              %(p13)s
            )
          )
        )
      )
      AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  )
  AND (
    EXISTS(
      SELECT
        1
      FROM drug_exposure AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.drug_concept_id IN (
            SELECT
              concept_id
            FROM cs2
          )
          OR v.drug_source_concept_id IN (
            SELECT
              concept_id
            FROM cs2_source
          )
          OR (
            COALESCE(v.drug_concept_id, 0) = 0
            AND (
              LOWER(v.drug_source_value) IN (
                SELECT
                  text
                FROM cs2_text
              )
              OR LOWER(v.drug_source_value) IN (
                %(p16)s,
                %(p17)s,
                %(p18)s,
                %(p19)s,
                %(p20)s,
                %(p21)s,
                %(p22)s,
                %(p23)s,
                %(p24)s,
                %(p25)s,
                %(p26)s,
                %(p27)s,
                %(p28)s,
                %(p29)s,
                %(p30)s,
                %(p31)s,
                %(p32)s,
                %(p33)s,
                %(p34)s,
                %(p35)s,
                %(p36)s,
                %(p37)s,
                %(p38)s,
                %(p39)s,
                %(p40)s
              )
            )
          )
        )
        AND v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
    )
    OR EXISTS(
      SELECT
        1
      FROM drug_exposure AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.drug_concept_id IN (
            SELECT
              concept_id
            FROM cs3
          )
          OR v.drug_source_concept_id IN (
            SELECT
              concept_id
            FROM cs3_source
          )
          OR (
            COALESCE(v.drug_concept_id, 0) = 0
            AND (
              LOWER(v.drug_source_value) IN (
                SELECT
                  text
                FROM cs3_text
              )
              OR LOWER(v.drug_source_value) IN (
                %(p41)s,
                %(p42)s,
                %(p43)s,
                %(p44)s,
                %(p45)s,
                %(p46)s,
                %(p47)s,
                %(p48)s,
                %(p49)s,
                %(p50)s,
                %(p51)s,
                %(p52)s,
                %(p53)s,
                %(p54)s
              )
            )
          )
        )
        AND v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
    )
  )
  AND (
    EXISTS(
      SELECT
        1
      FROM condition_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.condition_concept_id IN (
            SELECT
              concept_id
            FROM cs4
          )
          OR v.condition_source_concept_id IN (
            SELECT
              concept_id
            FROM cs4_source
          )
          OR (
            COALESCE(v.condition_concept_id, 0) = 0
            AND (
              LOWER(v.condition_source_value) IN (
                SELECT
                  text
                FROM cs4_text
              )
              OR LOWER(v.condition_source_value) IN (%(p55)s, %(p56)s, %(p57)s, %(p58)s)
            )
          )
        )
        AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    )
    OR EXISTS(
      SELECT
        1
      FROM procedure_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.procedure_concept_id IN (
            SELECT
              concept_id
            FROM cs4
          )
          OR v.procedure_source_concept_id IN (
            SELECT
              concept_id
            FROM cs4_source
          )
          OR (
            COALESCE(v.procedure_concept_id, 0) = 0
            AND (
              LOWER(v.procedure_source_value) IN (
                SELECT
                  text
                FROM cs4_text
              )
              OR LOWER(v.procedure_source_value) IN (%(p55)s, %(p56)s, %(p57)s, %(p58)s)
            )
          )
        )
        AND v.procedure_date <= CAST(%(index_date)s AS DATE)
    )
    OR (
      CASE
        WHEN (
          EXISTS(
            SELECT
              1
            FROM observation AS v
            WHERE
              v.person_id = p.person_id
              AND (
                v.observation_concept_id IN (
                  SELECT
                    concept_id
                  FROM cs4
                )
                OR v.observation_source_concept_id IN (
                  SELECT
                    concept_id
                  FROM cs4_source
                )
                OR (
                  COALESCE(v.observation_concept_id, 0) = 0
                  AND (
                    LOWER(v.observation_source_value) IN (
                      SELECT
                        text
                      FROM cs4_text
                    )
                    OR LOWER(v.observation_source_value) IN (%(p55)s, %(p56)s, %(p57)s, %(p58)s)
                  )
                )
              )
              AND v.observation_date <= CAST(%(index_date)s AS DATE)
          )
        )
        THEN TRUE
      END
    )
  )
  AND (
    (
      SELECT
        v.value_as_number
      FROM measurement AS v
      LEFT JOIN concept AS u
        ON u.concept_id = v.unit_concept_id
      WHERE
        v.person_id = p.person_id
        AND (
          v.measurement_concept_id IN (
            SELECT
              concept_id
            FROM cs5
          )
          OR v.measurement_source_concept_id IN (
            SELECT
              concept_id
            FROM cs5_source
          )
          OR (
            COALESCE(v.measurement_concept_id, 0) = 0
            AND (
              LOWER(v.measurement_source_value) IN (
                SELECT
                  text
                FROM cs5_text
              )
              OR LOWER(v.measurement_source_value) IN (
                %(p60)s,
                %(p61)s,
                %(p62)s,
                %(p63)s,
                %(p64)s,
                %(p65)s,
                %(p66)s,
                %(p67)s,
                %(p68)s,
                %(p69)s,
                %(p70)s,
                %(p71)s,
                %(p72)s,
                %(p73)s,
                %(p74)s,
                %(p75)s,
                %(p76)s,
                %(p77)s,
                %(p78)s,
                %(p79)s,
                %(p80)s,
                %(p81)s,
                %(p82)s
              )
            )
          )
        )
        AND NOT v.value_as_number IS NULL
        AND (
          v.measurement_date <= CAST(%(index_date)s AS DATE)
          AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
        )
      ORDER BY
        v.measurement_date DESC NULLS LAST,
        v.measurement_id DESC NULLS LAST
      LIMIT 1
    ) <= %(p84)s
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
  AND EXISTS(
    SELECT
      1
    FROM condition_occurrence AS v
    WHERE
      v.person_id = p.person_id
      AND (
        v.condition_concept_id IN (
          SELECT
            concept_id
          FROM cs6
        )
        OR v.condition_source_concept_id IN (
          SELECT
            concept_id
          FROM cs6_source
        )
        OR (
          COALESCE(v.condition_concept_id, 0) = 0
          AND (
            LOWER(v.condition_source_value) IN (
              SELECT
                text
              FROM cs6_text
            )
            OR LOWER(v.condition_source_value) IN (%(p87)s, %(p88)s, %(p89)s, %(p90)s)
          )
        )
      )
      AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
  )
  AND (
    (
      SELECT
        v.value_as_number * (
          CASE
            WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p91)s
            THEN %(p84)s
            WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p91)s
            THEN %(p84)s
          END
        )
      FROM measurement AS v
      LEFT JOIN concept AS u
        ON u.concept_id = v.unit_concept_id
      WHERE
        v.person_id = p.person_id
        AND (
          v.measurement_concept_id IN (
            SELECT
              concept_id
            FROM cs7
          )
          OR v.measurement_source_concept_id IN (
            SELECT
              concept_id
            FROM cs7_source
          )
          OR (
            COALESCE(v.measurement_concept_id, 0) = 0
            AND (
              LOWER(v.measurement_source_value) IN (
                SELECT
                  text
                FROM cs7_text
              )
              OR LOWER(v.measurement_source_value) IN (
                %(p92)s,
                %(p93)s,
                %(p94)s,
                %(p95)s,
                %(p96)s,
                %(p97)s,
                %(p98)s,
                %(p99)s,
                %(p100)s,
                %(p101)s,
                %(p102)s,
                %(p103)s,
                %(p104)s
              )
            )
          )
        )
        AND NOT v.value_as_number IS NULL
        AND (
          v.measurement_date <= CAST(%(index_date)s AS DATE)
          AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
        )
      ORDER BY
        v.measurement_date DESC NULLS LAST,
        v.measurement_id DESC NULLS LAST
      LIMIT 1
    ) >= %(p105)s
  )
  AND (
    (
      SELECT
        v.value_as_number * (
          CASE
            WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p91)s
            THEN %(p84)s
            WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p91)s
            THEN %(p84)s
          END
        )
      FROM measurement AS v
      LEFT JOIN concept AS u
        ON u.concept_id = v.unit_concept_id
      WHERE
        v.person_id = p.person_id
        AND (
          v.measurement_concept_id IN (
            SELECT
              concept_id
            FROM cs8
          )
          OR v.measurement_source_concept_id IN (
            SELECT
              concept_id
            FROM cs8_source
          )
          OR (
            COALESCE(v.measurement_concept_id, 0) = 0
            AND (
              LOWER(v.measurement_source_value) IN (
                SELECT
                  text
                FROM cs8_text
              )
              OR LOWER(v.measurement_source_value) IN (
                %(p106)s,
                %(p107)s,
                %(p108)s,
                %(p109)s,
                %(p110)s,
                %(p111)s,
                %(p112)s,
                %(p113)s,
                %(p114)s,
                %(p115)s,
                %(p116)s,
                %(p117)s,
                %(p118)s,
                %(p119)s,
                %(p120)s,
                %(p121)s,
                %(p122)s
              )
            )
          )
        )
        AND NOT v.value_as_number IS NULL
        AND (
          v.measurement_date <= CAST(%(index_date)s AS DATE)
          AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
        )
      ORDER BY
        v.measurement_date DESC NULLS LAST,
        v.measurement_id DESC NULLS LAST
      LIMIT 1
    ) >= %(p123)s
  )
  AND (
    (
      (
        SELECT
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
          )
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs9
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs9_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs9_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p132)s,
                  %(p133)s,
                  %(p134)s,
                  %(p135)s,
                  %(p136)s,
                  %(p137)s,
                  %(p138)s,
                  %(p139)s,
                  %(p140)s,
                  %(p141)s,
                  %(p142)s,
                  %(p143)s,
                  %(p144)s,
                  %(p145)s,
                  %(p146)s,
                  %(p147)s,
                  %(p148)s,
                  %(p149)s,
                  %(p150)s,
                  %(p151)s,
                  %(p152)s,
                  %(p153)s,
                  %(p154)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) >= %(p155)s
    )
    AND (
      (
        SELECT
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
          )
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs10
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs10_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs10_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p156)s,
                  %(p157)s,
                  %(p158)s,
                  %(p159)s,
                  %(p160)s,
                  %(p161)s,
                  %(p162)s,
                  %(p163)s,
                  %(p164)s,
                  %(p165)s,
                  %(p166)s,
                  %(p167)s,
                  %(p168)s,
                  %(p169)s,
                  %(p170)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) >= %(p171)s
    )
    AND (
      (
        SELECT
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
          )
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs11
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs11_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs11_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p182)s,
                  %(p183)s,
                  %(p184)s,
                  %(p185)s,
                  %(p186)s,
                  %(p187)s,
                  %(p188)s,
                  %(p189)s,
                  %(p190)s,
                  %(p191)s,
                  %(p192)s,
                  %(p193)s,
                  %(p194)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) >= %(p195)s
    )
  )
  AND (
    (
      (
        SELECT
          CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0)
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs12
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs12_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs12_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p196)s,
                  %(p197)s,
                  %(p198)s,
                  %(p199)s,
                  %(p200)s,
                  %(p201)s,
                  %(p202)s,
                  %(p203)s,
                  %(p204)s,
                  %(p205)s,
                  %(p206)s,
                  %(p207)s,
                  %(p208)s,
                  %(p209)s,
                  %(p210)s,
                  %(p211)s,
                  %(p212)s,
                  %(p213)s,
                  %(p214)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) <= %(p84)s
    )
    AND (
      (
        (
          SELECT
            CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0)
          FROM measurement AS v
          LEFT JOIN concept AS u
            ON u.concept_id = v.unit_concept_id
          WHERE
            v.person_id = p.person_id
            AND (
              v.measurement_concept_id IN (
                SELECT
                  concept_id
                FROM cs13
              )
              OR v.measurement_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs13_source
              )
              OR (
                COALESCE(v.measurement_concept_id, 0) = 0
                AND (
                  LOWER(v.measurement_source_value) IN (
                    SELECT
                      text
                    FROM cs13_text
                  )
                  OR LOWER(v.measurement_source_value) IN (
                    %(p215)s,
                    %(p216)s,
                    %(p217)s,
                    %(p218)s,
                    %(p219)s,
                    %(p220)s,
                    %(p221)s,
                    %(p222)s,
                    %(p223)s,
                    %(p224)s,
                    %(p225)s,
                    %(p226)s,
                    %(p227)s,
                    %(p228)s,
                    %(p229)s,
                    %(p230)s,
                    %(p231)s,
                    %(p232)s,
                    %(p233)s
                  )
                )
              )
            )
            AND NOT v.value_as_number IS NULL
            AND (
              v.measurement_date <= CAST(%(index_date)s AS DATE)
              AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
            )
          ORDER BY
            v.measurement_date DESC NULLS LAST,
            v.measurement_id DESC NULLS LAST
          LIMIT 1
        ) <= %(p234)s
      )
      AND (
        (
          SELECT
            CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0)
          FROM measurement AS v
          LEFT JOIN concept AS u
            ON u.concept_id = v.unit_concept_id
          WHERE
            v.person_id = p.person_id
            AND (
              v.measurement_concept_id IN (
                SELECT
                  concept_id
                FROM cs14
              )
              OR v.measurement_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs14_source
              )
              OR (
                COALESCE(v.measurement_concept_id, 0) = 0
                AND (
                  LOWER(v.measurement_source_value) IN (
                    SELECT
                      text
                    FROM cs14_text
                  )
                  OR LOWER(v.measurement_source_value) IN (
                    %(p235)s,
                    %(p236)s,
                    %(p237)s,
                    %(p238)s,
                    %(p239)s,
                    %(p240)s,
                    %(p241)s,
                    %(p242)s,
                    %(p243)s,
                    %(p244)s,
                    %(p245)s,
                    %(p246)s,
                    %(p247)s,
                    %(p248)s,
                    %(p249)s,
                    %(p250)s,
                    %(p251)s,
                    %(p252)s,
                    %(p253)s,
                    %(p254)s
                  )
                )
              )
            )
            AND NOT v.value_as_number IS NULL
            AND (
              v.measurement_date <= CAST(%(index_date)s AS DATE)
              AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
            )
          ORDER BY
            v.measurement_date DESC NULLS LAST,
            v.measurement_id DESC NULLS LAST
          LIMIT 1
        ) <= %(p234)s
      )
    )
    AND (
      (
        SELECT
          CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0)
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs15
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs15_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs15_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p255)s,
                  %(p256)s,
                  %(p257)s,
                  %(p258)s,
                  %(p259)s,
                  %(p260)s,
                  %(p261)s,
                  %(p262)s,
                  %(p263)s,
                  %(p264)s,
                  %(p265)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) <= %(p234)s
    )
  )
  AND (
    (
      (
        SELECT
          CAST(v.value_as_number AS DOUBLE PRECISION) / NULLIF(v.range_high, 0)
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs16
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs16_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs16_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p266)s,
                  %(p267)s,
                  %(p268)s,
                  %(p269)s,
                  %(p270)s,
                  %(p271)s,
                  %(p272)s,
                  %(p273)s,
                  %(p274)s,
                  %(p275)s,
                  %(p276)s,
                  %(p277)s,
                  %(p278)s,
                  %(p279)s,
                  %(p280)s,
                  %(p281)s,
                  %(p282)s,
                  %(p283)s,
                  %(p284)s,
                  %(p285)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) <= %(p84)s
    )
    OR (
      (
        SELECT
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
          )
        FROM measurement AS v
        LEFT JOIN concept AS u
          ON u.concept_id = v.unit_concept_id
        WHERE
          v.person_id = p.person_id
          AND (
            v.measurement_concept_id IN (
              SELECT
                concept_id
              FROM cs17
            )
            OR v.measurement_source_concept_id IN (
              SELECT
                concept_id
              FROM cs17_source
            )
            OR (
              COALESCE(v.measurement_concept_id, 0) = 0
              AND (
                LOWER(v.measurement_source_value) IN (
                  SELECT
                    text
                  FROM cs17_text
                )
                OR LOWER(v.measurement_source_value) IN (
                  %(p288)s,
                  %(p289)s,
                  %(p290)s,
                  %(p291)s,
                  %(p292)s,
                  %(p293)s,
                  %(p294)s,
                  %(p295)s,
                  %(p296)s,
                  %(p297)s,
                  %(p298)s,
                  %(p299)s,
                  %(p300)s,
                  %(p301)s,
                  %(p302)s,
                  %(p303)s,
                  %(p304)s,
                  %(p305)s,
                  %(p306)s,
                  %(p307)s,
                  %(p308)s,
                  %(p309)s,
                  %(p310)s,
                  %(p311)s,
                  %(p312)s,
                  %(p313)s,
                  %(p314)s,
                  %(p315)s,
                  %(p316)s,
                  %(p317)s
                )
              )
            )
          )
          AND NOT v.value_as_number IS NULL
          AND (
            v.measurement_date <= CAST(%(index_date)s AS DATE)
            AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
          )
        ORDER BY
          v.measurement_date DESC NULLS LAST,
          v.measurement_id DESC NULLS LAST
        LIMIT 1
      ) >= %(p318)s
    )
  )
  AND (
    (
      SELECT
        v.value_as_number * (
          CASE
            WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = %(p319)s
            THEN %(p84)s
            WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = %(p319)s
            THEN %(p84)s
          END
        )
      FROM measurement AS v
      LEFT JOIN concept AS u
        ON u.concept_id = v.unit_concept_id
      WHERE
        v.person_id = p.person_id
        AND (
          v.measurement_concept_id IN (
            SELECT
              concept_id
            FROM cs18
          )
          OR v.measurement_source_concept_id IN (
            SELECT
              concept_id
            FROM cs18_source
          )
          OR (
            COALESCE(v.measurement_concept_id, 0) = 0
            AND (
              LOWER(v.measurement_source_value) IN (
                SELECT
                  text
                FROM cs18_text
              )
              OR LOWER(v.measurement_source_value) IN (
                %(p320)s,
                %(p321)s,
                %(p322)s,
                %(p323)s,
                %(p324)s,
                %(p325)s,
                %(p326)s,
                %(p327)s,
                %(p328)s,
                %(p329)s,
                %(p330)s,
                %(p331)s,
                %(p332)s
              )
            )
          )
        )
        AND NOT v.value_as_number IS NULL
        AND (
          v.measurement_date <= CAST(%(index_date)s AS DATE)
          AND v.measurement_date >= CAST(%(index_date)s AS DATE) - CAST(%(p83)s AS INT)
        )
      ORDER BY
        v.measurement_date DESC NULLS LAST,
        v.measurement_id DESC NULLS LAST
      LIMIT 1
    ) >= %(p333)s
  )
  AND (
    EXISTS(
      SELECT
        1
      FROM condition_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.condition_concept_id IN (
            SELECT
              concept_id
            FROM cs19
          )
          OR v.condition_source_concept_id IN (
            SELECT
              concept_id
            FROM cs19_source
          )
          OR (
            COALESCE(v.condition_concept_id, 0) = 0
            AND (
              LOWER(v.condition_source_value) IN (
                SELECT
                  text
                FROM cs19_text
              )
              OR LOWER(v.condition_source_value) IN (%(p334)s, %(p335)s, %(p336)s, %(p337)s)
            )
          )
        )
        AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    )
    OR EXISTS(
      SELECT
        1
      FROM procedure_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.procedure_concept_id IN (
            SELECT
              concept_id
            FROM cs19
          )
          OR v.procedure_source_concept_id IN (
            SELECT
              concept_id
            FROM cs19_source
          )
          OR (
            COALESCE(v.procedure_concept_id, 0) = 0
            AND (
              LOWER(v.procedure_source_value) IN (
                SELECT
                  text
                FROM cs19_text
              )
              OR LOWER(v.procedure_source_value) IN (%(p334)s, %(p335)s, %(p336)s, %(p337)s)
            )
          )
        )
        AND v.procedure_date <= CAST(%(index_date)s AS DATE)
    )
    OR (
      CASE
        WHEN (
          EXISTS(
            SELECT
              1
            FROM observation AS v
            WHERE
              v.person_id = p.person_id
              AND (
                v.observation_concept_id IN (
                  SELECT
                    concept_id
                  FROM cs19
                )
                OR v.observation_source_concept_id IN (
                  SELECT
                    concept_id
                  FROM cs19_source
                )
                OR (
                  COALESCE(v.observation_concept_id, 0) = 0
                  AND (
                    LOWER(v.observation_source_value) IN (
                      SELECT
                        text
                      FROM cs19_text
                    )
                    OR LOWER(v.observation_source_value) IN (%(p334)s, %(p335)s, %(p336)s, %(p337)s)
                  )
                )
              )
              AND v.observation_date <= CAST(%(index_date)s AS DATE)
          )
        )
        THEN TRUE
      END
    )
  )
  AND NOT (
    EXISTS(
      SELECT
        1
      FROM drug_exposure AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.drug_concept_id IN (
            SELECT
              concept_id
            FROM cs2
          )
          OR v.drug_source_concept_id IN (
            SELECT
              concept_id
            FROM cs2_source
          )
          OR (
            COALESCE(v.drug_concept_id, 0) = 0
            AND (
              LOWER(v.drug_source_value) IN (
                SELECT
                  text
                FROM cs2_text
              )
              OR LOWER(v.drug_source_value) IN (
                %(p16)s,
                %(p17)s,
                %(p18)s,
                %(p19)s,
                %(p20)s,
                %(p21)s,
                %(p22)s,
                %(p23)s,
                %(p24)s,
                %(p25)s,
                %(p26)s,
                %(p27)s,
                %(p28)s,
                %(p29)s,
                %(p30)s,
                %(p31)s,
                %(p32)s,
                %(p33)s,
                %(p34)s,
                %(p35)s,
                %(p36)s,
                %(p37)s,
                %(p38)s,
                %(p39)s,
                %(p40)s
              )
            )
          )
        )
        AND (
          v.drug_exposure_start_date <= CAST(%(index_date)s AS DATE)
          AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST(%(index_date)s AS DATE) - CAST(%(p338)s AS INT)
        )
    )
    OR (
      EXISTS(
        SELECT
          1
        FROM procedure_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.procedure_concept_id IN (
              SELECT
                concept_id
              FROM cs20
            )
            OR v.procedure_source_concept_id IN (
              SELECT
                concept_id
              FROM cs20_source
            )
            OR (
              COALESCE(v.procedure_concept_id, 0) = 0
              AND (
                LOWER(v.procedure_source_value) IN (
                  SELECT
                    text
                  FROM cs20_text
                )
                OR LOWER(v.procedure_source_value) IN (%(p339)s, %(p340)s, %(p341)s, %(p342)s, %(p343)s, %(p344)s)
              )
            )
          )
          AND v.procedure_date <= CAST(%(index_date)s AS DATE)
      )
      OR EXISTS(
        SELECT
          1
        FROM procedure_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.procedure_concept_id IN (
              SELECT
                concept_id
              FROM cs21
            )
            OR v.procedure_source_concept_id IN (
              SELECT
                concept_id
              FROM cs21_source
            )
            OR (
              COALESCE(v.procedure_concept_id, 0) = 0
              AND (
                LOWER(v.procedure_source_value) IN (
                  SELECT
                    text
                  FROM cs21_text
                )
                OR LOWER(v.procedure_source_value) IN (
                  %(p345)s,
                  %(p346)s,
                  %(p347)s,
                  %(p348)s,
                  %(p349)s,
                  %(p350)s,
                  %(p351)s,
                  %(p352)s,
                  %(p353)s
                )
              )
            )
          )
          AND v.procedure_date <= CAST(%(index_date)s AS DATE)
      )
    )
    OR (
      EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs22
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs22_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs22_text
                )
                OR LOWER(v.condition_source_value) IN (%(p356)s, %(p357)s, %(p358)s, %(p359)s, %(p360)s, %(p361)s, %(p362)s, %(p363)s)
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
      OR EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs23
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs23_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs23_text
                )
                OR LOWER(v.condition_source_value) IN (
                  %(p367)s,
                  %(p368)s,
                  %(p369)s,
                  %(p370)s,
                  %(p371)s,
                  %(p372)s,
                  %(p373)s,
                  %(p374)s,
                  %(p375)s
                )
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
      OR EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs24
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs24_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs24_text
                )
                OR LOWER(v.condition_source_value) IN (%(p378)s, %(p379)s, %(p380)s, %(p381)s, %(p382)s, %(p383)s, %(p384)s, %(p385)s)
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
    )
    OR (
      (
        EXISTS(
          SELECT
            1
          FROM condition_occurrence AS v
          WHERE
            v.person_id = p.person_id
            AND (
              v.condition_concept_id IN (
                SELECT
                  concept_id
                FROM cs25
              )
              OR v.condition_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs25_source
              )
              OR (
                COALESCE(v.condition_concept_id, 0) = 0
                AND (
                  LOWER(v.condition_source_value) IN (
                    SELECT
                      text
                    FROM cs25_text
                  )
                  OR LOWER(v.condition_source_value) IN (%(p386)s)
                )
              )
            )
            AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
        )
        OR EXISTS(
          SELECT
            1
          FROM observation AS v
          WHERE
            v.person_id = p.person_id
            AND (
              v.observation_concept_id IN (
                SELECT
                  concept_id
                FROM cs26
              )
              OR v.observation_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs26_source
              )
              OR (
                COALESCE(v.observation_concept_id, 0) = 0
                AND (
                  LOWER(v.observation_source_value) IN (
                    SELECT
                      text
                    FROM cs26_text
                  )
                  OR LOWER(v.observation_source_value) IN (%(p387)s, %(p22)s, %(p388)s, %(p389)s)
                )
              )
            )
            AND v.observation_date <= CAST(%(index_date)s AS DATE)
        )
      )
      OR (
        EXISTS(
          SELECT
            1
          FROM condition_occurrence AS v
          WHERE
            v.person_id = p.person_id
            AND (
              v.condition_concept_id IN (
                SELECT
                  concept_id
                FROM cs27
              )
              OR v.condition_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs27_source
              )
              OR (
                COALESCE(v.condition_concept_id, 0) = 0
                AND (
                  LOWER(v.condition_source_value) IN (
                    SELECT
                      text
                    FROM cs27_text
                  )
                  OR LOWER(v.condition_source_value) IN (%(p390)s, %(p391)s)
                )
              )
            )
            AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
        )
        OR EXISTS(
          SELECT
            1
          FROM observation AS v
          WHERE
            v.person_id = p.person_id
            AND (
              v.observation_concept_id IN (
                SELECT
                  concept_id
                FROM cs28
              )
              OR v.observation_source_concept_id IN (
                SELECT
                  concept_id
                FROM cs28_source
              )
              OR (
                COALESCE(v.observation_concept_id, 0) = 0
                AND (
                  LOWER(v.observation_source_value) IN (
                    SELECT
                      text
                    FROM cs28_text
                  )
                  OR LOWER(v.observation_source_value) IN (%(p42)s, %(p392)s, %(p393)s, %(p49)s, %(p50)s, %(p394)s)
                )
              )
            )
            AND v.observation_date <= CAST(%(index_date)s AS DATE)
        )
      )
    )
    OR EXISTS(
      SELECT
        1
      FROM procedure_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.procedure_concept_id IN (
            SELECT
              concept_id
            FROM cs29
          )
          OR v.procedure_source_concept_id IN (
            SELECT
              concept_id
            FROM cs29_source
          )
          OR (
            COALESCE(v.procedure_concept_id, 0) = 0
            AND (
              LOWER(v.procedure_source_value) IN (
                SELECT
                  text
                FROM cs29_text
              )
              OR LOWER(v.procedure_source_value) IN (
                %(p395)s,
                %(p396)s,
                %(p397)s,
                %(p398)s,
                %(p399)s,
                %(p400)s,
                %(p401)s,
                %(p402)s,
                %(p403)s,
                %(p404)s,
                %(p405)s,
                %(p406)s
              )
            )
          )
        )
        AND v.procedure_date <= CAST(%(index_date)s AS DATE)
    )
    OR (
      EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs30
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs30_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs30_text
                )
                OR LOWER(v.condition_source_value) IN (
                  %(p408)s,
                  %(p409)s,
                  %(p410)s,
                  %(p411)s,
                  %(p412)s,
                  %(p413)s,
                  %(p414)s,
                  %(p415)s,
                  %(p416)s
                )
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
      OR EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs31
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs31_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs31_text
                )
                OR LOWER(v.condition_source_value) IN (
                  %(p419)s,
                  %(p420)s,
                  %(p421)s,
                  %(p422)s,
                  %(p423)s,
                  %(p424)s,
                  %(p425)s,
                  %(p426)s,
                  %(p427)s,
                  %(p428)s
                )
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
    )
    OR (
      EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs32
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs32_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs32_text
                )
                OR LOWER(v.condition_source_value) IN (%(p430)s, %(p431)s, %(p432)s, %(p433)s, %(p434)s)
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
      OR EXISTS(
        SELECT
          1
        FROM condition_occurrence AS v
        WHERE
          v.person_id = p.person_id
          AND (
            v.condition_concept_id IN (
              SELECT
                concept_id
              FROM cs33
            )
            OR v.condition_source_concept_id IN (
              SELECT
                concept_id
              FROM cs33_source
            )
            OR (
              COALESCE(v.condition_concept_id, 0) = 0
              AND (
                LOWER(v.condition_source_value) IN (
                  SELECT
                    text
                  FROM cs33_text
                )
                OR LOWER(v.condition_source_value) IN (%(p435)s, %(p436)s, %(p437)s, %(p438)s)
              )
            )
          )
          AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
      )
    )
    OR EXISTS(
      SELECT
        1
      FROM condition_occurrence AS v
      WHERE
        v.person_id = p.person_id
        AND (
          v.condition_concept_id IN (
            SELECT
              concept_id
            FROM cs34
          )
          OR v.condition_source_concept_id IN (
            SELECT
              concept_id
            FROM cs34_source
          )
          OR (
            COALESCE(v.condition_concept_id, 0) = 0
            AND (
              LOWER(v.condition_source_value) IN (
                SELECT
                  text
                FROM cs34_text
              )
              OR LOWER(v.condition_source_value) IN (%(p439)s, %(p440)s, %(p441)s, %(p442)s)
            )
          )
        )
        AND v.condition_start_date <= CAST(%(index_date)s AS DATE)
    )
  )
ORDER BY
  p.person_id
