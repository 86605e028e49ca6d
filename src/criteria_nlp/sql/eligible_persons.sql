@header
@codesets
SELECT p.person_id
  FROM @cdm_schema.person AS p
 WHERE @eligibility
 ORDER BY p.person_id
