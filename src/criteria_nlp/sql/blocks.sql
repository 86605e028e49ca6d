-- Building blocks of the eligibility query, one per criterion type. "@name" placeholders
-- are filled by criteria_nlp.export.sql with generated fragments or bound-parameter names
-- ($p1, $index_date...); no value is ever formatted into the text. "v" is the event row,
-- "p" the person of the outer query.

-- name: latest_value
-- The most recent value of a concept on or before the anchor (inside the window if any);
-- NULL (unknown) when there is none.
(SELECT @value
   FROM @cdm_schema.@table AS v
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

-- name: concept_ids
v.@column IN (@ids)

-- name: source_values
-- An unmapped concept (concept id 0) matched on its source value, case-insensitively.
(v.@column = 0 AND lower(v.@source) IN (@names))

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
WHEN v.unit_concept_id = @unit THEN @factor

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
