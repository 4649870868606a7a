-- Load every data/ file with explicit types. getvariable('data_dir') is set by warddash.db.build.
-- One insert per file; the builder reports a failing file by name and, for a constraint, by row.

insert into periods
select *
from read_csv(getvariable('data_dir') || '/periods.csv', header = true, auto_detect = false, columns = {
    'period_id': 'varchar', 'sort_order': 'integer', 'name_vi': 'varchar', 'name_en': 'varchar',
    'starts_on': 'date', 'ends_on': 'date', 'colour': 'varchar', 'description_en': 'varchar'
});

insert into sources
select *
from read_csv(getvariable('data_dir') || '/sources.csv', header = true, auto_detect = false, columns = {
    'source_id': 'varchar', 'title': 'varchar', 'publisher': 'varchar', 'published_on': 'date',
    'url': 'varchar', 'kind': 'varchar', 'reliability_rank': 'integer', 'language': 'varchar',
    'locator_scheme': 'varchar', 'note': 'varchar'
});

insert into metrics
select *
from read_csv(getvariable('data_dir') || '/metrics.csv', header = true, auto_detect = false, columns = {
    'metric_id': 'varchar', 'name_vi': 'varchar', 'name_en': 'varchar', 'unit': 'varchar',
    'topic': 'varchar', 'higher_is_better': 'boolean', 'series_id': 'varchar', 'scale': 'varchar',
    'accrues': 'boolean', 'definition_en': 'varchar', 'formula': 'varchar'
});

insert into series_breaks
select *
from read_csv(getvariable('data_dir') || '/series_breaks.csv', header = true, auto_detect = false, columns = {
    'series_id': 'varchar', 'break_on': 'date', 'note_vi': 'varchar', 'note_en': 'varchar', 'source_id': 'varchar'
});

insert into fact_kinds
select *
from read_csv(getvariable('data_dir') || '/fact_kinds.csv', header = true, auto_detect = false, columns = {
    'fact_kind': 'varchar', 'sort_order': 'integer', 'name_vi': 'varchar', 'name_en': 'varchar',
    'comparable': 'boolean'
});

insert into facts
with loaded as (
    select * replace (coalesce(qualifier, '') as qualifier),
    from read_csv(getvariable('data_dir') || '/facts.csv', header = true, auto_detect = false, columns = {
        'fact_id': 'varchar', 'scope_level': 'varchar', 'scope_code': 'varchar', 'scope_name': 'varchar',
        'metric_id': 'varchar', 'value': 'double', 'unit': 'varchar', 'out_of': 'integer',
        'qualifier': 'varchar', 'as_of_start': 'date', 'as_of_end': 'date', 'period_stated': 'varchar',
        'source_id': 'varchar', 'locator': 'varchar', 'excerpt': 'varchar', 'fact_kind': 'varchar',
        'verified': 'boolean', 'note': 'varchar'
    })
),
with_period as (
    -- the period is derived by the rule in 00_schema.sql (period_of), never typed into facts.csv
    select *, period_of(as_of_start, as_of_end, fact_kind, scope_level, period_stated) as p,
    from loaded
)
select
    fact_id, scope_level, scope_code, scope_name, metric_id, value, unit, out_of, qualifier, as_of_start,
    as_of_end, period_stated, source_id, locator, excerpt, fact_kind, verified, note,
    p.period_id, p.period_basis,
from with_period;

insert into scope_names
select *
from read_csv(getvariable('data_dir') || '/scope_names.csv', header = true, auto_detect = false, columns = {
    'scope_name': 'varchar', 'name_vi': 'varchar', 'name_en': 'varchar'
});

insert into part_of
select *
from read_csv(getvariable('data_dir') || '/part_of.csv', header = true, auto_detect = false, columns = {
    'part_fact_id': 'varchar', 'total_fact_id': 'varchar', 'note': 'varchar'
});

insert into corrections
select *
from read_csv(getvariable('data_dir') || '/corrections.csv', header = true, auto_detect = false, columns = {
    'fact_id': 'varchar', 'field': 'varchar', 'old_value': 'varchar', 'new_value': 'varchar',
    'corrected_on': 'date', 'reason': 'varchar'
});

insert into standards
select *
from read_csv(getvariable('data_dir') || '/standards.csv', header = true, auto_detect = false, columns = {
    'standard_id': 'varchar', 'unit_kind': 'varchar', 'measure': 'varchar', 'min_value': 'double',
    'valid_from': 'date', 'valid_to': 'date', 'waived_if_units_merged': 'integer', 'legal_basis': 'varchar',
    'source_id': 'varchar',
    'fact_id': 'varchar', 'note': 'varchar'
});

insert into events
select *
from read_csv(getvariable('data_dir') || '/events.csv', header = true, auto_detect = false, columns = {
    'event_id': 'varchar', 'event_date': 'date', 'label_vi': 'varchar', 'label_en': 'varchar',
    'source_id': 'varchar', 'locator': 'varchar'
});

insert into stg_pilot_wards_2021
select *
from read_csv(getvariable('data_dir') || '/pilot_wards_2021.csv', header = true, auto_detect = false, columns = {
    'ward_code': 'varchar', 'ward_name': 'varchar', 'district_code': 'varchar', 'district_name': 'varchar',
    'district_type': 'varchar', 'population_2019': 'integer', 'population_note': 'varchar',
    'area_km2_official': 'double', 'area_note': 'varchar'
});

insert into stg_crosswalk_2021_07_2025_01
select *
from read_csv(getvariable('data_dir') || '/crosswalk_2021_07_to_2025_01.csv', header = true, auto_detect = false, columns = {
    'old_code': 'varchar', 'old_name': 'varchar', 'old_type': 'varchar', 'old_district_code': 'varchar',
    'old_district': 'varchar', 'pilot_ward': 'boolean', 'new_code': 'varchar', 'new_name': 'varchar',
    'new_district': 'varchar', 'relation': 'varchar', 'n_pieces': 'integer', 'certainty': 'varchar',
    'source': 'varchar', 'note': 'varchar'
});

insert into stg_merge_2025_01_2025_07
select *
from read_csv(getvariable('data_dir') || '/merge_2025_01_to_2025_07.csv', header = true, auto_detect = false, columns = {
    'new_unit_code': 'varchar', 'new_unit_name': 'varchar', 'nq1656_clause': 'integer',
    'old_unit_code': 'varchar', 'old_unit_name': 'varchar', 'old_district_code': 'varchar',
    'old_district_name': 'varchar', 'old_unit_type': 'varchar', 'merge_note_vi': 'varchar',
    'merge_note_en': 'varchar', 'n_new_units_of_old': 'integer', 'partial': 'boolean',
    'listed_by_bando': 'boolean', 'listed_by_vietnamadminunits': 'boolean'
});

insert into stg_units_2025_07
select *
from read_csv(getvariable('data_dir') || '/units_2025_07.csv', header = true, auto_detect = false, columns = {
    'unit_code': 'varchar', 'unit_name': 'varchar', 'unit_type': 'varchar', 'area_km2': 'double',
    'population': 'integer', 'population_basis': 'varchar', 'source': 'varchar'
});

insert into stg_pilot_wards_to_2025_07
select *
from read_csv(getvariable('data_dir') || '/pilot_wards_to_2025_07.csv', header = true, auto_detect = false, columns = {
    'pilot_ward_code': 'varchar', 'pilot_ward_name': 'varchar', 'district_name': 'varchar',
    'unit_2025_code': 'varchar', 'unit_2025_name': 'varchar', 'whole_or_part': 'varchar',
    'path': 'varchar', 'overlap': 'varchar', 'ward_split_status': 'varchar', 'n_2025_units': 'integer',
    'jan2025_step': 'varchar', 'july2025_step': 'varchar', 'source': 'varchar'
});

insert into boundaries_2025_07
select
    ma_xa as unit_code,
    ten as unit_name,
    osm_relation_id,
    geometry::varchar as geometry_wkt,
from read_json(getvariable('data_dir') || '/units_2025_07.geojson');
