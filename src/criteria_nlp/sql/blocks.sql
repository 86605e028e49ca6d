-- Building blocks of the eligibility query, one per criterion type. "@name" placeholders
-- are filled by criteria_nlp.export.sql with generated fragments or bound-parameter names
-- ($p1, $index_date...); no value is ever formatted into the text. "v" is the event row,
-- "p" the person of the outer query.

-- name: codeset
-- A concept set resolved through the vocabulary tables, as four named subqueries of the WITH
-- clause. @seed: the concepts the criterion names, by vocabulary and code (ICD-10-CM and ATC
-- codes with every code under them) or by name or synonym. @set: the standard concepts among
-- them and those they map to ('Maps to'), with all their descendants (concept_ancestor).
-- @source: the source concepts, i.e. the seeds and every concept that maps into @set.
-- @text: lower-case codes and names of those concepts, for rows known only by a source value.
@seed AS (
  SELECT c.concept_id
    FROM @cdm_schema.concept AS c
   WHERE @code_tests
      OR lower(c.concept_name) IN (@texts)
  UNION
  SELECT s.concept_id
    FROM @cdm_schema.concept_synonym AS s
   WHERE lower(s.concept_synonym_name) IN (@texts)
),
@standard AS (
  SELECT c.concept_id
    FROM @seed AS seed
    JOIN @cdm_schema.concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT r.concept_id_2
    FROM @seed AS seed
    JOIN @cdm_schema.concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
@set AS (
  SELECT concept_id FROM @standard
  UNION
  SELECT a.descendant_concept_id
    FROM @standard AS st
    JOIN @cdm_schema.concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
@source AS (
  SELECT concept_id FROM @seed
  UNION
  SELECT r.concept_id_1
    FROM @cdm_schema.concept_relationship AS r
    JOIN @set AS cs ON cs.concept_id = r.concept_id_2
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
@text AS (
  SELECT lower(c.concept_code) AS text
    FROM @cdm_schema.concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM @set UNION SELECT concept_id FROM @source)
  UNION
  SELECT lower(c.concept_name)
    FROM @cdm_schema.concept AS c
   WHERE c.concept_id IN (SELECT concept_id FROM @set)
  UNION
  SELECT lower(s.concept_synonym_name)
    FROM @cdm_schema.concept_synonym AS s
   WHERE s.concept_id IN (SELECT concept_id FROM @set)
)

-- name: code_test
(c.vocabulary_id = @vocabulary AND c.concept_code IN (@codes))

-- name: code_prefix_test
-- A code and every code under it, in a vocabulary whose codes carry the hierarchy.
(c.vocabulary_id = @vocabulary AND replace(c.concept_code, '.', '') LIKE @pattern)

-- name: in_codeset
-- A row coded with a concept of the set (standard column) or one of its source concepts; an
-- unmapped row (concept id 0) whose source value is one of the set's codes or names, or of
-- the project's own names and codes for the criterion.
(v.@column IN (SELECT concept_id FROM @set)
 OR v.@source_column IN (SELECT concept_id FROM @source)
 OR (COALESCE(v.@column, 0) = 0
     AND (lower(v.@source_value) IN (SELECT text FROM @text)
          OR lower(v.@source_value) IN (@texts))))

-- name: latest_value
-- The most recent value of a concept on or before the anchor (inside the window if any);
-- NULL (unknown) when there is none. "u" is the unit's concept.
(SELECT @value
   FROM @cdm_schema.@table AS v
   LEFT JOIN @cdm_schema.concept AS u ON u.concept_id = v.unit_concept_id
  WHERE v.person_id = p.person_id
    AND @concept
    AND v.value_as_number IS NOT NULL
    AND @period
  ORDER BY v.@date DESC, v.@id DESC
  LIMIT 1)

-- name: event_exists
-- TRUE when the person has an event of the concept in the period, else FALSE.
EXISTS (SELECT 1
          FROM @cdm_schema.@table AS v
         WHERE v.person_id = p.person_id
           AND @concept
           AND @period)

-- name: until
v.@start <= @high

-- name: overlaps
-- The event's days [start, end] meet the days [low, high].
(v.@start <= @high
 AND @end >= @low)

-- name: anchor
CAST(@date AS DATE)

-- name: anchor_shifted
CAST(@date AS DATE) @sign CAST(@days AS INTEGER)

-- name: converted_value
v.value_as_number * (CASE @arms
                     END)

-- name: unit_arm
WHEN u.vocabulary_id = 'UCUM' AND u.concept_code = @unit THEN @factor

-- name: unit_source_arm
WHEN COALESCE(v.unit_concept_id, 0) = 0 AND v.unit_source_value = @unit THEN @factor

-- name: ratio_value
v.value_as_number / NULLIF(v.@limit, 0)

-- name: plain_value
v.value_as_number

-- name: age_years
(EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth
  - CASE WHEN EXTRACT(MONTH FROM CAST($index_date AS DATE)) * 100 + EXTRACT(DAY FROM CAST($index_date AS DATE))
              < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1)
         THEN 1 ELSE 0 END)

-- name: age_months
((EXTRACT(YEAR FROM CAST($index_date AS DATE)) - p.year_of_birth) * 12
  + EXTRACT(MONTH FROM CAST($index_date AS DATE)) - COALESCE(p.month_of_birth, 1)
  - CASE WHEN EXTRACT(DAY FROM CAST($index_date AS DATE)) < COALESCE(p.day_of_birth, 1) THEN 1 ELSE 0 END)

-- name: sex
(p.gender_concept_id = @gender)

-- name: compare
(@left @op @right)

-- name: at_least
-- Kleene "at least k of": TRUE when k are TRUE, FALSE when fewer than k can be, else NULL.
(CASE WHEN (@true_count) >= @k THEN TRUE
      WHEN (@possible_count) < @k THEN FALSE
 END)

-- name: count_true
CASE WHEN @arg THEN 1 ELSE 0 END

-- name: count_possible
CASE WHEN @arg IS NOT FALSE THEN 1 ELSE 0 END

-- name: true_or_unknown
-- An open-world presence: TRUE when found, else NULL (unknown), never FALSE.
(CASE WHEN @condition THEN TRUE END)

-- name: unknown
CAST(NULL AS BOOLEAN)

-- name: resolve
-- The standard concepts a concept set names, with what a Circe concept set item shows of them.
SELECT c.concept_id, c.concept_name, c.domain_id, c.vocabulary_id, c.concept_code
  FROM @cdm_schema.concept AS c
 WHERE c.concept_id IN (SELECT concept_id FROM @standard)
 ORDER BY c.concept_id
