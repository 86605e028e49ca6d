-- OMOP CDM v5.4 tables read by the criteria-nlp SQL and Circe exports, and the vocabulary tables (columns and types as in the
-- OHDSI CommonDataModel v5.4 DDL). The table prefix placeholder takes "schema." or nothing.
-- NUMERIC columns are DOUBLE PRECISION here: DuckDB reads a bare NUMERIC as DECIMAL(18,3),
-- which would round 1.4999 to 1.500 and flip a ">= 1.5" threshold.
CREATE TABLE @cdm_schema.person (
  person_id                    INTEGER     NOT NULL,
  gender_concept_id            INTEGER     NOT NULL,
  year_of_birth                INTEGER     NOT NULL,
  month_of_birth               INTEGER     NULL,
  day_of_birth                 INTEGER     NULL,
  birth_datetime               TIMESTAMP   NULL,
  race_concept_id              INTEGER     NOT NULL,
  ethnicity_concept_id         INTEGER     NOT NULL,
  location_id                  INTEGER     NULL,
  provider_id                  INTEGER     NULL,
  care_site_id                 INTEGER     NULL,
  person_source_value          VARCHAR(50) NULL,
  gender_source_value          VARCHAR(50) NULL,
  gender_source_concept_id     INTEGER     NULL,
  race_source_value            VARCHAR(50) NULL,
  race_source_concept_id       INTEGER     NULL,
  ethnicity_source_value       VARCHAR(50) NULL,
  ethnicity_source_concept_id  INTEGER     NULL
);

CREATE TABLE @cdm_schema.condition_occurrence (
  condition_occurrence_id        INTEGER     NOT NULL,
  person_id                      INTEGER     NOT NULL,
  condition_concept_id           INTEGER     NOT NULL,
  condition_start_date           DATE        NOT NULL,
  condition_start_datetime       TIMESTAMP   NULL,
  condition_end_date             DATE        NULL,
  condition_end_datetime         TIMESTAMP   NULL,
  condition_type_concept_id      INTEGER     NOT NULL,
  condition_status_concept_id    INTEGER     NULL,
  stop_reason                    VARCHAR(20) NULL,
  provider_id                    INTEGER     NULL,
  visit_occurrence_id            INTEGER     NULL,
  visit_detail_id                INTEGER     NULL,
  condition_source_value         VARCHAR(50) NULL,
  condition_source_concept_id    INTEGER     NULL,
  condition_status_source_value  VARCHAR(50) NULL
);

CREATE TABLE @cdm_schema.drug_exposure (
  drug_exposure_id              INTEGER     NOT NULL,
  person_id                     INTEGER     NOT NULL,
  drug_concept_id               INTEGER     NOT NULL,
  drug_exposure_start_date      DATE        NOT NULL,
  drug_exposure_start_datetime  TIMESTAMP   NULL,
  drug_exposure_end_date        DATE        NOT NULL,
  drug_exposure_end_datetime    TIMESTAMP   NULL,
  verbatim_end_date             DATE        NULL,
  drug_type_concept_id          INTEGER     NOT NULL,
  stop_reason                   VARCHAR(20) NULL,
  refills                       INTEGER     NULL,
  quantity                      DOUBLE PRECISION NULL,
  days_supply                   INTEGER     NULL,
  sig                           TEXT        NULL,
  route_concept_id              INTEGER     NULL,
  lot_number                    VARCHAR(50) NULL,
  provider_id                   INTEGER     NULL,
  visit_occurrence_id           INTEGER     NULL,
  visit_detail_id               INTEGER     NULL,
  drug_source_value             VARCHAR(50) NULL,
  drug_source_concept_id        INTEGER     NULL,
  route_source_value            VARCHAR(50) NULL,
  dose_unit_source_value        VARCHAR(50) NULL
);

CREATE TABLE @cdm_schema.procedure_occurrence (
  procedure_occurrence_id      INTEGER     NOT NULL,
  person_id                    INTEGER     NOT NULL,
  procedure_concept_id         INTEGER     NOT NULL,
  procedure_date               DATE        NOT NULL,
  procedure_datetime           TIMESTAMP   NULL,
  procedure_end_date           DATE        NULL,
  procedure_end_datetime       TIMESTAMP   NULL,
  procedure_type_concept_id    INTEGER     NOT NULL,
  modifier_concept_id          INTEGER     NULL,
  quantity                     INTEGER     NULL,
  provider_id                  INTEGER     NULL,
  visit_occurrence_id          INTEGER     NULL,
  visit_detail_id              INTEGER     NULL,
  procedure_source_value       VARCHAR(50) NULL,
  procedure_source_concept_id  INTEGER     NULL,
  modifier_source_value        VARCHAR(50) NULL
);

CREATE TABLE @cdm_schema.measurement (
  measurement_id                 INTEGER     NOT NULL,
  person_id                      INTEGER     NOT NULL,
  measurement_concept_id         INTEGER     NOT NULL,
  measurement_date               DATE        NOT NULL,
  measurement_datetime           TIMESTAMP   NULL,
  measurement_time               VARCHAR(10) NULL,
  measurement_type_concept_id    INTEGER     NOT NULL,
  operator_concept_id            INTEGER     NULL,
  value_as_number                DOUBLE PRECISION NULL,
  value_as_concept_id            INTEGER     NULL,
  unit_concept_id                INTEGER     NULL,
  range_low                      DOUBLE PRECISION NULL,
  range_high                     DOUBLE PRECISION NULL,
  provider_id                    INTEGER     NULL,
  visit_occurrence_id            INTEGER     NULL,
  visit_detail_id                INTEGER     NULL,
  measurement_source_value       VARCHAR(50) NULL,
  measurement_source_concept_id  INTEGER     NULL,
  unit_source_value              VARCHAR(50) NULL,
  unit_source_concept_id         INTEGER     NULL,
  value_source_value             VARCHAR(50) NULL,
  measurement_event_id           BIGINT      NULL,
  meas_event_field_concept_id    INTEGER     NULL
);

CREATE TABLE @cdm_schema.observation (
  observation_id                 INTEGER     NOT NULL,
  person_id                      INTEGER     NOT NULL,
  observation_concept_id         INTEGER     NOT NULL,
  observation_date               DATE        NOT NULL,
  observation_datetime           TIMESTAMP   NULL,
  observation_type_concept_id    INTEGER     NOT NULL,
  value_as_number                DOUBLE PRECISION NULL,
  value_as_string                VARCHAR(60) NULL,
  value_as_concept_id            INTEGER     NULL,
  qualifier_concept_id           INTEGER     NULL,
  unit_concept_id                INTEGER     NULL,
  provider_id                    INTEGER     NULL,
  visit_occurrence_id            INTEGER     NULL,
  visit_detail_id                INTEGER     NULL,
  observation_source_value       VARCHAR(50) NULL,
  observation_source_concept_id  INTEGER     NULL,
  unit_source_value              VARCHAR(50) NULL,
  qualifier_source_value         VARCHAR(50) NULL,
  value_source_value             VARCHAR(50) NULL,
  observation_event_id           BIGINT      NULL,
  obs_event_field_concept_id     INTEGER     NULL
);

CREATE TABLE @cdm_schema.visit_occurrence (
  visit_occurrence_id            INTEGER     NOT NULL,
  person_id                      INTEGER     NOT NULL,
  visit_concept_id               INTEGER     NOT NULL,
  visit_start_date               DATE        NOT NULL,
  visit_start_datetime           TIMESTAMP   NULL,
  visit_end_date                 DATE        NOT NULL,
  visit_end_datetime             TIMESTAMP   NULL,
  visit_type_concept_id          INTEGER     NOT NULL,
  provider_id                    INTEGER     NULL,
  care_site_id                   INTEGER     NULL,
  visit_source_value             VARCHAR(50) NULL,
  visit_source_concept_id        INTEGER     NULL,
  admitted_from_concept_id       INTEGER     NULL,
  admitted_from_source_value     VARCHAR(50) NULL,
  discharged_to_concept_id       INTEGER     NULL,
  discharged_to_source_value     VARCHAR(50) NULL,
  preceding_visit_occurrence_id  INTEGER     NULL
);

CREATE TABLE @cdm_schema.observation_period (
  observation_period_id          INTEGER     NOT NULL,
  person_id                      INTEGER     NOT NULL,
  observation_period_start_date  DATE        NOT NULL,
  observation_period_end_date    DATE        NOT NULL,
  period_type_concept_id         INTEGER     NOT NULL
);

CREATE TABLE @cdm_schema.device_exposure (
  device_exposure_id              INTEGER      NOT NULL,
  person_id                       INTEGER      NOT NULL,
  device_concept_id               INTEGER      NOT NULL,
  device_exposure_start_date      DATE         NOT NULL,
  device_exposure_start_datetime  TIMESTAMP    NULL,
  device_exposure_end_date        DATE         NULL,
  device_exposure_end_datetime    TIMESTAMP    NULL,
  device_type_concept_id          INTEGER      NOT NULL,
  unique_device_id                VARCHAR(255) NULL,
  production_id                   VARCHAR(255) NULL,
  quantity                        INTEGER      NULL,
  provider_id                     INTEGER      NULL,
  visit_occurrence_id             INTEGER      NULL,
  visit_detail_id                 INTEGER      NULL,
  device_source_value             VARCHAR(50)  NULL,
  device_source_concept_id        INTEGER      NULL,
  unit_concept_id                 INTEGER      NULL,
  unit_source_value               VARCHAR(50)  NULL,
  unit_source_concept_id          INTEGER      NULL
);

-- Vocabulary tables (OMOP CDM v5.4), as an Athena download loads them.
CREATE TABLE @cdm_schema.concept (
  concept_id        INTEGER      NOT NULL,
  concept_name      VARCHAR(255) NOT NULL,
  domain_id         VARCHAR(20)  NOT NULL,
  vocabulary_id     VARCHAR(20)  NOT NULL,
  concept_class_id  VARCHAR(20)  NOT NULL,
  standard_concept  VARCHAR(1)   NULL,
  concept_code      VARCHAR(50)  NOT NULL,
  valid_start_date  DATE         NOT NULL,
  valid_end_date    DATE         NOT NULL,
  invalid_reason    VARCHAR(1)   NULL
);

CREATE TABLE @cdm_schema.concept_relationship (
  concept_id_1      INTEGER     NOT NULL,
  concept_id_2      INTEGER     NOT NULL,
  relationship_id   VARCHAR(20) NOT NULL,
  valid_start_date  DATE        NOT NULL,
  valid_end_date    DATE        NOT NULL,
  invalid_reason    VARCHAR(1)  NULL
);

CREATE TABLE @cdm_schema.concept_ancestor (
  ancestor_concept_id       INTEGER NOT NULL,
  descendant_concept_id     INTEGER NOT NULL,
  min_levels_of_separation  INTEGER NOT NULL,
  max_levels_of_separation  INTEGER NOT NULL
);

CREATE TABLE @cdm_schema.concept_synonym (
  concept_id            INTEGER       NOT NULL,
  concept_synonym_name  VARCHAR(1000) NOT NULL,
  language_concept_id   INTEGER       NOT NULL
);
