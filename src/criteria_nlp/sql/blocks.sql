-- Building blocks of the eligibility query. "@name" placeholders are filled by
-- criteria_nlp.export.sql with generated fragments, names of the query's own subqueries or
-- bound-parameter names ($p1, $index_date...); no value is ever formatted into the text.
-- The query is set-based: every concept set is resolved once (codeset_* subqueries keyed by
-- codeset_id), the rows of each CDM table that belong to a concept set are found once
-- (<table>_hit), each atom is one per-person subquery (a1, a2, ...) joined to the person
-- table, and the WHERE clause combines the atoms' truths. "v" is an event row, "p" the person.

-- name: codeset_keys
-- The keys of every concept set, as bound parameters: @name (@columns) holds one row per key.
@name (@columns) AS (
  VALUES @rows
)

-- name: key_row
(@values)

-- name: codesets
-- Concept sets resolved through the vocabulary tables. codeset_seed: the concepts a set names
-- by vocabulary and code or by name or synonym; codeset_narrower: the codes under its codes in
-- a vocabulary whose codes carry the hierarchy (ICD-10-CM, ATC). codeset: the standard
-- concepts among the seeds and those they map to ('Maps to'), with all their descendants
-- (concept_ancestor). codeset_standard: the same before descendants (what a Circe concept set
-- lists). codeset_source: the seeds, the narrower codes and every concept that maps into the
-- set. codeset_text: lower-case codes and names of those concepts and the criterion's own
-- names and codes, for rows known only by a source value.
codeset_seed AS (
  @seeds
),
codeset_narrower AS (
  @narrower
),
codeset_standard AS (
  SELECT seed.codeset_id, c.concept_id
    FROM codeset_seed AS seed
    JOIN @cdm_schema.concept AS c ON c.concept_id = seed.concept_id
   WHERE c.standard_concept IN ('S', 'C') AND c.invalid_reason IS NULL
  UNION
  SELECT seed.codeset_id, r.concept_id_2
    FROM codeset_seed AS seed
    JOIN @cdm_schema.concept_relationship AS r ON r.concept_id_1 = seed.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
codeset AS (
  SELECT codeset_id, concept_id FROM codeset_standard
  UNION
  SELECT st.codeset_id, a.descendant_concept_id
    FROM codeset_standard AS st
    JOIN @cdm_schema.concept_ancestor AS a ON a.ancestor_concept_id = st.concept_id
),
codeset_source AS (
  SELECT codeset_id, concept_id FROM codeset_seed
  UNION
  SELECT codeset_id, concept_id FROM codeset_narrower
  UNION
  SELECT cs.codeset_id, r.concept_id_1
    FROM codeset AS cs
    JOIN @cdm_schema.concept_relationship AS r ON r.concept_id_2 = cs.concept_id
   WHERE r.relationship_id = 'Maps to' AND r.invalid_reason IS NULL
),
codeset_text AS (
  SELECT codeset_id, name AS text FROM codeset_name
  UNION
  SELECT k.codeset_id, lower(c.concept_code)
    FROM (SELECT codeset_id, concept_id FROM codeset
          UNION
          SELECT codeset_id, concept_id FROM codeset_source) AS k
    JOIN @cdm_schema.concept AS c ON c.concept_id = k.concept_id
  UNION
  SELECT cs.codeset_id, lower(c.concept_name)
    FROM codeset AS cs
    JOIN @cdm_schema.concept AS c ON c.concept_id = cs.concept_id
  UNION
  SELECT cs.codeset_id, lower(s.concept_synonym_name)
    FROM codeset AS cs
    JOIN @cdm_schema.concept_synonym AS s ON s.concept_id = cs.concept_id
)

-- name: seed_by_code
SELECT k.codeset_id, c.concept_id
  FROM codeset_code AS k
  JOIN @cdm_schema.concept AS c ON c.vocabulary_id = k.vocabulary_id AND c.concept_code = k.concept_code

-- name: seed_by_pattern
-- Every code under a code, in a vocabulary whose codes carry the hierarchy.
SELECT k.codeset_id, c.concept_id
  FROM codeset_pattern AS k
  JOIN @cdm_schema.concept AS c ON c.vocabulary_id = k.vocabulary_id
                               AND replace(c.concept_code, '.', '') LIKE k.pattern

-- name: seed_by_name
SELECT k.codeset_id, c.concept_id
  FROM codeset_name AS k
  JOIN @cdm_schema.concept AS c ON lower(c.concept_name) = k.name
UNION
SELECT k.codeset_id, s.concept_id
  FROM codeset_name AS k
  JOIN @cdm_schema.concept_synonym AS s ON lower(s.concept_synonym_name) = k.name

-- name: no_narrower
SELECT codeset_id, concept_id FROM codeset_seed WHERE FALSE

-- name: hit
-- The rows of one CDM table that belong to a concept set: coded with a concept of the set
-- (standard column) or one of its source concepts, or unmapped (concept id 0) with a source
-- value that is one of the set's codes or names.
@name AS (
  SELECT cs.codeset_id, v.@id AS row_id
    FROM @cdm_schema.@table AS v
    JOIN codeset AS cs ON cs.concept_id = v.@column
  UNION
  SELECT cs.codeset_id, v.@id
    FROM @cdm_schema.@table AS v
    JOIN codeset_source AS cs ON cs.concept_id = v.@source_column
  UNION
  SELECT t.codeset_id, v.@id
    FROM @cdm_schema.@table AS v
    JOIN codeset_text AS t ON t.text = lower(v.@source_value)
   WHERE COALESCE(v.@column, 0) = 0
)

-- name: latest_value
-- Per person, the value of the most recent row of a concept set in the period (the latest
-- date, then the latest row); no row for a person without one. "u" is the unit's concept.
@name AS (
  SELECT ranked.person_id, ranked.value
    FROM (SELECT v.person_id, @value AS value,
                 row_number() OVER (PARTITION BY v.person_id ORDER BY v.@date DESC, v.@id DESC) AS recency
            FROM @cdm_schema.@table AS v
            JOIN @hit AS h ON h.row_id = v.@id
            LEFT JOIN @cdm_schema.concept AS u ON u.concept_id = v.unit_concept_id
           WHERE h.codeset_id = @codeset
             AND v.value_as_number IS NOT NULL
             AND @period) AS ranked
   WHERE ranked.recency = 1
)

-- name: events
-- Per person, how many rows of the concept's sets lie in the period (n), how many of them
-- lasted as the duration bound says (lasted), and how many record a "no" at any time
-- (negatives); no row for a person without one.
@name AS (
  SELECT e.person_id,
         count(CASE WHEN e.in_period = 1 AND e.negative = 0 THEN 1 END) AS n,
         @lasted AS lasted,
         count(CASE WHEN e.negative = 1 THEN 1 END) AS negatives
    FROM (@rows) AS e
   GROUP BY e.person_id
)

-- name: event_rows
SELECT v.person_id,
       CASE WHEN @period THEN 1 ELSE 0 END AS in_period,
       @negative AS negative,
       @end - v.@start AS days
  FROM @cdm_schema.@table AS v
  JOIN @hit AS h ON h.row_id = v.@id
 WHERE h.codeset_id = @codeset@excepted

-- name: excepted
-- Written after event_rows' WHERE: a row of a kind the concept excepts ("other than basal
-- cell carcinoma") does not count; the evaluator sets it apart record by record.
AND NOT EXISTS (SELECT 1 FROM @hit AS x WHERE x.row_id = v.@id AND x.codeset_id IN (@codesets))

-- name: recorded_no
-- An observation row that records the answer "no": its value concept is in the answer's
-- concept set, or, unmapped, its value string is one of the answer's spellings.
CASE WHEN v.value_as_concept_id IN (SELECT concept_id FROM codeset WHERE codeset_id = @codeset)
       OR lower(v.value_as_string) IN (@strings)
     THEN 1 ELSE 0 END

-- name: lasted
count(CASE WHEN e.in_period = 1 AND e.negative = 0 AND e.days @op @days THEN 1 END)

-- name: zero
-- No row lasted (no duration bound), or a row of a table that records no answers.
0

-- name: join_atom
LEFT JOIN @name ON @name.person_id = p.person_id

-- name: found
-- A concept's truth: @present when the person has rows in the period, else FALSE when a row
-- records "no", else @absent (FALSE in a closed-world table, NULL where absence is unknown).
(CASE WHEN @name.n > 0 THEN @present
      WHEN @name.negatives > 0 THEN FALSE
      ELSE @absent END)

-- name: count_test
-- "@op k occurrences": @holds (TRUE, or NULL when the record may be incomplete) or @fails.
(CASE WHEN @name.n @op @k THEN @holds ELSE @fails END)

-- name: duration_test
(@name.lasted > 0)

-- name: value
@name.value

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

-- name: true
TRUE

-- name: false
FALSE

-- name: unknown
CAST(NULL AS BOOLEAN)

-- name: resolve
-- The standard concepts each concept set names (kind 1) and its source concepts (kind 2),
-- with what a Circe concept set item shows of them.
SELECT s.codeset_id, 1 AS kind, c.concept_id, c.concept_name, c.domain_id, c.vocabulary_id, c.concept_code
  FROM codeset_standard AS s
  JOIN @cdm_schema.concept AS c ON c.concept_id = s.concept_id
UNION ALL
SELECT s.codeset_id, 2 AS kind, c.concept_id, c.concept_name, c.domain_id, c.vocabulary_id, c.concept_code
  FROM codeset_source AS s
  JOIN @cdm_schema.concept AS c ON c.concept_id = s.concept_id
 ORDER BY 1, 2, 3

-- name: units
-- The unit concepts of the vocabulary (UCUM), for Circe's unit filters.
SELECT c.concept_id, c.concept_code, c.concept_name
  FROM @cdm_schema.concept AS c
 WHERE c.vocabulary_id = 'UCUM' AND c.standard_concept = 'S' AND c.invalid_reason IS NULL
 ORDER BY c.concept_id
