-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written $name (DuckDB, SQLite). Bind at run time:
--   $index_date: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "372244006", "p2": "C43", "p3": "acral melanoma", "p4": "cutaneous melanoma", "p5": "malignant melanoma", "p6": "melanoma", "p7": "metastatic malignant melanoma", "p8": "metastatic melanoma", "p9": "mucosal melanoma", "p10": "relapsed melanoma", "p11": "367336001", "p12": "L01", "p13": "antineoplastic chemotherapy", "p14": "carboplatin", "p15": "chemotherapeutic agent", "p16": "chemotherapy", "p17": "cisplatin", "p18": "cyclophosphamide", "p19": "cytotoxic agent", "p20": "cytotoxic chemotherapy", "p21": "dacarbazine", "p22": "docetaxel", "p23": "doxorubicin", "p24": "etoposide", "p25": "fludarabine", "p26": "fluorouracil", "p27": "fotemustine", "p28": "gemcitabine", "p29": "nab paclitaxel", "p30": "oxaliplatin", "p31": "paclitaxel", "p32": "temozolomide", "p33": "vinblastine", "p34": "vincristine", "p35": "76334006", "p36": "aldesleukin", "p37": "cancer immunotherapy", "p38": "high dose interleukin 2", "p39": "immune therapy", "p40": "immunotherapy", "p41": "interferon alfa", "p42": "interleukin 2", "p43": "ipilimumab", "p44": "nivolumab", "p45": "pembrolizumab", "p46": "relatlimab", "p47": "haploidentical donor", "p48": "haploidentical donor available", "p49": "haploidentical family donor", "p50": "willing haploidentical donor", "p51": "89247-1", "p52": "calgb performance status", "p53": "cancer and leukemia group b performance status", "p54": "eastern cooperative oncology group", "p55": "eastern cooperative oncology group performance status", "p56": "eastern cooperative oncology group performance status score", "p57": "eastern cooperative oncology group score", "p58": "ecog", "p59": "ecog performance status", "p60": "ecog ps", "p61": "ecog score", "p62": "ecog status", "p63": "gog performance status", "p64": "gynecologic oncology group performance status", "p65": "performance status", "p66": "ps", "p67": "who performance status", "p68": "who ps", "p69": "zubrod", "p70": "zubrod performance status", "p71": "zubrod score", "p72": 90, "p73": 1, "p74": 18, "p75": 75, "p76": "measurable disease", "p77": "measurable disease per recist", "p78": "measurable lesion", "p79": "recist measurable disease", "p80": 8554, "p81": "%", "p82": "10230-1", "p83": "ef", "p84": "eject fraction", "p85": "ejection fraction", "p86": "left ventricle ejection fraction", "p87": "left ventricular ef", "p88": "left ventricular ejection fraction", "p89": "lv ef", "p90": "lv ejection fraction", "p91": "lvef", "p92": "ventricular ef", "p93": "ventricular ejection fraction", "p94": 45, "p95": "carbon monoxide diffusing capacity", "p96": "diffusing capacity", "p97": "diffusing capacity for carbon monoxide", "p98": "diffusing capacity of the lung for carbon monoxide", "p99": "diffusion capacity", "p100": "diffusion capacity for carbon monoxide", "p101": "dlco", "p102": "dlco adjusted for hemoglobin", "p103": "dlco corrected for hemoglobin", "p104": "dlco percent predicted", "p105": "dlco pred", "p106": "dlco predicted", "p107": "predicted dlco", "p108": "tlco", "p109": 50, "p110": 9444, "p111": 8848, "p112": 8961, "p113": "10*9/L", "p114": "10*3/uL", "p115": "10*3/mm3", "p116": "/uL", "p117": 0.001, "p118": "/mm3", "p119": "10*6/uL", "p120": 1000, "p121": "751-8", "p122": "absolute granulocyte", "p123": "absolute granulocyte count", "p124": "absolute neutrophil", "p125": "absolute neutrophil count", "p126": "agc", "p127": "anc", "p128": "granulocyte", "p129": "granulocyte count", "p130": "hematologic anc", "p131": "neutrophil", "p132": "neutrophil count", "p133": "pmn count", "p134": "polymorphonuclear neutrophil", "p135": "segmented neutrophil band", "p136": 3013650, "p137": 1.5, "p138": "777-3", "p139": "blood platelet", "p140": "blood platelet count", "p141": "platelet", "p142": "platelet count", "p143": "plt", "p144": "plt count", "p145": "thrombocyte", "p146": "thrombocyte count", "p147": 3024929, "p148": 100, "p149": 8713, "p150": 8636, "p151": 0.1, "p152": 8840, "p153": 8751, "p154": 0.0001, "p155": 8753, "p156": 1.6114, "p157": 8749, "p158": 0.0016114, "p159": "g/dL", "p160": "g/L", "p161": "mg/dL", "p162": "mg/L", "p163": "mmol/L", "p164": "umol/L", "p165": "59260-0", "p166": "718-7", "p167": "blood hemoglobin", "p168": "haemoglobin", "p169": "haemoglobin concentration", "p170": "hb", "p171": "hb concentration", "p172": "hemaglobin", "p173": "hemoglobin", "p174": "hemoglobin concentration", "p175": "hgb", "p176": "serum haemoglobin", "p177": "serum hemoglobin", "p178": 3000963, "p179": 9, "p180": "14631-6", "p181": "1975-2", "p182": "bili", "p183": "bilirubin", "p184": "bilirubin total", "p185": "birilubin", "p186": "blood bilirubin", "p187": "plasma bilirubin", "p188": "serum bilirubin", "p189": "serum total bilirubin", "p190": "t bil", "p191": "t bili", "p192": "tbil", "p193": "tbili", "p194": "total bili", "p195": "total bilirubin", "p196": "total serum bilirubin", "p197": 3024128, "p198": "1920-8", "p199": "asat", "p200": "aspartase aminotransferase", "p201": "aspartate amino transferase", "p202": "aspartate aminotransferase", "p203": "aspartate transaminase", "p204": "ast", "p205": "glutamic oxalacetic transaminase", "p206": "glutamic oxaloacetic transaminase", "p207": "serum aspartate aminotransferase", "p208": "serum aspartate transaminase", "p209": "serum ast", "p210": "serum glutamic oxaloacetic transaminase", "p211": "serum sgot", "p212": "sgot", "p213": "spartate aminotransferase", "p214": 3013721, "p215": 2.5, "p216": "1742-6", "p217": "alanine amino transferase", "p218": "alanine aminotransaminase", "p219": "alanine aminotransferase", "p220": "alanine transaminase", "p221": "alat", "p222": "alt", "p223": "glutamic pyruvic transaminase", "p224": "gpt", "p225": "serum alanine aminotransferase", "p226": "serum alanine transaminase", "p227": "serum alt", "p228": "serum glutamate pyruvate transaminase", "p229": "serum glutamic pyruvic transaminase", "p230": "serum gpt", "p231": "serum sgpt", "p232": "sgpt", "p233": 3006923, "p234": "6768-6", "p235": "alk pho", "p236": "alkalic phosphatase", "p237": "alkaline phosphatase", "p238": "alkpho", "p239": "alp", "p240": "ap", "p241": "serum alkaline phosphatase", "p242": 3035995, "p243": "14682-9", "p244": "2160-0", "p245": "blood creatinine", "p246": "cr", "p247": "creat", "p248": "creatinen", "p249": "creatinin", "p250": "creatinine", "p251": "creatinine serum", "p252": "increase in s creatinine", "p253": "plasma creatinine", "p254": "s cr", "p255": "s creatinine", "p256": "scr", "p257": "serum cr", "p258": "serum creatinine", "p259": "serum creatinine concentration", "p260": 3016723, "p261": "mL/min/{1.73_m2}", "p262": "mL/min", "p263": "2164-2", "p264": "24 hour creatinine clearance", "p265": "24 hour urinary creatinine clearance", "p266": "24 hour urine creatinine clearance", "p267": "calculated crcl", "p268": "calculated creatinine clearance", "p269": "ccr", "p270": "cl cr", "p271": "clcr", "p272": "clearance creatinine", "p273": "cockcroft gault", "p274": "cockcroft gault creatinine clearance", "p275": "cockcroft gault formula", "p276": "cr cl", "p277": "crcl", "p278": "creatinin clearance", "p279": "creatinine clearance", "p280": "creatinine clearance rate", "p281": "endogenous creatinine clearance", "p282": "estimated crcl", "p283": "estimated creatinine clearance", "p284": "measured creatinine clearance", "p285": "renal clearance", "p286": "serum creatinine clearance", "p287": 60, "p288": "mo", "p289": "anticipated life expectancy", "p290": "anticipated survival", "p291": "estimated life expectancy", "p292": "estimated survival", "p293": "expected life expectancy", "p294": "expected survival", "p295": "expected survival time", "p296": "life expectancy", "p297": "life expectation", "p298": "predicted life expectancy", "p299": "predicted survival", "p300": "projected survival", "p301": "survival expectancy", "p302": 3, "p303": "informed consent", "p304": "informed consent signed", "p305": "signed informed consent", "p306": "written informed consent", "p307": 30, "p308": "adoptive cell therapy", "p309": "adoptive cell transfer", "p310": "adoptive cellular therapy", "p311": "car t cell therapy", "p312": "til therapy", "p313": "tumor infiltrating lymphocyte therapy", "p314": "allogeneic stem cell transplantation", "p315": "autologous stem cell transplantation", "p316": "bone marrow transplant", "p317": "bone marrow transplantation", "p318": "hematopoietic stem cell transplant", "p319": "hematopoietic stem cell transplantation", "p320": "hsct", "p321": "stem cell transplant", "p322": "stem cell transplantation", "p323": "86406008", "p324": "B20", "p325": "Z21", "p326": "hiv", "p327": "hiv disease", "p328": "hiv infection", "p329": "hiv positive", "p330": "human immunodeficiency virus infection", "p331": 439727, "p332": "66071002", "p333": "B16", "p334": "B18.0", "p335": "B18.1", "p336": "chronic hepatitis b", "p337": "hbv", "p338": "hbv infection", "p339": "hepatitis b", "p340": "hepatitis b virus infection", "p341": "50711007", "p342": "B17.1", "p343": "B18.2", "p344": "chronic hepatitis c", "p345": "hcv", "p346": "hcv infection", "p347": "hepatitis c", "p348": "hepatitis c virus infection", "p349": 197494, "p350": "hypersensitivity to cyclophosphamide", "p351": "387420009", "p352": "cytoxan", "p353": "endoxan", "p354": "hypersensitivity to interleukin 2", "p355": "il 2", "p356": "proleukin", "p357": "heart transplant", "p358": "heart transplantation", "p359": "kidney transplant", "p360": "kidney transplantation", "p361": "liver transplant", "p362": "liver transplantation", "p363": "lung transplant", "p364": "lung transplantation", "p365": "organ transplant", "p366": "organ transplantation", "p367": "solid organ transplant", "p368": "solid organ transplantation", "p369": "698247007", "p370": "I49.9", "p371": "arrhythmia", "p372": "atrial fibrillation", "p373": "atrial flutter", "p374": "cardiac arrhythmia", "p375": "dysrhythmia", "p376": "ventricular fibrillation", "p377": "ventricular tachycardia", "p378": "414545008", "p379": "I25.1", "p380": "I25.9", "p381": "angina pectoris", "p382": "coronary artery disease", "p383": "coronary heart disease", "p384": "ischaemic heart disease", "p385": "ischemic heart disease", "p386": "myocardial infarction", "p387": "unstable angina", "p388": 4185932, "p389": "77386006", "p390": "Z33.1", "p391": "pregnancy", "p392": "pregnancy state", "p393": "pregnant", "p394": "breast feeding", "p395": "breastfeeding", "p396": "lactating", "p397": "lactation", "p398": "40733004", "p399": "active infection", "p400": "infection", "p401": "uncontrolled infection"}
SELECT p.person_id
  FROM person AS p
 WHERE -- inc-1: Histologically confirmed metastatic or relapsed malignant melanoma
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-2: Patients who received prior chemotherapy or immunotherapy
       (EXISTS (SELECT 1
                  FROM drug_exposure AS v
                 WHERE v.person_id = p.person_id
                   AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34))
                   AND v.drug_exposure_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM drug_exposure AS v
                    WHERE v.person_id = p.person_id
                      AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p35, $p36, $p37, $p38, $p39, $p40, $p41, $p42, $p43, $p44, $p45, $p46))
                      AND v.drug_exposure_start_date <= CAST($index_date AS DATE)))
   AND -- inc-3: Patients who have at least one haploidentical donor willing to donate
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p47, $p48, $p49, $p50))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p47, $p48, $p49, $p50))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p47, $p48, $p49, $p50))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND -- inc-4: ECOG performance status 0 or 1
       ((SELECT v.value_as_number
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p51, $p52, $p53, $p54, $p55, $p56, $p57, $p58, $p59, $p60, $p61, $p62, $p63, $p64, $p65, $p66, $p67, $p68, $p69, $p70, $p71))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) <= $p73)
   AND -- inc-5: 18 - 75 years
       (((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
           - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                       < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                  THEN 1 ELSE 0 END) >= $p74)
        AND ((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
               - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                           < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                      THEN 1 ELSE 0 END) <= $p75))
   AND -- inc-6: At least one measurable disease according to the RECIST criteria
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p76, $p77, $p78, $p79))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-7: Patients with 45% or more left ventricular ejection fraction
       ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p80 THEN $p73
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p81 THEN $p73
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p82, $p83, $p84, $p85, $p86, $p87, $p88, $p89, $p90, $p91, $p92, $p93))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p94)
   AND -- inc-8: Patients with 50% or more predicted DLCO
       ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p80 THEN $p73
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p81 THEN $p73
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p95, $p96, $p97, $p98, $p99, $p100, $p101, $p102, $p103, $p104, $p105, $p106, $p107, $p108))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p109)
   AND -- inc-9: Adequate bone marrow function: absolute neutrophil count ≥ 1.5 x 109/L; platelet count ≥ 100 x 109/L; and hemoglobin ≥ 9 g/dL
       (((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p110 THEN $p73
                                           WHEN v.unit_concept_id = $p111 THEN $p73
                                           WHEN v.unit_concept_id = $p112 THEN $p73
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p113 THEN $p73
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p114 THEN $p73
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p115 THEN $p73
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p116 THEN $p117
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p118 THEN $p117
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p119 THEN $p120
                                      END)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p136)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p121, $p122, $p123, $p124, $p125, $p126, $p127, $p128, $p129, $p130, $p131, $p132, $p133, $p134, $p135)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) >= $p137)
        AND ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p110 THEN $p73
                                               WHEN v.unit_concept_id = $p111 THEN $p73
                                               WHEN v.unit_concept_id = $p112 THEN $p73
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p113 THEN $p73
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p114 THEN $p73
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p115 THEN $p73
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p116 THEN $p117
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p118 THEN $p117
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p119 THEN $p120
                                          END)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p147)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p138, $p139, $p140, $p141, $p142, $p143, $p144, $p145, $p146)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p148)
        AND ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p149 THEN $p73
                                               WHEN v.unit_concept_id = $p150 THEN $p151
                                               WHEN v.unit_concept_id = $p152 THEN $p117
                                               WHEN v.unit_concept_id = $p153 THEN $p154
                                               WHEN v.unit_concept_id = $p155 THEN $p156
                                               WHEN v.unit_concept_id = $p157 THEN $p158
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p159 THEN $p73
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p160 THEN $p151
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p161 THEN $p117
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p162 THEN $p154
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p163 THEN $p156
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p164 THEN $p158
                                          END)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p178)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p165, $p166, $p167, $p168, $p169, $p170, $p171, $p172, $p173, $p174, $p175, $p176, $p177)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p179))
   AND -- inc-10: Adequate liver function: total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN; and alkaline phosphatase ≤ 2.5 x ULN
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p197)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p180, $p181, $p182, $p183, $p184, $p185, $p186, $p187, $p188, $p189, $p190, $p191, $p192, $p193, $p194, $p195, $p196)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p73)
        AND (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                 FROM measurement AS v
                WHERE v.person_id = p.person_id
                  AND (v.measurement_concept_id IN ($p214)
                       OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p198, $p199, $p200, $p201, $p202, $p203, $p204, $p205, $p206, $p207, $p208, $p209, $p210, $p211, $p212, $p213)))
                  AND v.value_as_number IS NOT NULL
                  AND (v.measurement_date <= CAST($index_date AS DATE)
                       AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
                ORDER BY v.measurement_date DESC, v.measurement_id DESC
                LIMIT 1) <= $p215)
             AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                     FROM measurement AS v
                    WHERE v.person_id = p.person_id
                      AND (v.measurement_concept_id IN ($p233)
                           OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p216, $p217, $p218, $p219, $p220, $p221, $p222, $p223, $p224, $p225, $p226, $p227, $p228, $p229, $p230, $p231, $p232)))
                      AND v.value_as_number IS NOT NULL
                      AND (v.measurement_date <= CAST($index_date AS DATE)
                           AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
                    ORDER BY v.measurement_date DESC, v.measurement_id DESC
                    LIMIT 1) <= $p215))
        AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p242)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p234, $p235, $p236, $p237, $p238, $p239, $p240, $p241)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) <= $p215))
   AND -- inc-11: Adequate renal function: serum creatinine ≤ 1.0 x ULN or creatinine clearance ≥ 60 mL/min/1.73m2
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p260)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p243, $p244, $p245, $p246, $p247, $p248, $p249, $p250, $p251, $p252, $p253, $p254, $p255, $p256, $p257, $p258, $p259)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p73)
        OR ((SELECT v.value_as_number * (CASE WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p261 THEN $p73
                                              WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p262 THEN $p73
                                         END)
               FROM measurement AS v
              WHERE v.person_id = p.person_id
                AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p263, $p264, $p265, $p266, $p267, $p268, $p269, $p270, $p271, $p272, $p273, $p274, $p275, $p276, $p277, $p278, $p279, $p280, $p281, $p282, $p283, $p284, $p285, $p286))
                AND v.value_as_number IS NOT NULL
                AND (v.measurement_date <= CAST($index_date AS DATE)
                     AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
              ORDER BY v.measurement_date DESC, v.measurement_id DESC
              LIMIT 1) >= $p287))
   AND -- inc-12: At least 3 months of expected survival
       ((SELECT v.value_as_number * (CASE WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p288 THEN $p73
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p289, $p290, $p291, $p292, $p293, $p294, $p295, $p296, $p297, $p298, $p299, $p300, $p301))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p72 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p302)
   AND -- inc-13: Patients who signed informed consent
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p303, $p304, $p305, $p306))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p303, $p304, $p305, $p306))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p303, $p304, $p305, $p306))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND NOT (-- exc-1: Patients who received other chemotherapeutic agents within 30 days prior to study enrollment
             EXISTS (SELECT 1
                       FROM drug_exposure AS v
                      WHERE v.person_id = p.person_id
                        AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34))
                        AND (v.drug_exposure_start_date <= CAST($index_date AS DATE)
                             AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST($index_date AS DATE) - CAST($p307 AS INTEGER)))
          OR -- exc-2: Patients who received adoptive cell therapy including hematopoietic stem cell transplantation
             (EXISTS (SELECT 1
                        FROM procedure_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p308, $p309, $p310, $p311, $p312, $p313))
                         AND v.procedure_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM procedure_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p314, $p315, $p316, $p317, $p318, $p319, $p320, $p321, $p322))
                            AND v.procedure_date <= CAST($index_date AS DATE)))
          OR -- exc-3: Patients infected with HIV, HBV, or HCV
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id IN ($p331)
                              OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p323, $p324, $p325, $p326, $p327, $p328, $p329, $p330)))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p332, $p333, $p334, $p335, $p336, $p337, $p338, $p339, $p340))
                            AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN ($p349)
                                 OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p341, $p342, $p343, $p344, $p345, $p346, $p347, $p348)))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-4: Hypersensitivity to cyclophosphamide or interleukin-2
             ((EXISTS (SELECT 1
                         FROM condition_occurrence AS v
                        WHERE v.person_id = p.person_id
                          AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p350))
                          AND v.condition_start_date <= CAST($index_date AS DATE))
               OR EXISTS (SELECT 1
                            FROM observation AS v
                           WHERE v.person_id = p.person_id
                             AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p351, $p18, $p352, $p353))
                             AND v.observation_date <= CAST($index_date AS DATE)))
              OR (EXISTS (SELECT 1
                            FROM condition_occurrence AS v
                           WHERE v.person_id = p.person_id
                             AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p354))
                             AND v.condition_start_date <= CAST($index_date AS DATE))
                  OR EXISTS (SELECT 1
                               FROM observation AS v
                              WHERE v.person_id = p.person_id
                                AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p36, $p355, $p42, $p356))
                                AND v.observation_date <= CAST($index_date AS DATE))))
          OR -- exc-5: Patients who received organ transplantation
             EXISTS (SELECT 1
                       FROM procedure_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p357, $p358, $p359, $p360, $p361, $p362, $p363, $p364, $p365, $p366, $p367, $p368))
                        AND v.procedure_date <= CAST($index_date AS DATE))
          OR -- exc-6: Patients who had arrhythmia or ischemic heart disease
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p369, $p370, $p371, $p372, $p373, $p374, $p375, $p376, $p377))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN ($p388)
                                 OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p378, $p379, $p380, $p381, $p382, $p383, $p384, $p385, $p386, $p387)))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-7: Pregnant or lactating women
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p389, $p390, $p391, $p392, $p393))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p394, $p395, $p396, $p397))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-8: Patients with uncontrolled infection who did not respond to appropriate antimicrobial agents
             EXISTS (SELECT 1
                       FROM condition_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p398, $p399, $p400, $p401))
                        AND v.condition_start_date <= CAST($index_date AS DATE))
       )
 ORDER BY p.person_id

