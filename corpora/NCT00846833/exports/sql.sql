-- criteria-nlp export: persons eligible for trial NCT00846833 (OMOP CDM v5.4).
-- Named parameters are written $name (DuckDB, SQLite). Bind at run time:
--   $index_date: the assessment date; enrollment, screening and 'now' windows count from it
-- and the constants below (criteria_nlp.export.sql.run binds both).
-- Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is
-- returned only when every inclusion criterion is TRUE and every exclusion FALSE.
-- parameters: {"p1": "372244006", "p2": "acral melanoma", "p3": "cutaneous melanoma", "p4": "malignant melanoma", "p5": "melanoma", "p6": "metastatic malignant melanoma", "p7": "metastatic melanoma", "p8": "mucosal melanoma", "p9": "relapsed melanoma", "p10": "antineoplastic chemotherapy", "p11": "carboplatin", "p12": "chemotherapeutic agent", "p13": "chemotherapy", "p14": "cisplatin", "p15": "cyclophosphamide", "p16": "cytotoxic agent", "p17": "cytotoxic chemotherapy", "p18": "dacarbazine", "p19": "docetaxel", "p20": "doxorubicin", "p21": "etoposide", "p22": "fludarabine", "p23": "fluorouracil", "p24": "fotemustine", "p25": "gemcitabine", "p26": "nab paclitaxel", "p27": "oxaliplatin", "p28": "paclitaxel", "p29": "temozolomide", "p30": "vinblastine", "p31": "vincristine", "p32": "aldesleukin", "p33": "cancer immunotherapy", "p34": "high dose interleukin 2", "p35": "immune therapy", "p36": "immunotherapy", "p37": "interferon alfa", "p38": "interleukin 2", "p39": "ipilimumab", "p40": "nivolumab", "p41": "pembrolizumab", "p42": "relatlimab", "p43": "haploidentical donor", "p44": "haploidentical donor available", "p45": "haploidentical family donor", "p46": "willing haploidentical donor", "p47": "89247-1", "p48": "calgb performance status", "p49": "cancer and leukemia group b performance status", "p50": "eastern cooperative oncology group", "p51": "eastern cooperative oncology group performance status", "p52": "eastern cooperative oncology group performance status score", "p53": "eastern cooperative oncology group score", "p54": "ecog", "p55": "ecog performance status", "p56": "ecog ps", "p57": "ecog score", "p58": "ecog status", "p59": "gog performance status", "p60": "gynecologic oncology group performance status", "p61": "performance status", "p62": "ps", "p63": "who performance status", "p64": "who ps", "p65": "zubrod", "p66": "zubrod performance status", "p67": "zubrod score", "p68": 90, "p69": 1, "p70": 18, "p71": 75, "p72": "measurable disease", "p73": "measurable disease per recist", "p74": "measurable lesion", "p75": "recist measurable disease", "p76": 8554, "p77": "%", "p78": "10230-1", "p79": "ef", "p80": "eject fraction", "p81": "ejection fraction", "p82": "left ventricle ejection fraction", "p83": "left ventricular ef", "p84": "left ventricular ejection fraction", "p85": "lv ef", "p86": "lv ejection fraction", "p87": "lvef", "p88": "ventricular ef", "p89": "ventricular ejection fraction", "p90": 45, "p91": "carbon monoxide diffusing capacity", "p92": "diffusing capacity", "p93": "diffusing capacity for carbon monoxide", "p94": "diffusing capacity of the lung for carbon monoxide", "p95": "diffusion capacity", "p96": "diffusion capacity for carbon monoxide", "p97": "dlco", "p98": "dlco adjusted for hemoglobin", "p99": "dlco corrected for hemoglobin", "p100": "dlco percent predicted", "p101": "dlco pred", "p102": "dlco predicted", "p103": "predicted dlco", "p104": "tlco", "p105": 50, "p106": 9444, "p107": 8848, "p108": 8961, "p109": "10*9/L", "p110": "10*3/uL", "p111": "10*3/mm3", "p112": "/uL", "p113": 0.001, "p114": "/mm3", "p115": "10*6/uL", "p116": 1000, "p117": "751-8", "p118": "absolute granulocyte", "p119": "absolute granulocyte count", "p120": "absolute neutrophil", "p121": "absolute neutrophil count", "p122": "agc", "p123": "anc", "p124": "granulocyte", "p125": "granulocyte count", "p126": "hematologic anc", "p127": "neutrophil", "p128": "neutrophil count", "p129": "pmn count", "p130": "polymorphonuclear neutrophil", "p131": "segmented neutrophil band", "p132": 3013650, "p133": 1.5, "p134": "777-3", "p135": "blood platelet", "p136": "blood platelet count", "p137": "platelet", "p138": "platelet count", "p139": "plt", "p140": "plt count", "p141": "thrombocyte", "p142": "thrombocyte count", "p143": 3024929, "p144": 100, "p145": 8713, "p146": 8636, "p147": 0.1, "p148": 8840, "p149": 8751, "p150": 0.0001, "p151": 8753, "p152": 1.6114, "p153": 8749, "p154": 0.0016114, "p155": "g/dL", "p156": "g/L", "p157": "mg/dL", "p158": "mg/L", "p159": "mmol/L", "p160": "umol/L", "p161": "59260-0", "p162": "718-7", "p163": "blood hemoglobin", "p164": "haemoglobin", "p165": "haemoglobin concentration", "p166": "hb", "p167": "hb concentration", "p168": "hemaglobin", "p169": "hemoglobin", "p170": "hemoglobin concentration", "p171": "hgb", "p172": "serum haemoglobin", "p173": "serum hemoglobin", "p174": 3000963, "p175": 9, "p176": "14631-6", "p177": "1975-2", "p178": "bili", "p179": "bilirubin", "p180": "bilirubin total", "p181": "birilubin", "p182": "blood bilirubin", "p183": "plasma bilirubin", "p184": "serum bilirubin", "p185": "serum total bilirubin", "p186": "t bil", "p187": "t bili", "p188": "tbil", "p189": "tbili", "p190": "total bili", "p191": "total bilirubin", "p192": "total serum bilirubin", "p193": 3024128, "p194": "1920-8", "p195": "asat", "p196": "aspartase aminotransferase", "p197": "aspartate amino transferase", "p198": "aspartate aminotransferase", "p199": "aspartate transaminase", "p200": "ast", "p201": "glutamic oxalacetic transaminase", "p202": "glutamic oxaloacetic transaminase", "p203": "serum aspartate aminotransferase", "p204": "serum aspartate transaminase", "p205": "serum ast", "p206": "serum glutamic oxaloacetic transaminase", "p207": "serum sgot", "p208": "sgot", "p209": "spartate aminotransferase", "p210": 3013721, "p211": 2.5, "p212": "1742-6", "p213": "alanine amino transferase", "p214": "alanine aminotransaminase", "p215": "alanine aminotransferase", "p216": "alanine transaminase", "p217": "alat", "p218": "alt", "p219": "glutamic pyruvic transaminase", "p220": "gpt", "p221": "serum alanine aminotransferase", "p222": "serum alanine transaminase", "p223": "serum alt", "p224": "serum glutamate pyruvate transaminase", "p225": "serum glutamic pyruvic transaminase", "p226": "serum gpt", "p227": "serum sgpt", "p228": "sgpt", "p229": 3006923, "p230": "6768-6", "p231": "alk pho", "p232": "alkalic phosphatase", "p233": "alkaline phosphatase", "p234": "alkpho", "p235": "alp", "p236": "ap", "p237": "serum alkaline phosphatase", "p238": 3035995, "p239": "14682-9", "p240": "2160-0", "p241": "blood creatinine", "p242": "cr", "p243": "creat", "p244": "creatinen", "p245": "creatinin", "p246": "creatinine", "p247": "creatinine serum", "p248": "increase in s creatinine", "p249": "plasma creatinine", "p250": "s cr", "p251": "s creatinine", "p252": "scr", "p253": "serum cr", "p254": "serum creatinine", "p255": "serum creatinine concentration", "p256": 3016723, "p257": "mL/min/{1.73_m2}", "p258": "mL/min", "p259": "2164-2", "p260": "24 hour creatinine clearance", "p261": "24 hour urinary creatinine clearance", "p262": "24 hour urine creatinine clearance", "p263": "calculated crcl", "p264": "calculated creatinine clearance", "p265": "ccr", "p266": "cl cr", "p267": "clcr", "p268": "clearance creatinine", "p269": "cockcroft gault", "p270": "cockcroft gault creatinine clearance", "p271": "cockcroft gault formula", "p272": "cr cl", "p273": "crcl", "p274": "creatinin clearance", "p275": "creatinine clearance", "p276": "creatinine clearance rate", "p277": "endogenous creatinine clearance", "p278": "estimated crcl", "p279": "estimated creatinine clearance", "p280": "measured creatinine clearance", "p281": "renal clearance", "p282": "serum creatinine clearance", "p283": 60, "p284": "mo", "p285": "anticipated life expectancy", "p286": "anticipated survival", "p287": "estimated life expectancy", "p288": "estimated survival", "p289": "expected life expectancy", "p290": "expected survival", "p291": "expected survival time", "p292": "life expectancy", "p293": "life expectation", "p294": "predicted life expectancy", "p295": "predicted survival", "p296": "projected survival", "p297": "survival expectancy", "p298": 3, "p299": "informed consent", "p300": "informed consent signed", "p301": "signed informed consent", "p302": "written informed consent", "p303": 30, "p304": "adoptive cell therapy", "p305": "adoptive cell transfer", "p306": "adoptive cellular therapy", "p307": "car t cell therapy", "p308": "til therapy", "p309": "tumor infiltrating lymphocyte therapy", "p310": "allogeneic stem cell transplantation", "p311": "autologous stem cell transplantation", "p312": "bone marrow transplant", "p313": "bone marrow transplantation", "p314": "hematopoietic stem cell transplant", "p315": "hematopoietic stem cell transplantation", "p316": "hsct", "p317": "stem cell transplant", "p318": "stem cell transplantation", "p319": "86406008", "p320": "hiv", "p321": "hiv disease", "p322": "hiv infection", "p323": "hiv positive", "p324": "human immunodeficiency virus infection", "p325": 439727, "p326": "66071002", "p327": "chronic hepatitis b", "p328": "hbv", "p329": "hbv infection", "p330": "hepatitis b", "p331": "hepatitis b virus infection", "p332": "50711007", "p333": "chronic hepatitis c", "p334": "hcv", "p335": "hcv infection", "p336": "hepatitis c", "p337": "hepatitis c virus infection", "p338": 197494, "p339": "hypersensitivity to cyclophosphamide", "p340": "cytoxan", "p341": "endoxan", "p342": "hypersensitivity to interleukin 2", "p343": "il 2", "p344": "proleukin", "p345": "heart transplant", "p346": "heart transplantation", "p347": "kidney transplant", "p348": "kidney transplantation", "p349": "liver transplant", "p350": "liver transplantation", "p351": "lung transplant", "p352": "lung transplantation", "p353": "organ transplant", "p354": "organ transplantation", "p355": "solid organ transplant", "p356": "solid organ transplantation", "p357": "698247007", "p358": "arrhythmia", "p359": "atrial fibrillation", "p360": "atrial flutter", "p361": "cardiac arrhythmia", "p362": "dysrhythmia", "p363": "ventricular fibrillation", "p364": "ventricular tachycardia", "p365": "414545008", "p366": "angina pectoris", "p367": "coronary artery disease", "p368": "coronary heart disease", "p369": "ischaemic heart disease", "p370": "ischemic heart disease", "p371": "myocardial infarction", "p372": "unstable angina", "p373": 4185932, "p374": "77386006", "p375": "pregnancy", "p376": "pregnancy state", "p377": "pregnant", "p378": "breast feeding", "p379": "breastfeeding", "p380": "lactating", "p381": "lactation", "p382": "active infection", "p383": "infection", "p384": "uncontrolled infection"}
SELECT p.person_id
  FROM person AS p
 WHERE -- inc-1: Histologically confirmed metastatic or relapsed malignant melanoma
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-2: Patients who received prior chemotherapy or immunotherapy
       (EXISTS (SELECT 1
                  FROM drug_exposure AS v
                 WHERE v.person_id = p.person_id
                   AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31))
                   AND v.drug_exposure_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM drug_exposure AS v
                    WHERE v.person_id = p.person_id
                      AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p32, $p33, $p34, $p35, $p36, $p37, $p38, $p39, $p40, $p41, $p42))
                      AND v.drug_exposure_start_date <= CAST($index_date AS DATE)))
   AND -- inc-3: Patients who have at least one haploidentical donor willing to donate
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p43, $p44, $p45, $p46))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p43, $p44, $p45, $p46))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p43, $p44, $p45, $p46))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND -- inc-4: ECOG performance status 0 or 1
       ((SELECT v.value_as_number
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p47, $p48, $p49, $p50, $p51, $p52, $p53, $p54, $p55, $p56, $p57, $p58, $p59, $p60, $p61, $p62, $p63, $p64, $p65, $p66, $p67))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) <= $p69)
   AND -- inc-5: 18 - 75 years
       (((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
           - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                       < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                  THEN 1 ELSE 0 END) >= $p70)
        AND ((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
               - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
                           < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
                      THEN 1 ELSE 0 END) <= $p71))
   AND -- inc-6: At least one measurable disease according to the RECIST criteria
       EXISTS (SELECT 1
                 FROM condition_occurrence AS v
                WHERE v.person_id = p.person_id
                  AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p72, $p73, $p74, $p75))
                  AND v.condition_start_date <= CAST($index_date AS DATE))
   AND -- inc-7: Patients with 45% or more left ventricular ejection fraction
       ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p76 THEN $p69
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p77 THEN $p69
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p78, $p79, $p80, $p81, $p82, $p83, $p84, $p85, $p86, $p87, $p88, $p89))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p90)
   AND -- inc-8: Patients with 50% or more predicted DLCO
       ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p76 THEN $p69
                                          WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p77 THEN $p69
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p91, $p92, $p93, $p94, $p95, $p96, $p97, $p98, $p99, $p100, $p101, $p102, $p103, $p104))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p105)
   AND -- inc-9: Adequate bone marrow function: absolute neutrophil count ≥ 1.5 x 109/L; platelet count ≥ 100 x 109/L; and hemoglobin ≥ 9 g/dL
       (((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p106 THEN $p69
                                           WHEN v.unit_concept_id = $p107 THEN $p69
                                           WHEN v.unit_concept_id = $p108 THEN $p69
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p109 THEN $p69
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p110 THEN $p69
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p111 THEN $p69
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p112 THEN $p113
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p114 THEN $p113
                                           WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p115 THEN $p116
                                      END)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p132)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p117, $p118, $p119, $p120, $p121, $p122, $p123, $p124, $p125, $p126, $p127, $p128, $p129, $p130, $p131)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) >= $p133)
        AND ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p106 THEN $p69
                                               WHEN v.unit_concept_id = $p107 THEN $p69
                                               WHEN v.unit_concept_id = $p108 THEN $p69
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p109 THEN $p69
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p110 THEN $p69
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p111 THEN $p69
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p112 THEN $p113
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p114 THEN $p113
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p115 THEN $p116
                                          END)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p143)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p134, $p135, $p136, $p137, $p138, $p139, $p140, $p141, $p142)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p144)
        AND ((SELECT v.value_as_number * (CASE WHEN v.unit_concept_id = $p145 THEN $p69
                                               WHEN v.unit_concept_id = $p146 THEN $p147
                                               WHEN v.unit_concept_id = $p148 THEN $p113
                                               WHEN v.unit_concept_id = $p149 THEN $p150
                                               WHEN v.unit_concept_id = $p151 THEN $p152
                                               WHEN v.unit_concept_id = $p153 THEN $p154
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p155 THEN $p69
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p156 THEN $p147
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p157 THEN $p113
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p158 THEN $p150
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p159 THEN $p152
                                               WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p160 THEN $p154
                                          END)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p174)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p161, $p162, $p163, $p164, $p165, $p166, $p167, $p168, $p169, $p170, $p171, $p172, $p173)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) >= $p175))
   AND -- inc-10: Adequate liver function: total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN; and alkaline phosphatase ≤ 2.5 x ULN
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p193)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p176, $p177, $p178, $p179, $p180, $p181, $p182, $p183, $p184, $p185, $p186, $p187, $p188, $p189, $p190, $p191, $p192)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p69)
        AND (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                 FROM measurement AS v
                WHERE v.person_id = p.person_id
                  AND (v.measurement_concept_id IN ($p210)
                       OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p194, $p195, $p196, $p197, $p198, $p199, $p200, $p201, $p202, $p203, $p204, $p205, $p206, $p207, $p208, $p209)))
                  AND v.value_as_number IS NOT NULL
                  AND (v.measurement_date <= CAST($index_date AS DATE)
                       AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
                ORDER BY v.measurement_date DESC, v.measurement_id DESC
                LIMIT 1) <= $p211)
             AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                     FROM measurement AS v
                    WHERE v.person_id = p.person_id
                      AND (v.measurement_concept_id IN ($p229)
                           OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p212, $p213, $p214, $p215, $p216, $p217, $p218, $p219, $p220, $p221, $p222, $p223, $p224, $p225, $p226, $p227, $p228)))
                      AND v.value_as_number IS NOT NULL
                      AND (v.measurement_date <= CAST($index_date AS DATE)
                           AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
                    ORDER BY v.measurement_date DESC, v.measurement_id DESC
                    LIMIT 1) <= $p211))
        AND ((SELECT v.value_as_number / NULLIF(v.range_high, 0)
                FROM measurement AS v
               WHERE v.person_id = p.person_id
                 AND (v.measurement_concept_id IN ($p238)
                      OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p230, $p231, $p232, $p233, $p234, $p235, $p236, $p237)))
                 AND v.value_as_number IS NOT NULL
                 AND (v.measurement_date <= CAST($index_date AS DATE)
                      AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
               ORDER BY v.measurement_date DESC, v.measurement_id DESC
               LIMIT 1) <= $p211))
   AND -- inc-11: Adequate renal function: serum creatinine ≤ 1.0 x ULN or creatinine clearance ≥ 60 mL/min/1.73m2
       (((SELECT v.value_as_number / NULLIF(v.range_high, 0)
            FROM measurement AS v
           WHERE v.person_id = p.person_id
             AND (v.measurement_concept_id IN ($p256)
                  OR (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p239, $p240, $p241, $p242, $p243, $p244, $p245, $p246, $p247, $p248, $p249, $p250, $p251, $p252, $p253, $p254, $p255)))
             AND v.value_as_number IS NOT NULL
             AND (v.measurement_date <= CAST($index_date AS DATE)
                  AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
           ORDER BY v.measurement_date DESC, v.measurement_id DESC
           LIMIT 1) <= $p69)
        OR ((SELECT v.value_as_number * (CASE WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p257 THEN $p69
                                              WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p258 THEN $p69
                                         END)
               FROM measurement AS v
              WHERE v.person_id = p.person_id
                AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p259, $p260, $p261, $p262, $p263, $p264, $p265, $p266, $p267, $p268, $p269, $p270, $p271, $p272, $p273, $p274, $p275, $p276, $p277, $p278, $p279, $p280, $p281, $p282))
                AND v.value_as_number IS NOT NULL
                AND (v.measurement_date <= CAST($index_date AS DATE)
                     AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
              ORDER BY v.measurement_date DESC, v.measurement_id DESC
              LIMIT 1) >= $p283))
   AND -- inc-12: At least 3 months of expected survival
       ((SELECT v.value_as_number * (CASE WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = $p284 THEN $p69
                                     END)
           FROM measurement AS v
          WHERE v.person_id = p.person_id
            AND (v.measurement_concept_id = 0 AND lower(v.measurement_source_value) IN ($p285, $p286, $p287, $p288, $p289, $p290, $p291, $p292, $p293, $p294, $p295, $p296, $p297))
            AND v.value_as_number IS NOT NULL
            AND (v.measurement_date <= CAST($index_date AS DATE)
                 AND v.measurement_date >= CAST($index_date AS DATE) - CAST($p68 AS INTEGER))
          ORDER BY v.measurement_date DESC, v.measurement_id DESC
          LIMIT 1) >= $p298)
   AND -- inc-13: Patients who signed informed consent
       (EXISTS (SELECT 1
                  FROM condition_occurrence AS v
                 WHERE v.person_id = p.person_id
                   AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p299, $p300, $p301, $p302))
                   AND v.condition_start_date <= CAST($index_date AS DATE))
        OR EXISTS (SELECT 1
                     FROM procedure_occurrence AS v
                    WHERE v.person_id = p.person_id
                      AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p299, $p300, $p301, $p302))
                      AND v.procedure_date <= CAST($index_date AS DATE))
        OR (CASE WHEN (EXISTS (SELECT 1
                                 FROM observation AS v
                                WHERE v.person_id = p.person_id
                                  AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p299, $p300, $p301, $p302))
                                  AND v.observation_date <= CAST($index_date AS DATE))) THEN TRUE END))
   AND NOT (-- exc-1: Patients who received other chemotherapeutic agents within 30 days prior to study enrollment
             EXISTS (SELECT 1
                       FROM drug_exposure AS v
                      WHERE v.person_id = p.person_id
                        AND (v.drug_concept_id = 0 AND lower(v.drug_source_value) IN ($p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21, $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31))
                        AND (v.drug_exposure_start_date <= CAST($index_date AS DATE)
                             AND COALESCE(v.drug_exposure_end_date, v.drug_exposure_start_date) >= CAST($index_date AS DATE) - CAST($p303 AS INTEGER)))
          OR -- exc-2: Patients who received adoptive cell therapy including hematopoietic stem cell transplantation
             (EXISTS (SELECT 1
                        FROM procedure_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p304, $p305, $p306, $p307, $p308, $p309))
                         AND v.procedure_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM procedure_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p310, $p311, $p312, $p313, $p314, $p315, $p316, $p317, $p318))
                            AND v.procedure_date <= CAST($index_date AS DATE)))
          OR -- exc-3: Patients infected with HIV, HBV, or HCV
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id IN ($p325)
                              OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p319, $p320, $p321, $p322, $p323, $p324)))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p326, $p327, $p328, $p329, $p330, $p331))
                            AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN ($p338)
                                 OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p332, $p333, $p334, $p335, $p336, $p337)))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-4: Hypersensitivity to cyclophosphamide or interleukin-2
             ((EXISTS (SELECT 1
                         FROM condition_occurrence AS v
                        WHERE v.person_id = p.person_id
                          AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p339))
                          AND v.condition_start_date <= CAST($index_date AS DATE))
               OR EXISTS (SELECT 1
                            FROM observation AS v
                           WHERE v.person_id = p.person_id
                             AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p15, $p340, $p341))
                             AND v.observation_date <= CAST($index_date AS DATE)))
              OR (EXISTS (SELECT 1
                            FROM condition_occurrence AS v
                           WHERE v.person_id = p.person_id
                             AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p342))
                             AND v.condition_start_date <= CAST($index_date AS DATE))
                  OR EXISTS (SELECT 1
                               FROM observation AS v
                              WHERE v.person_id = p.person_id
                                AND (v.observation_concept_id = 0 AND lower(v.observation_source_value) IN ($p32, $p343, $p38, $p344))
                                AND v.observation_date <= CAST($index_date AS DATE))))
          OR -- exc-5: Patients who received organ transplantation
             EXISTS (SELECT 1
                       FROM procedure_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.procedure_concept_id = 0 AND lower(v.procedure_source_value) IN ($p345, $p346, $p347, $p348, $p349, $p350, $p351, $p352, $p353, $p354, $p355, $p356))
                        AND v.procedure_date <= CAST($index_date AS DATE))
          OR -- exc-6: Patients who had arrhythmia or ischemic heart disease
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p357, $p358, $p359, $p360, $p361, $p362, $p363, $p364))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id IN ($p373)
                                 OR (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p365, $p366, $p367, $p368, $p369, $p370, $p371, $p372)))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-7: Pregnant or lactating women
             (EXISTS (SELECT 1
                        FROM condition_occurrence AS v
                       WHERE v.person_id = p.person_id
                         AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p374, $p375, $p376, $p377))
                         AND v.condition_start_date <= CAST($index_date AS DATE))
              OR EXISTS (SELECT 1
                           FROM condition_occurrence AS v
                          WHERE v.person_id = p.person_id
                            AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p378, $p379, $p380, $p381))
                            AND v.condition_start_date <= CAST($index_date AS DATE)))
          OR -- exc-8: Patients with uncontrolled infection who did not respond to appropriate antimicrobial agents
             EXISTS (SELECT 1
                       FROM condition_occurrence AS v
                      WHERE v.person_id = p.person_id
                        AND (v.condition_concept_id = 0 AND lower(v.condition_source_value) IN ($p382, $p383, $p384))
                        AND v.condition_start_date <= CAST($index_date AS DATE))
       )
 ORDER BY p.person_id

