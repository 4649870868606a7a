-- Tables of the warddash database. Codes are text (leading zeros); counts are non-negative;
-- rates stay within 0-100 (changes within -100..100); every fact points at a known period,
-- metric and source.

create table periods (
    period_id varchar primary key,
    sort_order integer not null unique,
    name_vi varchar not null,
    name_en varchar not null,
    starts_on date,
    ends_on date,
    colour varchar not null check (regexp_full_match(colour, '#[0-9A-Fa-f]{6}')),
    description_en varchar,
);

create table sources (
    source_id varchar primary key,
    title varchar not null,
    publisher varchar not null,
    published_on date,
    url varchar,
    kind varchar not null check (kind in ('legal', 'official', 'statistics', 'national_press', 'other')),
    reliability_rank integer not null check (reliability_rank between 1 and 4),
    language varchar not null check (language in ('vi', 'en', 'de', 'ja', 'ar')),
    locator_scheme varchar,
    note varchar,
);

create table metrics (
    metric_id varchar primary key,
    name_vi varchar not null,
    name_en varchar not null,
    unit varchar not null,
    topic varchar not null,
    higher_is_better boolean,
    series_id varchar not null,
    -- how two figures of the series may be compared: counts, ratios and amounts by % change, rates by
    -- percentage points, ranks by places (never %), scores by points within one method segment
    scale varchar not null check (scale in ('count', 'ratio', 'amount', 'rate', 'rank', 'score')),
    -- true when a figure accumulates over its window (flows, to-date totals, shares over a window): two
    -- such figures disagree only over the very same window
    accrues boolean not null,
    definition_en varchar,
    formula varchar,
);

-- where a series' method changes: figures on the two sides of a break are never compared
create table series_breaks (
    series_id varchar not null,
    break_on date not null,
    note_vi varchar not null,
    note_en varchar not null,
    source_id varchar not null references sources (source_id),
    primary key (series_id, break_on),
);

-- the kinds of figure, as the developers' guide lists them
create table fact_kinds (
    fact_kind varchar primary key,
    sort_order integer not null unique,
    name_vi varchar not null,
    name_en varchar not null,
    comparable boolean not null,
);

-- The period rule, one place: the period that contains all of a figure's dates. A start alone is a
-- point in time ("as of"), except for a norm, which stays in force; an end alone ("by", "to date")
-- leaves the start unknown, so the figure may reach back any distance. A figure spanning two periods
-- has none; an undated one has the period its source names (stated) or none; a peer locality's (outside
-- Hanoi) has none. Returns struct(period_id, period_basis).
create macro period_of(start_on, end_on, kind, scope_level, stated) as (
    with span as (
        select
            start_on is not null or end_on is not null as has_dates,
            coalesce(start_on, date '0001-01-01') as lo,
            case
                when end_on is not null then end_on
                when kind = 'norm' then date '9999-12-31'
                else start_on
            end as hi,
    ),
    dated as (
        select
            (
                select p.period_id from periods as p
                where span.lo >= coalesce(p.starts_on, date '0001-01-01')
                    and span.hi <= coalesce(p.ends_on, date '9999-12-31')
            ) as period_id,
        from span
    )
    select
        case
            when scope_level = 'peer' then {'period_id': null::varchar, 'period_basis': 'outside'}
            when not span.has_dates and stated is not null then {'period_id': stated, 'period_basis': 'stated'}
            when not span.has_dates then {'period_id': null::varchar, 'period_basis': 'undated'}
            when dated.period_id is null then {'period_id': null::varchar, 'period_basis': 'spanning'}
            else {'period_id': dated.period_id, 'period_basis': 'dates'}
        end
    from span, dated
);

-- period_id and period_basis are derived at load (10_load.sql) from the dates by one rule:
-- dated figures take the period that contains all their dates (a norm: its whole validity range),
-- a figure spanning two periods has none; an undated figure has the period its source names, or none
create table facts (
    fact_id varchar primary key,
    scope_level varchar not null check (scope_level in ('national', 'city', 'district', 'ward', 'unit', 'peer')),
    scope_code varchar not null,
    scope_name varchar not null,
    metric_id varchar not null references metrics (metric_id),
    value double not null,
    unit varchar not null,
    out_of integer check (out_of > 0),
    qualifier varchar not null default '' check (
        qualifier in ('', 'over', 'nearly', 'about', 'at least', 'at most', 'average', 'range low', 'range high')
    ),
    as_of_start date,
    as_of_end date,
    period_stated varchar references periods (period_id),
    source_id varchar not null references sources (source_id),
    locator varchar not null,
    excerpt varchar not null check (length(excerpt) > 0),
    fact_kind varchar not null references fact_kinds (fact_kind),
    verified boolean not null,
    note varchar,
    period_id varchar references periods (period_id),
    period_basis varchar not null check (period_basis in ('dates', 'spanning', 'undated', 'stated', 'outside')),
    check (value >= 0 or metric_id like '%change_pct'),
    check (unit <> '%' or value between -100 and 100),
    check (as_of_start is null or as_of_end is null or as_of_start <= as_of_end),
    -- a dated figure's period comes from its dates; naming one as well would be a contradiction
    check (period_stated is null or (as_of_start is null and as_of_end is null)),
    check (fact_kind <> 'derived'),
);

-- each scope a figure names, as the reader's language writes it (a place name reads the same in both)
create table scope_names (
    scope_name varchar primary key,
    name_vi varchar not null,
    name_en varchar not null,
);

-- figures a source gives as parts of another of its figures, so its arithmetic can be checked
create table part_of (
    part_fact_id varchar not null references facts (fact_id),
    total_fact_id varchar not null references facts (fact_id),
    note varchar,
    primary key (part_fact_id, total_fact_id),
);

-- figures corrected after they were first published here, for people who quoted the old value
create table corrections (
    fact_id varchar not null,
    field varchar not null,
    old_value varchar,
    new_value varchar,
    corrected_on date not null,
    reason varchar not null,
);

create table standards (
    standard_id varchar primary key,
    unit_kind varchar not null check (unit_kind in ('phuong_quan', 'phuong_thi_xa', 'phuong_moi')),
    measure varchar not null check (measure in ('population', 'area_km2')),
    min_value double not null check (min_value > 0),
    valid_from date not null,
    valid_to date,
    -- the law waives the standard for a unit formed from this many old units or more
    waived_if_units_merged integer check (waived_if_units_merged > 1),
    legal_basis varchar not null,
    source_id varchar not null references sources (source_id),
    fact_id varchar references facts (fact_id),
    note varchar,
);

create table events (
    event_id varchar primary key,
    event_date date not null,
    label_vi varchar not null,
    label_en varchar not null,
    source_id varchar not null references sources (source_id),
    locator varchar,
);

create table stg_pilot_wards_2021 (
    ward_code varchar primary key check (regexp_full_match(ward_code, '[0-9]{5}')),
    ward_name varchar not null,
    district_code varchar not null check (regexp_full_match(district_code, '[0-9]{3}')),
    district_name varchar not null,
    district_type varchar not null check (district_type in ('quận', 'thị xã')),
    population_2019 integer check (population_2019 >= 0),
    population_note varchar,
    area_km2_official double check (area_km2_official > 0),
    area_note varchar,
);

create table stg_crosswalk_2021_07_2025_01 (
    old_code varchar not null,
    old_name varchar not null,
    old_type varchar not null check (old_type in ('Phường', 'Xã', 'Thị trấn')),
    old_district_code varchar not null,
    old_district varchar not null,
    pilot_ward boolean not null,
    new_code varchar not null,
    new_name varchar not null,
    new_district varchar not null,
    relation varchar not null check (relation in ('same', 'renamed', 'merged_whole', 'merged_unverified', 'split_part')),
    n_pieces integer not null check (n_pieces >= 1),
    certainty varchar not null,
    source varchar,
    note varchar,
    primary key (old_code, new_code),
);

create table stg_merge_2025_01_2025_07 (
    new_unit_code varchar not null,
    new_unit_name varchar not null,
    nq1656_clause integer,
    old_unit_code varchar not null,
    old_unit_name varchar not null,
    old_district_code varchar not null,
    old_district_name varchar not null,
    old_unit_type varchar not null check (old_unit_type in ('Phường', 'Xã', 'Thị trấn')),
    merge_note_vi varchar,
    merge_note_en varchar,
    n_new_units_of_old integer check (n_new_units_of_old >= 1),
    partial boolean not null,
    listed_by_bando boolean,
    listed_by_vietnamadminunits boolean,
    primary key (new_unit_code, old_unit_code),
);

create table stg_units_2025_07 (
    unit_code varchar primary key check (regexp_full_match(unit_code, '[0-9]{5}')),
    unit_name varchar not null,
    unit_type varchar not null check (unit_type in ('phường', 'xã')),
    area_km2 double check (area_km2 > 0),
    population integer check (population >= 0),
    population_basis varchar,
    source varchar,
);

create table stg_pilot_wards_to_2025_07 (
    pilot_ward_code varchar not null references stg_pilot_wards_2021 (ward_code),
    pilot_ward_name varchar not null,
    district_name varchar not null,
    unit_2025_code varchar not null references stg_units_2025_07 (unit_code),
    unit_2025_name varchar not null,
    whole_or_part varchar not null check (whole_or_part in ('whole', 'part')),
    path varchar,
    overlap varchar not null check (overlap in ('certain', 'possible')),
    ward_split_status varchar,
    n_2025_units integer,
    jan2025_step varchar,
    july2025_step varchar,
    source varchar,
    primary key (pilot_ward_code, unit_2025_code),
);

create table boundaries_2025_07 (
    unit_code varchar primary key references stg_units_2025_07 (unit_code),
    unit_name varchar,
    osm_relation_id bigint,
    geometry_wkt varchar not null,
);

-- figures a user imported (data/imports/), kept apart from the published facts
create table imports (
    import_id varchar primary key,
    file_name varchar not null,
    imported_at timestamp not null,
    source_title varchar not null,
    source_date date not null,
    supplied_by varchar not null,
    rows integer not null check (rows > 0),
    sha256 varchar not null unique,
);

create table imported_facts (
    import_id varchar not null references imports (import_id),
    row_number integer not null,
    snapshot_id varchar not null check (snapshot_id in ('2021-07', '2025-07')),
    unit_code varchar not null,
    period_id varchar not null references periods (period_id),
    metric_id varchar not null references metrics (metric_id),
    value double not null check (value >= 0),
    as_of_start date,
    as_of_end date,
    note varchar,
    primary key (import_id, row_number),
);
