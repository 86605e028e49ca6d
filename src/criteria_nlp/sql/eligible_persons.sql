@header
@ctes
SELECT p.person_id
  FROM @cdm_schema.person AS p@joins
 WHERE @eligibility
 ORDER BY p.person_id
