-- Population thresholds a user can draw against the 2025 units (wards of the 2025 arrangement and every
-- ward from 2026); one row per standard, newest first. Columns: standard_id, min_value (persons),
-- valid_from, legal_basis. No parameters.
select standard_id, min_value, valid_from, legal_basis,
from standards
where unit_kind = 'phuong_moi' and measure = 'population'
order by valid_from
